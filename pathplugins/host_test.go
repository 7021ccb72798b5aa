//go:build unix

package pathplugins_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/pathplugins"
	"github.com/plughost/plughost/plugins"
)

// counting is a Finder that counts how often the host asks it.
type counting struct {
	*pathplugins.Finder
	found, listed atomic.Int32
}

func (c *counting) FindCommand(words []string) (plugins.Command, int) {
	c.found.Add(1)
	return c.Finder.FindCommand(words)
}

func (c *counting) ListCommands() []plugins.Plugin {
	c.listed.Add(1)
	return c.Finder.ListCommands()
}

// tool is a host named mycli with a compiled-in command "local", and a
// Finder on a PATH of fixtures, among them a mycli-local that must never
// run.
type tool struct {
	dir            string
	host           *cli.Host
	finder         *counting
	local          bool
	stdout, stderr strings.Builder
}

func newTool(t *testing.T) *tool {
	t.Helper()
	tl := &tool{dir: pathDir(t, map[string]string{
		"mycli-local":     "fixture",
		"mycli-args":      "fixture",
		"mycli-exit3":     "fixture",
		"mycli-described": "described",
		"mycli-grp-sub":   "fixture",
		"mycli-script":    "#!/bin/sh\n# mycli-plugin-description: a script\necho \"script: $*\"\n",
	})}
	f := newFinder(tl.dir)
	f.Tool = "" // the host's name
	tl.finder = &counting{Finder: f}
	tl.host = &cli.Host{Tool: "mycli", Stdout: &tl.stdout, Stderr: &tl.stderr, Plugins: []plugins.Plugin{
		th.CommandFunc("local", func(context.Context, []string) error { tl.local = true; return nil }),
		tl.finder,
	}}
	return tl
}

func TestHostRunsCompiledInWithoutLooking(t *testing.T) {
	t.Parallel()
	tl := newTool(t)
	if err := tl.host.Main(t.Context(), []string{"local", "x"}); err != nil {
		t.Fatal(err)
	}
	if !tl.local || tl.finder.found.Load() != 0 || tl.finder.listed.Load() != 0 {
		t.Errorf("ran local %v; finder asked %d times, listed %d; want true, 0, 0", tl.local, tl.finder.found.Load(), tl.finder.listed.Load())
	}
	if got := ranAny(t, tl.dir); len(got) > 0 {
		t.Errorf("ran %q", got)
	}
}

func TestHostRunsPathCommands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		stdout string
	}{
		{"arguments as typed, --help included", []string{"args", "a b", "--help", "-x"}, "[\"a b\",\"--help\",\"-x\"]\n"},
		{"a script", []string{"script", "hi"}, "script: hi\n"},
		{"a command under a group", []string{"grp", "sub", "x"}, "ran mycli-grp-sub x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tl := newTool(t)
			if err := tl.host.Main(t.Context(), tt.args); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.stdout, tl.stdout.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHostExitCode(t *testing.T) {
	t.Parallel()
	tl := newTool(t)
	code := cli.Run(t.Context(), tl.host, []string{"exit3"})
	if got := []any{code, tl.stderr.String()}; !cmp.Equal(got, []any{3, "failing\nmycli exit3: exit status 3\n"}) {
		t.Errorf("exit code, stderr = %q, want 3 and the plugin's line then one of the host's", got)
	}
	err := newTool(t).host.Main(t.Context(), []string{"exit3"})
	var ee *pathplugins.ExitError
	if !errors.As(err, &ee) || cli.ExitCode(err) != 3 {
		t.Errorf("Main = %v, want an ExitError that cli.ExitCode reads as 3", err)
	}
}

func TestHostHelpListsPathCommands(t *testing.T) {
	t.Parallel()
	tl := newTool(t)
	if err := tl.host.Main(t.Context(), []string{"--help"}); err != nil {
		t.Fatal(err)
	}
	th.Golden(t, "help.golden", strings.ReplaceAll(tl.stdout.String(), tl.dir, "$DIR"))

	tl = newTool(t)
	if err := tl.host.Main(t.Context(), []string{"grp"}); err != nil {
		t.Fatal(err)
	}
	th.Golden(t, "group_help.golden", strings.ReplaceAll(tl.stdout.String(), tl.dir, "$DIR"))
	if got := ranAny(t, tl.dir); len(got) > 0 {
		t.Errorf("help ran %q", got)
	}
}

func TestHostCompletes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		words []string
		want  []string
	}{
		{[]string{"s"}, []string{"script\ta script ($DIR/mycli-script)"}},
		{[]string{"described", "a", "b"}, []string{"one\tthe first", "arg:a", "arg:b"}},
		{[]string{"grp", ""}, []string{"sub\t$DIR/mycli-grp-sub"}},
	}
	for _, tt := range tests {
		tl := newTool(t)
		got, _, err := tl.host.Complete(t.Context(), tt.words)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			got[i] = strings.ReplaceAll(got[i], tl.dir, "$DIR")
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Complete(%q) (-want +got):\n%s", tt.words, diff)
		}
	}
}

// TestHostCancelReachesPlugin: cancelling the context of a host's run, as
// cli.Run does on the first SIGINT, reaches the plugin as SIGINT, and the
// host waits for it.
func TestHostCancelReachesPlugin(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-trap": "fixture"})
	out := newReadyWriter()
	h := &cli.Host{Tool: "mycli", Stdout: out, Stderr: &strings.Builder{}, Plugins: []plugins.Plugin{newFinder(dir)}}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- h.Main(ctx, []string{"trap"}) }()
	select {
	case <-out.ready:
	case err := <-done:
		t.Fatalf("the plugin ended before it was ready: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the plugin never got ready")
	}
	cancel()
	err := <-done
	if cli.ExitCode(err) != 7 {
		t.Errorf("Main = %v (exit %d), want the plugin's own exit status 7", err, cli.ExitCode(err))
	}
	if !fileExists(dir + "/mycli-trap.sigint") {
		t.Error("the plugin's SIGINT handler did not run")
	}
}
