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
		return []plugins.Plugin{c, &greet{}, &hello{}}
	})
	if err := c.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// NAME       COMMAND  TYPE                 MODULE                        VERSION  HIDDEN  SHADOWED BY  SCOPED BY  INTERFACES                                                                    DESCRIPTION
	// plugins    plugins  *plugins.Cmd         github.com/plughost/plughost  v0.1.0   -       -            -          Command,Describer,Flagger,PluginNeeder,StdinNeeder,StdoutNeeder,StderrNeeder  list every plugin of the tool, hidden ones too
	// greet      greet    *plugins_test.greet  github.com/plughost/plughost  v0.1.0   -       -            -          Command,Describer                                                             say hello
	// fun/greet  greet    *plugins_test.hello  github.com/plughost/plughost  v2.0.0   -       greet        -          Command,Versioner                                                             -
}
