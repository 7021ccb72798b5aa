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
	"github.com/plughost/plughost/plugins/plugflag"
)

// deployFlags are the fields a deploy command's flags are bound to.
type deployFlags struct {
	Count   int
	DryRun  bool
	Env     string
	Verbose int
	Tags    []string
	Args    []string // what Main was given
}

// deployCmd is a command whose flags are d's fields; each Flags call binds
// a new set, with the fields' values as defaults.
func deployCmd(d *deployFlags) *th.Full {
	c := &th.Full{}
	c.N = "deploy"
	c.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
		fs.IntVar(&d.Count, "count", d.Count, "how many")
		fs.BoolVar(&d.DryRun, "dry-run", d.DryRun, "only say what would happen")
		fs.StringVar(&d.Env, "env", d.Env, "where to")
		fs.StringVar(&d.Env, "e", d.Env, "where to")
		fs.Var(plugflag.Count(&d.Verbose), "verbose", "say more")
		fs.Var(plugflag.Count(&d.Verbose), "v", "say more")
		fs.Var(plugflag.Strings(&d.Tags), "tag", "tag the release; repeatable")
		return fs
	}
	c.Run = func(_ context.Context, args []string) error {
		d.Args = args
		return nil
	}
	return c
}

// lender returns a non-command plugin named name lending a string flag
// called flagName, bound to *v.
func lender(name, flagName string, v *string) *th.Lender {
	return &th.Lender{N: name, FlagsFn: func() *flag.FlagSet {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		fs.StringVar(v, flagName, *v, "lent by "+name)
		return fs
	}}
}

func TestOwnFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want deployFlags
	}{
		{"none", []string{}, deployFlags{Args: []string{}}},
		{"long with =", []string{"--count=3", "--env=prod"}, deployFlags{Count: 3, Env: "prod", Args: []string{}}},
		{"long with space", []string{"--count", "3", "--env", "prod"}, deployFlags{Count: 3, Env: "prod", Args: []string{}}},
		{"shorthand twin", []string{"-e", "prod", "-eqa"}, deployFlags{Env: "qa", Args: []string{}}},
		{"count cluster", []string{"-vvv"}, deployFlags{Verbose: 3, Args: []string{}}},
		{"count mixed", []string{"-v", "--verbose", "-v"}, deployFlags{Verbose: 3, Args: []string{}}},
		{"count set", []string{"--verbose=5"}, deployFlags{Verbose: 5, Args: []string{}}},
		{"repeated", []string{"--tag", "a", "--tag=b"}, deployFlags{Tags: []string{"a", "b"}, Args: []string{}}},
		{"bool", []string{"--dry-run"}, deployFlags{DryRun: true, Args: []string{}}},
		{"bool false", []string{"--dry-run=false"}, deployFlags{Args: []string{}}},
		{"empty value", []string{"--env="}, deployFlags{Args: []string{}}},
		{"interspersed", []string{"a", "--count", "2", "b"}, deployFlags{Count: 2, Args: []string{"a", "b"}}},
		{"dash dash", []string{"--count", "2", "--", "--env", "x"}, deployFlags{Count: 2, Args: []string{"--env", "x"}}},
		{"dash positional", []string{"-", "--dry-run"}, deployFlags{DryRun: true, Args: []string{"-"}}},
		{"negative value", []string{"--count", "-5"}, deployFlags{Count: -5, Args: []string{}}},
		{"negative value with =", []string{"--count=-5"}, deployFlags{Count: -5, Args: []string{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got deployFlags
			h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deployCmd(&got)}}
			if err := h.Main(context.Background(), append([]string{"deploy"}, tt.args...)); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("deploy %q (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestLentFlags(t *testing.T) {
	t.Parallel()
	var region, level, other string
	var d deployFlags
	deploy := deployCmd(&d)
	deploy.Scope = []plugins.Plugin{
		lender("cloud/aws", "region", &region),
		lender("log", "level", &level),
		deployCmd(new(deployFlags)), // a command in scope lends nothing
	}
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deploy, th.CommandFunc("other", nil), lender("stray", "x", &other)}}
	err := h.Main(context.Background(), []string{"deploy", "--aws-region", "eu", "--log-level=debug", "--count", "1"})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{region, level, d.Env}
	if diff := cmp.Diff([]string{"eu", "debug", ""}, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	// Lent flags appear only on the commands that scope the lender.
	err = h.Main(context.Background(), []string{"other", "--aws-region", "eu"})
	if !errors.Is(err, cli.ErrUnknownFlag) {
		t.Errorf("other --aws-region = %v, want ErrUnknownFlag", err)
	}
	// An unprefixed lent name is not a flag of deploy.
	err = h.Main(context.Background(), []string{"deploy", "--region", "eu"})
	if !errors.Is(err, cli.ErrUnknownFlag) {
		t.Errorf("deploy --region = %v, want ErrUnknownFlag", err)
	}
}

func TestFlagClashes(t *testing.T) {
	t.Parallel()
	s := func() *string { return new(string) } // each lender its own variable
	tests := []struct {
		name  string
		scope []plugins.Plugin
		own   bool
		want  string
	}{
		{"two plugins of one base name", []plugins.Plugin{lender("a/log", "level", s()), lender("b/log", "level", s())},
			false, `--log-level is declared by both plugin "a/log" and plugin "b/log"`},
		{"prefix collision", []plugins.Plugin{lender("foo", "bar-baz", s()), lender("foo-bar", "baz", s())},
			false, `--foo-bar-baz is declared by both plugin "foo" and plugin "foo-bar"`},
		{"prefix collision, other order", []plugins.Plugin{lender("foo-bar", "baz", s()), lender("foo", "bar-baz", s())},
			false, `--foo-bar-baz is declared by both plugin "foo" and plugin "foo-bar"`},
		{"lent flag shadows an own flag", []plugins.Plugin{lender("dry", "run", s())},
			true, `--dry-run is declared by both plugin "deploy" and plugin "dry"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := &th.Full{}
			cmd.N = "deploy"
			if tt.own {
				cmd = deployCmd(new(deployFlags))
			}
			cmd.Scope = tt.scope
			h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{cmd}}
			err := h.Main(context.Background(), []string{"deploy"})
			var pe *cli.PluginError
			if !errors.As(err, &pe) || !errors.Is(err, plugflag.ErrDuplicateFlag) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Main = %v, want a *cli.PluginError for ErrDuplicateFlag saying %s", err, tt.want)
			}
		})
	}
}

func TestOwnHelpFlagIsAnError(t *testing.T) {
	t.Parallel()
	var b bool
	cmd := &th.Full{}
	cmd.N = "x"
	cmd.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.BoolVar(&b, "help", false, "mine")
		return fs
	}
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{cmd}}
	err := h.Main(context.Background(), []string{"x"})
	if !errors.Is(err, cli.ErrBadPlugin) || !strings.Contains(err.Error(), "--help") {
		t.Errorf("Main = %v, want ErrBadPlugin naming --help", err)
	}
}

func TestOwnShorthandHKeepsHelpLong(t *testing.T) {
	t.Parallel()
	var host string
	cmd := &th.Full{}
	cmd.N = "ssh"
	cmd.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("ssh", flag.ContinueOnError)
		fs.StringVar(&host, "host", host, "where")
		fs.StringVar(&host, "h", host, "where")
		return fs
	}
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{cmd}}
	if err := h.Main(context.Background(), []string{"ssh", "-h", "example.org"}); err != nil || host != "example.org" {
		t.Fatalf("ssh -h example.org: err %v, host %q", err, host)
	}
	if err := h.Main(context.Background(), []string{"ssh", "--help"}); err != nil || !strings.Contains(out.String(), "Usage:") {
		t.Errorf("ssh --help: err %v, printed %q", err, out.String())
	}
}

func TestLentFlagsNeverHijackHelp(t *testing.T) {
	t.Parallel()
	var help, h, version bool
	sneaky := &th.Lender{N: "sneaky", FlagsFn: func() *flag.FlagSet {
		fs := flag.NewFlagSet("sneaky", flag.ContinueOnError)
		fs.BoolVar(&help, "help", false, "mine")
		fs.BoolVar(&h, "h", false, "mine")
		fs.BoolVar(&version, "version", false, "mine")
		return fs
	}}
	var d deployFlags
	cmd := deployCmd(&d)
	cmd.Scope = []plugins.Plugin{sneaky}
	var out bytes.Buffer
	host := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{cmd}}
	if err := host.Main(context.Background(), []string{"deploy", "--sneaky-help", "--sneaky-h", "--sneaky-version"}); err != nil {
		t.Fatal(err)
	}
	if !help || !h || !version || out.Len() != 0 {
		t.Errorf("lent help flags: help %v h %v version %v, printed %q", help, h, version, out.String())
	}
	if err := host.Main(context.Background(), []string{"deploy", "-h"}); err != nil || !strings.Contains(out.String(), "Flags lent by sneaky") {
		t.Errorf("-h with lent help flags: %v, printed %q", err, out.String())
	}
}

func TestNilFlagSetsAndValues(t *testing.T) {
	t.Parallel()
	none := &th.Full{}
	none.N = "none"
	none.FlagsFn = func() *flag.FlagSet { return nil }
	nilValue := &th.Full{}
	nilValue.N = "nilvalue"
	nilValue.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("nilvalue", flag.ContinueOnError)
		fs.Bool("ok", false, "")
		fs.Lookup("ok").Value = nil
		return fs
	}
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{none, nilValue}}
	if err := h.Main(context.Background(), []string{"none", "x"}); err != nil {
		t.Errorf("a nil flag set: %v", err)
	}
	err := h.Main(context.Background(), []string{"nilvalue"})
	if !errors.Is(err, plugflag.ErrBadFlag) || !strings.Contains(err.Error(), `"nilvalue"`) {
		t.Errorf("a nil Value: %v, want ErrBadFlag naming the plugin", err)
	}
}

// TestFlagsIndependentOfOrder builds one command's flags from the same
// lenders in every order: the help and the clash reported are the same.
func TestFlagsIndependentOfOrder(t *testing.T) {
	t.Parallel()
	mk := func(order []int, clash bool) *cli.Host {
		lenders := []plugins.Plugin{
			lender("a/log", "level", new(string)),
			lender("cloud/aws", "region", new(string)),
			lender("zeta", "x", new(string)),
		}
		if clash {
			lenders = append(lenders, lender("b/log", "level", new(string)), lender("foo", "bar-baz", new(string)), lender("foo-bar", "baz", new(string)))
		}
		var scope []plugins.Plugin
		for _, i := range order {
			if i < len(lenders) {
				scope = append(scope, lenders[i])
			}
		}
		cmd := deployCmd(new(deployFlags))
		cmd.Scope = scope
		return &cli.Host{Tool: "tool", Stdout: &bytes.Buffer{}, Plugins: []plugins.Plugin{cmd}}
	}
	var wantHelp, wantErr string
	for i, order := range permutations([]int{0, 1, 2, 3, 4, 5}) {
		h := mk(order, false)
		var out bytes.Buffer
		h.Stdout = &out
		if err := h.Main(context.Background(), []string{"deploy", "--help"}); err != nil {
			t.Fatal(err)
		}
		err := mk(order, true).Main(context.Background(), []string{"deploy"})
		if err == nil {
			t.Fatalf("order %v: no clash reported", order)
		}
		if i == 0 {
			wantHelp, wantErr = out.String(), err.Error()
			continue
		}
		if diff := cmp.Diff(wantHelp, out.String()); diff != "" {
			t.Fatalf("order %v: help differs (-first +this):\n%s", order, diff)
		}
		if err.Error() != wantErr {
			t.Fatalf("order %v: error %q, first order said %q", order, err, wantErr)
		}
	}
}

func permutations(s []int) [][]int {
	if len(s) <= 1 {
		return [][]int{append([]int(nil), s...)}
	}
	var out [][]int
	for i := range s {
		rest := append(append([]int(nil), s[:i]...), s[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{s[i]}, p...))
		}
	}
	return out
}
