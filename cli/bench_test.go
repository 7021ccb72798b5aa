package cli_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// The benchmarks build tools the way bench/ (the comparison with cobra,
// urfave/cli and kong) does: N generated commands with a string, a bool and
// an int flag each, prepended to the built-ins of cli.New. Everything goes
// to io.Discard. The CI smoke check runs them once each:
//
//	go test -run '^$' -bench . -benchtime=1x ./cli/

// benchSizes are the numbers of commands the benchmarks that vary N use.
var benchSizes = []int{10, 1000, 10000}

// benchCmd is a generated command.
type benchCmd struct {
	Str   string
	Force bool
	Count int
	name  string
	out   io.Writer
}

func (c *benchCmd) Name() string          { return c.name }
func (c *benchCmd) Description() string   { return "a generated command" }
func (c *benchCmd) SetStdout(w io.Writer) { c.out = w }

func (c *benchCmd) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.StringVar(&c.Str, "name", c.Str, "a string")
	fs.BoolVar(&c.Force, "force", c.Force, "a bool")
	fs.IntVar(&c.Count, "count", c.Count, "an int")
	return fs
}

func (c *benchCmd) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(c.out, c.name, c.Str, c.Force, c.Count, len(args))
	return err
}

// benchLender lends three flags to the commands that scope it.
type benchLender struct {
	Str   string
	Force bool
	Count int
	name  string
}

func (l *benchLender) Name() string { return l.name }

func (l *benchLender) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(l.name, flag.ContinueOnError)
	fs.StringVar(&l.Str, "name", l.Str, "a string")
	fs.BoolVar(&l.Force, "force", l.Force, "a bool")
	fs.IntVar(&l.Count, "count", l.Count, "an int")
	return fs
}

// benchBig is a command that 100 lenders lend flags to, or that declares
// the same 300 flags itself.
type benchBig struct {
	scope  []plugins.Plugin
	direct [100]benchLender
	own    bool
	out    io.Writer
}

func (b *benchBig) Name() string                    { return "big" }
func (b *benchBig) Description() string             { return "a command with many flags" }
func (b *benchBig) SetStdout(w io.Writer)           { b.out = w }
func (b *benchBig) ScopedPlugins() []plugins.Plugin { return b.scope }

func (b *benchBig) Flags() *flag.FlagSet {
	if !b.own {
		return nil
	}
	fs := flag.NewFlagSet("big", flag.ContinueOnError)
	for j := range b.direct {
		l, p := &b.direct[j], "l"+strconv.Itoa(j)+"-"
		fs.StringVar(&l.Str, p+"name", l.Str, "a string")
		fs.BoolVar(&l.Force, p+"force", l.Force, "a bool")
		fs.IntVar(&l.Count, p+"count", l.Count, "an int")
	}
	return fs
}

func (b *benchBig) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(b.out, "big", len(args))
	return err
}

func benchNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = "cmd-" + strconv.Itoa(i)
	}
	return names
}

// benchHost returns a host with a command for each name and extra, before
// the built-ins, writing to io.Discard.
func benchHost(names []string, extra ...plugins.Plugin) *cli.Host {
	h := cli.New("bench")
	h.Stdout, h.Stderr = io.Discard, io.Discard
	plugs := make([]plugins.Plugin, 0, len(names)+len(extra)+len(h.Plugins))
	for _, name := range names {
		plugs = append(plugs, &benchCmd{name: name})
	}
	plugs = append(plugs, extra...)
	h.Plugins = append(plugs, h.Plugins...)
	return h
}

// benchBigCmd returns big with 100 lenders of 3 flags each in its scope,
// or with the same 300 flags as its own.
func benchBigCmd(own bool) *benchBig {
	b := &benchBig{own: own}
	if !own {
		for j := range 100 {
			b.scope = append(b.scope, &benchLender{name: "l" + strconv.Itoa(j)})
		}
	}
	return b
}

// dispatchArgs runs the last command, the one a linear search finds last.
func dispatchArgs(names []string) []string {
	return []string{names[len(names)-1], "--name=gopher", "--force", "--count=3", "arg"}
}

var bigArgs = []string{"big", "--l50-name=gopher", "--l50-force", "--l50-count=3", "arg"}

// BenchmarkNewHost builds a host as a tool's newHost does: cli.New, then
// N commands prepended. A fresh host is how a run gets fresh state, so
// this is the price of that.
func BenchmarkNewHost(b *testing.B) {
	for _, n := range []int{10, 10_000} {
		names := benchNames(n)
		b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if h := benchHost(names); len(h.Plugins) != n+3 {
					b.Fatalf("the host holds %d plugins", len(h.Plugins))
				}
			}
		})
	}
}

// BenchmarkNewMain is a whole run of a tool: build the host and its N
// commands, as a main does, then dispatch once.
func BenchmarkNewMain(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		names := benchNames(n)
		args := dispatchArgs(names)
		b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := benchHost(names).Main(ctx, args); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDispatch runs the last of N commands on a host built once: what
// a run costs the library beyond building the tool.
func BenchmarkDispatch(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		names := benchNames(n)
		args := dispatchArgs(names)
		h := benchHost(names)
		b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := h.Main(ctx, args); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRootHelp prints the tool's help, listing N commands.
func BenchmarkRootHelp(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		h := benchHost(benchNames(n))
		b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := h.Main(ctx, []string{"--help"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkUnknownCommand mistypes the last of 10,000 commands and gets
// suggestions.
func BenchmarkUnknownCommand(b *testing.B) {
	ctx := context.Background()
	const n = 10000
	h := benchHost(benchNames(n))
	args := []string{"cdm-" + strconv.Itoa(n-1)}
	b.Run("N="+strconv.Itoa(n), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := h.Main(ctx, args); !errors.Is(err, cli.ErrUnknownCommand) {
				b.Fatalf("got %v, want %v", err, cli.ErrUnknownCommand)
			}
		}
	})
}

// BenchmarkLenders runs and helps a command with 100 lenders of 3 flags
// each, beside one declaring the same 300 flags itself, on a host of 10
// commands; and merges 100 lenders' flags with plugflag.Merge alone.
func BenchmarkLenders(b *testing.B) {
	ctx := context.Background()
	names := benchNames(10)
	for _, tc := range []struct {
		name string
		own  bool
		args []string
	}{
		{"dispatch/lent", false, bigArgs},
		{"dispatch/own", true, bigArgs},
		{"help/lent", false, []string{"big", "--help"}},
		{"help/own", true, []string{"big", "--help"}},
	} {
		h := benchHost(names, benchBigCmd(tc.own))
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := h.Main(ctx, tc.args); err != nil {
					b.Fatal(err)
				}
			}
		})
	}

	b.Run("merge", func(b *testing.B) {
		groups := make([][]plugflag.Flag, 0, 101)
		own, err := plugflag.Own("big", (&benchCmd{name: "big"}).Flags())
		if err != nil {
			b.Fatal(err)
		}
		groups = append(groups, own)
		for j := range 100 {
			l := &benchLender{name: "l" + strconv.Itoa(j)}
			lent, err := plugflag.Lent(l.name, l.Flags())
			if err != nil {
				b.Fatal(err)
			}
			groups = append(groups, lent)
		}
		b.ReportAllocs()
		for b.Loop() {
			merged, err := plugflag.Merge(groups...)
			if err != nil || len(merged) != 303 {
				b.Fatalf("got %d flags, %v; want 303, nil", len(merged), err)
			}
		}
	})
}
