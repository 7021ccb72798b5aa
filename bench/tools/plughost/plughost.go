// Package plughost is the comparison's program on plughost: N generated
// commands, each a plugin with a string, a bool and an int flag, prepended
// to the built-ins of cli.New as the README shows, and a "big" command to
// which 100 plugins lend three flags each. Big finds its lenders the way
// examples/mycli's greet does: through the plugin feeder, keeping those of
// its lender type. Like a tool that offers shell completion, it has the
// hidden __complete command (completion.Complete) the scripts call at each
// TAB, in every scenario, as cobra's program has cobra's.
package plughost

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/completion"
	"github.com/plughost/plughost/plugins"
)

// Run runs the tool with n generated commands, big and its lenders. Like
// the other programs (cobra's Execute, the floor), it installs no signal
// handler: it calls Host.Main and maps the error to an exit code, rather
// than cli.Run. cli.Run installs its SIGINT handler only once a command has
// run for 5 ms, so for these short runs it adds little; what it adds is
// measured on its own, by cmd/probe/plughost-run (see bench/README.md).
func Run(n int, args []string, stdout, stderr io.Writer) int {
	return run(New(n, false, stdout, stderr), args, stderr)
}

// RunDirect runs the same tool with big declaring the 300 flags itself.
func RunDirect(n int, args []string, stdout, stderr io.Writer) int {
	return run(New(n, true, stdout, stderr), args, stderr)
}

// Main runs h with args as Run does: Host.Main, the error on stderr, and
// cli.ExitCode. The variants of the program in other packages (with a
// PATH finder, behind delegate.Run) run their hosts with it, so that
// they differ from this one only in what they add.
func Main(h *cli.Host, args []string, stderr io.Writer) int {
	return run(h, args, stderr)
}

func run(h *cli.Host, args []string, stderr io.Writer) int {
	err := h.Main(context.Background(), args)
	if err != nil {
		fmt.Fprintln(stderr, err)
	}
	return cli.ExitCode(err)
}

// New builds the tool's host: __complete, the n generated commands, then
// big and its lenders (or big with its flags declared directly), then the
// built-ins.
func New(n int, direct bool, stdout, stderr io.Writer) *cli.Host {
	return NewWith(n, direct, stdout, stderr)
}

// NewWith is New with extra plugins appended after the built-ins, in the
// same allocation as the others: appending them to New's host would copy
// its N plugins into a larger slice, a cost of this program's
// construction that a variant adding a plugin should not be charged with.
func NewWith(n int, direct bool, stdout, stderr io.Writer, extra ...plugins.Plugin) *cli.Host {
	h := cli.New("tool")
	h.Stdout, h.Stderr = stdout, stderr
	plugs := make([]plugins.Plugin, 0, 1+n+1+spec.Lenders+len(h.Plugins)+len(extra))
	plugs = append(plugs, &completion.Complete{})
	for _, name := range spec.Names(n) {
		plugs = append(plugs, &Gen{name: name})
	}
	if direct {
		plugs = append(plugs, &BigDirect{})
	} else {
		plugs = append(plugs, &Big{})
		for j := range spec.Lenders {
			plugs = append(plugs, &Lender{name: spec.LenderName(j)})
		}
	}
	h.Plugins = append(append(plugs, h.Plugins...), extra...)
	return h
}

// Gen is a generated command.
type Gen struct {
	Str   string
	Force bool
	Count int
	name  string
	out   io.Writer
}

func (g *Gen) Name() string          { return g.name }
func (g *Gen) Description() string   { return spec.Description }
func (g *Gen) SetStdout(w io.Writer) { g.out = w }

func (g *Gen) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(g.name, flag.ContinueOnError)
	fs.StringVar(&g.Str, spec.FlagString, g.Str, "a string")
	fs.BoolVar(&g.Force, spec.FlagBool, g.Force, "a bool")
	fs.IntVar(&g.Count, spec.FlagInt, g.Count, "an int")
	return fs
}

func (g *Gen) Main(ctx context.Context, args []string) error {
	return spec.Report(g.out, g.name, g.Str, g.Force, g.Count, args)
}

// Lender lends big its three flags.
type Lender struct {
	Str   string
	Force bool
	Count int
	name  string
}

func (l *Lender) Name() string { return l.name }

func (l *Lender) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(l.name, flag.ContinueOnError)
	fs.StringVar(&l.Str, spec.FlagString, l.Str, "a string")
	fs.BoolVar(&l.Force, spec.FlagBool, l.Force, "a bool")
	fs.IntVar(&l.Count, spec.FlagInt, l.Count, "an int")
	return fs
}

// Big is the command the lenders lend to.
type Big struct {
	plugs plugins.PluginFeeder
	out   io.Writer
}

func (b *Big) Name() string                       { return spec.Big }
func (b *Big) Description() string                { return "a command with many flags" }
func (b *Big) SetStdout(w io.Writer)              { b.out = w }
func (b *Big) WithPlugins(f plugins.PluginFeeder) { b.plugs = f }

// ScopedPlugins keeps the host's plugins that are lenders.
func (b *Big) ScopedPlugins() []plugins.Plugin {
	var scope []plugins.Plugin
	if b.plugs == nil {
		return scope
	}
	for _, p := range b.plugs() {
		if _, ok := p.(*Lender); ok {
			scope = append(scope, p)
		}
	}
	return scope
}

func (b *Big) Main(ctx context.Context, args []string) error {
	want := spec.LenderName(spec.Lenders / 2)
	for _, p := range b.ScopedPlugins() {
		if l := p.(*Lender); l.name == want {
			return spec.Report(b.out, spec.Big, l.Str, l.Force, l.Count, args)
		}
	}
	return nil
}

// BigDirect is big with the same 300 flags declared on the command.
type BigDirect struct {
	l   [spec.Lenders]Lender
	out io.Writer
}

func (b *BigDirect) Name() string          { return spec.Big }
func (b *BigDirect) Description() string   { return "a command with many flags" }
func (b *BigDirect) SetStdout(w io.Writer) { b.out = w }

func (b *BigDirect) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(spec.Big, flag.ContinueOnError)
	for j := range b.l {
		l, p := &b.l[j], spec.LenderName(j)+"-"
		fs.StringVar(&l.Str, p+spec.FlagString, l.Str, "a string")
		fs.BoolVar(&l.Force, p+spec.FlagBool, l.Force, "a bool")
		fs.IntVar(&l.Count, p+spec.FlagInt, l.Count, "an int")
	}
	return fs
}

func (b *BigDirect) Main(ctx context.Context, args []string) error {
	l := b.l[spec.Lenders/2]
	return spec.Report(b.out, spec.Big, l.Str, l.Force, l.Count, args)
}
