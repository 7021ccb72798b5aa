package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// ErrNoGreeter reports a --greeter that names no Greeter plugin.
var ErrNoGreeter = errors.New("no such greeter")

// Greet is a command with flags of its own (exported fields), a scope from
// which the emoji plugin lends it flags, and a Greeter picked by flag or
// environment variable.
type Greet struct {
	Greeter string   // --greeter, -g: which Greeter to use (default plain, or $MYCLI_GREETER)
	Shout   bool     // --shout: upper-case the greeting
	Verbose int      // --verbose, -v: repeat for more
	Also    []string // --also: more names, repeatable

	plugins.Streams
	plugs plugins.PluginFeeder
}

func (g *Greet) Name() string { return "greet" }
func (g *Greet) Description() string {
	return "greet people (own flags, lent flags from emoji, greeter picked by --greeter or MYCLI_GREETER)"
}
func (g *Greet) CmdAliases() []string                { return []string{"hi"} }
func (g *Greet) WithPlugins(fn plugins.PluginFeeder) { g.plugs = fn }

// Flags binds the flags to the fields, with each field's value as default.
func (g *Greet) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(g.Name(), flag.ContinueOnError)
	fs.StringVar(&g.Greeter, "greeter", g.Greeter, "which greeter to use: plain, pirate or formal")
	fs.StringVar(&g.Greeter, "g", g.Greeter, "which greeter to use")
	fs.BoolVar(&g.Shout, "shout", g.Shout, "greet in capitals")
	fs.Var(plugflag.Count(&g.Verbose), "verbose", "say more; repeat for more still")
	fs.Var(plugflag.Count(&g.Verbose), "v", "say more")
	fs.Var(plugflag.Strings(&g.Also), "also", "greet this person too; repeatable")
	return fs
}

// ScopedPlugins is where greet's lent flags come from: every plugin that
// decorates a greeting.
func (g *Greet) ScopedPlugins() []plugins.Plugin {
	return plugins.Scope[Decorator](g.plugs.Plugins())
}

// Main greets each name in args, or "world".
func (g *Greet) Main(ctx context.Context, args []string) error {
	greeter, err := g.greeter()
	if err != nil {
		return err
	}
	w := g.Stdout()
	names := append(append([]string(nil), args...), g.Also...)
	if len(names) == 0 {
		names = []string{"world"}
	}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		msg := greeter.Greet(name)
		for _, d := range plugins.Select[Decorator](g.plugs.Plugins()) {
			msg = d.Decorate(msg)
		}
		if g.Shout {
			msg = strings.ToUpper(msg)
		}
		if g.Verbose > 0 {
			msg = fmt.Sprintf("%s [greeter %s, verbosity %d]", msg, greeter.GreeterName(), g.Verbose)
		}
		if _, err := fmt.Fprintln(w, msg); err != nil {
			return err
		}
	}
	return nil
}

// greeter finds the Greeter the Greeter field names.
func (g *Greet) greeter() (Greeter, error) {
	want := g.Greeter
	if want == "" {
		want = "plain"
	}
	var names []string
	for _, gr := range plugins.Select[Greeter](g.plugs.Plugins()) {
		if gr.GreeterName() == want {
			return gr, nil
		}
		names = append(names, gr.GreeterName())
	}
	return nil, fmt.Errorf("%w %q (have %s)", ErrNoGreeter, want, strings.Join(names, ", "))
}
