package rebuild_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/rebuild"
)

// TestZeroValues runs each command as a zero value, from code: the
// listing lists, and the others say what their tool's main did not give.
func TestZeroValues(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	c := &rebuild.Cmd{}
	c.SetStdout(&out)
	if err := c.Main(context.Background(), nil); err != nil || out.String() != "no plugins\n" {
		t.Errorf("a zero Cmd: %v, printed %q", err, out.String())
	}
	for _, cmd := range []plugins.Command{&rebuild.Add{}, &rebuild.Remove{}, &rebuild.Upgrade{}, &rebuild.Install{}} {
		err := cmd.Main(context.Background(), []string{"example.com/plug"})
		if !errors.Is(err, rebuild.ErrNotConfigured) || !strings.Contains(err.Error(), "rebuild.Cmd.Environ") {
			t.Errorf("a zero %s: %v, want ErrNotConfigured naming Environ", cmd.Name(), err)
		}
	}
}

// TestCmdThroughTheHost runs the plugins command as a tool's user does,
// for what needs no go command.
func TestCmdThroughTheHost(t *testing.T) {
	t.Parallel()
	env := func() []string { return nil }
	tests := []struct {
		name string
		args []string
		cmd  *rebuild.Cmd
		kind error
		want string
	}{
		{
			name: "a mistyped sub-command",
			args: []string{"plugins", "ad", "example.com/plug"},
			kind: plugins.ErrUsage,
			want: `tool plugins: unknown command "ad" (did you mean "add"?)`,
		},
		{
			name: "add with no module",
			args: []string{"plugins", "add"},
			kind: plugins.ErrUsage,
		},
		{
			name: "install from a lock, with modules",
			args: []string{"plugins", "install", "--from-lock", "example.com/plug"},
			cmd:  &rebuild.Cmd{Environ: env, Executable: func() (string, error) { return "/bin/tool", nil }},
			kind: plugins.ErrUsage,
			want: "tool plugins install: --from-lock rebuilds what the lock holds: name no modules (usage: tool plugins install [flags] [MODULE...])",
		},
		{
			name: "install with nothing to install",
			args: []string{"plugins", "install"},
			cmd:  &rebuild.Cmd{Environ: env, Executable: func() (string, error) { return "/bin/tool", nil }},
			kind: plugins.ErrUsage,
		},
		{
			name: "install without the executable",
			args: []string{"plugins", "install", "example.com/plug"},
			cmd:  &rebuild.Cmd{Environ: env},
			kind: rebuild.ErrNotConfigured,
			want: "tool plugins install: the tool's main does not say where its binary is (rebuild.Cmd.Executable): use --output",
		},
		{
			name: "add without the working directory",
			args: []string{"plugins", "add", "example.com/plug"},
			cmd:  &rebuild.Cmd{Environ: env, MainPackage: "example.com/tool"},
			kind: rebuild.ErrNotConfigured,
			want: "tool plugins add: no working directory: the tool's main must set Getwd",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := tt.cmd
			if cmd == nil {
				cmd = &rebuild.Cmd{Environ: env}
			}
			var out bytes.Buffer
			h := cli.New("tool")
			h.Stdout, h.Stderr = &out, &out
			h.Plugins = append([]plugins.Plugin{cmd}, h.Plugins...)
			err := h.Main(context.Background(), tt.args)
			if !errors.Is(err, tt.kind) {
				t.Fatalf("tool %q: %v, want an error wrapping %v", tt.args, err, tt.kind)
			}
			if tt.want != "" {
				var msg bytes.Buffer
				cli.Run(context.Background(), &cli.Host{Tool: "tool", Stdout: &msg, Stderr: &msg, Plugins: h.Plugins}, tt.args)
				if got := strings.TrimSuffix(msg.String(), "\n"); got != tt.want {
					t.Errorf("tool %q printed\n%s\nwant\n%s", tt.args, got, tt.want)
				}
			}
		})
	}
}

// TestCmdListsItsSubCommands checks that "tool plugins" is the built-in
// listing, which now shows the sub-commands, and the built-in it
// overrides as shadowed.
func TestCmdListsItsSubCommands(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	h := cli.New("tool")
	h.Stdout = &out
	h.Plugins = append([]plugins.Plugin{&rebuild.Cmd{}}, h.Plugins...)
	if err := h.Main(context.Background(), []string{"plugins", "--json"}); err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Name       string   `json:"name"`
		Path       []string `json:"path"`
		ShadowedBy string   `json:"shadowed_by"`
	}
	if err := jsonUnmarshalString(out.String(), &rows); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(r.Path, " ")+"|"+r.ShadowedBy)
	}
	want := []string{"plugins|", "plugins add|", "plugins remove|", "plugins upgrade|", "plugins install|", "help|", "version|", "plugins|plugins"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tool plugins --json rows (-want +got):\n%s", diff)
	}
}
