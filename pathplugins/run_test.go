//go:build unix

package pathplugins_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/pathplugins"
	"github.com/plughost/plughost/plugins"
)

// find finds the one-word command name, or fails the test.
func find(t testing.TB, f *pathplugins.Finder, name string) *pathplugins.Executable {
	t.Helper()
	c, n := f.FindCommand([]string{name})
	if c == nil || n != 1 {
		t.Fatalf("FindCommand(%q) found nothing", name)
	}
	return executable(t, c)
}

// buffers gives e strings.Builders for its output and returns them.
func buffers(e *pathplugins.Executable) (stdout, stderr *strings.Builder) {
	stdout, stderr = &strings.Builder{}, &strings.Builder{}
	e.SetStdout(stdout)
	e.SetStderr(stderr)
	return stdout, stderr
}

func TestExitStatus(t *testing.T) {
	t.Parallel()
	f := newFinder(pathDir(t, map[string]string{
		"mycli-exit3": "fixture",
		"mycli-kill":  "fixture",
		"mycli-segv":  "#!/bin/sh\nkill -SEGV $$\n",
		"mycli-ok":    "#!/bin/sh\necho fine >&2\n",
	}))
	tests := []struct {
		name   string
		code   int
		signal os.Signal
		text   string
		stderr string
	}{
		{"exit3", 3, nil, "exit status 3", "failing\n"},
		{"kill", 137, syscall.SIGKILL, "killed by signal: killed", ""},
		{"segv", 139, syscall.SIGSEGV, "killed by signal: segmentation fault", ""},
		{"ok", 0, nil, "", "fine\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := find(t, f, tt.name)
			_, stderr := buffers(e)
			err := e.Main(t.Context(), nil)
			if stderr.String() != tt.stderr {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
			if tt.code == 0 {
				if err != nil {
					t.Errorf("Main = %v, want nil", err)
				}
				return
			}
			var ee *pathplugins.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("Main = %v (%T), want an *ExitError", err, err)
			}
			got := []any{ee.ExitCode(), ee.Signal, err.Error(), ee.Path}
			want := []any{tt.code, tt.signal, tt.text, e.Path}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("code, signal, text, path (-want +got):\n%s", diff)
			}
		})
	}
}

// readyWriter closes ready once a plugin has written "ready".
type readyWriter struct {
	mu    sync.Mutex
	buf   strings.Builder
	ready chan struct{}
}

func newReadyWriter() *readyWriter { return &readyWriter{ready: make(chan struct{})} }

func (w *readyWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	before := strings.Contains(w.buf.String(), "ready")
	w.buf.Write(p)
	if !before && strings.Contains(w.buf.String(), "ready") {
		close(w.ready)
	}
	return len(p), nil
}

// runUntilReady starts e and cancels its context once it is ready; it
// returns how long Main took to return after the cancel, and what it returned.
func runUntilReady(t *testing.T, e *pathplugins.Executable) (time.Duration, error) {
	t.Helper()
	out := newReadyWriter()
	e.SetStdout(out)
	e.SetStderr(&strings.Builder{})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- e.Main(ctx, nil) }()
	select {
	case <-out.ready:
	case err := <-done:
		t.Fatalf("the plugin ended before it was ready: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the plugin never got ready")
	}
	cancel()
	start := time.Now()
	select {
	case err := <-done:
		return time.Since(start), err
	case <-time.After(10 * time.Second):
		t.Fatal("Main did not return after the cancel")
	}
	return 0, nil
}

func TestCancelSendsSIGINTAndWaits(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-trap": "fixture"})
	e := find(t, newFinder(dir), "trap")
	_, err := runUntilReady(t, e)
	var ee *pathplugins.ExitError
	if !errors.As(err, &ee) || ee.Code != 7 || ee.Stopped {
		t.Errorf("Main = %v, want the plugin's exit status 7 from its handler", err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "mycli-trap.sigint"))
	if err != nil || string(got) != "interrupted\n" {
		t.Errorf("the plugin's SIGINT handler wrote %q, %v", got, err)
	}
}

func TestGracePeriodThenKill(t *testing.T) {
	t.Parallel()
	f := newFinder(pathDir(t, map[string]string{"mycli-ignore": "fixture"}))
	f.Grace = 200 * time.Millisecond
	took, err := runUntilReady(t, find(t, f, "ignore"))
	var ee *pathplugins.ExitError
	if !errors.As(err, &ee) || ee.Code != 137 || !ee.Stopped {
		t.Fatalf("Main = %#v, want a kill after the grace period", err)
	}
	if want := "killed: still running 200ms after an interrupt"; err.Error() != want {
		t.Errorf("text %q, want %q", err, want)
	}
	if took < f.Grace || took > f.Grace+3*time.Second {
		t.Errorf("Main returned %v after the cancel, want just over %v", took, f.Grace)
	}
}

func TestArgumentsVerbatim(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-args": "fixture"})
	e := find(t, newFinder(dir), "args")
	args := []string{"--", "-", "", "a b", "line\nbreak", "'q'", `"dq"`, "$HOME", "`id`", "-x=1", "--y", "z", "-h", "--help", "ünï", "\t"}
	stdout, _ := buffers(e)
	if err := e.Main(t.Context(), args); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := json.Unmarshal([]byte(stdout.String()), &got); err != nil {
		t.Fatalf("%v: %q", err, stdout)
	}
	if diff := cmp.Diff(args, got); diff != "" {
		t.Errorf("arguments (-want +got):\n%s", diff)
	}

	err := e.Main(t.Context(), []string{"ok", "nul\x00byte"})
	if !errors.Is(err, pathplugins.ErrBadArgument) || !strings.Contains(err.Error(), "argument 2") {
		t.Errorf("an argument with NUL: Main = %v, want ErrBadArgument naming argument 2", err)
	}
}

func TestStreamsPassed(t *testing.T) {
	t.Parallel()
	e := find(t, newFinder(pathDir(t, map[string]string{"mycli-cat": "fixture"})), "cat")
	e.SetStdin(strings.NewReader("hello\nworld\n"))
	stdout, stderr := buffers(e)
	if err := e.Main(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if got := []string{stdout.String(), stderr.String()}; !cmp.Equal(got, []string{"hello\nworld\n", "to stderr"}) {
		t.Errorf("stdout, stderr = %q", got)
	}
}

func TestEnvironment(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-env": "fixture"})
	tests := []struct {
		name string
		env  []string
		exe  func() (string, error)
		want []string
	}{
		{
			"the tool's variables added",
			[]string{"FIXTURE=kept"},
			func() (string, error) { return "/opt/mycli/bin/mycli", nil },
			[]string{"FIXTURE=kept", "MYCLI_EXECUTABLE=/opt/mycli/bin/mycli", "MYCLI_PLUGIN_DEPTH=1"},
		},
		{
			"stale ones replaced, depth counted on",
			[]string{"FIXTURE=kept", "MYCLI_EXECUTABLE=/stale", "MYCLI_PLUGIN_DEPTH=2"},
			func() (string, error) { return "/opt/mycli/bin/mycli", nil },
			[]string{"FIXTURE=kept", "MYCLI_EXECUTABLE=/opt/mycli/bin/mycli", "MYCLI_PLUGIN_DEPTH=3"},
		},
		{
			"no executable known",
			[]string{"MYCLI_EXECUTABLE=/stale"},
			func() (string, error) { return "", errors.New("unknown") },
			[]string{"MYCLI_PLUGIN_DEPTH=1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFinder(dir, tt.env...)
			f.Executable = tt.exe
			e := find(t, f, "env")
			stdout, _ := buffers(e)
			if err := e.Main(t.Context(), nil); err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSpace(stdout.String()), "\n")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("environment (-want +got):\n%s", diff)
			}
		})
	}

	// Environ nil: the plugin gets the Finder's variables only.
	f := newFinder(dir)
	f.Environ = nil
	e := find(t, f, "env")
	stdout, _ := buffers(e)
	if err := e.Main(t.Context(), nil); err != nil || stdout.String() != "MYCLI_PLUGIN_DEPTH=1\n" {
		t.Errorf("with no Environ: %q, %v", stdout, err)
	}
}

func TestDepthBounded(t *testing.T) {
	t.Parallel()
	tests := []struct {
		depth    string
		maxDepth int
		err      string
	}{
		{"4", 0, ""},
		{"5", 0, "plugin recursion limit reached: MYCLI_PLUGIN_DEPTH is 5, and at most 5 plugins on PATH may run inside one another"},
		{"2", 2, "plugin recursion limit reached: MYCLI_PLUGIN_DEPTH is 2, and at most 2 plugins on PATH may run inside one another"},
		{"many", 0, `plugin recursion limit reached: MYCLI_PLUGIN_DEPTH is "many", not a count`},
		{"-1", 0, `plugin recursion limit reached: MYCLI_PLUGIN_DEPTH is "-1", not a count`},
	}
	for _, tt := range tests {
		t.Run(tt.depth, func(t *testing.T) {
			t.Parallel()
			dir := pathDir(t, map[string]string{"mycli-deep": "fixture"})
			f := newFinder(dir, "MYCLI_PLUGIN_DEPTH="+tt.depth)
			f.MaxDepth = tt.maxDepth
			e := find(t, f, "deep")
			buffers(e)
			err := e.Main(t.Context(), nil)
			if tt.err == "" {
				if err != nil || !ran(e.Path) {
					t.Errorf("Main = %v, want it to run", err)
				}
				return
			}
			if !errors.Is(err, pathplugins.ErrTooDeep) || err.Error() != tt.err {
				t.Errorf("Main = %v, want %q", err, tt.err)
			}
			if ran(e.Path) {
				t.Error("it ran")
			}
		})
	}
}

func TestHeading(t *testing.T) {
	t.Parallel()
	f := newFinder(pathDir(t, map[string]string{"mycli-x": "fixture"}))
	if got := find(t, f, "x").CmdGroup(); got != pathplugins.DefaultHeading {
		t.Errorf("heading %q", got)
	}
	f.Heading = "Plugins"
	if got := f.ListCommands()[0].(plugins.Grouper).CmdGroup(); got != "Plugins" {
		t.Errorf("heading %q", got)
	}
}

func TestCannotStart(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-garbage": "not a program, and no #! line\n"})
	e := find(t, newFinder(dir), "garbage")
	err := e.Main(t.Context(), nil)
	if want := "cannot run " + e.Path + ": exec format error"; err == nil || err.Error() != want {
		t.Errorf("Main = %v, want %q", err, want)
	}
	if !errors.Is(err, syscall.ENOEXEC) {
		t.Errorf("Main = %v, want it to wrap ENOEXEC", err)
	}
}
