// Command mycli is what a tool's author writes on plughost: a main.go that
// builds the host and runs it. The host and every plugin live in package
// tool, so that the tool can be rebuilt with more plugins (see package
// rebuild); each plugin there shows one capability, named in its help
// text.
//
// Exit codes: 0 success, 1 a command failed, 2 a usage error (unknown
// command or flag, bad flag value, missing argument), 130 interrupted
// (SIGINT), 143 terminated (SIGTERM).
package main

import (
	"context"
	"io"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/delegate"
	"github.com/plughost/plughost/examples/mycli/tool"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/rebuild"
)

func main() {
	// In a Go module with its own cmd/mycli that requires plughost (such as
	// examples/project), that build runs instead: see package delegate.
	if code, ok := delegate.Run(delegate.Options{
		Tool: "mycli", Args: os.Args, Getwd: os.Getwd,
		Environ: os.Environ, LookupEnv: os.LookupEnv, Executable: os.Executable,
	}); ok {
		os.Exit(code)
	}
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.LookupEnv))
}

// run builds the tool and runs it with args, returning the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, lookupEnv func(string) (string, bool)) int {
	h := tool.New(lookupEnv)
	h.Stdin, h.Stdout, h.Stderr = stdin, stdout, stderr
	// The plugin modules "mycli plugins add" added (plughost_plugins.go).
	h.Plugins = append(generatedPlugins(), h.Plugins...)
	// "mycli plugins" with add, remove, upgrade and install: it takes over
	// the built-in listing. A rebuilt mycli runs tool.New, the added
	// plugins and this command, so what mycli needs is in tool.New.
	h.Plugins = append([]plugins.Plugin{&rebuild.Cmd{
		HostPackage: "github.com/plughost/plughost/examples/mycli/tool",
		MainPackage: "github.com/plughost/plughost/examples/mycli",
		Environ:     os.Environ,
		Getwd:       os.Getwd,
		Executable:  os.Executable,
	}}, h.Plugins...)
	// Go .so plugins from MYCLI_SO_PATH, in a build with -tags plughost_so.
	h.Plugins = append(soPlugins(ctx, lookupEnv), h.Plugins...)
	return cli.Run(ctx, h, args)
}
