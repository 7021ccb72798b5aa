package version_test

import (
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/plugins"
)

// benchCmd is a generated command, as cli's benchmarks make them.
type benchCmd struct{ name string }

func (c *benchCmd) Name() string                         { return c.name }
func (c *benchCmd) Description() string                  { return "a generated command" }
func (c *benchCmd) Main(context.Context, []string) error { return nil }

func benchVersion(b *testing.B, n int, asJSON bool) {
	plugs := make([]plugins.Plugin, 0, n+1)
	for i := range n {
		plugs = append(plugs, &benchCmd{name: "cmd-" + strconv.Itoa(i)})
	}
	plugs = append(plugs, &version.Cmd{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c := &version.Cmd{JSON: asJSON, Plugins: true}
		c.SetStdout(io.Discard)
		c.WithPlugins(func() []plugins.Plugin { return plugs })
		if err := c.Main(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVersionPlugins150k lists 150,000 commands with version
// --plugins, reading the test binary's own build info: linear in the
// number of plugins, each package's module looked up once.
func BenchmarkVersionPlugins150k(b *testing.B) { benchVersion(b, 150_000, false) }

// BenchmarkVersionPlugins150kJSON lists them as JSON.
func BenchmarkVersionPlugins150kJSON(b *testing.B) { benchVersion(b, 150_000, true) }
