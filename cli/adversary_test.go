package cli_test

// Adversarial tests: a third-party plugin author and a careless or hostile
// user try to break each promise README.md makes. Every test here names
// the promise it holds the library to. A case the library fails is kept,
// marked with t.Skip("BUG: ...") so that the suite stays green.

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// advTimeout guards every run that could hang.
const advTimeout = 20 * time.Second

// ---- plugins a third party would write ----

// advCmd is a command with every optional text, flags, a scope and needs.
type advCmd struct {
	plugins.Streams
	name, cmdName               string
	aliases                     []string
	desc, long, examples, group string
	flags                       func(c *advCmd) *flag.FlagSet
	scope                       func() []plugins.Plugin
	run                         func(ctx context.Context, c *advCmd, args []string) error

	feeder plugins.PluginFeeder
	host   plugins.Command

	ran  int
	args []string
	S    string
	N    int
	B    bool
	H    string
	L    []string
}

func (c *advCmd) Name() string            { return c.name }
func (c *advCmd) CmdName() string         { return c.cmdName }
func (c *advCmd) CmdAliases() []string    { return c.aliases }
func (c *advCmd) Description() string     { return c.desc }
func (c *advCmd) LongDescription() string { return c.long }
func (c *advCmd) CmdExamples() string     { return c.examples }
func (c *advCmd) CmdGroup() string        { return c.group }
func (c *advCmd) WithPlugins(f plugins.PluginFeeder) {
	c.feeder = f
}
func (c *advCmd) WithHost(h plugins.Command) { c.host = h }
func (c *advCmd) Flags() *flag.FlagSet {
	if c.flags == nil {
		return nil
	}
	return c.flags(c)
}
func (c *advCmd) ScopedPlugins() []plugins.Plugin {
	if c.scope == nil {
		return nil
	}
	return c.scope()
}
func (c *advCmd) Main(ctx context.Context, args []string) error {
	c.ran++
	c.args = args
	if c.run == nil {
		return nil
	}
	return c.run(ctx, c, args)
}

// advParent is a command with sub-commands.
type advParent struct {
	*advCmd
	subs func() []plugins.Plugin
}

func (p *advParent) SubCommands() []plugins.Plugin { return p.subs() }

// advUsager declares its arguments.
type advUsager struct {
	*advCmd
	usage func() string
}

func (u *advUsager) ArgsUsage() string { return u.usage() }

// advUsageParent is a SubCommander that takes arguments of its own.
type advUsageParent struct {
	*advParent
	usage string
}

func (u *advUsageParent) ArgsUsage() string { return u.usage }

// advPasser parses its own arguments.
type advPasser struct{ *advCmd }

func (*advPasser) PassArgs() {}

// advPassParent passes its arguments and has sub-commands.
type advPassParent struct{ *advParent }

func (*advPassParent) PassArgs() {}

// advHidden is left out of help.
type advHidden struct{ *advCmd }

func (*advHidden) HidePlugin() {}

// advGlobal gives the tool flags.
type advGlobal struct {
	name  string
	flags func(g *advGlobal) *flag.FlagSet
	S     string
	B     bool
	L     []string
}

func (g *advGlobal) Name() string               { return g.name }
func (g *advGlobal) GlobalFlags() *flag.FlagSet { return g.flags(g) }

// advLender lends flags to the commands that scope it, and may hook.
type advLender struct {
	name  string
	flags func(l *advLender) *flag.FlagSet
	S     string
	N     int
	saw   *atomic.Int64 // N as BeforeRun saw it
}

func (l *advLender) Name() string         { return l.name }
func (l *advLender) Flags() *flag.FlagSet { return l.flags(l) }
func (l *advLender) BeforeRun(context.Context, []string, []string) error {
	if l.saw != nil {
		l.saw.Store(int64(l.N))
	}
	return nil
}

// advHook hooks every run.
type advHook struct {
	name   string
	before func(h *advHook, ctx context.Context, path, args []string) error
	after  func(h *advHook, ctx context.Context, path, args []string, err error) error
	host   plugins.Command
}

func (h *advHook) Name() string               { return h.name }
func (h *advHook) WithHost(c plugins.Command) { h.host = c }
func (h *advHook) BeforeRun(ctx context.Context, path, args []string) error {
	if h.before == nil {
		return nil
	}
	return h.before(h, ctx, path, args)
}
func (h *advHook) AfterRun(ctx context.Context, path, args []string, err error) error {
	if h.after == nil {
		return nil
	}
	return h.after(h, ctx, path, args, err)
}

// advLog is an event log plugins write to from any goroutine.
type advLog struct {
	mu sync.Mutex
	ev []string
}

func (l *advLog) add(s string) { l.mu.Lock(); l.ev = append(l.ev, s); l.mu.Unlock() }
func (l *advLog) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.ev)
}

// ---- hostile errors ----

type advErrPanics struct{}

func (advErrPanics) Error() string { panic("Error boom") }

type advErrGoexit struct{}

func (advErrGoexit) Error() string { runtime.Goexit(); return "" }

type advUnwrapPanics struct{}

func (advUnwrapPanics) Error() string { return "unwrap panics" }
func (advUnwrapPanics) Unwrap() error { panic("Unwrap boom") }

type advUnwrapGoexit struct{}

func (advUnwrapGoexit) Error() string { return "unwrap exits" }
func (advUnwrapGoexit) Unwrap() error { runtime.Goexit(); return nil }

type advAsPanics struct{}

func (advAsPanics) Error() string  { return "as panics" }
func (advAsPanics) As(any) bool    { panic("As boom") }
func (advAsPanics) Is(error) bool  { panic("Is boom") }
func (advAsPanics) ExitCode() int  { panic("ExitCode boom") }
func (advAsPanics) Unwrap() error  { return nil }
func (advAsPanics) String() string { panic("String boom") }

type advSelfLoop struct{}

func (advSelfLoop) Error() string   { return "loops" }
func (e advSelfLoop) Unwrap() error { return e }

type advPtrErr struct{}

func (*advPtrErr) Error() string { return "typed nil" }

// ---- hostile flag.Values ----

// advOnce refuses a second Set, and counts every Set into *sets.
type advOnce struct {
	p    *string
	sets *atomic.Int64
}

func (o *advOnce) String() string {
	if o == nil || o.p == nil {
		return ""
	}
	return *o.p
}
func (o *advOnce) Set(s string) error {
	if o.sets.Add(1) > 1 {
		return errors.New("given twice")
	}
	*o.p = s
	return nil
}

// advAppend adds each value to what the field holds, default included.
type advAppend struct{ p *[]string }

func (a *advAppend) String() string {
	if a == nil || a.p == nil {
		return ""
	}
	return strings.Join(*a.p, ",")
}
func (a *advAppend) Set(s string) error { *a.p = append(*a.p, s); return nil }

// advFuncValue does what its funcs say.
type advFuncValue struct {
	str func() string
	set func(string) error
}

func (v *advFuncValue) String() string {
	if v == nil || v.str == nil {
		return ""
	}
	return v.str()
}
func (v *advFuncValue) Set(s string) error { return v.set(s) }

// advLateBool is a boolean Value whose IsBoolFlag panics from its third
// call on: the host has declared the flag by then.
type advLateBool struct {
	b     *bool
	calls atomic.Int64
}

func (v *advLateBool) String() string {
	if v == nil || v.b == nil || !*v.b {
		return "false"
	}
	return "true"
}
func (v *advLateBool) Set(s string) error { *v.b = s == "true"; return nil }
func (v *advLateBool) IsBoolFlag() bool {
	if v.calls.Add(1) > 2 {
		panic("IsBoolFlag boom")
	}
	return true
}

// ---- helpers ----

type advBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *advBuf) Write(p []byte) (int, error) { b.mu.Lock(); defer b.mu.Unlock(); return b.b.Write(p) }
func (b *advBuf) String() string              { b.mu.Lock(); defer b.mu.Unlock(); return b.b.String() }

type advResult struct {
	err            error
	code           int
	stdout, stderr string
}

// advMain runs h.Main on a goroutine of its own and fails the test if it
// does not return in time.
func advMain(t *testing.T, ctx context.Context, h *cli.Host, args ...string) advResult {
	t.Helper()
	out, errb := &advBuf{}, &advBuf{}
	h.Stdout, h.Stderr = out, errb
	done := make(chan advResult, 1)
	go func() {
		r := advResult{}
		defer func() { done <- r }()
		r.err = h.Main(ctx, args)
		r.code = cli.ExitCode(r.err)
	}()
	select {
	case r := <-done:
		r.stdout, r.stderr = out.String(), errb.String()
		return r
	case <-time.After(advTimeout):
		t.Fatalf("Main(%q) did not return within %v", args, advTimeout)
	}
	return advResult{}
}

// advRun runs cli.Run as a main function would, with a timeout guard.
func advRun(t *testing.T, h *cli.Host, args ...string) advResult {
	t.Helper()
	out, errb := &advBuf{}, &advBuf{}
	h.Stdout, h.Stderr = out, errb
	done := make(chan int, 1)
	go func() { done <- cli.Run(context.Background(), h, args) }()
	select {
	case code := <-done:
		return advResult{code: code, stdout: out.String(), stderr: errb.String()}
	case <-time.After(advTimeout):
		t.Fatalf("Run(%q) did not return within %v", args, advTimeout)
	}
	return advResult{}
}

// advContained runs fn on a goroutine of its own, so that neither a panic
// nor runtime.Goexit in a hostile error's methods reaches the test. It
// reports whether fn returned.
func advContained(fn func()) bool {
	done := make(chan bool, 1)
	go func() {
		ok := false
		defer func() { recover(); done <- ok }()
		fn()
		ok = true
	}()
	select {
	case ok := <-done:
		return ok
	case <-time.After(5 * time.Second):
		return false
	}
}

// advText is err's message, read under containment.
func advText(err error) string {
	if err == nil {
		return ""
	}
	s := "<Error did not return>"
	advContained(func() { s = err.Error() })
	return s
}

// advWalk visits err's chain depth first, at most 1000 errors, calling
// only Unwrap (under containment): never Is or As, which a hostile error
// may break.
func advWalk(err error, visit func(error) bool) bool {
	budget := 1000
	var walk func(error) bool
	walk = func(e error) bool {
		for e != nil && budget > 0 {
			budget--
			if visit(e) {
				return true
			}
			var next error
			var many []error
			ok := advContained(func() {
				switch x := e.(type) {
				case interface{ Unwrap() error }:
					next = x.Unwrap()
				case interface{ Unwrap() []error }:
					many = x.Unwrap()
				}
			})
			if !ok {
				return false
			}
			for _, m := range many {
				if walk(m) {
					return true
				}
			}
			e = next
		}
		return false
	}
	return walk(err)
}

// advPluginError returns the first *cli.PluginError in err's chain.
func advPluginError(err error) *cli.PluginError {
	var pe *cli.PluginError
	advWalk(err, func(e error) bool {
		p, ok := e.(*cli.PluginError)
		if ok {
			pe = p
		}
		return ok
	})
	return pe
}

// advHas reports whether the sentinel is in err's chain, by ==.
func advHas(err, sentinel error) bool {
	return advWalk(err, func(e error) bool {
		found := false
		advContained(func() { found = e == sentinel })
		return found
	})
}

// advUnsafe names the first thing in s that must not reach a terminal
// raw: control bytes (but newline when lines is set), invalid UTF-8, line
// and paragraph separators, bidirectional controls, a byte order mark.
func advUnsafe(s string, lines bool) string {
	for i, r := range s {
		switch {
		case r == '\n' && lines:
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Sprintf("invalid UTF-8 at byte %d", i)
			}
		case unicode.IsControl(r), r == '\u2028', r == '\u2029', r == '\u061c', r == '\u200e', r == '\u200f',
			r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\ufeff':
			return fmt.Sprintf("raw %U at byte %d", r, i)
		}
	}
	return ""
}

// advOneLine checks what Run printed on stderr: one line, safe.
func advOneLine(t *testing.T, stderr string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("Run printed %q, want one line", stderr)
	}
	if bad := advUnsafe(stderr, true); bad != "" {
		t.Errorf("Run printed %q: %s", stderr, bad)
	}
}

func advFlagSet(name string) *flag.FlagSet { return flag.NewFlagSet(name, flag.ContinueOnError) }

// advStrFlag is a flags func declaring --s.
func advStrFlag(c *advCmd) *flag.FlagSet {
	fs := advFlagSet(c.name)
	fs.StringVar(&c.S, "s", c.S, "a string")
	return fs
}

// ---- the tests ----

// TestAdversaryHookFaults: "No panic escapes Host.Main, whatever a plugin
// does in any method the host calls ... and the Error, Is, Unwrap and
// ExitCode methods of what it returns ... each becomes a *cli.PluginError
// naming the plugin"; "a nil pointer returned as an error" is an error;
// "No walk of an error hangs". Here for the hooks' methods and errors.
func TestAdversaryHookFaults(t *testing.T) {
	t.Parallel()
	type hookFn = func() error
	tests := []struct {
		name string
		bug  string
		fn   hookFn
		want error // a sentinel the error must hold, found by ==; nil for any
	}{
		{name: "panics", fn: func() error { panic("hook boom") }, want: cli.ErrPanic},
		{name: "panics nil", fn: func() error { panic(nil) }, want: cli.ErrPanic},
		{name: "calls Goexit", fn: func() error { runtime.Goexit(); return nil }, want: cli.ErrGoexit},
		{name: "returns a typed nil", fn: func() error { var e *advPtrErr; return e }, want: cli.ErrBadPlugin},
		{name: "error whose Error panics", fn: func() error { return advErrPanics{} }, want: cli.ErrPanic},
		{name: "error whose Error calls Goexit", fn: func() error { return advErrGoexit{} }, want: cli.ErrGoexit},
		{name: "error whose Unwrap panics", fn: func() error { return advUnwrapPanics{} }},
		{name: "error whose Unwrap calls Goexit", fn: func() error { return advUnwrapGoexit{} }},
		{name: "error whose As, Is, ExitCode panic", fn: func() error { return advAsPanics{} }},
		{name: "error whose chain loops", fn: func() error { return advSelfLoop{} }},
	}
	for _, tt := range tests {
		for _, when := range []string{"before", "after"} {
			t.Run(when+" "+tt.name, func(t *testing.T) {
				if tt.bug != "" {
					t.Skip("BUG: " + tt.bug)
				}
				t.Parallel()
				newHost := func() (*cli.Host, *advCmd) {
					c := &advCmd{name: "x"}
					hook := &advHook{name: "hook"}
					if when == "before" {
						hook.before = func(*advHook, context.Context, []string, []string) error { return tt.fn() }
					} else {
						hook.after = func(*advHook, context.Context, []string, []string, error) error { return tt.fn() }
					}
					return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c, hook}}, c
				}
				h, c := newHost()
				r := advMain(t, context.Background(), h, "x")
				if r.err == nil {
					t.Fatal("Main = nil, want the hook's fault")
				}
				if r.code != cli.ExitFailure {
					t.Errorf("ExitCode = %d, want %d", r.code, cli.ExitFailure)
				}
				if when == "before" && c.ran != 0 {
					t.Errorf("Main ran %d times after a failing before-hook", c.ran)
				}
				if tt.want != nil {
					pe := advPluginError(r.err)
					if pe == nil || pe.Plugin != "hook" || !advHas(pe, tt.want) {
						t.Errorf("Main = %q (PluginError %+v), want a *cli.PluginError naming plugin \"hook\" holding %v", advText(r.err), pe, tt.want)
					}
				}
				h, _ = newHost()
				run := advRun(t, h, "x")
				advOneLine(t, run.stderr)
				if !strings.Contains(run.stderr, "hook") {
					t.Errorf("Run printed %q, want it to name the plugin \"hook\"", run.stderr)
				}
				if run.code != cli.ExitFailure {
					t.Errorf("Run = %d, want %d", run.code, cli.ExitFailure)
				}
			})
		}
	}
}

// TestAdversaryHooksAndCommandsRunTheHostAgain: "A command that runs the
// host again (Host.Main or Host.PrintHelp) with the context it was given
// runs a nested run that shares its run's feeding ... help printed into a
// buffer leaves every plugin writing to the run's own stdout"; with
// context.Background() it is a run of its own, which must neither hang nor
// steal the running command's streams.
func TestAdversaryHooksAndCommandsRunTheHostAgain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		fromHook  bool
		nestedCtx func(ctx context.Context) context.Context
		wantLog   []string
	}{
		{"command with its ctx", false, func(ctx context.Context) context.Context { return ctx },
			[]string{"before a", "help", "before b", "b", "after b", "a done", "after a"}},
		{"command with Background", false, func(context.Context) context.Context { return context.Background() },
			[]string{"before a", "help", "before b", "b", "after b", "a done", "after a"}},
		{"before-hook with its ctx", true, func(ctx context.Context) context.Context { return ctx },
			[]string{"before a", "help", "before b", "b", "after b", "a done", "after a"}},
		{"before-hook with Background", true, func(context.Context) context.Context { return context.Background() },
			[]string{"before a", "help", "before b", "b", "after b", "a done", "after a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			log := &advLog{}
			var help bytes.Buffer
			var nestedErr, helpErr error
			h := &cli.Host{Tool: "tool"}
			nested := func(ctx context.Context, host plugins.Command) {
				ctx = tt.nestedCtx(ctx)
				helpErr = h.PrintHelp(ctx, &help, []string{"a"})
				log.add("help")
				nestedErr = host.Main(ctx, []string{"b"})
			}
			a := &advCmd{name: "a", run: func(ctx context.Context, c *advCmd, args []string) error {
				if !tt.fromHook {
					nested(ctx, c.host)
				}
				fmt.Fprintln(c.Stdout(), "a done")
				log.add("a done")
				return nil
			}}
			b := &advCmd{name: "b", run: func(ctx context.Context, c *advCmd, args []string) error {
				fmt.Fprintln(c.Stdout(), "b ran")
				log.add("b")
				return nil
			}}
			hook := &advHook{name: "hook",
				before: func(hk *advHook, ctx context.Context, path, args []string) error {
					log.add("before " + strings.Join(path, " "))
					if tt.fromHook && path[0] == "a" {
						nested(ctx, hk.host)
					}
					return nil
				},
				after: func(_ *advHook, _ context.Context, path, _ []string, err error) error {
					log.add("after " + strings.Join(path, " "))
					return nil
				}}
			h.Plugins = []plugins.Plugin{a, b, hook}
			r := advMain(t, context.Background(), h, "a")
			if r.err != nil || nestedErr != nil || helpErr != nil {
				t.Fatalf("Main = %v, nested Main = %v, PrintHelp = %v; want nil", r.err, nestedErr, helpErr)
			}
			if diff := cmp.Diff(tt.wantLog, log.get()); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff("b ran\na done\n", r.stdout); diff != "" {
				t.Errorf("the host's stdout (-want +got):\n%s", diff)
			}
			if !strings.Contains(help.String(), "Usage:") || strings.Contains(help.String(), "ran") || strings.Contains(help.String(), "done") {
				t.Errorf("help into a buffer = %q, want a's help and nothing else", help.String())
			}
		})
	}
}

// TestAdversaryCustomFlagValues: "custom flag.Values that append or refuse
// a second Set work as they do under the standard library"; "the host
// never sets a value to put a default back"; a flag's Set that panics,
// calls Goexit or returns a nil pointer is a *cli.PluginError naming the
// plugin; "every call into a plugin runs under markbates/safe".
func TestAdversaryCustomFlagValues(t *testing.T) {
	t.Parallel()
	type setup struct {
		host *cli.Host
		sets *atomic.Int64 // Set calls of an advOnce
		got  func() any    // what the run left in the plugin's fields
	}
	// once builds a host whose flag --x (own, global, inherited or lent)
	// refuses a second Set.
	once := func(where string) setup {
		sets := &atomic.Int64{}
		var field string
		decl := func(name string) *flag.FlagSet {
			fs := advFlagSet(name)
			fs.Var(&advOnce{p: &field, sets: sets}, "x", "once only")
			return fs
		}
		d := &advCmd{name: "d"}
		c := &advCmd{name: "c"}
		plugs := []plugins.Plugin{}
		switch where {
		case "own":
			c.flags = func(*advCmd) *flag.FlagSet { return decl("c") }
			c.run = func(ctx context.Context, c *advCmd, _ []string) error { return c.host.Main(ctx, []string{"d"}) }
		case "global":
			plugs = append(plugs, &advGlobal{name: "g", flags: func(*advGlobal) *flag.FlagSet { return decl("g") }})
			c.run = func(ctx context.Context, c *advCmd, _ []string) error { return c.host.Main(ctx, []string{"d"}) }
		case "lent":
			l := &advLender{name: "lend", flags: func(*advLender) *flag.FlagSet { return decl("lend") }}
			c.scope = func() []plugins.Plugin { return []plugins.Plugin{l} }
		}
		p := &advParent{advCmd: &advCmd{name: "p"}, subs: func() []plugins.Plugin { return []plugins.Plugin{c} }}
		if where == "inherited" {
			p.flags = func(*advCmd) *flag.FlagSet { return decl("p") }
		}
		plugs = append(plugs, p, c, d)
		plugs = append(plugs, cli.New("tool").Plugins...)
		return setup{host: &cli.Host{Tool: "tool", Plugins: plugs}, sets: sets, got: func() any { return field }}
	}
	appendTo := func(where string) setup {
		field := []string{"default"}
		decl := func(name string) *flag.FlagSet {
			fs := advFlagSet(name)
			fs.Var(&advAppend{p: &field}, "x", "appends")
			return fs
		}
		c := &advCmd{name: "c"}
		plugs := []plugins.Plugin{c}
		if where == "global" {
			plugs = append(plugs, &advGlobal{name: "g", flags: func(*advGlobal) *flag.FlagSet { return decl("g") }})
		} else {
			c.flags = func(*advCmd) *flag.FlagSet { return decl("c") }
		}
		return setup{host: &cli.Host{Tool: "tool", Plugins: plugs}, got: func() any { return slices.Clone(field) }}
	}
	// stdlibAppend is what the standard library makes of the same flag.
	stdlibAppend := func(args ...string) any {
		field := []string{"default"}
		fs := advFlagSet("std")
		fs.Var(&advAppend{p: &field}, "x", "appends")
		if err := fs.Parse(args); err != nil {
			panic(err)
		}
		return field
	}
	value := func(v flag.Value) setup {
		c := &advCmd{name: "c", flags: func(*advCmd) *flag.FlagSet {
			fs := advFlagSet("c")
			fs.Var(v, "x", "hostile")
			return fs
		}}
		return setup{host: &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}}
	}
	lateString := func() setup {
		declared := false
		var field string
		c := &advCmd{name: "c"}
		c.flags = func(*advCmd) *flag.FlagSet {
			declared = false
			fs := advFlagSet("c")
			fs.Var(&advFuncValue{
				str: func() string {
					if declared {
						panic("String boom")
					}
					return field
				},
				set: func(s string) error { field = s; return nil },
			}, "x", "String panics once declared")
			declared = true
			return fs
		}
		return setup{host: &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}, got: func() any { return field }}
	}

	tests := []struct {
		name     string
		bug      string
		setup    func() setup
		args     []string
		wantCode int
		wantSets int64 // for once; -1 not checked
		want     any   // the field after the run; nil not checked
		// the plugin and method a *cli.PluginError names, and its sentinel
		fault, method string
		sentinel      error
	}{
		{name: "own once", setup: func() setup { return once("own") }, args: []string{"c", "--x", "a"}, wantSets: 1, want: "a"},
		{name: "own once with -h after", setup: func() setup { return once("own") }, args: []string{"c", "--x", "a", "-h"}, wantSets: 1, want: "a"},
		{name: "own once with -h before", setup: func() setup { return once("own") }, args: []string{"-h", "c", "--x=a"}, wantSets: 1, want: "a"},
		{name: "own once through help", setup: func() setup { return once("own") }, args: []string{"help", "c"}, wantSets: 0, want: ""},
		{name: "own twice is the value's error", setup: func() setup { return once("own") }, args: []string{"c", "--x", "a", "--x", "b"}, wantCode: cli.ExitUsage, wantSets: 2, want: "a"},
		{name: "global once before the command", setup: func() setup { return once("global") }, args: []string{"--x", "a", "c"}, wantSets: 1, want: "a"},
		{name: "global once deep after the command", setup: func() setup { return once("global") }, args: []string{"p", "c", "--x", "a"}, wantSets: 1, want: "a"},
		{name: "global once in a help form", setup: func() setup { return once("global") }, args: []string{"--x", "a", "-h", "p", "c"}, wantSets: 1, want: "a"},
		{name: "inherited once before the sub-command", setup: func() setup { return once("inherited") }, args: []string{"p", "--x", "a", "c"}, wantSets: 1, want: "a"},
		{name: "inherited once after the sub-command", setup: func() setup { return once("inherited") }, args: []string{"p", "c", "--x", "a"}, wantSets: 1, want: "a"},
		{name: "lent once", setup: func() setup { return once("lent") }, args: []string{"c", "--lend-x", "a"}, wantSets: 1, want: "a"},
		{name: "own append keeps its default as flag does", setup: func() setup { return appendTo("own") }, args: []string{"c", "--x", "a", "--x=b"}, wantSets: -1,
			want: stdlibAppend("-x", "a", "-x=b")},
		{name: "global append before and after the command", setup: func() setup { return appendTo("global") }, args: []string{"--x", "a", "c", "--x", "b"}, wantSets: -1,
			want: stdlibAppend("-x", "a", "-x", "b")},
		{name: "Set returns a typed nil", setup: func() setup {
			return value(&advFuncValue{set: func(string) error { var e *advPtrErr; return e }})
		}, args: []string{"c", "--x", "a"}, wantCode: cli.ExitFailure, wantSets: -1, fault: "c", method: "Set", sentinel: cli.ErrBadPlugin},
		{name: "Set panics", setup: func() setup {
			return value(&advFuncValue{set: func(string) error { panic("Set boom") }})
		}, args: []string{"c", "--x", "a"}, wantCode: cli.ExitFailure, wantSets: -1, fault: "c", method: "Set", sentinel: cli.ErrPanic},
		{name: "Set calls Goexit", setup: func() setup {
			return value(&advFuncValue{set: func(string) error { runtime.Goexit(); return nil }})
		}, args: []string{"c", "--x", "a"}, wantCode: cli.ExitFailure, wantSets: -1, fault: "c", method: "Set", sentinel: cli.ErrGoexit},
		{name: "Set returns a hostile multi-line error", setup: func() setup {
			return value(&advFuncValue{set: func(string) error { return errors.New("bad\nforged row\x1b[2J\xff\u2028") }})
		}, args: []string{"c", "--x", "a"}, wantCode: cli.ExitUsage, wantSets: -1},
		{name: "String panics as the flag is declared", setup: func() setup {
			return value(&advFuncValue{str: func() string { panic("String boom") }, set: func(string) error { return nil }})
		}, args: []string{"c", "--x", "a"}, wantCode: cli.ExitFailure, wantSets: -1, fault: "c", method: "Flags", sentinel: cli.ErrPanic},
		{name: "String panics once declared, run", setup: lateString, args: []string{"c", "--x", "a"}, wantSets: -1, want: "a"},
		{name: "String panics once declared, help", setup: lateString, args: []string{"c", "-h"}, wantSets: -1, want: ""},
		{name: "String panics once declared, bad flag", setup: lateString, args: []string{"c", "--y"}, wantCode: cli.ExitUsage, wantSets: -1, want: ""},
		{name: "IsBoolFlag panics once declared", setup: func() setup {
			var b bool
			return value(&advLateBool{b: &b})
		}, args: []string{"c", "--x"}, wantCode: cli.ExitFailure, wantSets: -1, fault: "c", sentinel: cli.ErrPanic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("BUG: " + tt.bug)
			}
			t.Parallel()
			s := tt.setup()
			r := advMain(t, context.Background(), s.host, tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("Main(%q) = %q, exit %d; want exit %d", tt.args, advText(r.err), r.code, tt.wantCode)
			}
			if tt.wantSets >= 0 && s.sets.Load() != tt.wantSets {
				t.Errorf("Set was called %d times, want %d", s.sets.Load(), tt.wantSets)
			}
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, s.got()); diff != "" {
					t.Errorf("the field (-want +got):\n%s", diff)
				}
			}
			if r.err != nil && strings.Contains(advText(r.err), "in the host") {
				t.Errorf("Main = %q: a plugin's fault reported as the host's", advText(r.err))
			}
			if tt.fault != "" {
				pe := advPluginError(r.err)
				if pe == nil || pe.Plugin != tt.fault || tt.method != "" && pe.Method != tt.method || !advHas(pe, tt.sentinel) {
					t.Errorf("Main = %q (%+v), want a *cli.PluginError naming %q's %s holding %v", advText(r.err), pe, tt.fault, tt.method, tt.sentinel)
				}
			}
			if r.err != nil {
				run := advRun(t, tt.setup().host, tt.args...)
				advOneLine(t, run.stderr)
			}
		})
	}
}

// advSub is a sub-command bound to its parent's field.
type advSub struct {
	plugins.Streams
	env *string
	saw string
}

func (s *advSub) Name() string { return "s" }
func (s *advSub) Main(context.Context, []string) error {
	s.saw = *s.env
	return nil
}

// TestAdversaryFreshValuesEachCall: SubCommands and ScopedPlugins may
// return fresh values each call ("fresh sub-commands bound to a parent's
// field ... all behave"); the lent value lands in the lending plugin's
// own field, and that plugin, hooking, sees it.
func TestAdversaryFreshValuesEachCall(t *testing.T) {
	t.Parallel()
	t.Run("fresh sub-commands", func(t *testing.T) {
		t.Parallel()
		for _, args := range [][]string{{"p", "s", "--env", "prod"}, {"p", "--env=prod", "s"}} {
			var made []*advSub
			p := &advParent{advCmd: &advCmd{name: "p"}}
			p.flags = func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("p")
				fs.StringVar(&c.S, "env", c.S, "where")
				return fs
			}
			p.subs = func() []plugins.Plugin {
				s := &advSub{env: &p.S}
				made = append(made, s)
				return []plugins.Plugin{s}
			}
			r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{p}}, args...)
			if r.err != nil {
				t.Fatalf("Main(%q) = %v", args, r.err)
			}
			ran := slices.IndexFunc(made, func(s *advSub) bool { return s.saw != "" })
			if ran < 0 || made[ran].saw != "prod" {
				t.Errorf("Main(%q): the sub-command saw no --env prod", args)
			}
		}
		for _, args := range [][]string{{"p", "s", "-h"}, {"help", "p", "s"}, {"-h", "p", "s"}} {
			p := &advParent{advCmd: &advCmd{name: "p", flags: func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("p")
				fs.StringVar(&c.S, "env", c.S, "where")
				return fs
			}}}
			p.subs = func() []plugins.Plugin { return []plugins.Plugin{&advSub{env: &p.S}} }
			h := cli.New("tool")
			h.Plugins = append([]plugins.Plugin{p}, h.Plugins...)
			r := advMain(t, context.Background(), h, args...)
			if r.err != nil || !strings.Contains(r.stdout, "--env") {
				t.Errorf("Main(%q) = %v, stdout %q; want s's help listing the inherited --env", args, r.err, r.stdout)
			}
		}
	})
	t.Run("fresh scope", func(t *testing.T) {
		t.Parallel()
		var saw atomic.Int64
		saw.Store(-1)
		c := &advCmd{name: "c"}
		c.scope = func() []plugins.Plugin {
			return []plugins.Plugin{&advLender{name: "loud", saw: &saw, flags: func(l *advLender) *flag.FlagSet {
				fs := advFlagSet("loud")
				fs.IntVar(&l.N, "level", l.N, "how loud")
				return fs
			}}}
		}
		r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}, "c", "--loud-level", "3")
		if r.err != nil {
			t.Fatal(r.err)
		}
		if saw.Load() != 3 {
			t.Errorf("the scoped lender's BeforeRun saw level %d, want 3", saw.Load())
		}
	})
}

// TestAdversaryHostileTextIsEscaped: "Everything a plugin wrote (names,
// descriptions, usages, defaults) is escaped on its way to the terminal
// ... control bytes, escape sequences, invalid UTF-8, line separators and
// bidirectional overrides become Go escapes ... so no text can forge a row
// or drive the terminal." Every place a plugin's text is shown, in every
// form of help, on both a bare host and cli.New's.
func TestAdversaryHostileTextIsEscaped(t *testing.T) {
	t.Parallel()
	// payloads any text may hold; names may hold only the format
	// characters (a name with a control byte or a space is refused).
	texts := []string{"\x1b[2J\x1b]0;pwned\x07", "a\r\nforged row", "\xff\xfe", "x\u2028forged row", "\u202eevil", "\u0085\u009b31m", "\ufeff\t"}
	names := []string{"n\u202eevil", "n\u2066x", "n\ufeffx", "n\u200fx"}
	type place struct {
		name  string
		bug   string
		lines bool                        // the text is lines of its own
		names bool                        // payloads are names
		build func(text string) *cli.Host // a bare host
		args  [][]string
	}
	cmdWith := func(set func(c *advCmd, text string)) func(string) *cli.Host {
		return func(text string) *cli.Host {
			c := &advCmd{name: "c", flags: advStrFlag}
			set(c, text)
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}
		}
	}
	helps := [][]string{{"-h"}, {"c", "-h"}, {"-h", "c"}, {"help", "c"}, {"c", "--help"}}
	places := []place{
		{name: "tool name", build: func(s string) *cli.Host {
			return &cli.Host{Tool: s, Plugins: []plugins.Plugin{&advCmd{name: "c"}}}
		}, args: append(helps, []string{"nope"}, []string{"--version"})},
		{name: "about", build: func(s string) *cli.Host {
			return &cli.Host{Tool: "tool", About: s, Plugins: []plugins.Plugin{&advCmd{name: "c"}}}
		}, args: helps},
		{name: "version", build: func(s string) *cli.Host {
			return &cli.Host{Tool: "tool", Version: s, Plugins: []plugins.Plugin{&advCmd{name: "c"}}}
		}, args: [][]string{{"--version"}, {"version"}}},
		{name: "description", build: cmdWith(func(c *advCmd, s string) { c.desc = s }), args: helps},
		{name: "long description", lines: true, build: cmdWith(func(c *advCmd, s string) { c.long = s }), args: helps},
		{name: "examples", lines: true, build: cmdWith(func(c *advCmd, s string) { c.examples = s }), args: helps},
		{name: "group", build: cmdWith(func(c *advCmd, s string) { c.group = s }), args: helps},
		{name: "flag usage", build: cmdWith(func(c *advCmd, s string) {
			c.flags = func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("c")
				fs.StringVar(&c.S, "s", "", s)
				return fs
			}
		}), args: helps},
		{name: "flag default", build: cmdWith(func(c *advCmd, s string) { c.S = s }), args: helps},
		{name: "choices", build: cmdWith(func(c *advCmd, s string) {
			c.flags = func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("c")
				fs.Var(plugflag.OneOf(&c.S, "ok", s), "s", "pick")
				return fs
			}
		}), args: append(helps, []string{"c", "--s", "nope"}, []string{"c", "--s", "ox"})},
		{name: "deprecation", build: cmdWith(func(c *advCmd, s string) {
			c.flags = func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("c")
				fs.Var(plugflag.Deprecated(plugflag.String(&c.S), s), "s", "old")
				return fs
			}
		}), args: append(helps, []string{"c", "--s", "x"})},
		{name: "args usage", build: func(s string) *cli.Host {
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{&advUsager{advCmd: &advCmd{name: "c"}, usage: func() string { return "APP" + s }}}}
		}, args: append(helps, []string{"c"}, []string{"c", "a", "b", "c", "d"})},
		{name: "global flag usage", build: func(s string) *cli.Host {
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{&advCmd{name: "c"}, &advGlobal{name: "g", flags: func(g *advGlobal) *flag.FlagSet {
				fs := advFlagSet("g")
				fs.StringVar(&g.S, "g", s, s)
				return fs
			}}}}
		}, args: helps},
		{name: "command name", names: true, build: func(s string) *cli.Host {
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{&advCmd{name: s, flags: advStrFlag}, &advCmd{name: "c"}}}
		}, args: append(helps, []string{s0(names), "-h"}, []string{"help", s0(names)})},
		{name: "alias", names: true, build: func(s string) *cli.Host {
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{&advCmd{name: "c", aliases: []string{s}}}}
		}, args: helps},
		{name: "flag name", names: true, build: cmdWith(func(c *advCmd, s string) {
			c.flags = func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("c")
				fs.StringVar(&c.S, s, "", "named oddly")
				return fs
			}
		}), args: append(helps, []string{"c", "--n"})},
		{name: "lending plugin's name", names: true,
			build: cmdWith(func(c *advCmd, s string) {
				l := &advLender{name: "cloud/" + s, flags: func(l *advLender) *flag.FlagSet {
					fs := advFlagSet("l")
					fs.StringVar(&l.S, "region", "", "where")
					return fs
				}}
				c.scope = func() []plugins.Plugin { return []plugins.Plugin{l} }
			}), args: helps},
		{name: "parent's name", names: true,
			build: func(s string) *cli.Host {
				p := &advParent{advCmd: &advCmd{name: "tools/" + s, cmdName: "p", flags: advStrFlag},
					subs: func() []plugins.Plugin { return []plugins.Plugin{&advCmd{name: "c"}} }}
				return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{p}}
			}, args: [][]string{{"p", "c", "-h"}, {"help", "p", "c"}, {"-h", "p", "c"}}},
	}
	for _, pl := range places {
		t.Run(pl.name, func(t *testing.T) {
			if pl.bug != "" {
				t.Skip("BUG: " + pl.bug)
			}
			t.Parallel()
			payloads := texts
			if pl.names {
				payloads = names
			}
			for _, text := range payloads {
				for _, withBuiltins := range []bool{false, true} {
					for _, args := range pl.args {
						h := pl.build(text)
						if withBuiltins {
							h.Plugins = append(h.Plugins, cli.New(h.Tool).Plugins...)
						}
						r := advRun(t, h, args...)
						out := r.stdout + r.stderr
						if bad := advUnsafe(out, true); bad != "" {
							t.Errorf("builtins %v, %q in %s, Run(%q) printed %s:\n%s", withBuiltins, text, pl.name, args, bad, out)
						}
						if !pl.lines && strings.Contains(out, "\nforged row") {
							t.Errorf("builtins %v, %q in %s, Run(%q) printed a forged row:\n%s", withBuiltins, text, pl.name, args, out)
						}
						if strings.Count(r.stderr, "\n") > 1 && !strings.Contains(r.stderr, "deprecated") {
							t.Errorf("builtins %v, %q in %s, Run(%q) printed more than one line on stderr: %q", withBuiltins, text, pl.name, args, r.stderr)
						}
					}
				}
			}
		})
	}
}

func s0(s []string) string { return s[0] }

// TestAdversaryUserTokensInErrors: "Errors are one line, name the token
// quoted (control bytes and invalid UTF-8 escaped) and the command path",
// and exit 2 for a bad command line.
func TestAdversaryUserTokensInErrors(t *testing.T) {
	t.Parallel()
	newHost := func() *cli.Host {
		c := &advCmd{name: "deploy", flags: func(c *advCmd) *flag.FlagSet {
			fs := advFlagSet("deploy")
			fs.IntVar(&c.N, "n", 0, "a number")
			fs.IntVar(&c.N, "c", 0, "a number")
			fs.Var(plugflag.OneOf(&c.S, "prod", "dev"), "env", "where")
			return fs
		}}
		p := &advParent{advCmd: &advCmd{name: "p"}, subs: func() []plugins.Plugin { return []plugins.Plugin{&advCmd{name: "status"}} }}
		u := &advUsager{advCmd: &advCmd{name: "u"}, usage: func() string { return "APP" }}
		return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c, p, u}}
	}
	tests := [][]string{
		{"\x1b[2Jdeploy"},
		{"dep\u202eloy"},
		{"deploy\u2028"},
		{"\xffdeploy"},
		{"deploy\r\nforged"},
		{"deploy", "--\x1b[2J"},
		{"deploy", "--n\u2028=1"},
		{"deploy", "-\x1b"},
		{"deploy", "-c\x1b"},
		{"deploy", "--n", "\x1b[2J"},
		{"deploy", "--n=\r\nforged"},
		{"deploy", "-c", "\xff"},
		{"deploy", "--env", "\u202eprod"},
		{"deploy", "--env=pro\x1bd"},
		{"p", "\x1b[2J"},
		{"p", "stat\u2066us"},
		{"--", "\x1b[2J"},
		{"--\x1b"},
		{"-h", "\x1b"},
		{"help", "\x1b[2J"},
		{"u", "a", "b\x1b"},
		{"u", "--\xff"},
	}
	for _, args := range tests {
		t.Run(fmt.Sprintf("%q", args), func(t *testing.T) {
			t.Parallel()
			for _, builtins := range []bool{false, true} {
				h := newHost()
				if builtins {
					h.Plugins = append(h.Plugins, cli.New("tool").Plugins...)
				}
				r := advMain(t, context.Background(), h, args...)
				msg := advText(r.err)
				if r.code != cli.ExitUsage {
					t.Errorf("builtins %v: Main(%q) = %q, exit %d; want %d", builtins, args, msg, r.code, cli.ExitUsage)
				}
				if bad := advUnsafe(msg, false); bad != "" {
					t.Errorf("builtins %v: Main(%q) = %q: %s", builtins, args, msg, bad)
				}
				if !strings.HasPrefix(msg, "tool") {
					t.Errorf("builtins %v: Main(%q) = %q, want it to start with the tool's name", builtins, args, msg)
				}
				if r.stdout != "" {
					t.Errorf("builtins %v: Main(%q) wrote %q to stdout", builtins, args, r.stdout)
				}
			}
		})
	}
}

// TestAdversaryDefaultCommand: "Host.DefaultCommand names the command to
// run when the command line names none (and asks for no help) ... global
// flags before it still apply"; a hidden command "still runs when named".
func TestAdversaryDefaultCommand(t *testing.T) {
	t.Parallel()
	type world struct {
		h *cli.Host
		c *advCmd
		g *advGlobal
	}
	build := func(def string, kind string) world {
		c := &advCmd{name: "c", aliases: []string{"cc"}}
		var p plugins.Plugin = c
		switch kind {
		case "hidden":
			p = &advHidden{c}
		case "passer":
			p = &advPasser{c}
		case "required":
			c.flags = func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("c")
				fs.Var(plugflag.Required(plugflag.String(&c.S)), "must", "required")
				return fs
			}
		case "parent":
			p = &advParent{advCmd: c, subs: func() []plugins.Plugin { return []plugins.Plugin{&advCmd{name: "s"}} }}
		}
		g := &advGlobal{name: "g", flags: func(g *advGlobal) *flag.FlagSet {
			fs := advFlagSet("g")
			fs.BoolVar(&g.B, "loud", g.B, "loud")
			return fs
		}}
		return world{&cli.Host{Tool: "tool", DefaultCommand: def, Plugins: []plugins.Plugin{p, g}}, c, g}
	}
	tests := []struct {
		name, def, kind string
		args            []string
		wantCode        int // -1: any failure but a usage or a panic
		wantRan         int
		wantLoud        bool
		wantHelp        bool
	}{
		{"plain", "c", "", nil, 0, 1, false, false},
		{"by alias", "cc", "", nil, 0, 1, false, false},
		{"hidden", "c", "hidden", nil, 0, 1, false, false},
		{"with a global flag before it", "c", "", []string{"--loud"}, 0, 1, true, false},
		{"passer gets no arguments", "c", "passer", []string{"--loud"}, 0, 1, true, false},
		{"parent runs its own Main", "c", "parent", nil, 0, 1, false, false},
		{"required flag still required", "c", "required", nil, cli.ExitUsage, 0, false, false},
		{"-h is help", "c", "", []string{"-h"}, 0, 0, false, true},
		{"--help is help", "c", "", []string{"--loud", "--help"}, 0, 0, true, true},
		{"--version is the version", "c", "", []string{"--version"}, 0, 0, false, false},
		{"missing", "nosuch", "", nil, -1, 0, false, false},
		{"not a name", "--help", "", nil, -1, 0, false, false},
		{"hostile", "\x1b[2J", "", nil, -1, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := build(tt.def, tt.kind)
			r := advMain(t, context.Background(), w.h, tt.args...)
			if tt.wantCode >= 0 && r.code != tt.wantCode {
				t.Errorf("Main(%q) = %v, exit %d; want %d", tt.args, r.err, r.code, tt.wantCode)
			}
			if tt.wantCode < 0 && (r.err == nil || strings.Contains(advText(r.err), "panic")) {
				t.Errorf("Main(%q) = %v; want an error that is not a panic", tt.args, r.err)
			}
			if w.c.ran != tt.wantRan {
				t.Errorf("the default command ran %d times, want %d", w.c.ran, tt.wantRan)
			}
			if tt.wantRan > 0 && len(w.c.args) != 0 {
				t.Errorf("the default command got %q, want no arguments", w.c.args)
			}
			if w.g.B != tt.wantLoud {
				t.Errorf("--loud = %v, want %v", w.g.B, tt.wantLoud)
			}
			if tt.wantHelp != strings.Contains(r.stdout, "Usage:") {
				t.Errorf("stdout = %q, want help: %v", r.stdout, tt.wantHelp)
			}
			if r.err != nil {
				run := advRun(t, build(tt.def, tt.kind).h, tt.args...)
				advOneLine(t, run.stderr)
			}
		})
	}
}

// TestAdversaryArgsPasser: "The command parses its own arguments: Main
// gets everything after its name as typed, -h included. tool help CMD
// still shows its help"; "global flags before the command name are still
// the host's"; hooks get "the command line as typed".
func TestAdversaryArgsPasser(t *testing.T) {
	t.Parallel()
	many := make([]string, 100_000)
	for i := range many {
		many[i] = []string{"-x", "--", "-h", "--help", "a", "--version", ""}[i%7]
	}
	tests := []struct {
		name     string
		args     []string
		want     []string // what the passer's Main gets
		wantGlob string
		wantPar  string
	}{
		{"flags, help and dashes as typed", []string{"x", "-h", "--x", "--", "y", "--help"}, []string{"-h", "--x", "--", "y", "--help"}, "", ""},
		{"nothing", []string{"x"}, []string{}, "", ""},
		{"only --", []string{"x", "--"}, []string{"--"}, "", ""},
		{"global before and after", []string{"--g", "v", "x", "--g", "w"}, []string{"--g", "w"}, "v", ""},
		{"global flag joined before", []string{"--g=v", "x", "--g=w"}, []string{"--g=w"}, "v", ""},
		{"as a sub-command", []string{"p", "x", "-x", "--help"}, []string{"-x", "--help"}, "", ""},
		{"under a parent's flag", []string{"p", "--pf", "a", "x", "--pf", "b"}, []string{"--pf", "b"}, "", "a"},
		{"under a global deep", []string{"p", "--g", "v", "x", "--g", "w"}, []string{"--g", "w"}, "v", ""},
		{"100,000 arguments", append([]string{"x"}, many...), many, "", ""},
	}
	build := func() (*cli.Host, *advCmd, *advGlobal, *advParent, *[]string) {
		x := &advCmd{name: "x"}
		px := &advCmd{name: "x"}
		px.run = func(ctx context.Context, c *advCmd, args []string) error { x.args = args; x.ran++; return nil }
		p := &advParent{advCmd: &advCmd{name: "p", flags: func(c *advCmd) *flag.FlagSet {
			fs := advFlagSet("p")
			fs.StringVar(&c.S, "pf", c.S, "parent's")
			return fs
		}}, subs: func() []plugins.Plugin { return []plugins.Plugin{&advPasser{px}} }}
		g := &advGlobal{name: "g", flags: func(g *advGlobal) *flag.FlagSet {
			fs := advFlagSet("g")
			fs.StringVar(&g.S, "g", g.S, "global")
			return fs
		}}
		var hooked []string
		hook := &advHook{name: "hook", before: func(_ *advHook, _ context.Context, _, args []string) error {
			hooked = slices.Clone(args)
			return nil
		}}
		return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{&advPasser{x}, p, g, hook}}, x, g, p, &hooked
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, x, g, p, hooked := build()
			r := advMain(t, context.Background(), h, tt.args...)
			if r.err != nil {
				t.Fatalf("Main = %v", r.err)
			}
			if x.ran != 1 {
				t.Fatalf("the passer ran %d times", x.ran)
			}
			if diff := cmp.Diff(tt.want, x.args, cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })); diff != "" {
				t.Errorf("Main got (-want +got):\n%s", diff)
			}
			if g.S != tt.wantGlob || p.S != tt.wantPar {
				t.Errorf("--g = %q, --pf = %q; want %q, %q", g.S, p.S, tt.wantGlob, tt.wantPar)
			}
			if !slices.Equal(*hooked, tt.args) {
				t.Errorf("the hook got %d arguments, not the command line as typed", len(*hooked))
			}
		})
	}
	t.Run("help still shows its help", func(t *testing.T) {
		t.Parallel()
		for _, args := range [][]string{{"help", "x"}, {"-h", "x"}, {"help", "p", "x"}, {"p", "-h", "x"}} {
			h, x, _, _, _ := build()
			h.Plugins = append(h.Plugins, cli.New("tool").Plugins...)
			r := advMain(t, context.Background(), h, args...)
			if r.err != nil || !strings.Contains(r.stdout, "Usage:") || x.ran != 0 {
				t.Errorf("Main(%q) = %v, ran %d, stdout %q; want the passer's help", args, r.err, x.ran, r.stdout)
			}
		}
	})
	t.Run("passer with sub-commands does not break", func(t *testing.T) {
		t.Parallel()
		for _, args := range [][]string{{"pp", "s", "-h"}, {"pp", "-h"}, {"help", "pp"}, {"help", "pp", "s"}, {"pp", "--", "s"}} {
			pp := &advPassParent{&advParent{advCmd: &advCmd{name: "pp"}, subs: func() []plugins.Plugin { return []plugins.Plugin{&advCmd{name: "s"}} }}}
			h := cli.New("tool")
			h.Plugins = append([]plugins.Plugin{pp}, h.Plugins...)
			r := advMain(t, context.Background(), h, args...)
			if r.err != nil && strings.Contains(advText(r.err), "panic") {
				t.Errorf("Main(%q) = %v", args, r.err)
			}
		}
	})
}

// TestAdversaryDoubleDash: "Arguments reach the command exactly: ... --
// ... -"; "--" ends the flags.
func TestAdversaryDoubleDash(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args     []string
		wantCode int
		want     []string // what c (or s) got
		wantB    bool
		wantS    string
	}{
		{[]string{"c", "--", "-h"}, 0, []string{"-h"}, false, ""},
		{[]string{"c", "--", "--help"}, 0, []string{"--help"}, false, ""},
		{[]string{"c", "a", "--", "--b", "--", "z"}, 0, []string{"a", "--b", "--", "z"}, false, ""},
		{[]string{"c", "--"}, 0, []string{}, false, ""},
		{[]string{"c", "--", "--"}, 0, []string{"--"}, false, ""},
		{[]string{"c", "-", "-"}, 0, []string{"-", "-"}, false, ""},
		{[]string{"c", "--b", "--", "--b"}, 0, []string{"--b"}, true, ""},
		{[]string{"c", "--s=--", "x"}, 0, []string{"x"}, false, "--"},
		{[]string{"c", "--s", "-h"}, 0, []string{}, false, "-h"},
		{[]string{"c", "--", "-"}, 0, []string{"-"}, false, ""},
		{[]string{"p", "s", "--", "-h", "--version"}, 0, []string{"-h", "--version"}, false, ""},
		{[]string{"p", "s", "x", "--", "-b"}, 0, []string{"x", "-b"}, false, ""},
		{[]string{"--", "c"}, cli.ExitUsage, nil, false, ""},
		{[]string{"--", "--", "c"}, cli.ExitUsage, nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.args), func(t *testing.T) {
			t.Parallel()
			flags := func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet(c.name)
				fs.BoolVar(&c.B, "b", false, "a bool")
				fs.StringVar(&c.S, "s", "", "a string")
				return fs
			}
			c := &advCmd{name: "c", flags: flags}
			s := &advCmd{name: "s", flags: flags}
			p := &advParent{advCmd: &advCmd{name: "p"}, subs: func() []plugins.Plugin { return []plugins.Plugin{s} }}
			r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c, p}}, tt.args...)
			if r.code != tt.wantCode {
				t.Fatalf("Main = %v, exit %d; want %d", r.err, r.code, tt.wantCode)
			}
			got := c
			if tt.args[0] == "p" {
				got = s
			}
			if tt.want == nil {
				if c.ran+s.ran != 0 {
					t.Errorf("a command ran")
				}
				return
			}
			if diff := cmp.Diff(tt.want, got.args, cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })); diff != "" {
				t.Errorf("Main got (-want +got):\n%s", diff)
			}
			if got.B != tt.wantB || got.S != tt.wantS {
				t.Errorf("--b = %v, --s = %q; want %v, %q", got.B, got.S, tt.wantB, tt.wantS)
			}
		})
	}
}

// TestAdversaryHelpInOddPlaces: "tool CMD -h, tool CMD --help, tool -h CMD
// ... print a command's" help; "Every form resolves the command line the
// same way a run does"; "Help goes to stdout and is not an error"; "-h and
// --help belong to the host on every command, unless a command declares
// its own -h"; "A command whose Main returns flag.ErrHelp gets its help
// printed."
func TestAdversaryHelpInOddPlaces(t *testing.T) {
	t.Parallel()
	type world struct {
		h    *cli.Host
		c, s *advCmd
	}
	build := func(kind string) world {
		c := &advCmd{name: "c", desc: "the c command", flags: func(c *advCmd) *flag.FlagSet {
			fs := advFlagSet("c")
			fs.Var(plugflag.Required(plugflag.String(&c.S)), "must", "required")
			switch kind {
			case "own -h":
				fs.StringVar(&c.H, "host", "", "the host")
				fs.StringVar(&c.H, "h", "", "the host")
			}
			return fs
		}}
		s := &advCmd{name: "s", desc: "the s command"}
		p := &advParent{advCmd: &advCmd{name: "p", desc: "the p command"}, subs: func() []plugins.Plugin { return []plugins.Plugin{s} }}
		switch kind {
		case "ErrHelp":
			c.run = func(context.Context, *advCmd, []string) error { return fmt.Errorf("no: %w", flag.ErrHelp) }
			s.run = func(context.Context, *advCmd, []string) error { return fmt.Errorf("no: %w", flag.ErrHelp) }
		}
		plugs := []plugins.Plugin{c, p}
		if kind == "global -v" {
			plugs = append(plugs, &advGlobal{name: "g", flags: func(g *advGlobal) *flag.FlagSet {
				fs := advFlagSet("g")
				fs.BoolVar(&g.B, "verbose", false, "loud")
				fs.BoolVar(&g.B, "v", false, "loud")
				return fs
			}})
		}
		return world{&cli.Host{Tool: "tool", Plugins: plugs}, c, s}
	}
	tests := []struct {
		kind     string
		args     []string
		wantHelp string // a line help must hold; "" for no help
		wantCode int
	}{
		{"", []string{"c", "a", "b", "-h"}, "the c command", 0},
		{"", []string{"c", "--help", "a", "b"}, "the c command", 0},
		{"", []string{"c", "-h"}, "the c command", 0}, // the required flag is not asked for
		{"", []string{"-h", "c", "--must", "x"}, "the c command", 0},
		{"", []string{"p", "s", "-h"}, "the s command", 0},
		{"", []string{"p", "-h", "s"}, "the s command", 0},
		{"", []string{"-h", "p", "s"}, "the s command", 0},
		{"", []string{"p", "--help"}, "the p command", 0},
		{"", []string{"-h", "c", "--nope"}, "", cli.ExitUsage},
		{"", []string{"c", "-h", "--nope"}, "", cli.ExitUsage},
		{"", []string{"-h", "nosuch"}, "", cli.ExitUsage},
		{"", []string{"p", "nosuch", "-h"}, "", cli.ExitUsage},
		{"ErrHelp", []string{"c", "--must", "x"}, "the c command", 0},
		{"ErrHelp", []string{"p", "s"}, "the s command", 0},
		{"global -v", []string{"c", "-vh"}, "the c command", 0},
		{"global -v", []string{"-vh", "c"}, "the c command", 0},
		{"own -h", []string{"c", "--help"}, "the c command", 0},
	}
	for _, tt := range tests {
		t.Run(tt.kind+fmt.Sprintf(" %q", tt.args), func(t *testing.T) {
			t.Parallel()
			for _, builtins := range []bool{false, true} {
				w := build(tt.kind)
				if builtins {
					w.h.Plugins = append(w.h.Plugins, cli.New("tool").Plugins...)
				}
				r := advMain(t, context.Background(), w.h, tt.args...)
				if r.code != tt.wantCode {
					t.Errorf("builtins %v: Main(%q) = %v, exit %d; want %d", builtins, tt.args, r.err, r.code, tt.wantCode)
				}
				if tt.wantHelp != "" && !strings.Contains(r.stdout, tt.wantHelp) {
					t.Errorf("builtins %v: Main(%q) printed %q, want help holding %q", builtins, tt.args, r.stdout, tt.wantHelp)
				}
				if tt.wantHelp == "" && r.stdout != "" {
					t.Errorf("builtins %v: Main(%q) printed %q, want nothing", builtins, tt.args, r.stdout)
				}
				if tt.kind != "ErrHelp" && w.c.ran+w.s.ran != 0 {
					t.Errorf("builtins %v: Main(%q) ran a command", builtins, tt.args)
				}
			}
		})
	}
	t.Run("help forms agree on a bad flag", func(t *testing.T) {
		t.Parallel()
		a := advMain(t, context.Background(), build("").h, "-h", "c", "--nope")
		b := advMain(t, context.Background(), build("").h, "c", "-h", "--nope")
		if diff := cmp.Diff(advText(b.err), advText(a.err)); diff != "" {
			t.Errorf("tool -h c --nope and tool c -h --nope differ (-c -h +-h c):\n%s", diff)
		}
	})
	t.Run("a command's own -h", func(t *testing.T) {
		t.Parallel()
		w := build("own -h")
		r := advMain(t, context.Background(), w.h, "c", "--must", "x", "-h", "example.com")
		if r.err != nil || w.c.ran != 1 || w.c.H != "example.com" {
			t.Errorf("Main = %v, ran %d, --host %q; want -h to be the command's --host", r.err, w.c.ran, w.c.H)
		}
	})
}

// TestAdversaryGlobalShorthandH: "-h and --help belong to the host on
// every command, unless a command declares its own -h": a global flag is
// not a command's, so a GlobalFlagger declaring -h must not silently take
// tool CMD -h away from help.
func TestAdversaryGlobalShorthandH(t *testing.T) {
	t.Parallel()
	c := &advCmd{name: "c", desc: "the c command"}
	g := &advGlobal{name: "g", flags: func(g *advGlobal) *flag.FlagSet {
		fs := advFlagSet("g")
		fs.BoolVar(&g.B, "human", false, "human-readable")
		fs.BoolVar(&g.B, "h", false, "human-readable")
		return fs
	}}
	r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c, g}}, "c", "-h")
	isErr := advPluginError(r.err) != nil
	if !isErr && (c.ran != 0 || !strings.Contains(r.stdout, "the c command")) {
		t.Errorf("tool c -h ran c (%d) and printed %q; want c's help, or an error naming plugin g", c.ran, r.stdout)
	}
}

// TestAdversaryFlagTraits: plugflag's Required, OneOf, Hidden, Deprecated
// and Negatable "nest, and wrap any declared flag"; "a run without it
// fails naming every missing required flag, exit 2"; "(parsed, with a
// one-line warning on stderr)"; a Negatable is "--no-color for a
// boolean"; a panic in Flags is a *cli.PluginError naming the plugin.
func TestAdversaryFlagTraits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		bug      string
		flags    func(c *advCmd, fs *flag.FlagSet)
		args     []string
		wantCode int
		wantS    string
		wantB    bool
		wantErr  string // text the error holds
		wantWarn bool   // one deprecation line on stderr
		hidden   bool   // --x is not in c's help
		wantHelp string // a row c's help shows, in place of --x's
	}{
		{name: "Required(Hidden(OneOf)) missing", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Required(plugflag.Hidden(plugflag.OneOf(&c.S, "a", "b"))), "x", "x")
		}, args: []string{"c"}, wantCode: cli.ExitUsage, wantErr: "--x"},
		{name: "Required(Hidden(OneOf)) given", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Required(plugflag.Hidden(plugflag.OneOf(&c.S, "a", "b"))), "x", "x")
		}, args: []string{"c", "--x", "b"}, wantS: "b", hidden: true},
		{name: "Hidden(Required(OneOf)) refuses a bad choice", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Hidden(plugflag.Required(plugflag.OneOf(&c.S, "a", "b"))), "x", "x")
		}, args: []string{"c", "--x", "c"}, wantCode: cli.ExitUsage, wantErr: "want one of a, b"},
		{name: "Required(Negatable(Bool)) given as --no-x", flags: func(c *advCmd, fs *flag.FlagSet) {
			c.B = true
			fs.Var(plugflag.Required(plugflag.Negatable(plugflag.Bool(&c.B))), "x", "x")
		}, args: []string{"c", "--no-x"}, wantB: false},
		{name: "Negatable(Required(Bool)) given as --x=false", flags: func(c *advCmd, fs *flag.FlagSet) {
			c.B = true
			fs.Var(plugflag.Negatable(plugflag.Required(plugflag.Bool(&c.B))), "x", "x")
		}, args: []string{"c", "--x=false"}, wantB: false},
		{name: "Negatable on a string has no --no-", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Negatable(plugflag.String(&c.S)), "x", "x")
		}, args: []string{"c", "--no-x"}, wantCode: cli.ExitUsage, wantErr: "--no-x"},
		{name: "Required(Deprecated) given warns once", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Required(plugflag.Deprecated(plugflag.Strings(&c.L), "use --y\nnow\x1b[2J")), "x", "x")
		}, args: []string{"c", "--x", "a", "--x", "b", "--x=c"}, wantWarn: true, hidden: true},
		{name: "Deprecated(Deprecated) warns once", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Deprecated(plugflag.Deprecated(plugflag.String(&c.S), "inner"), "outer"), "x", "x")
		}, args: []string{"c", "--x", "a"}, wantS: "a", wantWarn: true, hidden: true},
		{name: "all five nested", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Required(plugflag.Hidden(plugflag.Deprecated(plugflag.Negatable(plugflag.Bool(&c.B)), "no"))), "x", "x")
		}, args: []string{"c", "--x"}, wantB: true, wantWarn: true, hidden: true},
		{name: "Required(nil)", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Required(nil), "x", "x")
		}, args: []string{"c"}, wantCode: cli.ExitFailure, wantErr: `plugin "c"`},
		{name: "Hidden(String(nil)) set", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Hidden(plugflag.String(nil)), "x", "x")
		}, args: []string{"c", "--x", "a"}, wantCode: cli.ExitFailure, wantErr: `plugin "c"`},
		{name: "Count(nil) set", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Count(nil), "x", "x")
		}, args: []string{"c", "--x"}, wantCode: cli.ExitFailure, wantErr: `plugin "c"`},
		{name: "OneOf with no choices", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.OneOf(&c.S), "x", "x")
		}, args: []string{"c", "--x", "a"}, wantCode: cli.ExitUsage, wantErr: "--x"},
		{name: "OneOf's shorthand checks the choice", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.OneOf(&c.S, "eu", "us"), "region", "where")
			fs.StringVar(&c.S, "r", "", "where")
		}, args: []string{"c", "-r", "mars"}, wantCode: cli.ExitUsage, wantErr: "want one of eu, us", wantHelp: "-r, --region"},
		{name: "String's shorthand", flags: func(c *advCmd, fs *flag.FlagSet) {
			fs.Var(plugflag.Required(plugflag.String(&c.S)), "app", "the app")
			fs.StringVar(&c.S, "a", "", "the app")
		}, args: []string{"c", "-a", "web"}, wantS: "web", wantHelp: "-a, --app"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("BUG: " + tt.bug)
			}
			t.Parallel()
			var c *advCmd
			build := func() *cli.Host {
				c = &advCmd{name: "c", flags: func(c *advCmd) *flag.FlagSet {
					fs := advFlagSet("c")
					tt.flags(c, fs)
					return fs
				}}
				return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}
			}
			r := advMain(t, context.Background(), build(), tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("Main(%q) = %v, exit %d; want %d", tt.args, r.err, r.code, tt.wantCode)
			}
			if tt.wantCode == 0 && (c.S != tt.wantS || c.B != tt.wantB) {
				t.Errorf("S = %q, B = %v; want %q, %v", c.S, c.B, tt.wantS, tt.wantB)
			}
			if !strings.Contains(advText(r.err), tt.wantErr) {
				t.Errorf("Main = %q, want it to hold %q", advText(r.err), tt.wantErr)
			}
			if r.err != nil && strings.Contains(advText(r.err), "in the host") {
				t.Errorf("Main = %q: a plugin's fault reported as the host's", advText(r.err))
			}
			if got := strings.Count(r.stderr, "\n"); tt.wantWarn && (got != 1 || !strings.Contains(r.stderr, "deprecated")) || !tt.wantWarn && got != 0 {
				t.Errorf("stderr = %q, want a deprecation line: %v", r.stderr, tt.wantWarn)
			}
			if bad := advUnsafe(r.stderr, true); bad != "" {
				t.Errorf("stderr = %q: %s", r.stderr, bad)
			}
			if tt.wantHelp != "" {
				help := advMain(t, context.Background(), build(), "c", "-h")
				if help.err != nil || !strings.Contains(help.stdout, tt.wantHelp) {
					t.Errorf("c -h = %v, want help showing %q:\n%s", help.err, tt.wantHelp, help.stdout)
				}
			} else if tt.wantCode == 0 {
				help := advMain(t, context.Background(), build(), "c", "-h")
				if help.err != nil {
					t.Fatalf("c -h = %v", help.err)
				}
				if listed := strings.Contains(help.stdout, "--x") || strings.Contains(help.stdout, "--[no-]x"); listed == tt.hidden {
					t.Errorf("help lists --x: %v, want %v:\n%s", listed, !tt.hidden, help.stdout)
				}
			}
		})
	}
}

// TestAdversaryGlobalAndInheritedFlags: "A global flag of a command's own,
// inherited or lent flag's name is an error naming both plugins"; "A
// sub-command's flag of its parent's name is an error naming both
// plugins, never a silent shadow"; global and inherited flags are
// accepted "after it at any depth" and help lists them.
func TestAdversaryGlobalAndInheritedFlags(t *testing.T) {
	t.Parallel()
	strFlags := func(name string, flags ...string) func(c *advCmd) *flag.FlagSet {
		return func(c *advCmd) *flag.FlagSet {
			fs := advFlagSet(name)
			for _, f := range flags {
				fs.StringVar(new(string), f, "", "flag "+f)
			}
			return fs
		}
	}
	type world struct {
		h       *cli.Host
		a, b, c *advCmd
		g       *advGlobal
	}
	// build makes tool alpha bravo charlie, with a global plugin "glob".
	build := func(alpha, bravo, charlie, glob []string, lent []string) world {
		c := &advCmd{name: "charlie", flags: strFlags("charlie", charlie...)}
		if lent != nil {
			l := &advLender{name: "lender", flags: func(*advLender) *flag.FlagSet { return strFlags("lender", lent...)(nil) }}
			c.scope = func() []plugins.Plugin { return []plugins.Plugin{l} }
		}
		b := &advParent{advCmd: &advCmd{name: "bravo", flags: strFlags("bravo", bravo...)}, subs: func() []plugins.Plugin { return []plugins.Plugin{c} }}
		a := &advParent{advCmd: &advCmd{name: "alpha", flags: strFlags("alpha", alpha...)}, subs: func() []plugins.Plugin { return []plugins.Plugin{b} }}
		g := &advGlobal{name: "glob", flags: func(g *advGlobal) *flag.FlagSet {
			fs := advFlagSet("glob")
			for _, f := range glob {
				fs.StringVar(&g.S, f, "", "global "+f)
			}
			return fs
		}}
		return world{&cli.Host{Tool: "tool", Plugins: []plugins.Plugin{a, g}}, a.advCmd, b.advCmd, c, g}
	}
	clashes := []struct {
		name                        string
		alpha, bravo, charlie, glob []string
		lent                        []string
		plugins                     []string // the plugins the error names
	}{
		{"global and own", nil, nil, []string{"one"}, []string{"one"}, nil, []string{"charlie", "glob"}},
		{"global and lent", nil, nil, nil, []string{"lender-one"}, []string{"one"}, []string{"lender", "glob"}},
		{"global and grandparent's", []string{"one"}, nil, nil, []string{"one"}, nil, []string{"alpha", "glob"}},
		{"grandchild and grandparent", []string{"one"}, nil, []string{"one"}, nil, nil, []string{"alpha", "charlie"}},
		{"grandchild's shorthand and grandparent's", []string{"one", "o"}, nil, []string{"o"}, nil, nil, []string{"alpha", "charlie"}},
		{"global's shorthand and own", nil, nil, []string{"v"}, []string{"v"}, nil, []string{"charlie", "glob"}},
		{"lent and grandparent's", []string{"lender-one"}, nil, nil, nil, []string{"one"}, []string{"alpha", "lender"}},
	}
	for _, tt := range clashes {
		t.Run("clash "+tt.name, func(t *testing.T) {
			t.Parallel()
			for _, args := range [][]string{{"alpha", "bravo", "charlie"}, {"alpha", "bravo", "charlie", "-h"}, {"-h", "alpha", "bravo", "charlie"}} {
				w := build(tt.alpha, tt.bravo, tt.charlie, tt.glob, tt.lent)
				r := advMain(t, context.Background(), w.h, args...)
				msg := advText(r.err)
				if r.code != cli.ExitFailure || advPluginError(r.err) == nil {
					t.Errorf("Main(%q) = %q, exit %d; want a *cli.PluginError", args, msg, r.code)
				}
				for _, p := range tt.plugins {
					if !strings.Contains(msg, fmt.Sprintf("%q", p)) {
						t.Errorf("Main(%q) = %q, want it to name plugin %q", args, msg, p)
					}
				}
				if w.c.ran != 0 {
					t.Errorf("charlie ran")
				}
			}
		})
	}
	t.Run("every level's flags three deep", func(t *testing.T) {
		t.Parallel()
		var got [4]string
		c := &advCmd{name: "charlie", flags: func(c *advCmd) *flag.FlagSet {
			fs := advFlagSet("charlie")
			fs.StringVar(&got[2], "three", "", "three")
			return fs
		}}
		b := &advParent{advCmd: &advCmd{name: "bravo", flags: func(*advCmd) *flag.FlagSet {
			fs := advFlagSet("bravo")
			fs.StringVar(&got[1], "two", "", "two")
			fs.StringVar(&got[1], "t", "", "two")
			return fs
		}}, subs: func() []plugins.Plugin { return []plugins.Plugin{c} }}
		a := &advParent{advCmd: &advCmd{name: "alpha", flags: func(*advCmd) *flag.FlagSet {
			fs := advFlagSet("alpha")
			fs.StringVar(&got[0], "one", "", "one")
			return fs
		}}, subs: func() []plugins.Plugin { return []plugins.Plugin{b} }}
		g := &advGlobal{name: "glob", flags: func(*advGlobal) *flag.FlagSet {
			fs := advFlagSet("glob")
			fs.StringVar(&got[3], "four", "", "four")
			return fs
		}}
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{a, g}}
		r := advMain(t, context.Background(), h, "alpha", "bravo", "charlie", "--three=3", "--one", "1", "-t", "2", "--four", "4", "x")
		if r.err != nil {
			t.Fatal(r.err)
		}
		if diff := cmp.Diff([4]string{"1", "2", "3", "4"}, got); diff != "" {
			t.Errorf("flags (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"x"}, c.args); diff != "" {
			t.Errorf("arguments (-want +got):\n%s", diff)
		}
		help := advMain(t, context.Background(), h, "alpha", "bravo", "charlie", "-h")
		for _, want := range []string{"Flags inherited from alpha", "--one", "Flags inherited from bravo", "-t, --two", "Global flags", "--four", "--three"} {
			if !strings.Contains(help.stdout, want) {
				t.Errorf("charlie's help lacks %q:\n%s", want, help.stdout)
			}
		}
	})
}

// TestAdversarySelfSubCommand: a command that is its own sub-command is
// found "to any depth", its path named in full; "a command that holds
// itself, named 40,000 times" works; its flags, met at two levels, are a
// clash naming it rather than a silent shadow.
func TestAdversarySelfSubCommand(t *testing.T) {
	t.Parallel()
	deep := slices.Repeat([]string{"x"}, 2000)
	tests := []struct {
		name     string
		flags    bool
		args     []string
		wantCode int
		wantPath int // the path's length the hook saw
	}{
		{"three levels", false, []string{"x", "x", "x"}, 0, 3},
		{"two thousand levels", false, append(slices.Clone(deep), "--", "x"), 0, 2000},
		{"help three levels", false, []string{"help", "x", "x", "x"}, 0, 0},
		{"-h deep", false, append(slices.Clone(deep), "-h"), 0, 0},
		{"with flags, one level", true, []string{"x", "--s", "v"}, 0, 1},
		{"with flags, two levels", true, []string{"x", "x"}, cli.ExitFailure, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			x := &advParent{advCmd: &advCmd{name: "x"}}
			if tt.flags {
				x.flags = advStrFlag
			}
			x.subs = func() []plugins.Plugin { return []plugins.Plugin{x} }
			var path []string
			hook := &advHook{name: "hook", before: func(_ *advHook, _ context.Context, p, _ []string) error { path = p; return nil }}
			h := cli.New("tool")
			h.Plugins = append([]plugins.Plugin{x, hook}, h.Plugins...)
			r := advMain(t, context.Background(), h, tt.args...)
			if r.code != tt.wantCode {
				t.Fatalf("Main = %v, exit %d; want %d", r.err, r.code, tt.wantCode)
			}
			if tt.wantCode == cli.ExitFailure {
				if pe := advPluginError(r.err); pe == nil || pe.Plugin != "x" {
					t.Errorf("Main = %v, want a *cli.PluginError naming x", r.err)
				}
			}
			if tt.wantPath > 0 && (len(path) != tt.wantPath || x.ran != 1) {
				t.Errorf("the hook saw a path of %d, Main ran %d times; want %d and 1", len(path), x.ran, tt.wantPath)
			}
		})
	}
}

// advNeedy is a plugin with every need, counting how often it is fed.
type advNeedy struct {
	name  string
	fed   atomic.Int64
	hosts atomic.Int64
	bad   func() // called in SetStdout
}

func (n *advNeedy) Name() string                     { return n.name }
func (n *advNeedy) WithPlugins(plugins.PluginFeeder) { n.fed.Add(1) }
func (n *advNeedy) WithHost(plugins.Command)         { n.hosts.Add(1) }
func (n *advNeedy) SetStdin(io.Reader)               {}
func (n *advNeedy) SetStdout(io.Writer) {
	if n.bad != nil {
		n.bad()
	}
}
func (n *advNeedy) SetStderr(io.Writer) {}

// TestAdversaryFeeder: "A feeder returns only fed plugins: many goroutines
// may call it at once ... a plugin whose setter panicked is left out (the
// run fails with that fault once the command returns)"; "The slice is the
// caller's own copy"; "kept and called after that run, it returns the
// plugins without feeding them"; "runtime.Goexit ... becomes a
// *cli.PluginError naming the plugin".
func TestAdversaryFeeder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		bug      string
		bad      func()
		onGo     bool // the command calls its feeder on goroutines of its own
		sentinel error
	}{
		{name: "32 goroutines", onGo: true},
		{name: "setter panics, on the command's goroutine", bad: func() { panic("setter boom") }, sentinel: cli.ErrPanic},
		{name: "setter panics, on goroutines", bad: func() { panic("setter boom") }, onGo: true, sentinel: cli.ErrPanic},
		{name: "setter calls Goexit, on the command's goroutine", bad: func() { runtime.Goexit() }, sentinel: cli.ErrGoexit},
		{name: "setter calls Goexit, on goroutines", bad: func() { runtime.Goexit() }, onGo: true, sentinel: cli.ErrGoexit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("BUG: " + tt.bug)
			}
			t.Parallel()
			var needy []*advNeedy
			var plugs []plugins.Plugin
			for i := range 20 {
				n := &advNeedy{name: fmt.Sprintf("n%d", i)}
				needy = append(needy, n)
				plugs = append(plugs, n)
			}
			bad := &advNeedy{name: "bad", bad: tt.bad}
			plugs = append(plugs, bad)
			var mu sync.Mutex
			var sawBad, sawUnfed bool
			var stale plugins.PluginFeeder
			look := func(f plugins.PluginFeeder) {
				got := f.Plugins()
				for _, p := range got {
					if n, ok := p.(*advNeedy); ok {
						mu.Lock()
						sawBad = sawBad || n == bad && tt.bad != nil
						sawUnfed = sawUnfed || n != bad && n.fed.Load() != 1
						mu.Unlock()
					}
				}
				slices.Reverse(got) // the caller's own copy
				for i := range got {
					got[i] = nil
				}
			}
			c := &advCmd{name: "c", run: func(ctx context.Context, c *advCmd, args []string) error {
				stale = c.feeder
				if !tt.onGo {
					look(c.feeder)
					return nil
				}
				var wg sync.WaitGroup
				for range 32 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						look(c.feeder)
					}()
				}
				wg.Wait()
				look(c.feeder)
				return nil
			}}
			h := &cli.Host{Tool: "tool", Plugins: append([]plugins.Plugin{c}, plugs...)}
			r := advMain(t, context.Background(), h, "c")
			if sawBad || sawUnfed {
				t.Errorf("a feeder returned an unfed plugin (%v) or the one whose setter failed (%v)", sawUnfed, sawBad)
			}
			for _, n := range needy {
				if n.fed.Load() != 1 || n.hosts.Load() != 1 {
					t.Errorf("%s was fed %d, %d times; want once", n.name, n.fed.Load(), n.hosts.Load())
				}
			}
			if len(h.Plugins) != 22 || h.Plugins[0] != c {
				t.Errorf("the host's slice changed")
			}
			if tt.sentinel == nil {
				if r.err != nil {
					t.Errorf("Main = %v", r.err)
				}
			} else if pe := advPluginError(r.err); pe == nil || pe.Plugin != "bad" || !advHas(pe, tt.sentinel) {
				t.Errorf("Main = %v, want a *cli.PluginError naming \"bad\" holding %v", r.err, tt.sentinel)
			}
			// Kept after the run, the feeder feeds no more.
			if stale != nil {
				before := needy[0].fed.Load()
				if got := stale(); len(got) != 22 || needy[0].fed.Load() != before {
					t.Errorf("a stale feeder returned %d plugins and fed again: %d", len(got), needy[0].fed.Load())
				}
			}
		})
	}
}

// TestAdversaryCancelled: "a context cancelled before Main runs nothing,
// help included, and returns an error wrapping context.Canceled"; exit
// 130.
func TestAdversaryCancelled(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{nil, {"-h"}, {"--version"}, {"c"}, {"help", "c"}, {"c", "-h"}, {"--g", "v", "c"}, {"nosuch"}, {"c", "--nope"}} {
		t.Run(fmt.Sprintf("%q", args), func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			log := &advLog{}
			c := &advCmd{name: "c"}
			g := &advGlobal{name: "g", flags: func(g *advGlobal) *flag.FlagSet {
				fs := advFlagSet("g")
				fs.StringVar(&g.S, "g", "", "global")
				return fs
			}}
			hook := &advHook{name: "hook", before: func(*advHook, context.Context, []string, []string) error { log.add("before"); return nil },
				after: func(*advHook, context.Context, []string, []string, error) error { log.add("after"); return nil }}
			h := cli.New("tool")
			h.DefaultCommand = "c"
			h.Plugins = append([]plugins.Plugin{c, g, hook}, h.Plugins...)
			r := advMain(t, ctx, h, args...)
			if !errors.Is(r.err, context.Canceled) || r.code != cli.ExitInterrupt {
				t.Errorf("Main = %v, exit %d; want context.Canceled, %d", r.err, r.code, cli.ExitInterrupt)
			}
			if r.stdout != "" || r.stderr != "" || c.ran != 0 || len(log.get()) != 0 {
				t.Errorf("ran %d, hooks %q, wrote %q %q; want nothing", c.ran, log.get(), r.stdout, r.stderr)
			}
			var buf bytes.Buffer
			if err := h.PrintHelp(ctx, &buf, args); !errors.Is(err, context.Canceled) || buf.Len() != 0 {
				t.Errorf("PrintHelp = %v, wrote %q", err, buf.String())
			}
		})
	}
}

// TestAdversaryJoinedErrors: "AfterRunner ... what it returns is joined
// to it"; "Errors are one line"; "cli.ExitCode(err) maps them": a usage
// error stays exit 2.
func TestAdversaryJoinedErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		bug      string
		main     error
		wantCode int
	}{
		{name: "Main fails", main: errors.New("boom"), wantCode: cli.ExitFailure},
		{name: "Main's usage error", main: fmt.Errorf("%w: want one app", plugins.ErrUsage), wantCode: cli.ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("BUG: " + tt.bug)
			}
			t.Parallel()
			build := func() *cli.Host {
				c := &advCmd{name: "c", run: func(context.Context, *advCmd, []string) error { return tt.main }}
				hook := &advHook{name: "hook", after: func(*advHook, context.Context, []string, []string, error) error { return errors.New("bang") }}
				return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c, hook}}
			}
			r := advMain(t, context.Background(), build(), "c")
			msg := advText(r.err)
			if r.code != tt.wantCode || !errors.Is(r.err, tt.main) || !strings.Contains(msg, "bang") {
				t.Errorf("Main = %q, exit %d; want both errors, exit %d", msg, r.code, tt.wantCode)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("Main = %q, want one line", msg)
			}
			run := advRun(t, build(), "c")
			advOneLine(t, run.stderr)
		})
	}
}

// TestAdversaryArgsUsage: "ArgsUsage ... a bare word is one required
// argument, [WORD] one optional, a trailing ... on the last word repeats
// it ... too few or too many arguments is a usage error showing the usage
// line. "" means none"; a usage that could never be given is a broken
// plugin, an error naming it; "A SubCommander that is also an ArgsUsager
// runs its own Main when its first argument names none of its
// sub-commands".
func TestAdversaryArgsUsage(t *testing.T) {
	t.Parallel()
	many := slices.Repeat([]string{"f"}, 100_000)
	tests := []struct {
		usage    string
		args     []string
		wantCode int
	}{
		{"", nil, 0},
		{"", []string{"a"}, cli.ExitUsage},
		{"", []string{"--", "-"}, cli.ExitUsage},
		{"[A...]", nil, 0},
		{"[A...]", many, 0},
		{"A...", nil, cli.ExitUsage},
		{"A\tB", []string{"a", "b"}, 0},
		{"A\u2028B", []string{"a"}, cli.ExitUsage},
		{"A\n[B]\r\n", []string{"a", "b"}, 0},
		{"A B", many, cli.ExitUsage},
		{"[A] B", []string{"a", "b"}, cli.ExitFailure},
		{"A... B", []string{"a", "b"}, cli.ExitFailure},
		{"[]", nil, cli.ExitFailure},
		{"...", nil, cli.ExitFailure},
		{"[[A]]", nil, cli.ExitFailure},
		{"A]", []string{"a"}, cli.ExitFailure},
		{"[A", []string{"a"}, cli.ExitFailure},
		{"[...]", nil, cli.ExitFailure},
		{"\x1b[2J", nil, cli.ExitFailure},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q %d", tt.usage, len(tt.args)), func(t *testing.T) {
			t.Parallel()
			build := func() (*cli.Host, *advCmd) {
				c := &advCmd{name: "c"}
				return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{&advUsager{advCmd: c, usage: func() string { return tt.usage }}}}, c
			}
			h, c := build()
			r := advMain(t, context.Background(), h, append([]string{"c"}, tt.args...)...)
			msg := advText(r.err)
			if r.code != tt.wantCode {
				t.Fatalf("Main = %q, exit %d; want %d", msg, r.code, tt.wantCode)
			}
			if tt.wantCode == 0 && len(c.args) != len(tt.args) {
				t.Errorf("Main got %d arguments, want %d", len(c.args), len(tt.args))
			}
			if tt.wantCode != 0 && c.ran != 0 {
				t.Errorf("Main ran")
			}
			if tt.wantCode == cli.ExitUsage && (!strings.Contains(msg, "usage: tool c") || len(msg) > 300) {
				t.Errorf("Main = %.300q, want a short error showing the usage line", msg)
			}
			if tt.wantCode == cli.ExitFailure {
				if pe := advPluginError(r.err); pe == nil || pe.Plugin != "c" || pe.Method != "ArgsUsage" || !advHas(pe, cli.ErrBadPlugin) {
					t.Errorf("Main = %q (%+v), want a *cli.PluginError naming c's ArgsUsage", msg, pe)
				}
			}
			if bad := advUnsafe(msg, false); bad != "" {
				t.Errorf("Main = %q: %s", msg, bad)
			}
			h, _ = build()
			help := advMain(t, context.Background(), h, "c", "-h")
			if tt.wantCode != cli.ExitFailure && (help.err != nil || advUnsafe(help.stdout, true) != "") {
				t.Errorf("c -h = %v, %q", help.err, help.stdout)
			}
		})
	}
	t.Run("panics", func(t *testing.T) {
		t.Parallel()
		c := &advUsager{advCmd: &advCmd{name: "c"}, usage: func() string { panic("usage boom") }}
		r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}, "c")
		if pe := advPluginError(r.err); pe == nil || pe.Plugin != "c" || pe.Method != "ArgsUsage" || !advHas(pe, cli.ErrPanic) {
			t.Errorf("Main = %v, want a *cli.PluginError naming c's ArgsUsage", r.err)
		}
	})
	t.Run("parent with arguments", func(t *testing.T) {
		t.Parallel()
		for _, tc := range []struct {
			args     []string
			wantP    []string // p's arguments; nil if s ran
			wantCode int
		}{
			{[]string{"p", "status"}, nil, 0},
			{[]string{"p", "web"}, []string{"web"}, 0},
			{[]string{"p", "web", "--f", "x"}, []string{"web"}, 0},
			{[]string{"p", "--f", "x", "web"}, []string{"web"}, 0},
			{[]string{"p", "web", "status"}, nil, cli.ExitUsage},
			{[]string{"p"}, []string{}, 0},
		} {
			s := &advCmd{name: "status"}
			p := &advUsageParent{advParent: &advParent{advCmd: &advCmd{name: "p", flags: func(c *advCmd) *flag.FlagSet {
				fs := advFlagSet("p")
				fs.StringVar(&c.S, "f", "", "f")
				return fs
			}}, subs: func() []plugins.Plugin { return []plugins.Plugin{s} }}, usage: "[APP]"}
			r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{p}}, tc.args...)
			if r.code != tc.wantCode {
				t.Errorf("Main(%q) = %v, exit %d; want %d", tc.args, r.err, r.code, tc.wantCode)
				continue
			}
			if tc.wantCode != 0 {
				continue
			}
			if tc.wantP == nil && (s.ran != 1 || p.ran != 0) || tc.wantP != nil && (p.ran != 1 || !slices.Equal(p.args, tc.wantP)) {
				t.Errorf("Main(%q): p ran %d with %q, status ran %d", tc.args, p.ran, p.args, s.ran)
			}
		}
	})
}

// TestAdversaryManyArguments: "Arguments reach the command exactly ... a 1
// MiB argument, 100,000 arguments", here below a parent, through hooks,
// and as a 1,000-letter cluster of a count.
func TestAdversaryManyArguments(t *testing.T) {
	t.Parallel()
	many := make([]string, 100_000)
	for i := range many {
		many[i] = fmt.Sprint(i)
	}
	var count int
	s := &advCmd{name: "s", flags: func(*advCmd) *flag.FlagSet {
		fs := advFlagSet("s")
		fs.Var(plugflag.Count(&count), "verbose", "louder")
		fs.Var(plugflag.Count(&count), "v", "louder")
		return fs
	}}
	p := &advParent{advCmd: &advCmd{name: "p"}, subs: func() []plugins.Plugin { return []plugins.Plugin{s} }}
	var hooked int
	hook := &advHook{name: "hook", before: func(_ *advHook, _ context.Context, _, args []string) error { hooked = len(args); return nil }}
	args := append([]string{"p", "s", "-" + strings.Repeat("v", 1_000)}, many...)
	r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{p, hook}}, args...)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if count != 1_000 || !slices.Equal(s.args, many) || hooked != len(args) {
		t.Errorf("count %d, %d arguments, hook saw %d; want 1000, %d, %d", count, len(s.args), hooked, len(many), len(args))
	}
}

// TestAdversaryPluginsListingEscapes: "the plugins and version --plugins
// tables ... escape it through plugprint.Line".
func TestAdversaryPluginsListingEscapes(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"plugins"}, {"version", "--plugins"}, {"help", "plugins"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			h := cli.New("tool")
			h.Plugins = append([]plugins.Plugin{
				&advCmd{name: "a\u202eb", desc: "x\x1b[2J\r\nforged row\u2028\xff", group: "g\x1b", aliases: []string{"al\u2066"}},
				&advLender{name: "lend\ufeff/er\u200f", flags: func(*advLender) *flag.FlagSet { return nil }},
			}, h.Plugins...)
			r := advRun(t, h, args...)
			out := r.stdout + r.stderr
			if bad := advUnsafe(out, true); bad != "" {
				t.Errorf("printed %s:\n%s", bad, out)
			}
			if strings.Contains(out, "\nforged row") {
				t.Errorf("printed a forged row:\n%s", out)
			}
		})
	}
}

// advTexty is a command whose every text method does what fail says.
type advTexty struct {
	name, method string
	fail         func()
}

func (c *advTexty) Name() string                         { c.at("Name"); return c.name }
func (c *advTexty) Main(context.Context, []string) error { return nil }
func (c *advTexty) CmdAliases() []string                 { c.at("CmdAliases"); return []string{"alias"} }
func (c *advTexty) Description() string                  { c.at("Description"); return "d" }
func (c *advTexty) LongDescription() string              { c.at("LongDescription"); return "l" }
func (c *advTexty) CmdExamples() string                  { c.at("CmdExamples"); return "e" }
func (c *advTexty) CmdGroup() string                     { c.at("CmdGroup"); return "g" }
func (c *advTexty) ArgsUsage() string                    { c.at("ArgsUsage"); return "[A]" }
func (c *advTexty) Flags() *flag.FlagSet                 { c.at("Flags"); return nil }
func (c *advTexty) ScopedPlugins() []plugins.Plugin      { c.at("ScopedPlugins"); return nil }
func (c *advTexty) SubCommands() []plugins.Plugin        { c.at("SubCommands"); return nil }
func (c *advTexty) at(method string) {
	if method == c.method {
		c.fail()
	}
}

// TestAdversaryHelpMethodsFail: "No panic escapes Host.Main, whatever a
// plugin does in any method the host calls ... panic(nil) and
// runtime.Goexit included: each becomes a *cli.PluginError naming the
// plugin, its Go type and the method", in every form of help and a run.
func TestAdversaryHelpMethodsFail(t *testing.T) {
	t.Parallel()
	methods := []string{"CmdAliases", "Description", "LongDescription", "CmdExamples", "CmdGroup", "ArgsUsage", "Flags", "ScopedPlugins", "SubCommands"}
	fails := map[string]func(){
		"panic":     func() { panic("boom") },
		"panic nil": func() { panic(nil) },
		"Goexit":    runtime.Goexit,
	}
	for _, method := range methods {
		for how, fail := range fails {
			t.Run(method+" "+how, func(t *testing.T) {
				t.Parallel()
				for _, args := range [][]string{{"-h"}, {"c", "-h"}, {"help", "c"}, {"c"}, {"help"}, {"plugins"}} {
					h := cli.New("tool")
					h.Plugins = append([]plugins.Plugin{&advTexty{name: "c", method: method, fail: fail}}, h.Plugins...)
					r := advMain(t, context.Background(), h, args...)
					if r.err == nil {
						continue // the form did not call the method
					}
					msg := advText(r.err)
					pe := advPluginError(r.err)
					if pe == nil || pe.Plugin != "c" || pe.Method != method || strings.Contains(msg, "in the host") {
						t.Errorf("Main(%q) = %q, want a *cli.PluginError naming c's %s", args, msg, method)
					}
					if r.code != cli.ExitFailure {
						t.Errorf("Main(%q): exit %d, want %d", args, r.code, cli.ExitFailure)
					}
				}
			})
		}
	}
}

// TestAdversaryNilsInOddPlaces: "nil and typed-nil plugins ... are
// errors, not crashes", wherever a plugin hands one to the host.
func TestAdversaryNilsInOddPlaces(t *testing.T) {
	t.Parallel()
	var nilCmd *advCmd
	var nilLender *advLender
	var nilGlobal *advGlobal
	var nilHook *advHook
	tests := []struct {
		name string
		sub  []plugins.Plugin // p's sub-commands
		c    []plugins.Plugin // c's scope
		host []plugins.Plugin // more of the host's plugins
	}{
		{name: "nil sub-command", sub: []plugins.Plugin{nil}},
		{name: "typed-nil sub-command", sub: []plugins.Plugin{nilCmd}},
		{name: "nil in scope", c: []plugins.Plugin{nil}},
		{name: "typed-nil lender in scope", c: []plugins.Plugin{nilLender}},
		{name: "typed-nil hook in scope", c: []plugins.Plugin{nilHook}},
		{name: "typed-nil global", host: []plugins.Plugin{nilGlobal}},
		{name: "typed-nil hook", host: []plugins.Plugin{nilHook}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, args := range [][]string{{"c"}, {"p", "s"}, {"-h"}, {"help", "p"}, {"c", "-h"}, {"p", "-h"}} {
				c := &advCmd{name: "c", scope: func() []plugins.Plugin { return tt.c }}
				p := &advParent{advCmd: &advCmd{name: "p"}, subs: func() []plugins.Plugin { return append(slices.Clone(tt.sub), &advCmd{name: "s"}) }}
				h := cli.New("tool")
				h.Plugins = append(append([]plugins.Plugin{c, p}, tt.host...), h.Plugins...)
				r := advMain(t, context.Background(), h, args...)
				msg := advText(r.err)
				if strings.Contains(msg, "in the host") || r.err != nil && r.code != cli.ExitFailure {
					t.Errorf("Main(%q) = %q, exit %d; want success or a *cli.PluginError", args, msg, r.code)
				}
			}
		})
	}
}

// TestAdversaryFailedSetters: "A plugin is fed ... once a run, before the
// host first calls its Flags, ScopedPlugins, SubCommands or Main"; "a
// plugin whose setter panicked is left out (the run fails with that fault
// once the command returns)"; runtime.Goexit "becomes a *cli.PluginError
// naming the plugin"; nested runs with the command's ctx share its
// feeding; and nothing a plugin does hangs the host.
func TestAdversaryFailedSetters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		bug  string
		// run is c's Main; it returns what the nested runs returned.
		run       func(ctx context.Context, c *advCmd) []error
		wantFault bool   // the run itself fails with bad's fault
		fail      func() // what bad's setter does; Goexit if nil
	}{
		{name: "the command's goroutine calls the feeder, then Main does", wantFault: true,
			run: func(ctx context.Context, c *advCmd) []error {
				done := make(chan struct{})
				go func() { defer close(done); c.feeder() }()
				<-done
				c.feeder()
				return nil
			}},
		{name: "two nested runs of the needer",
			run: func(ctx context.Context, c *advCmd) []error {
				return []error{c.host.Main(ctx, []string{"bad"}), c.host.Main(ctx, []string{"bad"})}
			}},
		{name: "two nested runs of the needer, setter panics", fail: func() { panic("setter boom") },
			run: func(ctx context.Context, c *advCmd) []error {
				return []error{c.host.Main(ctx, []string{"bad"}), c.host.Main(ctx, []string{"bad"})}
			}},
		{name: "a nested run, then the feeder",
			run: func(ctx context.Context, c *advCmd) []error {
				err := c.host.Main(ctx, []string{"bad"})
				c.feeder()
				return []error{err}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("BUG: " + tt.bug)
			}
			t.Parallel()
			var nested []error
			c := &advCmd{name: "c", run: func(ctx context.Context, c *advCmd, _ []string) error { nested = tt.run(ctx, c); return nil }}
			bad := &advNeedyCmd{advCmd: &advCmd{name: "bad"}, fail: tt.fail}
			r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c, bad}}, "c")
			faults := nested
			if tt.wantFault {
				faults = append(faults, r.err)
			} else if pe := advPluginError(r.err); r.err != nil && (pe == nil || pe.Plugin != "bad") {
				t.Errorf("Main = %v, want nil or bad's fault", r.err)
			}
			if bad.ran != 0 {
				t.Errorf("bad's Main ran %d times, though its setter never returned", bad.ran)
			}
			sentinel := cli.ErrGoexit
			if tt.fail != nil {
				sentinel = cli.ErrPanic
			}
			for _, err := range faults {
				if pe := advPluginError(err); pe == nil || pe.Plugin != "bad" || !advHas(pe, sentinel) {
					t.Errorf("a run = %v, want a *cli.PluginError naming \"bad\" holding %v", err, sentinel)
				}
			}
		})
	}
}

// advNeedyCmd is a command whose SetStdout calls fail, runtime.Goexit
// unless set.
type advNeedyCmd struct {
	*advCmd
	fail func()
}

func (c *advNeedyCmd) SetStdout(io.Writer) {
	if c.fail != nil {
		c.fail()
	}
	runtime.Goexit()
}

// TestAdversaryGlobalValuesAcrossLevels: global and inherited flags are
// accepted "before the command name and after it, on every command at any
// depth"; one Value serves the whole command line, so counts and repeated
// values add up across levels and a negation works anywhere.
func TestAdversaryGlobalValuesAcrossLevels(t *testing.T) {
	t.Parallel()
	type got struct {
		Verbose, PV int
		Tags        []string
		Color       bool
	}
	tests := []struct {
		args []string
		want got
	}{
		{[]string{"-v", "p", "-v", "s", "-vv"}, got{Verbose: 4, Color: true}},
		{[]string{"--tag", "a", "p", "--tag=b", "s", "--tag", "c,d"}, got{Tags: []string{"a", "b", "c,d"}, Color: true}},
		{[]string{"p", "s", "--no-color"}, got{}},
		{[]string{"--no-color", "p", "s", "--color"}, got{Color: true}},
		{[]string{"p", "--pv", "s", "--pv", "--pv=5"}, got{PV: 5, Color: true}},
		{[]string{"p", "--pv", "s", "--pv"}, got{PV: 2, Color: true}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.args), func(t *testing.T) {
			t.Parallel()
			g := got{Tags: nil, Color: true}
			glob := &advGlobal{name: "glob", flags: func(*advGlobal) *flag.FlagSet {
				fs := advFlagSet("glob")
				fs.Var(plugflag.Count(&g.Verbose), "verbose", "louder")
				fs.Var(plugflag.Count(&g.Verbose), "v", "louder")
				fs.Var(plugflag.Strings(&g.Tags), "tag", "tags")
				fs.Var(plugflag.Negatable(plugflag.Bool(&g.Color)), "color", "colour")
				return fs
			}}
			s := &advCmd{name: "s"}
			p := &advParent{advCmd: &advCmd{name: "p", flags: func(*advCmd) *flag.FlagSet {
				fs := advFlagSet("p")
				fs.Var(plugflag.Count(&g.PV), "pv", "parent's count")
				return fs
			}}, subs: func() []plugins.Plugin { return []plugins.Plugin{s} }}
			r := advMain(t, context.Background(), &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{p, glob}}, tt.args...)
			if r.err != nil || s.ran != 1 {
				t.Fatalf("Main = %v, ran %d", r.err, s.ran)
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

// advVersioned is a non-command plugin with a version and a description,
// whose methods do what fail says.
type advVersioned struct {
	method string
	fail   func()
	text   string
}

func (v *advVersioned) Name() string { return "v" }
func (v *advVersioned) PluginVersion() string {
	if v.method == "PluginVersion" {
		v.fail()
	}
	return "1.0" + v.text
}
func (v *advVersioned) Description() string {
	if v.method == "Description" {
		v.fail()
	}
	return "about" + v.text
}

// TestAdversaryBuiltinsReportPlugins: "The built-in commands report the
// plugins they call with the same type and sentinels (errors.Is(err,
// cli.ErrPanic) holds for a panic caught by version --plugins)"; "No text
// a plugin ... controls reaches a terminal raw: ... the plugins and
// version --plugins tables".
func TestAdversaryBuiltinsReportPlugins(t *testing.T) {
	t.Parallel()
	fails := []struct {
		name     string
		fail     func()
		sentinel error
	}{
		{"panic", func() { panic("boom") }, cli.ErrPanic},
		{"panic nil", func() { panic(nil) }, cli.ErrPanic},
		{"Goexit", runtime.Goexit, cli.ErrGoexit},
	}
	for _, method := range []string{"PluginVersion", "Description"} {
		for _, f := range fails {
			t.Run(method+" "+f.name, func(t *testing.T) {
				t.Parallel()
				for _, args := range [][]string{{"version", "--plugins"}, {"plugins"}} {
					h := cli.New("tool")
					h.Plugins = append([]plugins.Plugin{&advVersioned{method: method, fail: f.fail}}, h.Plugins...)
					r := advMain(t, context.Background(), h, args...)
					if r.err == nil {
						continue // the command did not call the method
					}
					pe := advPluginError(r.err)
					if pe == nil || pe.Plugin != "v" || !advHas(pe, f.sentinel) || r.code != cli.ExitFailure {
						t.Errorf("Main(%q) = %q, exit %d; want a *cli.PluginError naming \"v\" holding %v", args, advText(r.err), r.code, f.sentinel)
					}
				}
			})
		}
	}
	t.Run("hostile text", func(t *testing.T) {
		t.Parallel()
		for _, args := range [][]string{{"version", "--plugins"}, {"plugins"}} {
			h := cli.New("tool")
			h.Plugins = append([]plugins.Plugin{&advVersioned{text: "\x1b[2J\r\nforged row\u2028\u202e\xff"}}, h.Plugins...)
			r := advRun(t, h, args...)
			if bad := advUnsafe(r.stdout+r.stderr, true); bad != "" || strings.Contains(r.stdout, "\nforged row") || r.code != 0 {
				t.Errorf("Run(%q) = %d, printed %s:\n%s%s", args, r.code, bad, r.stdout, r.stderr)
			}
		}
	})
}
