package tool

import (
	"context"
	"fmt"
	"strings"

	"github.com/plughost/plughost/plugins"
)

// Plain, Pirate and Formal are three implementations of Greeter, this
// tool's own interface. None is a command: greet picks one by name.
type (
	Plain  struct{}
	Pirate struct{}
	Formal struct{}
)

func (Plain) Name() string              { return "greeter/plain" }
func (Plain) Greet(name string) string  { return "Hello, " + name + "!" }
func (Pirate) Name() string             { return "greeter/pirate" }
func (Pirate) Greet(name string) string { return "Ahoy, " + name + "!" }
func (Formal) Name() string             { return "greeter/formal" }
func (Formal) Greet(name string) string { return "Good day to you, " + name + "." }

// Greeters is a command with sub-commands: "greeters list" and
// "greeters show NAME".
type Greeters struct {
	plugins.Streams
	plugs plugins.PluginFeeder
}

func (g *Greeters) Name() string                        { return "greeters" }
func (g *Greeters) Description() string                 { return "list the greeters (a command with sub-commands)" }
func (g *Greeters) WithPlugins(fn plugins.PluginFeeder) { g.plugs = fn }
func (g *Greeters) SubCommands() []plugins.Plugin {
	return []plugins.Plugin{&ListGreeters{parent: g}, &ShowGreeter{parent: g}}
}

// Main runs with no sub-command: it lists, as "greeters list" does.
func (g *Greeters) Main(ctx context.Context, args []string) error {
	list := &ListGreeters{parent: g}
	list.SetStdout(g.Stdout())
	return list.Main(ctx, args)
}

// ListGreeters is "greeters list".
type ListGreeters struct {
	plugins.Streams
	parent *Greeters
}

func (l *ListGreeters) Name() string        { return "greeters/list" }
func (l *ListGreeters) Description() string { return "list every greeter by name" }
func (l *ListGreeters) ArgsUsage() string   { return "" }
func (l *ListGreeters) Main(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected argument %q", args[0])
	}
	w := l.Stdout()
	names := plugins.Picks[Greeter](l.parent.plugs.Plugins())
	_, err := fmt.Fprintln(w, strings.Join(names, "\n"))
	return err
}

// ShowGreeter is "greeters show NAME".
type ShowGreeter struct {
	plugins.Streams
	parent *Greeters
}

func (s *ShowGreeter) Name() string { return "greeters/show" }
func (s *ShowGreeter) Description() string {
	return "show how a greeter greets (a declared argument, NAME)"
}

// ArgsUsage declares the one argument: the host refuses none or two
// before Main runs.
func (s *ShowGreeter) ArgsUsage() string { return "NAME" }

func (s *ShowGreeter) Main(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: want one greeter name, got %d arguments", plugins.ErrUsage, len(args))
	}
	w := s.Stdout()
	if g, ok := plugins.Pick[Greeter](s.parent.plugs.Plugins(), args[0]); ok {
		_, err := fmt.Fprintf(w, "%s: %s\n", args[0], g.Greet("NAME"))
		return err
	}
	return fmt.Errorf("%w %q", ErrNoGreeter, args[0])
}
