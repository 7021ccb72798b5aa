package cli_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// loop is an error whose Unwrap chain is a cycle: a wraps b wraps a.
type loop struct {
	msg  string
	next *loop
}

func (l *loop) Error() string { return l.msg }
func (l *loop) Unwrap() error { return l.next }

// tree is an error whose Unwrap returns itself twice: a walk that does not
// bound itself doubles at every level.
type tree struct{}

func (t *tree) Error() string   { return "tree" }
func (t *tree) Unwrap() []error { return []error{t, t} }

func TestCyclicErrorChainsDoNotHang(t *testing.T) {
	t.Parallel()
	a := &loop{msg: "a"}
	a.next = &loop{msg: "b", next: a}
	for name, bad := range map[string]error{"cycle": a, "self": &loop{msg: "self"}, "tree": &tree{}} {
		if l, ok := bad.(*loop); ok && l.next == nil {
			l.next = l
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var stderr bytes.Buffer
			h := &cli.Host{Tool: "tool", Stderr: &stderr, Plugins: []plugins.Plugin{
				th.CommandFunc("x", func(context.Context, []string) error { return bad }),
			}}
			done := make(chan struct{})
			var err error
			var code, runCode int
			go func() {
				defer close(done)
				err = h.Main(context.Background(), []string{"x"})
				code = cli.ExitCode(err)
				runCode = cli.Run(context.Background(), h, []string{"x"})
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("Main, ExitCode or Run hangs on an error whose chain loops")
			}
			if err == nil || code != cli.ExitFailure || runCode != cli.ExitFailure {
				t.Errorf("Main = %v, ExitCode %d, Run %d; want the error and %d", err, code, runCode, cli.ExitFailure)
			}
			if strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("Run printed %q, want one line", stderr.String())
			}
		})
	}
}

// exiter is a panic value, or an error, whose methods call runtime.Goexit.
type exiter struct{}

func (exiter) Error() string { runtime.Goexit(); return "" }
func (exiter) ExitCode() int { runtime.Goexit(); return 3 }

type codeOnlyExiter struct{}

func (codeOnlyExiter) Error() string { return "fine text" }
func (codeOnlyExiter) ExitCode() int { runtime.Goexit(); return 3 }

func TestGoexitInErrorMethods(t *testing.T) {
	t.Parallel()
	t.Run("a panic value's Error", func(t *testing.T) {
		t.Parallel()
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
			th.CommandFunc("x", func(context.Context, []string) error { panic(exiter{}) }),
		}}
		err := h.Main(context.Background(), []string{"x"})
		var pe *cli.PluginError
		if !errors.As(err, &pe) || pe.Plugin != "x" || pe.Method != "Main" {
			t.Errorf("Main = %v, want a *PluginError naming x's Main", err)
		}
	})
	t.Run("ExitCode inside Run", func(t *testing.T) {
		t.Parallel()
		var stderr bytes.Buffer
		h := &cli.Host{Tool: "tool", Stderr: &stderr, Plugins: []plugins.Plugin{
			th.CommandFunc("x", func(context.Context, []string) error { return codeOnlyExiter{} }),
		}}
		done := make(chan int)
		go func() { done <- cli.Run(context.Background(), h, []string{"x"}) }()
		select {
		case code := <-done:
			if code != cli.ExitFailure || stderr.String() != "tool x: fine text\n" {
				t.Errorf("Run = %d, stderr %q; want %d and the error once", code, stderr.String(), cli.ExitFailure)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("Run never returned")
		}
	})
	t.Run("Error inside Run", func(t *testing.T) {
		t.Parallel()
		var stderr bytes.Buffer
		h := &cli.Host{Tool: "tool", Stderr: &stderr, Plugins: []plugins.Plugin{
			th.CommandFunc("x", func(context.Context, []string) error { return exiter{} }),
		}}
		done := make(chan int)
		go func() { done <- cli.Run(context.Background(), h, []string{"x"}) }()
		select {
		case code := <-done:
			if code != cli.ExitFailure || strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("Run = %d, stderr %q; want %d and one line", code, stderr.String(), cli.ExitFailure)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("Run never returned")
		}
	})
}

// TestRunPrintsOneLineOfValidUTF8 whatever the command's error holds.
func TestRunPrintsOneLineOfValidUTF8(t *testing.T) {
	t.Parallel()
	for _, msg := range []string{"unknown colour \xff", "a\u2028b", "line\nbreak\r", "\x1b]0;pwned\a\x1b[2J", "\u202eevil"} {
		var stderr bytes.Buffer
		h := &cli.Host{Tool: "tool", Stderr: &stderr, Plugins: []plugins.Plugin{
			th.CommandFunc("x", func(context.Context, []string) error { return errors.New(msg) }),
		}}
		cli.Run(context.Background(), h, []string{"x"})
		got := stderr.String()
		body := strings.TrimSuffix(got, "\n")
		if !utf8.ValidString(got) || strings.ContainsAny(body, "\n\r\x1b\a\u2028\u202e") || !strings.HasSuffix(got, "\n") {
			t.Errorf("error %q printed as %q: want one line of valid UTF-8, escaped", msg, got)
		}
	}
}

// TestHelpWriteErrorNamesTheToolOnce, however help is reached.
func TestHelpWriteErrorNamesTheToolOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		host func() *cli.Host
		args []string
		want string
	}{
		{"help command", func() *cli.Host { return cli.New("tool") }, []string{"help"}, "tool help: writing help: write: stream closed"},
		{"-h through the help command", func() *cli.Host { return cli.New("tool") }, []string{"-h"}, "tool help: writing help: write: stream closed"},
		{"host's own help", func() *cli.Host {
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{th.CommandFunc("x", nil)}}
		}, []string{"x", "--help"}, "tool: writing help: write: stream closed"},
	}
	for _, tt := range tests {
		h := tt.host()
		h.Stdout = failWriter{}
		err := h.Main(context.Background(), tt.args)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Main = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// hostile is a command whose every text holds a newline and escape
// sequences that would retitle and clear a terminal.
type hostile struct{ th.Full }

const evil = "x\n  forged   row\x1b]0;pwned\a\x1b[2J\xff"

func hostileHost(out io.Writer) *cli.Host {
	c := &hostile{}
	c.N, c.Desc, c.Alias = "deploy", "ships "+evil, []string{"d\u202ex"}
	var v string
	c.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
		fs.StringVar(&v, "env", "prod\x1b[2J", "where "+evil)
		return fs
	}
	return &cli.Host{Tool: "tool", Stdout: out, Plugins: []plugins.Plugin{c, th.CommandFunc("other", nil)}}
}

func TestHostileTextIsEscapedInHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"deploy", "--help"}} {
		var out bytes.Buffer
		if err := hostileHost(&out).Main(context.Background(), args); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		th.Golden(t, "hostile_"+strings.Trim(strings.Join(args, "_"), "-")+".golden", out.String())
		for _, r := range strings.TrimSuffix(out.String(), "\n") {
			if r != '\n' && (r < 0x20 || r == 0x7f) || r == utf8.RuneError {
				t.Errorf("%q: help holds %U:\n%s", args, r, out.String())
			}
		}
	}
}

// TestUntypableNamesAreReported: a command or alias a command line could
// never reach is a broken plugin, as a name with white space is.
func TestUntypableNamesAreReported(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"-x", "--help", "--", "-5", "-"} {
		for _, asAlias := range []bool{false, true} {
			c := &th.Full{}
			c.N = name
			if asAlias {
				c.N, c.Alias = "ok", []string{name}
			}
			h := &cli.Host{Tool: "tool", Stdout: io.Discard, Plugins: []plugins.Plugin{c}}
			err := h.Main(context.Background(), []string{"--help"})
			if !errors.Is(err, cli.ErrBadPlugin) {
				t.Errorf("a command %q (alias %v): help = %v, want ErrBadPlugin", name, asAlias, err)
			}
		}
	}
}

// TestHelpSaysWhatTypingANameRuns: an earlier command's alias takes the
// name of a later command, which help lists as shadowed.
func TestHelpSaysWhatTypingANameRuns(t *testing.T) {
	t.Parallel()
	var got []ran
	make_ := recorder("make", &got)
	make_.Desc, make_.Alias = "make things", []string{"build", "mk"}
	build := recorder("build", &got)
	build.Desc, build.Alias = "compile the project", []string{"mk", "b"}
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{make_, build}}
	if err := h.Main(context.Background(), []string{"--help"}); err != nil {
		t.Fatal(err)
	}
	th.Golden(t, "shadowed.golden", out.String())
	if err := h.Main(context.Background(), []string{"build"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]ran{{"make", []string{}}}, got); diff != "" {
		t.Errorf("typing build ran (-want +got):\n%s", diff)
	}
}

// TestHelpFormsAgree: -h before a command parses what follows as -h after
// it does, and as help CMD does.
func TestHelpFormsAgree(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-h", "deploy", "--nope"},
		{"deploy", "-h", "--nope"},
		{"deploy", "--nope", "-h"},
		{"--help", "deploy", "--count=many"},
		{"help", "deploy", "--nope"},
	} {
		var d deployFlags
		h := cli.New("tool")
		h.Stdout = io.Discard
		h.Plugins = append([]plugins.Plugin{deployCmd(&d)}, h.Plugins...)
		err := h.Main(context.Background(), args)
		if cli.ExitCode(err) != cli.ExitUsage {
			t.Errorf("%q = %v, want a usage error", args, err)
		}
	}
}

// TestGoTestFlagsInAClusterAreRefused: pflag drops "-test.v", also when
// it ends a cluster of boolean shorthands.
func TestGoTestFlagsInAClusterAreRefused(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"-test.v", "-vtest.v", "-vvtest.run=x"} {
		var d deployFlags
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deployCmd(&d)}}
		err := h.Main(context.Background(), []string{"deploy", arg})
		if !errors.Is(err, cli.ErrUnknownFlag) || d.Args != nil {
			t.Errorf("deploy %s = %v (ran with %q), want ErrUnknownFlag", arg, err, d.Args)
		}
	}
}

// selfParent is a command whose only sub-command is itself.
type selfParent struct{ th.Full }

func (s *selfParent) SubCommands() []plugins.Plugin { return []plugins.Plugin{s} }

// allocsFor returns the bytes allocated by running "self" with n more
// "self" arguments.
func allocsFor(t *testing.T, n int) uint64 {
	t.Helper()
	s := &selfParent{}
	s.N = "self"
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{s}}
	args := make([]string, n+1)
	for i := range args {
		args[i] = "self"
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := h.Main(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDeepPathsAreLinear: a command that holds itself, named 10,000 and
// 40,000 times: memory grows with the arguments, not their square.
func TestDeepPathsAreLinear(t *testing.T) {
	small, large := allocsFor(t, 10_000), allocsFor(t, 40_000)
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Errorf("40,000 levels allocate %.1f times what 10,000 do (%d against %d bytes): not linear", ratio, large, small)
	}
	t.Logf("%d bytes a level", large/40_000)
}

// TestManyHostsWithBuiltinsAtOnce: the documented concurrent use, one host
// per goroutine, built-ins and help included, is race free.
func TestManyHostsWithBuiltinsAtOnce(t *testing.T) {
	t.Parallel()
	errs := make(chan error, 50)
	for i := range 50 {
		go func() {
			var out bytes.Buffer
			var d deployFlags
			h := cli.New("tool")
			h.Stdout = &out
			h.Plugins = append([]plugins.Plugin{deployCmd(&d)}, h.Plugins...)
			args := [][]string{{"-h"}, {"deploy", "-h"}, {"plugins"}, {"version"}, {"deploy", "--count=3"}}[i%5]
			err := h.Main(context.Background(), args)
			if err == nil && out.Len() == 0 && args[0] != "deploy" {
				err = fmt.Errorf("%q printed nothing", args)
			}
			errs <- err
		}()
	}
	for range 50 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
