package completion_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/completion"
	"github.com/plughost/plughost/internal/fault"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// shells are the shells completion writes for, with the extension of
// their golden files.
var shells = []struct{ name, ext string }{
	{"bash", "bash"},
	{"zsh", "zsh"},
	{"fish", "fish"},
	{"powershell", "ps1"},
}

func TestScript_golden(t *testing.T) {
	t.Parallel()
	for _, sh := range shells {
		t.Run(sh.name, func(t *testing.T) {
			got, err := completion.Script(sh.name, "mycli")
			if err != nil {
				t.Fatal(err)
			}
			th.Golden(t, "mycli."+sh.ext, got)
		})
	}
}

// A tool name that is a plain word but no identifier names the functions
// after an identifier, and the tool as it is.
func TestScript_goldenDashed(t *testing.T) {
	t.Parallel()
	for _, sh := range shells {
		t.Run(sh.name, func(t *testing.T) {
			got, err := completion.Script(sh.name, "my-cli.v2")
			if err != nil {
				t.Fatal(err)
			}
			th.Golden(t, "my-cli.v2."+sh.ext, got)
		})
	}
}

func TestScript_toolNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tool string
		ok   bool
	}{
		{"mycli", true},
		{"my-cli", true},
		{"my_cli", true},
		{"kubectl.v2", true},
		{"g++", true},
		{"_tool", true},
		{"1tool", true},
		{"", false},
		{"my cli", false},
		{"-tool", false},
		{".tool", false},
		{"+tool", false},
		{"a;b", false},
		{"a$(b)", false},
		{"a`b`", false},
		{"a'b", false},
		{`a"b`, false},
		{"a/b", false},
		{"a\\b", false},
		{"a\nb", false},
		{"a*", false},
		{"a@b", false},
		{"tööl", false},
		{"a\x00b", false},
	}
	for _, tt := range tests {
		for _, sh := range shells {
			_, err := completion.Script(sh.name, tt.tool)
			if tt.ok && err != nil {
				t.Errorf("Script(%q, %q) = %v, want no error", sh.name, tt.tool, err)
			}
			if !tt.ok && !errors.Is(err, completion.ErrBadToolName) {
				t.Errorf("Script(%q, %q) = %v, want an error wrapping ErrBadToolName", sh.name, tt.tool, err)
			}
		}
	}
}

func TestScript_unknownShell(t *testing.T) {
	t.Parallel()
	for _, shell := range []string{"", "tcsh", "Bash", "pwsh", "bash "} {
		_, err := completion.Script(shell, "mycli")
		if !errors.Is(err, completion.ErrUnknownShell) || !errors.Is(err, plugins.ErrUsage) {
			t.Errorf("Script(%q) = %v, want an error wrapping ErrUnknownShell and plugins.ErrUsage", shell, err)
			continue
		}
		want := `unknown shell "` + shell + `": want bash, zsh, fish or powershell`
		if diff := cmp.Diff(want, err.Error()); diff != "" {
			t.Errorf("error (-want +got):\n%s", diff)
		}
	}
}

// Every script calls back only __complete, and names the tool.
func TestScript_callsBack(t *testing.T) {
	t.Parallel()
	for _, sh := range shells {
		got, err := completion.Script(sh.name, "mycli")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got, " __complete ") {
			t.Errorf("%s script does not call __complete", sh.name)
		}
		if strings.Contains(got, "__completeNoDesc") || strings.Contains(got, "@TOOL@") || strings.Contains(got, "@FUNC@") {
			t.Errorf("%s script holds a placeholder or calls __completeNoDesc", sh.name)
		}
		if strings.Contains(got, "eval ") || strings.Contains(got, "Invoke-Expression $") {
			t.Errorf("%s script evaluates text", sh.name)
		}
	}
}

func TestCmd_viaHost(t *testing.T) {
	t.Parallel()
	for _, sh := range shells {
		t.Run(sh.name, func(t *testing.T) {
			t.Parallel()
			var stdout bytes.Buffer
			h := cli.New("mytool")
			h.Plugins = append([]plugins.Plugin{&completion.Cmd{}, &completion.Complete{}}, h.Plugins...)
			h.Stdout = &stdout
			if err := h.Main(context.Background(), []string{"completion", sh.name}); err != nil {
				t.Fatal(err)
			}
			want, err := completion.Script(sh.name, "mytool")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, stdout.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

// badHost is a host whose Name panics.
type badHost struct{ th.Command }

func (*badHost) Name() string { panic("no name") }

func TestCmd_errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		host    plugins.Command // nil for none
		args    []string
		wantIs  []error
		wantMsg string
	}{
		{
			name:    "no shell",
			host:    &th.Command{N: "tool"},
			wantIs:  []error{plugins.ErrUsage},
			wantMsg: "missing shell: want bash, zsh, fish or powershell",
		},
		{
			name:    "two shells",
			host:    &th.Command{N: "tool"},
			args:    []string{"bash", "zsh"},
			wantIs:  []error{plugins.ErrUsage},
			wantMsg: `unexpected argument "zsh": want one shell`,
		},
		{
			name:    "an unknown shell",
			host:    &th.Command{N: "tool"},
			args:    []string{"tcsh"},
			wantIs:  []error{plugins.ErrUsage, completion.ErrUnknownShell},
			wantMsg: `unknown shell "tcsh": want bash, zsh, fish or powershell`,
		},
		{
			name:    "an unknown shell before the host is asked",
			host:    &badHost{},
			args:    []string{"tcsh"},
			wantIs:  []error{completion.ErrUnknownShell},
			wantMsg: `unknown shell "tcsh": want bash, zsh, fish or powershell`,
		},
		{
			name:    "no host",
			args:    []string{"bash"},
			wantIs:  []error{completion.ErrNoHost},
			wantMsg: "no host to complete for",
		},
		{
			name:    "a host that panics",
			host:    &badHost{},
			args:    []string{"bash"},
			wantIs:  []error{fault.ErrPanic},
			wantMsg: "naming the tool: plugin of type *completion_test.badHost: Name: panic: no name",
		},
		{
			name:    "a tool name that cannot go in a script",
			host:    &th.Command{N: "my tool;rm -rf ~"},
			args:    []string{"zsh"},
			wantIs:  []error{completion.ErrBadToolName},
			wantMsg: `tool name "my tool;rm -rf ~" cannot go in a completion script: want a plain word of letters, digits, "_", "-", "." and "+"`,
		},
		{
			name:    "a host without a name",
			host:    &th.Command{},
			args:    []string{"fish"},
			wantIs:  []error{completion.ErrBadToolName},
			wantMsg: `tool name "" cannot go in a completion script: want a plain word of letters, digits, "_", "-", "." and "+"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout bytes.Buffer
			c := &completion.Cmd{}
			c.SetStdout(&stdout)
			if tt.host != nil {
				c.WithHost(tt.host)
			}
			err := c.Main(context.Background(), tt.args)
			for _, target := range tt.wantIs {
				if !errors.Is(err, target) {
					t.Errorf("Main = %v, want an error wrapping %v", err, target)
				}
			}
			if err == nil {
				return
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if stdout.Len() > 0 {
				t.Errorf("printed %q on error", stdout.String())
			}
		})
	}
}

// Through the host, a bad shell is a usage error with the usage line.
func TestCmd_usageErrorViaHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		wantMsg string
	}{
		{
			name:    "unknown shell",
			args:    []string{"completion", "tcsh"},
			wantMsg: `mytool completion: unknown shell "tcsh": want bash, zsh, fish or powershell (usage: mytool completion [flags] SHELL)`,
		},
		{
			name:    "no shell",
			args:    []string{"completion"},
			wantMsg: `mytool completion: want 1 argument, got 0 (usage: mytool completion [flags] SHELL)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout bytes.Buffer
			h := cli.New("mytool")
			h.Plugins = append([]plugins.Plugin{&completion.Cmd{}}, h.Plugins...)
			h.Stdout = &stdout
			err := h.Main(context.Background(), tt.args)
			if !errors.Is(err, plugins.ErrUsage) {
				t.Fatalf("Main = %v, want a usage error", err)
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(cli.ExitUsage, cli.ExitCode(err)); diff != "" {
				t.Errorf("exit code (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCmd_completeArgs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		toComplete string
		want       []string
	}{
		{name: "all", want: []string{"bash", "zsh", "fish", "powershell"}},
		{name: "a prefix", toComplete: "p", want: []string{"powershell"}},
		{name: "none fits", toComplete: "t"},
		{name: "one shell only", args: []string{"bash"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := (&completion.Cmd{}).CompleteArgs(context.Background(), tt.args, tt.toComplete)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CompleteArgs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCmd_longDescription(t *testing.T) {
	t.Parallel()
	c := &completion.Cmd{}
	if got := c.LongDescription(); !strings.Contains(got, "source <(TOOL completion bash)") {
		t.Errorf("without a host, LongDescription does not name the tool TOOL:\n%s", got)
	}
	c.WithHost(&th.Command{N: "mycli"})
	got := c.LongDescription()
	for _, want := range []string{
		"source <(mycli completion bash)",
		"source <(mycli completion zsh)",
		"mycli completion fish | source",
		"mycli completion powershell | Out-String | Invoke-Expression",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("LongDescription lacks %q:\n%s", want, got)
		}
	}
}
