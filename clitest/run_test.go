package clitest_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/config"
	"github.com/plughost/plughost/plugins"
)

// echo prints its arguments and what its standard input holds.
func echo() plugins.Plugin {
	c := clitest.Command("echo", nil)
	c.MainFunc = func(ctx context.Context, args []string) error {
		in, err := io.ReadAll(c.Stdin())
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.Stdout(), "%s%s\n", strings.Join(args, " "), in)
		return err
	}
	return c
}

// fail returns a constructor of a command whose Main returns err.
func fail(err error) func() plugins.Plugin {
	return func() plugins.Plugin {
		return clitest.Command("fail", func(context.Context, []string) error { return err })
	}
}

// env prints the variables it is asked for, as the host reads them.
func env() plugins.Plugin {
	c := clitest.Command("env", nil)
	c.MainFunc = func(ctx context.Context, args []string) error {
		h := c.Host.(*cli.Host)
		for _, k := range args {
			v, ok := h.Env(k)
			fmt.Fprintf(c.Stdout(), "%s=%q %v\n", k, v, ok)
		}
		return nil
	}
	return c
}

// tool returns a constructor of a host named tool holding a new plugin
// from each constructor given, since a plugin value serves one run.
func tool(newPlugins ...func() plugins.Plugin) func() *cli.Host {
	return func() *cli.Host {
		h := &cli.Host{Tool: "tool"}
		for _, p := range newPlugins {
			h.Plugins = append(h.Plugins, p())
		}
		return h
	}
}

func TestRun(t *testing.T) {
	t.Parallel()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		newHost func() *cli.Host
		args    []string
		opts    []clitest.Option
		want    clitest.Output
		wantErr error
	}{
		{"output", tool(echo), []string{"echo", "a", "b"}, nil, clitest.Output{Stdout: "a b\n"}, nil},
		{"stdin", tool(echo), []string{"echo"}, []clitest.Option{clitest.Stdin("from stdin")}, clitest.Output{Stdout: "from stdin\n"}, nil},
		{"stdin from a reader", tool(echo), []string{"echo"}, []clitest.Option{clitest.StdinFrom(strings.NewReader("read"))}, clitest.Output{Stdout: "read\n"}, nil},
		{"stdin is empty by default", tool(echo), []string{"echo", "x"}, nil, clitest.Output{Stdout: "x\n"}, nil},
		{"environment", tool(env), []string{"env", "A", "B"}, []clitest.Option{clitest.Env(map[string]string{"A": "1"})},
			clitest.Output{Stdout: "A=\"1\" true\nB=\"\" false\n"}, nil},
		{"no environment by default", func() *cli.Host {
			h := tool(env)()
			h.LookupEnv = func(string) (string, bool) { return "leaked", true }
			return h
		}, []string{"env", "HOME"}, nil, clitest.Output{Stdout: "HOME=\"\" false\n"}, nil},
		{"usage error", tool(echo), []string{"ehco"}, nil,
			clitest.Output{Code: 2, Stderr: "tool: unknown command \"ehco\" (did you mean \"echo\"?)\n"}, cli.ErrUnknownCommand},
		{"command fails", tool(fail(io.ErrUnexpectedEOF)), []string{"fail"}, nil,
			clitest.Output{Code: 1, Stderr: "tool fail: unexpected EOF\n"}, io.ErrUnexpectedEOF},
		{"error escaped onto one line", tool(fail(errors.New("two\nlines\x1b[31m"))), []string{"fail"}, nil,
			clitest.Output{Code: 1, Stderr: "tool fail: two\\nlines\\x1b[31m\n"}, nil},
		{"cancelled", tool(echo), []string{"echo"}, []clitest.Option{clitest.Context(cancelled)},
			clitest.Output{Code: 130, Stderr: "tool: not run: context canceled\n"}, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := clitest.Run(t, tt.newHost, tt.args, tt.opts...)
			if diff := cmp.Diff(tt.want, got.Output); diff != "" {
				t.Errorf("tool %q (-want +got):\n%s", tt.args, diff)
			}
			if tt.wantErr != nil && !errors.Is(got.Err, tt.wantErr) {
				t.Errorf("tool %q: Err = %v, want one wrapping %v", tt.args, got.Err, tt.wantErr)
			}
			if (got.Err == nil) != (got.Code == 0) {
				t.Errorf("tool %q: Err = %v with Code %d", tt.args, got.Err, got.Code)
			}
		})
	}
}

// TestRunBuildsAHostPerCall: a plugin value serves one run.
func TestRunBuildsAHostPerCall(t *testing.T) {
	t.Parallel()
	var built atomic.Int32
	newHost := func() *cli.Host {
		built.Add(1)
		var n int
		counter := clitest.Command("count", nil)
		counter.FlagsFunc = func(fs *flag.FlagSet) { fs.IntVar(&n, "n", n, "") }
		counter.MainFunc = func(context.Context, []string) error {
			n++
			_, err := fmt.Fprintln(counter.Stdout(), n)
			return err
		}
		return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{counter}}
	}
	for range 3 {
		if got := clitest.Run(t, newHost, []string{"count"}); got.Stdout != "1\n" {
			t.Errorf("a second run saw the first's state: %+v", got)
		}
	}
	if n := built.Load(); n != 3 {
		t.Errorf("newHost called %d times for 3 runs", n)
	}
}

func TestRunFailsOnANilHost(t *testing.T) {
	t.Parallel()
	r := newRecorder(t)
	r.run(func(t testing.TB) { clitest.Run(t, func() *cli.Host { return nil }, nil) })
	if !r.fatal {
		t.Errorf("Run with a nil host did not fail the test: %q", r.failures())
	}
}

// sourcesHost reads TOOL_* variables and the config file tool.conf.
func sourcesHost() *cli.Host {
	var a, b, c, d, debug string
	cmd := clitest.Command("cmd", nil)
	cmd.FlagsFunc = func(fs *flag.FlagSet) {
		for _, f := range []struct {
			p    *string
			name string
		}{{&a, "a"}, {&b, "b"}, {&c, "c"}, {&d, "d"}} {
			fs.StringVar(f.p, f.name, *f.p, "")
		}
	}
	return &cli.Host{
		Tool:        "tool",
		EnvPrefix:   "TOOL",
		ConfigFiles: []string{"tool.conf"},
		Plugins: []plugins.Plugin{
			cmd,
			clitest.GlobalFlags("debug", func(fs *flag.FlagSet) { fs.StringVar(&debug, "debug", debug, "") }),
			config.Plain{},
		},
	}
}

func TestRunReportsSources(t *testing.T) {
	t.Parallel()
	got := clitest.Run(t, sourcesHost, []string{"cmd", "--a=1"},
		clitest.Env(map[string]string{"TOOL_B": "2"}),
		clitest.Files(map[string]string{"tool.conf": "[cmd]\nc = 3\n"}),
		clitest.Sources("a", "b", "c", "d", "debug", "nope"))
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	want := map[string]string{
		"a":     "command line",
		"b":     "env TOOL_B",
		"c":     "file tool.conf:2",
		"d":     "default",
		"debug": "default",
		"nope":  "",
	}
	if diff := cmp.Diff(want, got.Sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
}

func TestRunReadsOnlyTheFilesGiven(t *testing.T) {
	t.Parallel()
	// Without Files, tool.conf does not exist, so the host skips it; a
	// file --config names must exist.
	newHost := func() *cli.Host {
		h := sourcesHost()
		h.Plugins = append(h.Plugins, &config.Flag{})
		return h
	}
	got := clitest.Run(t, newHost, []string{"cmd"}, clitest.Sources("c"))
	if diff := cmp.Diff(map[string]string{"c": "default"}, got.Sources); diff != "" {
		t.Errorf("sources without Files (-want +got):\n%s", diff)
	}
	got = clitest.Run(t, newHost, []string{"--config=extra.conf", "cmd"})
	if got.Code != 2 || !errors.Is(got.Err, os.ErrNotExist) {
		t.Errorf("a --config file not in Files: %+v, want exit 2 and an error wrapping fs.ErrNotExist", got)
	}
}

func TestRunSourcesAreNilWhenNoHookRan(t *testing.T) {
	t.Parallel()
	got := clitest.Run(t, sourcesHost, []string{"cmd", "--nope"}, clitest.Sources("a"))
	if got.Sources != nil || got.Code != 2 {
		t.Errorf("a refused command line: %+v, want exit 2 and no sources", got)
	}
}

// exitError has an exit code of its own.
type exitError struct{}

func (exitError) Error() string { return "exit three" }
func (exitError) ExitCode() int { return 3 }

// panicError is an error whose Error method panics.
type panicError struct{}

func (panicError) Error() string { panic("no message") }

// loopError wraps itself.
type loopError struct{}

func (e *loopError) Error() string { return "loop" }
func (e *loopError) Unwrap() error { return e }

// TestRunShowsWhatCliRunShows: Run prints and maps an error as cli.Run
// does, for every kind of error a run ends with.
func TestRunShowsWhatCliRunShows(t *testing.T) {
	t.Parallel()
	panics := func() plugins.Plugin {
		return clitest.Command("panics", func(context.Context, []string) error { panic("boom") })
	}
	badName := func() plugins.Plugin { return clitest.Command("two words", nil) }
	tests := []struct {
		name      string
		plugs     []func() plugins.Plugin
		args      []string
		traceback bool
	}{
		{"success", []func() plugins.Plugin{echo}, []string{"echo", "hi"}, false},
		{"help", []func() plugins.Plugin{echo}, []string{"--help"}, false},
		{"unknown flag", []func() plugins.Plugin{echo}, []string{"echo", "--nope"}, false},
		{"exit code", []func() plugins.Plugin{fail(exitError{})}, []string{"fail"}, false},
		{"hostile text", []func() plugins.Plugin{fail(errors.New("a\nb\xff\u202e"))}, []string{"fail"}, false},
		{"Error panics", []func() plugins.Plugin{fail(panicError{})}, []string{"fail"}, false},
		{"Unwrap loops", []func() plugins.Plugin{fail(&loopError{})}, []string{"fail"}, true},
		{"panic", []func() plugins.Plugin{panics}, []string{"panics"}, false},
		{"panic with traceback", []func() plugins.Plugin{panics}, []string{"panics"}, true},
		{"bad plugin", []func() plugins.Plugin{badName}, []string{"two"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			newHost := func() *cli.Host {
				h := tool(tt.plugs...)()
				h.Traceback = tt.traceback
				return h
			}
			var stdout, stderr bytes.Buffer
			h := newHost()
			h.Stdin, h.Stdout, h.Stderr = strings.NewReader(""), &stdout, &stderr
			code := cli.Run(context.Background(), h, tt.args)
			want := clitest.Output{Code: code, Stdout: stdout.String(), Stderr: stderr.String()}
			got := clitest.Run(t, newHost, tt.args).Output
			if stack := strings.Contains(got.Stderr, "\ngoroutine "); stack != (tt.name == "panic with traceback") {
				t.Errorf("tool %q printed a stack: %v, stderr:\n%s", tt.args, stack, got.Stderr)
			}
			if diff := cmp.Diff(stackless(want), stackless(got)); diff != "" {
				t.Errorf("tool %q: clitest.Run (+) and cli.Run (-) differ:\n%s", tt.args, diff)
			}
		})
	}
}

// stackless leaves the first line of each goroutine's stack in o.Stderr
// and drops the rest, which differs from run to run.
func stackless(o clitest.Output) clitest.Output {
	lines := strings.Split(o.Stderr, "\n")
	var kept []string
	stack := false
	for _, l := range lines {
		if strings.HasPrefix(l, "goroutine ") {
			stack = true
			kept = append(kept, "goroutine ...")
			continue
		}
		if !stack {
			kept = append(kept, l)
		}
	}
	o.Stderr = strings.Join(kept, "\n")
	return o
}
