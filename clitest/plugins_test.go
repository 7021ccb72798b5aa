package clitest_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/plugins"
)

// TestAdaptersAreOnlyWhatTheyEmbed: the one-line plugins have no
// capability whose presence alone changes how the host runs a command.
func TestAdaptersAreOnlyWhatTheyEmbed(t *testing.T) {
	t.Parallel()
	type caps struct{ Command, SubCommander, ArgsUsager, Hider, ArgsPasser, Flagger, GlobalFlagger, Hook bool }
	of := func(p plugins.Plugin) caps {
		var c caps
		_, c.Command = p.(plugins.Command)
		_, c.SubCommander = p.(plugins.SubCommander)
		_, c.ArgsUsager = p.(plugins.ArgsUsager)
		_, c.Hider = p.(plugins.Hider)
		_, c.ArgsPasser = p.(plugins.ArgsPasser)
		_, c.Flagger = p.(plugins.Flagger)
		_, c.GlobalFlagger = p.(plugins.GlobalFlagger)
		_, before := p.(plugins.BeforeRunner)
		_, after := p.(plugins.AfterRunner)
		c.Hook = before && after
		return c
	}
	for _, tt := range []struct {
		p    plugins.Plugin
		want caps
	}{
		{clitest.Command("c", nil), caps{Command: true, Flagger: true}},
		{clitest.Flags("f", nil), caps{Flagger: true}},
		{clitest.GlobalFlags("g", nil), caps{GlobalFlagger: true}},
		{clitest.Hooks("h", nil, nil), caps{Hook: true}},
		{&struct {
			*clitest.Cmd
			clitest.Args
			clitest.Subs
			clitest.Hidden
			clitest.PassesArgs
		}{Cmd: clitest.Command("all", nil)}, caps{Command: true, SubCommander: true, ArgsUsager: true, Hider: true, ArgsPasser: true, Flagger: true}},
	} {
		if diff := cmp.Diff(tt.want, of(tt.p)); diff != "" {
			t.Errorf("%T (-want +got):\n%s", tt.p, diff)
		}
	}
}

// TestNilFuncsDoNothing: every adapter's zero value works.
func TestNilFuncsDoNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var c clitest.Cmd
	if err := c.Main(ctx, nil); err != nil {
		t.Errorf("a nil MainFunc returned %v", err)
	}
	if fs := c.Flags(); fs == nil || fs.NFlag() != 0 {
		t.Errorf("a nil FlagsFunc returned %v, want an empty set", fs)
	}
	if fs := clitest.GlobalFlagsFunc(nil).GlobalFlags(); fs == nil {
		t.Errorf("a nil GlobalFlagsFunc returned a nil set")
	}
	if err := clitest.BeforeFunc(nil).BeforeRun(ctx, nil, nil); err != nil {
		t.Errorf("a nil BeforeFunc returned %v", err)
	}
	if err := clitest.AfterFunc(nil).AfterRun(ctx, nil, nil, errors.New("run")); err != nil {
		t.Errorf("a nil AfterFunc returned %v; an after-hook's error is joined to the run's", err)
	}
	if got := clitest.CompleteArgsFunc(nil).CompleteArgs(ctx, nil, ""); got != nil {
		t.Errorf("a nil CompleteArgsFunc returned %q", got)
	}
}

// TestFlagsAreFreshEachCall: a FlagsFunc binds to the values as they
// stand, and returns a new set each call, as the host needs.
func TestFlagsAreFreshEachCall(t *testing.T) {
	t.Parallel()
	n := 1
	p := clitest.Flags("x", func(fs *flag.FlagSet) { fs.IntVar(&n, "n", n, "") })
	a := p.Flags()
	n = 2
	b := p.Flags()
	if a == b || a.Lookup("n").DefValue != "1" || b.Lookup("n").DefValue != "2" {
		t.Errorf("Flags returned %p (default %s), then %p (default %s)", a, a.Lookup("n").DefValue, b, b.Lookup("n").DefValue)
	}
}

// deployTool is a tool built of fakes only: a command with help text,
// flags, a lender in its scope and a hook, a parent with a sub-command
// taking one argument, a hidden command, a pass-through command and a
// global flag.
func deployTool(log *[]string) func() *cli.Host {
	return func() *cli.Host {
		var env, region string
		var count int
		var debug bool
		deploy := clitest.Command("ops/deploy", nil)
		deploy.About = clitest.About{Command: "deploy", Aliases: []string{"ship"}, Short: "deploy the app", Group: "Ops"}
		deploy.FlagsFunc = func(fs *flag.FlagSet) { fs.StringVar(&env, "env", env, "where to") }
		deploy.Scope = clitest.Scope{clitest.Flags("aws", func(fs *flag.FlagSet) { fs.StringVar(&region, "region", region, "the region") })}
		deploy.MainFunc = func(ctx context.Context, args []string) error {
			_, err := fmt.Fprintf(deploy.Stdout(), "deploying %v to %s in %s, debug %v\n", args, env, region, debug)
			return err
		}
		show := &struct {
			*clitest.Cmd
			clitest.Args
		}{clitest.Command("show", nil), "NAME"}
		show.MainFunc = func(ctx context.Context, args []string) error {
			_, err := fmt.Fprintf(show.Stdout(), "showing %s, count %d\n", args[0], count)
			return err
		}
		db := &struct {
			*clitest.Cmd
			clitest.Subs
		}{clitest.Command("db", nil), clitest.Subs{show}}
		db.FlagsFunc = func(fs *flag.FlagSet) { fs.IntVar(&count, "count", count, "") }
		secret := &struct {
			*clitest.Cmd
			clitest.Hidden
		}{Cmd: clitest.Command("secret", nil)}
		raw := &struct {
			*clitest.Cmd
			clitest.PassesArgs
		}{Cmd: clitest.Command("raw", nil)}
		raw.MainFunc = func(ctx context.Context, args []string) error {
			_, err := fmt.Fprintf(raw.Stdout(), "%q\n", args)
			return err
		}
		hook := clitest.Hooks("log",
			func(ctx context.Context, path, args []string) error {
				*log = append(*log, fmt.Sprintf("before %v", path))
				return nil
			},
			func(ctx context.Context, path, args []string, err error) error {
				*log = append(*log, fmt.Sprintf("after %v: %v", path, err))
				return nil
			})
		return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
			deploy, db, secret, raw, hook,
			clitest.GlobalFlags("debug", func(fs *flag.FlagSet) { fs.BoolVar(&debug, "debug", debug, "say more") }),
		}}
	}
}

func TestFakesRunInAHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want clitest.Output
		log  []string
	}{
		{"flags, lent flags, global flags", []string{"--debug", "ship", "--env=prod", "--aws-region", "eu", "web"},
			clitest.Output{Stdout: "deploying [web] to prod in eu, debug true\n"},
			[]string{"before [deploy]", "after [deploy]: <nil>"}},
		{"sub-command and its argument", []string{"db", "--count=2", "show", "users"},
			clitest.Output{Stdout: "showing users, count 2\n"}, []string{"before [db show]", "after [db show]: <nil>"}},
		{"argument missing", []string{"db", "show"},
			clitest.Output{Code: 2, Stderr: "tool db show: want 1 argument, got 0 (usage: tool db show [flags] NAME)\n"}, nil},
		{"hidden runs", []string{"secret"}, clitest.Output{}, []string{"before [secret]", "after [secret]: <nil>"}},
		{"pass-through", []string{"raw", "-h", "--x"}, clitest.Output{Stdout: "[\"-h\" \"--x\"]\n"}, []string{"before [raw]", "after [raw]: <nil>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var log []string
			got := clitest.Run(t, deployTool(&log), tt.args)
			if diff := cmp.Diff(tt.want, got.Output); diff != "" {
				t.Errorf("tool %q (-want +got):\n%s", tt.args, diff)
			}
			if diff := cmp.Diff(tt.log, log); diff != "" {
				t.Errorf("tool %q: hooks (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestFakesShowInHelp(t *testing.T) {
	t.Parallel()
	var log []string
	got := clitest.Run(t, deployTool(&log), []string{"--help"})
	if got.Code != 0 {
		t.Fatalf("tool --help: %+v", got)
	}
	clitest.Golden(t, "help.golden", got.Stdout)
	if strings.Contains(got.Stdout, "secret") {
		t.Errorf("help lists a Hidden command:\n%s", got.Stdout)
	}
}

// TestFedRecordsWhatTheHostFeeds: a Cmd is every needer.
func TestFedRecordsWhatTheHostFeeds(t *testing.T) {
	t.Parallel()
	var fed *clitest.Cmd
	var from string
	newHost := func() *cli.Host {
		c := clitest.Command("x", nil)
		c.FlagsFunc = func(fs *flag.FlagSet) { fs.String("f", "", "") }
		c.MainFunc = func(context.Context, []string) error {
			from = c.Sources("f") // it answers for the run that fed it
			fmt.Fprintln(c.Stdout(), "out")
			fmt.Fprintln(c.Stderr(), "err")
			return nil
		}
		fed = c
		return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{c}}
	}
	got := clitest.Run(t, newHost, []string{"x", "-f=1"})
	if diff := cmp.Diff(clitest.Output{Stdout: "out\n", Stderr: "err\n"}, got.Output); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if fed.Host == nil || fed.Host.Name() != "tool" {
		t.Errorf("Host = %v, want the tool", fed.Host)
	}
	if ps := fed.Plugins.Plugins(); len(ps) != 1 || ps[0] != fed {
		t.Errorf("Plugins() = %v, want the one plugin", ps)
	}
	if from != "command line" {
		t.Errorf("Sources(\"f\") = %q during the run, want \"command line\"", from)
	}
}
