package plugins_test

import (
	"context"
	"flag"
	"io"
	"strconv"
	"testing"

	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/plugins"
)

// benchCmd is a generated command, as cli's benchmarks make them: a name,
// a description, three flags and a stdout.
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

func (c *benchCmd) Main(context.Context, []string) error { return nil }

// benchPlugins returns n generated commands followed by the plugins
// command, as a tool would hold them. Every tenth also answers to the name
// of the one before it, so that the listing has shadowing to work out.
func benchPlugins(n int) []plugins.Plugin {
	plugs := make([]plugins.Plugin, 0, n+1)
	for i := range n {
		name := "cmd-" + strconv.Itoa(i)
		if i%10 == 9 {
			name = "extra/cmd-" + strconv.Itoa(i-1)
		}
		plugs = append(plugs, &benchCmd{name: name})
	}
	return append(plugs, &cmdplugins.Cmd{})
}

func benchList(b *testing.B, n int, asJSON bool) {
	plugs := benchPlugins(n)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c := &cmdplugins.Cmd{JSON: asJSON}
		c.SetStdout(io.Discard)
		c.WithPlugins(func() []plugins.Plugin { return plugs })
		if err := c.Main(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPluginsList150k lists 150,000 commands as a table: the listing
// is linear in the number of plugins, shadowing included.
func BenchmarkPluginsList150k(b *testing.B) { benchList(b, 150_000, false) }

// BenchmarkPluginsList150kJSON lists them as JSON.
func BenchmarkPluginsList150kJSON(b *testing.B) { benchList(b, 150_000, true) }
