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

	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// rogue is a command that misbehaves in whichever method is named by
// method, in the way do says.
type rogue struct {
	method string
	do     func()
}

func (r *rogue) act(m string) {
	if r.method == m {
		r.do()
	}
}
func (r *rogue) Name() string                         { r.act("Name"); return "rogue" }
func (r *rogue) CmdName() string                      { r.act("CmdName"); return "rogue" }
func (r *rogue) CmdAliases() []string                 { r.act("CmdAliases"); return nil }
func (r *rogue) Description() string                  { r.act("Description"); return "d" }
func (r *rogue) SubCommands() []plugins.Plugin        { r.act("SubCommands"); return nil }
func (r *rogue) ScopedPlugins() []plugins.Plugin      { r.act("ScopedPlugins"); return nil }
func (r *rogue) WithPlugins(plugins.PluginFeeder)     { r.act("WithPlugins") }
func (r *rogue) WithHost(plugins.Command)             { r.act("WithHost") }
func (r *rogue) SetStdin(io.Reader)                   { r.act("SetStdin") }
func (r *rogue) SetStdout(io.Writer)                  { r.act("SetStdout") }
func (r *rogue) SetStderr(io.Writer)                  { r.act("SetStderr") }
func (r *rogue) Main(context.Context, []string) error { r.act("Main"); return nil }
func (r *rogue) Flags() *flag.FlagSet {
	r.act("Flags")
	fs := flag.NewFlagSet("rogue", flag.ContinueOnError)
	v := &rogueValue{r: r}
	fs.Var(v, "x", "a value that misbehaves")
	fs.Var(v, "value", "a value that misbehaves")
	v.declared = true // flag calls String as it declares a flag
	return fs
}

type rogueValue struct {
	r        *rogue
	declared bool
}

func (v *rogueValue) String() string {
	if v.declared {
		v.r.act("Value.String")
	}
	return ""
}
func (v *rogueValue) Set(string) error { v.r.act("Value.Set"); return nil }

func TestNoPanicEscapes(t *testing.T) {
	t.Parallel()
	methods := []string{"Name", "CmdName", "CmdAliases", "Description", "SubCommands", "ScopedPlugins",
		"WithPlugins", "WithHost", "SetStdin", "SetStdout", "SetStderr", "Main", "Flags", "Value.Set"}
	kinds := map[string]func(){
		"panic":         func() { panic("boom") },
		"panic(error)":  func() { panic(errors.New("boom")) },
		"panic(nil)":    func() { panic(nil) },
		"runtime error": func() { var m map[string]int; m["x"]++ },
		"Goexit":        runtime.Goexit,
	}
	for _, m := range methods {
		for kind, do := range kinds {
			t.Run(m+"/"+kind, func(t *testing.T) {
				t.Parallel()
				h := cli.New("tool")
				h.Stdout, h.Stderr = &bytes.Buffer{}, &bytes.Buffer{}
				h.Plugins = append([]plugins.Plugin{&rogue{method: m, do: do}}, h.Plugins...)
				// Run the command, with a flag, and ask for the listing
				// and its help: every method is called by one of these.
				var err error
				for _, args := range [][]string{{"rogue", "--value=1"}, {"--help"}, {"rogue", "--help"}} {
					if err = h.Main(context.Background(), args); err != nil {
						break
					}
				}
				var pe *cli.PluginError
				if !errors.As(err, &pe) {
					t.Fatalf("got %v, want a *cli.PluginError", err)
				}
				if pe.Type != "*cli_test.rogue" || pe.Method != strings.TrimPrefix(m, "Value.") {
					t.Errorf("got %q: type %s, method %s; want type *cli_test.rogue, method %s", err, pe.Type, pe.Method, m)
				}
				want := cli.ErrPanic
				if kind == "Goexit" {
					want = cli.ErrGoexit
				}
				if !errors.Is(err, want) {
					t.Errorf("got %q, want it to wrap %v", err, want)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error %q is more than one line", err)
				}
			})
		}
	}
}

func TestHelpSurvivesAPanickingValueString(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{&rogue{method: "Value.String", do: func() { panic("no") }}}}
	if err := h.Main(context.Background(), []string{"rogue", "--help"}); err != nil {
		t.Fatalf("help with a Value whose String panics = %v", err)
	}
	if !strings.Contains(out.String(), "--value") {
		t.Errorf("help left out the flag whose String panics:\n%s", out.String())
	}
	if err := h.Main(context.Background(), []string{"rogue", "--value=1"}); err != nil {
		t.Errorf("running with a Value whose String panics = %v", err)
	}
}

func TestNilPlugins(t *testing.T) {
	t.Parallel()
	var typedNil *th.Command
	var got []ran
	tests := []struct {
		name  string
		plugs []plugins.Plugin
		args  []string
		bad   bool
	}{
		{"nil in the slice is skipped", []plugins.Plugin{nil, recorder("x", &got)}, []string{"x"}, false},
		{"nil in help is skipped", []plugins.Plugin{nil, recorder("x", &got)}, []string{"--help"}, false},
		{"typed nil in the slice", []plugins.Plugin{typedNil, recorder("x", &got)}, []string{"x"}, true},
		{"nil in a scope is skipped", []plugins.Plugin{&th.Full{Command: th.Command{N: "x", Scope: []plugins.Plugin{nil}}}}, []string{"x"}, false},
		{"typed nil in a scope", []plugins.Plugin{&th.Full{Command: th.Command{N: "x", Scope: []plugins.Plugin{(*th.Lender)(nil)}}}}, []string{"x"}, true},
		{"typed nil in sub-commands", []plugins.Plugin{&th.Parent{Full: th.Full{Command: th.Command{N: "x", Subs: []plugins.Plugin{typedNil}}}}}, []string{"x", "y"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := &cli.Host{Tool: "tool", Stdout: &bytes.Buffer{}, Plugins: tt.plugs}
			err := h.Main(context.Background(), tt.args)
			if !tt.bad {
				if err != nil {
					t.Errorf("Main(%q) = %v", tt.args, err)
				}
				return
			}
			var pe *cli.PluginError
			if !errors.As(err, &pe) || !errors.Is(err, cli.ErrBadPlugin) || !strings.Contains(err.Error(), "nil") {
				t.Errorf("Main(%q) = %v, want a *cli.PluginError for ErrBadPlugin saying nil", tt.args, err)
			}
		})
	}
}

type nilErr struct{}

func (*nilErr) Error() string { return "nil error" }

type panickyErr struct{}

func (panickyErr) Error() string { panic("no message") }

type panickyIs struct{}

func (panickyIs) Error() string     { return "fine" }
func (panickyIs) Is(err error) bool { panic("no comparing") }

func TestMisbehavingErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"typed nil", func() error { var e *nilErr; return e }, `returned a nil *cli_test.nilErr as its error`},
		{"Error panics", func() error { return panickyErr{} }, `Error: panic: no message`},
		{"Is panics", func() error { return panickyIs{} }, `Error: panic: no comparing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{th.CommandFunc("x", func(context.Context, []string) error { return tt.err() })}}
			err := h.Main(context.Background(), []string{"x"})
			var pe *cli.PluginError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Main = %v, want a *cli.PluginError saying %s", err, tt.want)
			}
		})
	}
}

// cyclic is a command whose scope is the other, and whose sub-commands
// include itself.
type cyclic struct {
	th.Command
	other *cyclic
}

func (c *cyclic) ScopedPlugins() []plugins.Plugin { return []plugins.Plugin{c.other, c} }
func (c *cyclic) SubCommands() []plugins.Plugin   { return []plugins.Plugin{c, c.other} }

func TestCyclesEndInTheArguments(t *testing.T) {
	t.Parallel()
	a, b := &cyclic{Command: th.Command{N: "a"}}, &cyclic{Command: th.Command{N: "b"}}
	a.other, b.other = b, a
	h := cli.New("tool")
	h.Stdout = &bytes.Buffer{}
	h.Plugins = append([]plugins.Plugin{a, b}, h.Plugins...)
	for _, args := range [][]string{{"a"}, {"a", "b", "a", "b"}, {"help", "a", "b", "a"}, {"a", "b", "--help"}} {
		if err := h.Main(context.Background(), args); err != nil {
			t.Errorf("Main(%q) = %v", args, err)
		}
	}
}

func TestBadCommandNamesAnyOrder(t *testing.T) {
	t.Parallel()
	badAlias := &th.Full{Command: th.Command{N: "bad", Alias: []string{"ok", ""}}}
	badCmdName := &th.Full{Command: th.Command{N: "worse", Cmd: "two words"}}
	good := th.CommandFunc("good", nil)
	for _, bad := range []plugins.Plugin{badAlias, badCmdName} {
		var msgs []string
		for _, plugs := range [][]plugins.Plugin{{bad, good}, {good, bad}} {
			h := &cli.Host{Tool: "tool", Stdout: &bytes.Buffer{}, Plugins: plugs}
			err := h.Main(context.Background(), []string{"--help"})
			if !errors.Is(err, cli.ErrBadPlugin) {
				t.Fatalf("help with %T: %v, want ErrBadPlugin", bad, err)
			}
			msgs = append(msgs, err.Error())
		}
		if msgs[0] != msgs[1] {
			t.Errorf("the error depends on the order: %q and %q", msgs[0], msgs[1])
		}
	}
}

func TestExitCodeSurvivesPanickingErrors(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	h := &cli.Host{Tool: "tool", Stderr: &stderr, Plugins: []plugins.Plugin{
		th.CommandFunc("x", func(context.Context, []string) error { return fmt.Errorf("wrapped: %w", panickyIs{}) }),
	}}
	if code := cli.ExitCode(panickyIs{}); code != cli.ExitFailure {
		t.Errorf("ExitCode(an error whose Is panics) = %d, want %d", code, cli.ExitFailure)
	}
	if code := cli.Run(context.Background(), h, []string{"x"}); code != cli.ExitFailure || stderr.Len() == 0 {
		t.Errorf("Run = %d, printed %q; want %d and the error", code, stderr.String(), cli.ExitFailure)
	}
}

func TestRunPrintsOneLine(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	h := &cli.Host{Tool: "tool", Stderr: &stderr, Plugins: []plugins.Plugin{
		th.CommandFunc("x", func(context.Context, []string) error { return errors.New("first\nsecond\x1b[31m") }),
	}}
	if code := cli.Run(context.Background(), h, []string{"x"}); code != cli.ExitFailure {
		t.Errorf("Run = %d, want %d", code, cli.ExitFailure)
	}
	if want := "tool x: first\\nsecond\\x1b[31m\n"; stderr.String() != want {
		t.Errorf("Run printed %q, want %q", stderr.String(), want)
	}
}

// flipper answers a different name each time it is asked.
type flipper struct {
	th.Command
	calls int
}

func (f *flipper) Name() string {
	f.calls++
	return []string{"flip", "flop"}[f.calls%2]
}

func TestNameIsReadOncePerLookup(t *testing.T) {
	t.Parallel()
	f := &flipper{}
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{f}}
	err := h.Main(context.Background(), []string{"flop"})
	if err != nil || f.calls != 1 {
		t.Errorf("Main(flop) = %v after %d Name calls, want it run after one", err, f.calls)
	}
	if err := h.Main(context.Background(), []string{"--help"}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "  flip\n") + strings.Count(out.String(), "  flop\n"); n != 1 {
		t.Errorf("help lists the plugin under more than one name:\n%s", out.String())
	}
}
