package tool

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// ErrNoGreeter reports a Greeter field, set in code, that names no
// Greeter plugin: the --greeter flag refuses such a name itself.
var ErrNoGreeter = errors.New("no such greeter")

// Greet is a command with flags of its own (exported fields), a scope from
// which the emoji plugin lends it flags, and a Greeter picked by name from
// the tool's Greeter plugins: by --greeter, MYCLI_GREETER, a config file,
// or the field set in code.
type Greet struct {
	Greeter string   // --greeter, -g: which Greeter to use
	Shout   bool     // --shout: upper-case the greeting
	Verbose int      // --verbose, -v: repeat for more
	Also    []string // --also: more names, repeatable

	plugins.Streams
	plugs plugins.PluginFeeder
}

func (g *Greet) Name() string { return "greet" }
func (g *Greet) Description() string {
	return "greet people (own flags, lent flags from emoji, a greeter picked by --greeter, MYCLI_GREETER or a config file)"
}
func (g *Greet) CmdAliases() []string                { return []string{"hi"} }
func (g *Greet) WithPlugins(fn plugins.PluginFeeder) { g.plugs = fn }

// Flags binds the flags to the fields, with each field's value as default.
func (g *Greet) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(g.Name(), flag.ContinueOnError)
	greeters := plugins.Picks[Greeter](g.plugs.Plugins())
	fs.Var(plugflag.OneOf(&g.Greeter, greeters...), "greeter", "which greeter to use")
	fs.Var(plugflag.OneOf(&g.Greeter, greeters...), "g", "which greeter to use")
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
			msg = fmt.Sprintf("%s [greeter %s, verbosity %d]", msg, g.Greeter, g.Verbose)
		}
		if _, err := fmt.Fprintln(w, msg); err != nil {
			return err
		}
	}
	return nil
}

// greeter finds the Greeter the Greeter field names.
func (g *Greet) greeter() (Greeter, error) {
	if gr, ok := plugins.Pick[Greeter](g.plugs.Plugins(), g.Greeter); ok {
		return gr, nil
	}
	have := strings.Join(plugins.Picks[Greeter](g.plugs.Plugins()), ", ")
	return nil, fmt.Errorf("%w %q (have %s)", ErrNoGreeter, g.Greeter, have)
}

// Selection says which greeter greet picks, for the plugins command.
func (g *Greet) Selection() (kind, picked string, available []string) {
	return "greeter", g.Greeter, plugins.Picks[Greeter](g.plugs.Plugins())
}
