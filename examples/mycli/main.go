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
	"github.com/plughost/plughost/pathplugins"
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
	// Go .so plugins from MYCLI_SO_PATH, in a build with -tags plughost_so.
	h.Plugins = append(soPlugins(ctx, lookupEnv), h.Plugins...)
	// mycli-* executables on PATH run as commands when no compiled-in
	// command answers (path/mycli-hello is one).
	h.Plugins = append(h.Plugins, &pathplugins.Finder{Tool: "mycli", LookupEnv: lookupEnv, Environ: os.Environ, Executable: os.Executable})
	return cli.Run(ctx, h, args)
}
