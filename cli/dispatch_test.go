package cli_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// ran records which command ran with which arguments.
type ran struct {
	Cmd  string
	Args []string
}

// recorder returns a command named name that records its runs in got.
func recorder(name string, got *[]ran) *th.Full {
	c := &th.Full{}
	c.N = name
	c.Run = func(ctx context.Context, args []string) error {
		*got = append(*got, ran{Cmd: name, Args: args})
		return nil
	}
	return c
}

func TestDispatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want []ran
		err  error
	}{
		{"command", []string{"deploy"}, []ran{{"deploy", []string{}}}, nil},
		{"args after the command go to it", []string{"deploy", "a", "b"}, []ran{{"deploy", []string{"a", "b"}}}, nil},
		{"alias", []string{"ship", "x"}, []ran{{"deploy", []string{"x"}}}, nil},
		{"base of a slashed name", []string{"migrate"}, []ran{{"db/migrate", []string{}}}, nil},
		{"CmdName", []string{"roll"}, []ran{{"release", []string{}}}, nil},
		{"first plugin of a name wins", []string{"build"}, []ran{{"build#1", []string{}}}, nil},
		{"sub-command", []string{"db", "seed", "-x"}, nil, cli.ErrUnknownFlag},
		{"sub-command args", []string{"db", "seed", "--", "-x"}, []ran{{"db/seed", []string{"-x"}}}, nil},
		{"parent without sub-command runs itself", []string{"db"}, []ran{{"db", []string{}}}, nil},
		{"parent after -- runs itself", []string{"db", "--", "seed"}, []ran{{"db", []string{"seed"}}}, nil},
		{"unknown command", []string{"deplyo"}, nil, cli.ErrUnknownCommand},
		{"unknown sub-command", []string{"db", "sed"}, nil, cli.ErrUnknownCommand},
		{"empty command name", []string{""}, nil, cli.ErrUnknownCommand},
		{"dot command name", []string{"."}, nil, cli.ErrUnknownCommand},
		{"command after --", []string{"--", "deploy"}, nil, cli.ErrUnknownCommand},
		{"non-command plugin is not a command", []string{"lender"}, nil, cli.ErrUnknownCommand},
		{"unknown root flag", []string{"--verbose", "deploy"}, nil, cli.ErrUnknownFlag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []ran
			deploy := recorder("deploy", &got)
			deploy.Alias = []string{"ship"}
			release := recorder("release", &got)
			release.Cmd = "roll"
			build1, build2 := recorder("build#1", &got), recorder("build#2", &got)
			build1.Cmd, build2.Cmd = "build", "build"
			db := &th.Parent{Full: *recorder("db", &got)}
			db.Subs = []plugins.Plugin{recorder("db/migrate", &got), recorder("db/seed", &got)}
			h := &cli.Host{Tool: "tool", Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Plugins: []plugins.Plugin{
				deploy, release, build1, build2, db, recorder("db/migrate", &got), &th.Lender{N: "lender"},
			}}
			err := h.Main(context.Background(), tt.args)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Main(%q) = %v, want %v", tt.args, err, tt.err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Main(%q) ran (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestDispatchPrependOverrides(t *testing.T) {
	t.Parallel()
	var got []ran
	h := cli.New("tool")
	h.Stdout = &bytes.Buffer{}
	h.Plugins = append([]plugins.Plugin{recorder("help", &got)}, h.Plugins...)
	if err := h.Main(context.Background(), []string{"help", "x"}); err != nil {
		t.Fatal(err)
	}
	// -h goes through whatever answers to "help", so it is overridden too.
	if err := h.Main(context.Background(), []string{"-h", "version"}); err != nil {
		t.Fatal(err)
	}
	want := []ran{{"help", []string{"x"}}, {"help", []string{"version"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ran (-want +got):\n%s", diff)
	}
}

func TestErrorsNameTheInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
		code int
	}{
		{[]string{"deplyo"}, `tool: unknown command "deplyo" (did you mean "deploy"?)`, 2},
		{[]string{"zzzzzz"}, `tool: unknown command "zzzzzz"`, 2},
		{[]string{"db", "migrat"}, `tool db: unknown command "migrat" (did you mean "migrate"?)`, 2},
		{[]string{"deploy", "--cuont=3"}, `tool deploy: unknown flag "--cuont" (did you mean --count?)`, 2},
		{[]string{"deploy", "--count=many"}, `tool deploy: flag --count: invalid value "many": want an integer`, 2},
		{[]string{"deploy", "--count"}, `tool deploy: flag --count needs a value`, 2},
		{[]string{"deploy", "-5"}, `tool deploy: unknown flag "-5" (to pass "-5" as an argument, put it after "--")`, 2},
		{[]string{"deploy", "-qz"}, `tool deploy: unknown flag "-q" in "-qz"`, 2},
		{[]string{"deploy", "---x"}, `tool deploy: unknown flag "---x": a flag is -x or --name`, 2},
		{[]string{"deploy", "--dry-run=maybe"}, `tool deploy: flag --dry-run: invalid value "maybe": want true or false`, 2},
		{[]string{"fail"}, `tool fail: it broke`, 1},
		{[]string{"panic"}, `plugin "panic" (*testhelpers.Command): Main: panic: oh no`, 1},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			var stdout bytes.Buffer
			h := &cli.Host{Tool: "tool", Stdout: &stdout, Stderr: &stdout, Plugins: []plugins.Plugin{
				deployCmd(new(deployFlags)),
				&th.Parent{Full: th.Full{Command: th.Command{N: "db", Subs: []plugins.Plugin{th.CommandFunc("migrate", nil)}}}},
				th.CommandFunc("fail", func(context.Context, []string) error { return errors.New("it broke") }),
				th.CommandFunc("panic", func(context.Context, []string) error { panic("oh no") }),
			}}
			err := h.Main(context.Background(), tt.args)
			if err == nil {
				t.Fatalf("Main(%q) = nil, want %q", tt.args, tt.want)
			}
			got := struct {
				Msg  string
				Code int
			}{err.Error(), cli.ExitCode(err)}
			want := struct {
				Msg  string
				Code int
			}{tt.want, tt.code}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Main(%q) (-want +got):\n%s", tt.args, diff)
			}
			if stdout.Len() != 0 {
				t.Errorf("Main(%q) wrote %q; errors are returned, not printed", tt.args, stdout.String())
			}
		})
	}
}

var errSentinel = errors.New("sentinel")

type typedErr struct{ code int }

func (e *typedErr) Error() string { return "typed" }

func TestReturnedErrorsUnwrap(t *testing.T) {
	t.Parallel()
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
		th.CommandFunc("a", func(context.Context, []string) error { return errSentinel }),
		th.CommandFunc("b", func(context.Context, []string) error { return &typedErr{code: 7} }),
	}}
	if err := h.Main(context.Background(), []string{"a"}); !errors.Is(err, errSentinel) {
		t.Errorf("Main(a) = %v, want it to wrap errSentinel", err)
	}
	var te *typedErr
	if err := h.Main(context.Background(), []string{"b"}); !errors.As(err, &te) || te.code != 7 {
		t.Errorf("Main(b) = %v, want it to wrap *typedErr{7}", err)
	}
}

func TestPanicsNameThePlugin(t *testing.T) {
	t.Parallel()
	boom := func() { panic("boom") }
	tests := []struct {
		name   string
		plugin plugins.Plugin
		args   []string
		method string
	}{
		{"Name", panicky{name: boom}, []string{"x"}, "Name"},
		{"CmdName", panicky{cmdName: boom}, []string{"x"}, "CmdName"},
		{"Flags", panicky{flags: boom}, []string{"p"}, "Flags"},
		{"Main", panicky{main: boom}, []string{"p"}, "Main"},
		{"WithPlugins", panicky{feed: boom}, []string{"p"}, "WithPlugins"},
		{"Description in help", panicky{desc: boom}, []string{"--help"}, "Description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := &cli.Host{Tool: "tool", Stdout: &bytes.Buffer{}, Plugins: []plugins.Plugin{tt.plugin}}
			err := h.Main(context.Background(), tt.args)
			var pe *cli.PluginError
			if !errors.As(err, &pe) || !errors.Is(err, cli.ErrPanic) {
				t.Fatalf("Main(%q) = %v, want a *cli.PluginError wrapping ErrPanic", tt.args, err)
			}
			if pe.Method != tt.method || pe.Type != "cli_test.panicky" || cli.ExitCode(err) != cli.ExitFailure {
				t.Errorf("Main(%q) = %#v (code %d), want method %s, type cli_test.panicky, code 1", tt.args, pe, cli.ExitCode(err), tt.method)
			}
		})
	}
}

// panicky is a command each of whose methods panics when its func is set.
type panicky struct {
	name, cmdName, flags, main, feed, desc func()
}

func (p panicky) Name() string {
	if p.name != nil {
		p.name()
	}
	return "p"
}
func (p panicky) CmdName() string {
	if p.cmdName != nil {
		p.cmdName()
	}
	return "p"
}
func (p panicky) Flags() *flag.FlagSet {
	if p.flags != nil {
		p.flags()
	}
	return nil
}
func (p panicky) Main(context.Context, []string) error {
	if p.main != nil {
		p.main()
	}
	return nil
}
func (p panicky) WithPlugins(plugins.PluginFeeder) {
	if p.feed != nil {
		p.feed()
	}
}
func (p panicky) Description() string {
	if p.desc != nil {
		p.desc()
	}
	return ""
}

func TestBadPluginNames(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"", "two words", "tab\there", "nl\n"} {
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{th.CommandFunc(name, nil)}}
		err := h.Main(context.Background(), []string{"x"})
		var pe *cli.PluginError
		if !errors.As(err, &pe) || !errors.Is(err, cli.ErrBadPlugin) || pe.Type != "*testhelpers.Command" {
			t.Errorf("plugin named %q: Main = %v, want a *cli.PluginError for ErrBadPlugin naming the type", name, err)
		}
	}
}

func TestCancelledContextRunsNothing(t *testing.T) {
	t.Parallel()
	var got []ran
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{recorder("x", &got)}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := h.Main(ctx, []string{"x"})
	if !errors.Is(err, context.Canceled) || cli.ExitCode(err) != cli.ExitInterrupt {
		t.Errorf("Main = %v (code %d), want context.Canceled and code 130", err, cli.ExitCode(err))
	}
	if len(got) != 0 {
		t.Errorf("ran %v, want nothing", got)
	}
}

func TestContextReachesMain(t *testing.T) {
	t.Parallel()
	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, "v")
	var seen any
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{th.CommandFunc("x", func(ctx context.Context, _ []string) error {
		seen = ctx.Value(key{})
		return nil
	})}}
	if err := h.Main(ctx, []string{"x"}); err != nil || seen != "v" {
		t.Errorf("Main = %v, ctx value %v; want nil, v", err, seen)
	}
}
