// Command mycli is this project's own build of mycli: the example tool
// with one more command, release. Run the installed mycli anywhere in
// this module and it hands over to this one (package delegate).
package main

import (
	"context"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/delegate"
	"github.com/plughost/plughost/examples/mycli/tool"
	"github.com/plughost/plughost/plugins"
)

func main() {
	// Run here too, so that this build, installed, serves other projects
	// the same way; in this project it never hands over to itself.
	if code, ok := delegate.Run(delegate.Options{
		Tool: "mycli", Args: os.Args, Getwd: os.Getwd,
		Environ: os.Environ, LookupEnv: os.LookupEnv, Executable: os.Executable,
	}); ok {
		os.Exit(code)
	}
	h := tool.New(os.LookupEnv)
	h.Plugins = append([]plugins.Plugin{&Release{}}, h.Plugins...)
	os.Exit(cli.Run(context.Background(), h, os.Args[1:]))
}
