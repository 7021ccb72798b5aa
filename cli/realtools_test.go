package cli_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// globals is a GlobalFlagger: --debug and -C dir.
type globals struct {
	name  string
	Debug bool
	Dir   string
}

func (g *globals) Name() string { return g.name }
func (g *globals) GlobalFlags() *flag.FlagSet {
	fs := flag.NewFlagSet(g.name, flag.ContinueOnError)
	fs.BoolVar(&g.Debug, "debug", g.Debug, "say what happens")
	fs.StringVar(&g.Dir, "C", g.Dir, "run in `dir`")
	return fs
}

// cmdWith is a command with a Flags function, sub-commands and hooks of
// its own choosing.
func cmdWith(name string, flags func(fs *flag.FlagSet), run func(args []string) error) *th.Parent {
	c := &th.Parent{}
	c.N = name
	c.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		if flags != nil {
			flags(fs)
		}
		return fs
	}
	c.Run = func(_ context.Context, args []string) error {
		if run == nil {
			return nil
		}
		return run(args)
	}
	return c
}

// leaf is a command without sub-commands.
type leaf struct{ th.Full }

func newLeaf(name string, flags func(fs *flag.FlagSet), run func(args []string) error) *leaf {
	p := cmdWith(name, flags, run)
	return &leaf{p.Full}
}

func TestGlobalFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  []string
		debug bool
		dir   string
		ran   []string
	}{
		{"before the command", []string{"--debug", "-C", "/tmp", "deploy", "status", "x"}, true, "/tmp", []string{"x"}},
		{"after the command", []string{"deploy", "--debug", "status", "x"}, true, "", []string{"x"}},
		{"at the end", []string{"deploy", "status", "x", "--debug", "-C=/srv"}, true, "/srv", []string{"x"}},
		{"not given", []string{"deploy", "status"}, false, "", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := &globals{name: "global"}
			var ran []string
			deploy := cmdWith("deploy", nil, nil)
			deploy.Subs = []plugins.Plugin{newLeaf("status", nil, func(args []string) error { ran = args; return nil })}
			h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deploy, g}}
			if err := h.Main(context.Background(), tt.args); err != nil {
				t.Fatal(err)
			}
			if g.Debug != tt.debug || g.Dir != tt.dir {
				t.Errorf("debug %v dir %q, want %v %q", g.Debug, g.Dir, tt.debug, tt.dir)
			}
			if diff := cmp.Diff(tt.ran, ran); diff != "" {
				t.Errorf("status ran with (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGlobalFlagClashes(t *testing.T) {
	t.Parallel()
	var s string
	own := func(fs *flag.FlagSet) { fs.StringVar(&s, "debug", "", "mine") }
	for name, h := range map[string]*cli.Host{
		"own flag": {Tool: "tool", Plugins: []plugins.Plugin{newLeaf("deploy", own, nil), &globals{name: "global"}}},
		"lent flag": {Tool: "tool", Plugins: []plugins.Plugin{func() plugins.Plugin {
			c := newLeaf("deploy", nil, nil)
			c.Scope = []plugins.Plugin{&th.Lender{N: "x", FlagsFn: func() *flag.FlagSet {
				fs := flag.NewFlagSet("x", flag.ContinueOnError)
				fs.Bool("C", false, "lent as --x-C")
				fs.Bool("debug", false, "lent as --x-debug")
				return fs
			}}}
			return c
		}(), &globals{name: "global"}, &globals{name: "x-debug-maker"}}},
		"two globals": {Tool: "tool", Plugins: []plugins.Plugin{newLeaf("deploy", nil, nil), &globals{name: "a"}, &globals{name: "b"}}},
	} {
		err := h.Main(context.Background(), []string{"deploy"})
		var pe *cli.PluginError
		if !errors.As(err, &pe) || !errors.Is(err, cli.ErrBadPlugin) || !strings.Contains(err.Error(), "--") {
			t.Errorf("%s: Main = %v, want a clash naming the flag", name, err)
		}
	}
}

func TestGlobalFlagsInHelp(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	deploy := cmdWith("deploy", func(fs *flag.FlagSet) {
		fs.String("env", "dev", "where")
	}, nil)
	deploy.Desc = "deploy the app"
	deploy.Subs = []plugins.Plugin{newLeaf("status", nil, nil)}
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{deploy, &globals{name: "global"}}}
	for _, args := range [][]string{{"--help"}, {"deploy", "status", "--help"}} {
		out.Reset()
		if err := h.Main(context.Background(), args); err != nil {
			t.Fatal(err)
		}
		th.Golden(t, "global_"+strings.Join(args, "_")+".golden", out.String())
	}
}

func TestInheritedFlags(t *testing.T) {
	t.Parallel()
	var env string
	var got []string
	deploy := cmdWith("deploy", func(fs *flag.FlagSet) {
		fs.StringVar(&env, "env", "dev", "where")
		fs.StringVar(&env, "e", "dev", "where")
	}, nil)
	deploy.Subs = []plugins.Plugin{newLeaf("status", nil, func(args []string) error { got = append(got, env); return nil })}
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deploy}}
	for _, args := range [][]string{{"deploy", "status", "-e", "prod"}, {"deploy", "--env=stage", "status"}, {"deploy", "status", "--env", "qa"}} {
		if err := h.Main(context.Background(), args); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
	}
	if diff := cmp.Diff([]string{"prod", "stage", "qa"}, got); diff != "" {
		t.Errorf("the parent's field seen by status (-want +got):\n%s", diff)
	}

	// A sub-command's flag of its parent's name is an error, never a
	// silent shadow.
	deploy.Subs = []plugins.Plugin{newLeaf("status", func(fs *flag.FlagSet) { fs.String("env", "", "mine") }, nil)}
	err := h.Main(context.Background(), []string{"deploy", "status"})
	if !errors.Is(err, cli.ErrBadPlugin) || !strings.Contains(err.Error(), `"deploy"`) || !strings.Contains(err.Error(), `"status"`) {
		t.Errorf("a shadowing sub-command flag: %v, want an error naming both plugins", err)
	}
}

// usager is a command that declares its arguments.
type usager struct {
	th.Full
	usage string
	got   []string
}

func (u *usager) ArgsUsage() string { return u.usage }
func (u *usager) Main(_ context.Context, args []string) error {
	u.got = args
	return nil
}

func TestArgsUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		usage string
		args  []string
		err   string // "" for a run
	}{
		{"APP", []string{"web"}, ""},
		{"APP", nil, `tool deploy: want 1 argument, got 0 (usage: tool deploy [flags] APP)`},
		{"APP", []string{"a", "b"}, `tool deploy: want 1 argument, got 2 (usage: tool deploy [flags] APP)`},
		{"APP [ENV]", []string{"a"}, ""},
		{"APP [ENV]", []string{"a", "b"}, ""},
		{"APP [ENV]", []string{"a", "b", "c"}, `tool deploy: want at most 2 arguments, got 3 (usage: tool deploy [flags] APP [ENV])`},
		{"FILE...", nil, `tool deploy: want at least 1 argument, got 0 (usage: tool deploy [flags] FILE...)`},
		{"FILE...", []string{"a", "b", "c"}, ""},
		{"[FILE...]", nil, ""},
		{"APP [FILE...]", []string{"a", "b", "c"}, ""},
		{"", nil, ""},
		{"", []string{"x"}, `tool deploy: want no arguments, got 1 (usage: tool deploy [flags])`},
	}
	for _, tt := range tests {
		u := &usager{usage: tt.usage}
		u.N = "deploy"
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{u}}
		err := h.Main(context.Background(), append([]string{"deploy"}, tt.args...))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("usage %q, args %q: %v", tt.usage, tt.args, err)
		case tt.err != "" && (err == nil || err.Error() != tt.err || cli.ExitCode(err) != cli.ExitUsage || !errors.Is(err, cli.ErrArgs)):
			t.Errorf("usage %q, args %q: %v (exit %d), want %s (exit 2)", tt.usage, tt.args, err, cli.ExitCode(err), tt.err)
		case tt.err != "" && u.got != nil:
			t.Errorf("usage %q, args %q: Main ran", tt.usage, tt.args)
		}
	}
	for _, bad := range []string{"[APP", "A... B", "[A] B", "...", "[]"} {
		u := &usager{usage: bad}
		u.N = "deploy"
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{u}}
		if err := h.Main(context.Background(), []string{"deploy"}); !errors.Is(err, cli.ErrBadPlugin) {
			t.Errorf("usage %q: %v, want ErrBadPlugin", bad, err)
		}
	}
}

// parentWithArgs is a SubCommander that takes an argument of its own.
type parentWithArgs struct {
	th.Parent
	got []string
}

func (p *parentWithArgs) ArgsUsage() string { return "[APP]" }
func (p *parentWithArgs) Main(_ context.Context, args []string) error {
	p.got = append([]string{"deploy"}, args...)
	return nil
}

func TestSubCommanderWithArguments(t *testing.T) {
	t.Parallel()
	var ran []string
	force := false
	p := &parentWithArgs{}
	p.N = "deploy"
	p.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
		fs.BoolVar(&force, "force", false, "")
		return fs
	}
	p.Subs = []plugins.Plugin{newLeaf("status", nil, func(args []string) error { ran = append([]string{"status"}, args...); return nil })}
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{p}}
	if err := h.Main(context.Background(), []string{"deploy", "web", "--force"}); err != nil {
		t.Fatal(err)
	}
	forced := force
	if err := h.Main(context.Background(), []string{"deploy", "status", "x"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"deploy", "web"}, p.got); diff != "" || !forced {
		t.Errorf("deploy web --force ran with (-want +got):\n%s (force %v)", diff, forced)
	}
	if diff := cmp.Diff([]string{"status", "x"}, ran); diff != "" {
		t.Errorf("deploy status x ran (-want +got):\n%s", diff)
	}
}

// passer parses its own arguments.
type passer struct {
	th.Full
	got []string
}

func (p *passer) PassArgs() {}
func (p *passer) Main(_ context.Context, args []string) error {
	p.got = args
	return nil
}

func TestArgsPasser(t *testing.T) {
	t.Parallel()
	g := &globals{name: "global"}
	p := &passer{}
	p.N, p.Desc = "gen", "hand the arguments to soda"
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{p, g}}
	args := []string{"--debug", "gen", "model", "-h", "--help", "--debug", "--", "x y", "-n5"}
	if err := h.Main(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(args[2:], p.got); diff != "" || !g.Debug {
		t.Errorf("gen got (-want +got):\n%s (global --debug before it: %v)", diff, g.Debug)
	}
	if err := h.Main(context.Background(), []string{"--help", "gen"}); err != nil || !strings.Contains(out.String(), "hand the arguments") {
		t.Errorf("help of a pass-through command: %v, %q", err, out.String())
	}
}

func TestErrUsageFromACommand(t *testing.T) {
	t.Parallel()
	u := &usager{usage: "APP"}
	u.N = "deploy"
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
		th.CommandFunc("check", func(context.Context, []string) error {
			return fmt.Errorf("%w: want one app", plugins.ErrUsage)
		}),
	}}
	err := h.Main(context.Background(), []string{"check"})
	var ue *cli.UsageError
	if !errors.As(err, &ue) || !errors.Is(err, plugins.ErrUsage) || cli.ExitCode(err) != cli.ExitUsage {
		t.Fatalf("Main = %v, want a *cli.UsageError matching plugins.ErrUsage, exit 2", err)
	}
	if want := "tool check: wrong usage: want one app (usage: tool check [flags] [arguments])"; err.Error() != want {
		t.Errorf("Main = %q, want %q", err, want)
	}
	// The host's own usage errors match plugins.ErrUsage too.
	if err := h.Main(context.Background(), []string{"chekc"}); !errors.Is(err, plugins.ErrUsage) {
		t.Errorf("unknown command = %v, want it to match plugins.ErrUsage", err)
	}
}

func TestVersionFlag(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ version, want string }{{"1.2.3", "tool version 1.2.3\n"}, {"", "tool version "}} {
		var out bytes.Buffer
		h := &cli.Host{Tool: "tool", Version: tt.version, Stdout: &out, Plugins: []plugins.Plugin{th.CommandFunc("x", nil)}}
		if err := h.Main(context.Background(), []string{"--version"}); err != nil || !strings.HasPrefix(out.String(), tt.want) {
			t.Errorf("--version with Version %q: %v, %q; want %q", tt.version, err, out.String(), tt.want)
		}
	}
}

func TestDefaultCommand(t *testing.T) {
	t.Parallel()
	ran := 0
	var out bytes.Buffer
	g := &globals{name: "global"}
	h := &cli.Host{Tool: "tool", DefaultCommand: "serve", Stdout: &out, Plugins: []plugins.Plugin{
		th.CommandFunc("serve", func(context.Context, []string) error { ran++; return nil }), g,
	}}
	for _, args := range [][]string{nil, {"--debug"}} {
		if err := h.Main(context.Background(), args); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Main(context.Background(), []string{"--help"}); err != nil || !strings.Contains(out.String(), "Usage:") {
		t.Errorf("--help with a default command: %v, %q", err, out.String())
	}
	if ran != 2 || !g.Debug {
		t.Errorf("serve ran %d times (debug %v), want 2 and --debug applied", ran, g.Debug)
	}
}

// hook records when it is called, and fails when told to.
type hook struct {
	name     string
	log      *[]string
	failWith error
}

func (h *hook) Name() string { return h.name }
func (h *hook) BeforeRun(_ context.Context, path, args []string) error {
	*h.log = append(*h.log, fmt.Sprintf("before %s %q %q", h.name, path, args))
	return h.failWith
}
func (h *hook) AfterRun(_ context.Context, path, args []string, err error) error {
	*h.log = append(*h.log, fmt.Sprintf("after %s %v", h.name, err))
	return nil
}

func TestHooks(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	tests := []struct {
		name    string
		main    func() error
		fail    error // of the first hook's BeforeRun
		want    []string
		wantErr string
	}{
		{"order", nil, nil, []string{
			`before a ["deploy" "status"] ["deploy" "status" "--force" "x"]`,
			`before scoped ["deploy" "status"] ["deploy" "status" "--force" "x"]`,
			"main",
			"after scoped <nil>",
			"after a <nil>",
		}, ""},
		{"main fails", func() error { return boom }, nil, []string{
			`before a ["deploy" "status"] ["deploy" "status" "--force" "x"]`,
			`before scoped ["deploy" "status"] ["deploy" "status" "--force" "x"]`,
			"main",
			"after scoped tool deploy status: boom",
			"after a tool deploy status: boom",
		}, "tool deploy status: boom"},
		{"main panics", func() error { panic("oops") }, nil, nil, "panic: oops"},
		{"before fails", nil, boom, []string{
			`before a ["deploy" "status"] ["deploy" "status" "--force" "x"]`,
			"after scoped tool deploy status: before: a: boom",
			"after a tool deploy status: before: a: boom",
		}, "tool deploy status: before: a: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var log []string
			a := &hook{name: "a", log: &log, failWith: tt.fail}
			scoped := &hook{name: "scoped", log: &log}
			deploy := cmdWith("deploy", nil, nil)
			deploy.Scope = []plugins.Plugin{scoped, a} // a is the host's too: asked once
			status := newLeaf("status", func(fs *flag.FlagSet) { fs.Bool("force", false, "") }, func([]string) error {
				log = append(log, "main")
				if tt.main != nil {
					return tt.main()
				}
				return nil
			})
			deploy.Subs = []plugins.Plugin{status}
			h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deploy, a}}
			err := h.Main(context.Background(), []string{"deploy", "status", "--force", "x"})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("Main = %v, want %q", err, tt.wantErr)
			}
			if tt.want == nil {
				if n := len(log); n != 5 || !strings.HasPrefix(log[3], "after scoped") || !strings.Contains(log[3], "panic") {
					t.Errorf("after a panic the hooks saw %q", log)
				}
				return
			}
			if diff := cmp.Diff(tt.want, log); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
		})
	}
}

// failingAfter returns an error from AfterRun.
type failingAfter struct{ hook }

func (f *failingAfter) AfterRun(context.Context, []string, []string, error) error {
	return errors.New("cleanup failed")
}

func TestAfterHookErrorsAreJoined(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	var log []string
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
		th.CommandFunc("x", func(context.Context, []string) error { return boom }),
		&failingAfter{hook{name: "f", log: &log}},
	}}
	err := h.Main(context.Background(), []string{"x"})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "cleanup failed") {
		t.Errorf("Main = %v, want boom and the hook's error joined", err)
	}
}

// buildFlagger is a buffalo-style plugin: it lends build its own set of
// flags, through a method of its own, and hooks before build.
type buildFlagger interface {
	plugins.Plugin
	BuildFlags() *flag.FlagSet
}

type webpack struct {
	Environment string
	sawArgs     []string
}

func (w *webpack) Name() string { return "webpack" }
func (w *webpack) BuildFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("webpack", flag.ContinueOnError)
	fs.StringVar(&w.Environment, "environment", "development", "the asset environment")
	return fs
}
func (w *webpack) BeforeRun(_ context.Context, path, args []string) error {
	w.sawArgs = args
	return nil
}

type build struct {
	th.Full
	feeder plugins.PluginFeeder
}

func (b *build) WithPlugins(f plugins.PluginFeeder) { b.feeder = f }
func (b *build) ScopedPlugins() []plugins.Plugin {
	var scope []plugins.Plugin
	for _, p := range plugins.Select[buildFlagger](b.feeder.Plugins()) {
		scope = append(scope, plugins.Lend(p, p.BuildFlags))
		scope = append(scope, p) // for its hooks
	}
	return scope
}

func TestLendingPerCommand(t *testing.T) {
	t.Parallel()
	w := &webpack{}
	b := &build{}
	b.N = "build"
	h := &cli.Host{Tool: "buffalo", Plugins: []plugins.Plugin{b, w}}
	args := []string{"build", "--webpack-environment", "production"}
	if err := h.Main(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	if w.Environment != "production" {
		t.Errorf("webpack's field = %q, want production", w.Environment)
	}
	if diff := cmp.Diff(args, w.sawArgs); diff != "" {
		t.Errorf("the before-hook read (-want +got):\n%s", diff)
	}
}

func TestFlagTraits(t *testing.T) {
	t.Parallel()
	newHost := func(stderr io.Writer) (*cli.Host, *struct {
		App, Env, Old string
		Color         bool
	}) {
		v := &struct {
			App, Env, Old string
			Color         bool
		}{Color: true}
		c := newLeaf("deploy", func(fs *flag.FlagSet) {
			fs.Var(plugflag.Required(plugflag.String(&v.App)), "app", "the app")
			fs.Var(plugflag.Required(plugflag.OneOf(&v.Env, "dev", "staging", "prod")), "env", "where")
			fs.Var(plugflag.Hidden(plugflag.Deprecated(plugflag.String(&v.Old), "use --app")), "old", "old name")
			fs.Var(plugflag.Negatable(plugflag.Bool(&v.Color)), "color", "colour")
		}, nil)
		return &cli.Host{Tool: "tool", Stderr: stderr, Stdout: io.Discard, Plugins: []plugins.Plugin{c}}, v
	}
	tests := []struct {
		args   []string
		err    string
		stderr string
	}{
		{[]string{"deploy"}, "tool deploy: missing required flags --app, --env", ""},
		{[]string{"deploy", "--app=web"}, "tool deploy: missing required flag --env", ""},
		{[]string{"deploy", "--app=web", "--env=prdo"}, `tool deploy: flag --env: invalid value "prdo": want one of dev, staging, prod (did you mean "prod"?)`, ""},
		{[]string{"deploy", "--app=web", "--env=prod", "--no-color"}, "", ""},
		{[]string{"deploy", "--old=web", "--env=prod", "--app=x"}, "", "tool: flag --old is deprecated: use --app\n"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		h, v := newHost(&stderr)
		err := h.Main(context.Background(), tt.args)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.args, err)
		case tt.err != "" && (err == nil || err.Error() != tt.err || cli.ExitCode(err) != cli.ExitUsage):
			t.Errorf("%q = %v, want %q (exit 2)", tt.args, err, tt.err)
		}
		if stderr.String() != tt.stderr {
			t.Errorf("%q: stderr %q, want %q", tt.args, stderr.String(), tt.stderr)
		}
		if tt.err == "" && slicesContain(tt.args, "--no-color") && v.Color {
			t.Errorf("--no-color left Color true")
		}
	}
	var out bytes.Buffer
	h, _ := newHost(io.Discard)
	h.Stdout = &out
	if err := h.Main(context.Background(), []string{"deploy", "--help"}); err != nil {
		t.Fatal(err)
	}
	th.Golden(t, "traits.golden", out.String())
}

func slicesContain(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestSuggestions(t *testing.T) {
	t.Parallel()
	var region string
	deploy := newLeaf("deploy", nil, nil)
	deploy.Scope = []plugins.Plugin{lender("aws", "region", &region)}
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deploy, th.CommandFunc("greet", nil)}}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"Greet"}, `tool: unknown command "Greet" (did you mean "greet"?)`},
		{[]string{"GREET"}, `tool: unknown command "GREET" (did you mean "greet"?)`},
		{[]string{"deploy", "--region=eu"}, `tool deploy: unknown flag "--region" (did you mean --aws-region?)`},
		{[]string{"deploy", "--help=bogus"}, `tool deploy: flag --help: invalid value "bogus": want true or false`},
	}
	for _, tt := range tests {
		if err := h.Main(context.Background(), tt.args); err == nil || err.Error() != tt.want {
			t.Errorf("%q = %v, want %s", tt.args, err, tt.want)
		}
	}
}

// described has every help text there is.
type described struct {
	th.Full
	group string
}

func (d *described) LongDescription() string {
	return "Deploy ships the app.\n\nIt waits for it to answer."
}
func (d *described) CmdExamples() string { return "tool deploy web\ntool deploy web --env=prod" }
func (d *described) CmdGroup() string    { return d.group }
func (d *described) ArgsUsage() string   { return "APP [ENV]" }

func TestHelpTellsTheWholeStory(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	deploy := &described{group: "Deploy commands"}
	deploy.N, deploy.Desc = "deploy", "ship the app"
	rollback := &described{group: "Deploy commands"}
	rollback.N, rollback.Desc = "rollback", "undo a deploy"
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{deploy, rollback, th.CommandFunc("version", nil)}}
	for _, args := range [][]string{{"--help"}, {"deploy", "--help"}} {
		out.Reset()
		if err := h.Main(context.Background(), args); err != nil {
			t.Fatal(err)
		}
		th.Golden(t, "story_"+strings.Join(args, "_")+".golden", out.String())
	}
}

func TestPanicKeepsItsStack(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	h := &cli.Host{Tool: "tool", Stderr: &stderr, Plugins: []plugins.Plugin{
		th.CommandFunc("x", func(context.Context, []string) error { panic("deep trouble") }),
	}}
	err := h.Main(context.Background(), []string{"x"})
	var pe *cli.PluginError
	if !errors.As(err, &pe) || !strings.Contains(string(pe.Stack), "realtools_test.go") {
		t.Fatalf("Main = %v, want a *PluginError whose Stack shows where it panicked", err)
	}
	cli.Run(context.Background(), h, []string{"x"})
	if strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("Run printed %q, want one line without Traceback", stderr.String())
	}
	stderr.Reset()
	h.Traceback = true
	cli.Run(context.Background(), h, []string{"x"})
	if !strings.Contains(stderr.String(), "realtools_test.go") {
		t.Errorf("Run with Traceback printed %q, want the stack", stderr.String())
	}
}

func TestNegationClashesAreErrors(t *testing.T) {
	t.Parallel()
	for _, order := range [][2]string{{"color", "no-color"}, {"no-color", "color"}} {
		var b bool
		var s string
		c := newLeaf("x", func(fs *flag.FlagSet) {
			for _, name := range order {
				if name == "color" {
					fs.Var(plugflag.Negatable(plugflag.Bool(&b)), name, "")
				} else {
					fs.StringVar(&s, name, "", "")
				}
			}
		}, nil)
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}
		if err := h.Main(context.Background(), []string{"x"}); !errors.Is(err, cli.ErrBadPlugin) {
			t.Errorf("--color negatable beside --no-color (%q): %v, want ErrBadPlugin", order, err)
		}
	}
}
