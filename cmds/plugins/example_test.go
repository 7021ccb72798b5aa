package plugins_test

import (
	"context"
	"fmt"
	"runtime/debug"

	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/plugins"
)

// greet is a command of a tool.
type greet struct{}

func (*greet) Name() string                         { return "greet" }
func (*greet) Description() string                  { return "say hello" }
func (*greet) Main(context.Context, []string) error { return nil }

// hello is a later command that answers to the same name, and knows its
// own version: it is a version.Versioner.
type hello struct{}

func (*hello) Name() string                         { return "fun/greet" }
func (*hello) PluginVersion() string                { return "v2.0.0" }
func (*hello) Main(context.Context, []string) error { return nil }

// db is a command with a sub-command, "db migrate".
type db struct{}

func (*db) Name() string                         { return "db" }
func (*db) Description() string                  { return "work with the database" }
func (*db) Main(context.Context, []string) error { return nil }
func (*db) SubCommands() []plugins.Plugin        { return []plugins.Plugin{&migrate{}} }

// migrate is "db migrate".
type migrate struct{}

func (*migrate) Name() string                         { return "db/migrate" }
func (*migrate) Description() string                  { return "run the migrations" }
func (*migrate) Main(context.Context, []string) error { return nil }

func Example() {
	c := &cmdplugins.Cmd{
		// The build info is injected so the output is the same everywhere;
		// a tool leaves BuildInfo nil to read its own.
		BuildInfo: func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Path: "github.com/plughost/plughost", Version: "v0.1.0"}}, true
		},
	}
	// A host feeds the command its plugins; here they are fed by hand.
	c.WithPlugins(func() []plugins.Plugin {
		return []plugins.Plugin{c, &greet{}, &hello{}, &db{}}
	})
	if err := c.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// NAME        COMMAND     VERSION  HIDDEN  SHADOWED BY  DESCRIPTION
	// plugins     plugins     v0.1.0   -       -            list every plugin of the tool, hidden ones too
	// greet       greet       v0.1.0   -       -            say hello
	// fun/greet   greet       v2.0.0   -       greet        -
	// db          db          v0.1.0   -       -            work with the database
	// db/migrate  db migrate  v0.1.0   -       -            run the migrations
}

// Greeter is an interface of the tool's own, with one implementation per
// plugin.
type Greeter interface{ Greet(who string) string }

type plain struct{}

func (*plain) Name() string            { return "greeters/plain" }
func (*plain) Greet(who string) string { return "Hello, " + who }

type pirate struct{}

func (*pirate) Name() string            { return "greeters/pirate" }
func (*pirate) Greet(who string) string { return "Ahoy, " + who }

// greetWith's --greeter flag picks one of the Greeters by name: it is a
// plugins.Selector, so the listing shows its choice.
type greetWith struct {
	Greeter string
	plugs   []plugins.Plugin
}

func (*greetWith) Name() string                         { return "hello" }
func (*greetWith) Description() string                  { return "say hello" }
func (*greetWith) Main(context.Context, []string) error { return nil }
func (h *greetWith) Selection() (kind, picked string, available []string) {
	return "greeter", h.Greeter, plugins.Picks[Greeter](h.plugs)
}

// A plugin that picks an implementation shows its choice, and the others
// it could pick, at the start of its description; --wide shows them in a
// SELECTION column, and --json in a "selection" object.
func Example_selection() {
	greeters := []plugins.Plugin{&plain{}, &pirate{}}
	h := &greetWith{Greeter: "pirate", plugs: greeters}
	c := &cmdplugins.Cmd{
		BuildInfo: func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Path: "github.com/plughost/plughost", Version: "v0.1.0"}}, true
		},
	}
	c.WithPlugins(func() []plugins.Plugin { return append([]plugins.Plugin{h}, greeters...) })
	if err := c.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// NAME             COMMAND  VERSION  HIDDEN  SHADOWED BY  DESCRIPTION
	// hello            hello    v0.1.0   -       -            [greeter: pirate of plain, pirate] say hello
	// greeters/plain   -        v0.1.0   -       -            -
	// greeters/pirate  -        v0.1.0   -       -            -
}
