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
	"sync"
	"testing"
	"weak"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// The model: the host writes into a plugin only what the command line sets,
// and the needer setters. A fresh host is how a run gets fresh state.

// TestFreshHostFreshDefaults: each run on a host built anew starts from
// the defaults the plugin's constructor gives, whatever the last run set.
func TestFreshHostFreshDefaults(t *testing.T) {
	t.Parallel()
	newHost := func(d *deployFlags, region *string) *cli.Host {
		*d = deployFlags{Env: "staging", Tags: []string{"base"}}
		*region = ""
		deploy := deployCmd(d)
		deploy.Scope = []plugins.Plugin{lender("aws", "region", region)}
		return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deploy}}
	}
	runs := []struct {
		args   []string
		want   deployFlags
		region string
	}{
		{nil, deployFlags{Env: "staging", Tags: []string{"base"}, Args: []string{}}, ""},
		{[]string{"--env=prod", "-vv", "--count=4", "--dry-run", "--tag", "x", "--aws-region=eu"},
			deployFlags{Env: "prod", Verbose: 2, Count: 4, DryRun: true, Tags: []string{"x"}, Args: []string{}}, "eu"},
		{nil, deployFlags{Env: "staging", Tags: []string{"base"}, Args: []string{}}, ""},
		{[]string{"--tag", "y", "--tag", "z"}, deployFlags{Env: "staging", Tags: []string{"y", "z"}, Args: []string{}}, ""},
	}
	for i, run := range runs {
		var d deployFlags
		var region string
		if err := newHost(&d, &region).Main(context.Background(), append([]string{"deploy"}, run.args...)); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if diff := cmp.Diff(run.want, d); diff != "" {
			t.Errorf("run %d, deploy %q (-want +got):\n%s", i, run.args, diff)
		}
		if region != run.region {
			t.Errorf("run %d: lent region = %q, want %q", i, region, run.region)
		}
	}
}

// TestHostWritesOnlyWhatTheCommandLineSets: on one host, a second run
// leaves alone every field its command line does not set, and the help
// shows what the fields hold as the defaults.
func TestHostWritesOnlyWhatTheCommandLineSets(t *testing.T) {
	t.Parallel()
	d := deployFlags{Env: "staging"}
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{deployCmd(&d)}}
	if err := h.Main(context.Background(), []string{"deploy", "--env=prod", "--count=2"}); err != nil {
		t.Fatal(err)
	}
	if err := h.Main(context.Background(), []string{"deploy", "--count=3"}); err != nil {
		t.Fatal(err)
	}
	if d.Env != "prod" || d.Count != 3 {
		t.Errorf("after two runs Env=%q Count=%d, want prod (untouched) and 3", d.Env, d.Count)
	}
	if err := h.Main(context.Background(), []string{"deploy", "--help"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `(default "prod")`) {
		t.Errorf("help does not show the field's value as the default:\n%s", out.String())
	}
}

// once is a flag.Value that refuses to be set twice, as some custom values
// do; appender adds to what it holds. Neither can be put back to a
// default, and the host never tries.
type once struct{ v *string }

func (o once) String() string {
	if o.v == nil {
		return ""
	}
	return *o.v
}

func (o once) Set(s string) error {
	if *o.v != "" {
		return errors.New("already set")
	}
	*o.v = s
	return nil
}

type appender struct{ v *[]string }

func (a appender) String() string {
	if a.v == nil {
		return ""
	}
	return strings.Join(*a.v, "+")
}
func (a appender) Set(s string) error { *a.v = append(*a.v, s); return nil }

func TestCustomValuesAreNeverPutBack(t *testing.T) {
	t.Parallel()
	var token string
	list := []string{"default"}
	cmd := &th.Full{}
	cmd.N = "x"
	cmd.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.Var(once{&token}, "token", "set once")
		fs.Var(appender{&list}, "add", "appends")
		return fs
	}
	h := &cli.Host{Tool: "tool", Stdout: io.Discard, Plugins: []plugins.Plugin{cmd}}
	for i := range 3 {
		if err := h.Main(context.Background(), []string{"x", "--add=a"}); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if err := h.Main(context.Background(), []string{"x", "--help"}); err != nil {
			t.Fatalf("help %d: %v", i, err)
		}
	}
	if err := h.Main(context.Background(), []string{"x", "--token=t"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"default", "a", "a", "a"}, list); diff != "" {
		t.Errorf("appender (-want +got):\n%s", diff)
	}
}

// TestFreshSubCommandsBindTheParentsFields: SubCommands returns new values
// every call, whose flags bind a field of the parent. Only the command
// line writes that field.
func TestFreshSubCommandsBindTheParentsFields(t *testing.T) {
	t.Parallel()
	type parentState struct{ Env string }
	st := &parentState{Env: "dev"}
	var seen []string
	parent := &th.Parent{}
	parent.N = "deploy"
	parent.SubsFn = func() []plugins.Plugin {
		sub := &th.Full{}
		sub.N = "status"
		sub.FlagsFn = func() *flag.FlagSet {
			fs := flag.NewFlagSet("status", flag.ContinueOnError)
			fs.StringVar(&st.Env, "env", st.Env, "where")
			return fs
		}
		sub.Run = func(context.Context, []string) error { seen = append(seen, st.Env); return nil }
		return []plugins.Plugin{sub}
	}
	h := &cli.Host{Tool: "tool", Stdout: io.Discard, Plugins: []plugins.Plugin{parent}}
	for _, args := range [][]string{{"deploy", "status", "--env=prod"}, {"deploy", "status"}, {"deploy", "status", "--help"}, {"deploy", "status"}} {
		if err := h.Main(context.Background(), args); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
	}
	if diff := cmp.Diff([]string{"prod", "prod", "prod"}, seen); diff != "" {
		t.Errorf("the parent's field seen by each run (-want +got):\n%s", diff)
	}
}

// TestNestedRunsLeaveTheRunningCommandAlone: a command that runs the host
// again, and prints help into a buffer, from inside its Main keeps its
// fields, its stdout and its feeder.
func TestNestedRunsLeaveTheRunningCommandAlone(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	d := deployFlags{Env: "staging"}
	deploy := deployCmd(&d)
	outer := &needyCmd{}
	outer.N = "outer"
	var h *cli.Host
	var feederAfter []plugins.Plugin
	outer.main = func(ctx context.Context, args []string) error {
		out0, feeder0 := outer.Out, outer.Feeder
		var help bytes.Buffer
		if err := h.PrintHelp(ctx, &help, []string{"outer"}); err != nil {
			return err
		}
		if err := h.PrintHelp(context.Background(), &help, []string{"deploy"}); err != nil {
			return err
		}
		if err := h.Main(ctx, []string{"deploy", "--count=5"}); err != nil {
			return err
		}
		if err := h.Main(ctx, []string{"outer", "--help"}); err != nil {
			return err
		}
		if outer.Out != out0 {
			return errors.New("a nested run changed the running command's stdout")
		}
		if fmt.Sprint(outer.Feeder) != fmt.Sprint(feeder0) {
			return errors.New("a nested run changed the running command's feeder")
		}
		feederAfter = outer.Feeder()
		_, err := io.WriteString(outer.Out, "outer done\n")
		return err
	}
	h = &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{outer, deploy}}
	if err := h.Main(context.Background(), []string{"outer"}); err != nil {
		t.Fatal(err)
	}
	if d.Count != 5 || d.Env != "staging" {
		t.Errorf("nested run left deploy at %+v, want Count 5 and Env staging", d)
	}
	if !strings.HasSuffix(out.String(), "outer done\n") {
		t.Errorf("stdout = %q, want it to end with the outer command's line", out.String())
	}
	if len(feederAfter) != 2 {
		t.Errorf("the feeder after nested runs returned %d plugins, want 2", len(feederAfter))
	}
}

// TestHostHoldsNoPluginAfterARun: five hundred fresh sub-command values,
// each met by one run, are all collectable once the runs return while the
// host lives on.
func TestHostHoldsNoPluginAfterARun(t *testing.T) {
	t.Parallel()
	var subs []weak.Pointer[needyCmd]
	parent := &th.Parent{}
	parent.N = "p"
	parent.SubsFn = func() []plugins.Plugin {
		sub := &needyCmd{}
		sub.N = "sub"
		sub.main = func(context.Context, []string) error { return nil }
		subs = append(subs, weak.Make(sub))
		return []plugins.Plugin{sub}
	}
	h := &cli.Host{Tool: "tool", Stdout: io.Discard, Plugins: []plugins.Plugin{parent}}
	const runs = 500
	for range runs {
		if err := h.Main(context.Background(), []string{"p", "sub"}); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	runtime.GC()
	alive := 0
	for _, w := range subs {
		if w.Value() != nil {
			alive++
		}
	}
	if alive > 0 || len(subs) != runs {
		t.Errorf("%d of %d fresh plugins are still reachable after their runs", alive, len(subs))
	}
	runtime.KeepAlive(h)
}

// TestFeederReturnsOnlyFedPlugins calls the feeder from many goroutines at
// once: every plugin any of them gets back has been fed.
func TestFeederReturnsOnlyFedPlugins(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	needers := make([]plugins.Plugin, 200)
	for i := range needers {
		needers[i] = &th.Needer{N: fmt.Sprintf("n%d", i)}
	}
	cmd := &needyCmd{}
	cmd.N = "cmd"
	cmd.main = func(context.Context, []string) error {
		var wg sync.WaitGroup
		errs := make(chan error, 50)
		for range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, p := range cmd.Feeder() {
					if n, ok := p.(*th.Needer); ok && n.Out == nil {
						errs <- fmt.Errorf("%s returned unfed", n.N)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		return <-errs
	}
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: append([]plugins.Plugin{cmd}, needers...)}
	if err := h.Main(context.Background(), []string{"cmd"}); err != nil {
		t.Fatal(err)
	}
}

// badNeeder panics in WithPlugins.
type badNeeder struct{ th.Needer }

func (b *badNeeder) WithPlugins(plugins.PluginFeeder) { panic("no plugins for me") }

func TestFeederLeavesOutAPluginItCouldNotFeed(t *testing.T) {
	t.Parallel()
	first, last := &th.Needer{N: "first"}, &th.Needer{N: "last"}
	bad := &badNeeder{th.Needer{N: "bad"}}
	var got []string
	cmd := &needyCmd{}
	cmd.N = "cmd"
	cmd.main = func(context.Context, []string) error {
		for _, p := range cmd.Feeder() {
			n := fmt.Sprint(p.Name())
			if x, ok := p.(*th.Needer); ok && x.Out == nil {
				n += " (unfed)"
			}
			got = append(got, n)
		}
		return nil
	}
	h := &cli.Host{Tool: "tool", Stdout: io.Discard, Plugins: []plugins.Plugin{cmd, first, bad, last}}
	err := h.Main(context.Background(), []string{"cmd"})
	var pe *cli.PluginError
	if !errors.As(err, &pe) || pe.Plugin != "bad" || pe.Method != "WithPlugins" || !errors.Is(err, cli.ErrPanic) {
		t.Errorf("Main = %v, want a panic in bad's WithPlugins", err)
	}
	if diff := cmp.Diff([]string{"cmd", "first", "last"}, got); diff != "" {
		t.Errorf("feeder returned (-want +got):\n%s", diff)
	}
}

func TestFeederFeedsPluginsAddedDuringTheRun(t *testing.T) {
	t.Parallel()
	late := &th.Needer{N: "late"}
	var h *cli.Host
	cmd := &needyCmd{}
	cmd.N = "cmd"
	cmd.main = func(context.Context, []string) error {
		cmd.Feeder()
		h.Plugins = append(h.Plugins, late)
		for _, p := range cmd.Feeder() {
			if p == late && late.Out == nil {
				return errors.New("a plugin added during the run came back unfed")
			}
		}
		return nil
	}
	h = &cli.Host{Tool: "tool", Stdout: io.Discard, Plugins: []plugins.Plugin{cmd}}
	if err := h.Main(context.Background(), []string{"cmd"}); err != nil {
		t.Fatal(err)
	}
}

// TestStaleFeederFeedsNoMore keeps the feeder of one run, from Main and
// from PrintHelp, and calls it during a later run: it feeds no plugin, so
// nothing is routed to a finished run's streams.
func TestStaleFeederFeedsNoMore(t *testing.T) {
	t.Parallel()
	watched := &th.Needer{N: "watched"}
	keeper := &needyCmd{}
	keeper.N = "keeper"
	keeper.main = func(context.Context, []string) error { return nil }
	var first bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &first, Plugins: []plugins.Plugin{keeper, watched}}
	if err := h.Main(context.Background(), []string{"keeper"}); err != nil {
		t.Fatal(err)
	}
	stale := keeper.Feeder
	var help bytes.Buffer
	if err := h.PrintHelp(context.Background(), &help, []string{"keeper"}); err != nil {
		t.Fatal(err)
	}
	staleHelp := keeper.Feeder

	var second bytes.Buffer
	h.Stdout = &second
	other := &needyCmd{}
	other.N = "other"
	other.main = func(context.Context, []string) error {
		watched.Out = nil
		if got := len(stale()) + len(staleHelp()); got != 6 {
			return fmt.Errorf("stale feeders returned %d plugins, want 3 each", got)
		}
		if watched.Out != nil {
			return fmt.Errorf("a stale feeder fed a plugin, its stdout now %p", watched.Out)
		}
		return nil
	}
	h.Plugins = append(h.Plugins, other)
	if err := h.Main(context.Background(), []string{"other"}); err != nil {
		t.Fatal(err)
	}
}

// TestHelpIntoABufferKeepsTheRunsStdout: a command renders another
// command's help into a buffer, then runs it; that command writes to the
// run's stdout, not to the buffer.
func TestHelpIntoABufferKeepsTheRunsStdout(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	var h *cli.Host
	target := &needyCmd{}
	target.N = "target"
	target.main = func(context.Context, []string) error {
		_, err := io.WriteString(target.Out, "target ran\n")
		return err
	}
	caller := &needyCmd{}
	caller.N = "caller"
	caller.main = func(ctx context.Context, _ []string) error {
		var buf bytes.Buffer
		if err := h.PrintHelp(ctx, &buf, []string{"target"}); err != nil {
			return err
		}
		for _, p := range caller.Feeder() {
			if p == target {
				return target.Main(ctx, nil)
			}
		}
		return errors.New("no target")
	}
	h = &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{caller, target}}
	if err := h.Main(context.Background(), []string{"caller"}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "target ran\n" {
		t.Errorf("stdout = %q, want the target's line", out.String())
	}
}

// TestCancelledContextRunsNothingAtAll: not a command, not help.
func TestCancelledContextRunsNothingAtAll(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{nil, {"--help"}, {"-h", "x"}, {"help"}, {"x"}, {"x", "-h"}} {
		var out bytes.Buffer
		ran := false
		h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{
			th.CommandFunc("x", func(context.Context, []string) error { ran = true; return nil }),
		}}
		err := h.Main(ctx, args)
		if !errors.Is(err, context.Canceled) || ran || out.Len() > 0 {
			t.Errorf("Main(cancelled, %q) = %v, ran %v, printed %q; want context.Canceled and nothing run", args, err, ran, out.String())
		}
		if err := h.PrintHelp(ctx, &out, nil); !errors.Is(err, context.Canceled) || out.Len() > 0 {
			t.Errorf("PrintHelp(cancelled) = %v, printed %q", err, out.String())
		}
	}
}
