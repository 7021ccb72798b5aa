package version_test

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/plugins"
)

// The build info is injected here so the output is the same on every
// machine; a tool leaves BuildInfo nil to read its own.
func stamped() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{
		GoVersion: "go1.24.0",
		Path:      "example.com/mycli",
		Main:      debug.Module{Path: "example.com/mycli", Version: "v1.2.3"},
		Deps:      []*debug.Module{{Path: "github.com/plughost/plughost", Version: "v0.1.0"}},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2025-01-02T03:04:05Z"},
			{Key: "vcs.modified", Value: "false"},
		},
	}, true
}

func Example() {
	c := &version.Cmd{BuildInfo: stamped}
	if err := c.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// mycli version v1.2.3
	//   revision  0123456789abcdef0123456789abcdef01234567
	//   time      2025-01-02T03:04:05Z
	//   modified  false
	//   go        go1.24.0
}

// toolHost stands for a host that knows the tool's version, as cli.Host
// does when its Version is set: it is a version.ToolVersioner.
type toolHost struct{}

func (toolHost) Name() string                         { return "mycli" }
func (toolHost) Main(context.Context, []string) error { return nil }
func (toolHost) ToolVersion() string                  { return "v2.0.0" }

// A host's ToolVersion replaces the main module's version; the rest still
// comes from the build info.
func Example_toolVersion() {
	c := &version.Cmd{BuildInfo: stamped}
	// A host feeds the command itself; here it is fed by hand.
	c.WithHost(toolHost{})
	if err := c.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// mycli version v2.0.0
	//   revision  0123456789abcdef0123456789abcdef01234567
	//   time      2025-01-02T03:04:05Z
	//   modified  false
	//   go        go1.24.0
}

func ExampleCmd_json() {
	c := &version.Cmd{JSON: true, Plugins: true, BuildInfo: stamped}
	c.WithPlugins(func() []plugins.Plugin { return []plugins.Plugin{c} })
	if err := c.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "name": "mycli",
	//   "version": "v1.2.3",
	//   "go_version": "go1.24.0",
	//   "revision": "0123456789abcdef0123456789abcdef01234567",
	//   "time": "2025-01-02T03:04:05Z",
	//   "modified": false,
	//   "plugins": [
	//     {
	//       "name": "version",
	//       "package": "github.com/plughost/plughost/cmds/version",
	//       "module": "github.com/plughost/plughost",
	//       "version": "v0.1.0",
	//       "replace": "",
	//       "error": ""
	//     }
	//   ]
	// }
}

func ExampleModuleOf() {
	bi, _ := stamped()
	m := version.ModuleOf(bi, &version.Cmd{})
	fmt.Println(m.Package)
	fmt.Println(m.Path, m.Version)
	// Output:
	// github.com/plughost/plughost/cmds/version
	// github.com/plughost/plughost v0.1.0
}
