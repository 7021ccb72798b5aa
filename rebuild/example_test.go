package rebuild_test

import (
	"context"
	"fmt"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/rebuild"
)

// A tool's main prepends the plugins of its generated file and the
// plugins command of package rebuild, which takes over "plugins" from the
// built-in listing, giving it the process's environment, working
// directory and executable; the host is built by a package of its own
// (here a function standing for mytool/tool.New), so that install can
// import it.
func Example() {
	newHost := func(lookupEnv func(string) (string, bool)) *cli.Host {
		h := cli.New("mytool")
		h.LookupEnv = lookupEnv
		return h
	}
	generatedPlugins := func() []plugins.Plugin { return nil } // in plughost_plugins.go

	h := newHost(os.LookupEnv)
	h.Plugins = append(generatedPlugins(), h.Plugins...)
	h.Plugins = append([]plugins.Plugin{&rebuild.Cmd{
		HostPackage: "example.com/mytool/tool",
		Environ:     os.Environ,
		Getwd:       os.Getwd,
		Executable:  os.Executable,
	}}, h.Plugins...)

	h.Stdout = os.Stdout
	if err := h.Main(context.Background(), []string{"help", "plugins"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// mytool plugins - list every plugin of the tool; add, remove, upgrade or install plugin modules
	//
	// Without a sub-command, lists every plugin of the tool, hidden ones too.
	//
	// In the tool's source tree, add, remove and upgrade change which plugin modules it is built with: they run go get and rewrite the generated file plughost_plugins.go beside the tool's main, and leave go.mod and go.sum for review.
	//
	// install rebuilds the installed binary with more plugin modules and replaces it, keeping the old one beside it, and writes a lock file from which install --from-lock makes the same binary again.
	//
	// Usage:
	//   mytool plugins [flags] COMMAND
	//
	// Commands:
	//   add       add plugin modules to the tool's source: go get them and rewrite the generated file
	//   install   rebuild this binary with more plugin modules and replace it (needs Go)
	//   remove    remove plugin modules from the tool's source: rewrite the generated file without them
	//   upgrade   upgrade added plugin modules, or all of them, to their latest versions
	//
	// Flags:
	//       --json   print a JSON array
	//       --wide   print every column of the table, uncut
	//   -h, --help   show help
	//
	// Run "mytool help plugins COMMAND" for more about a command.
}
