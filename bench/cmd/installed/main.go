// Command installed is the installed tool of the delegation measurement:
// the comparison's plughost program (BENCH_N commands) behind
// delegate.Run, called first in main as package delegate's documentation
// shows. Run inside a Go module that requires plughost and has its own
// cmd/tool, it hands over to that project's build (replacing its process,
// on Unix); anywhere else it runs its own commands. See bench/README.md.
package main

import (
	"os"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/bench/tools/plughost"
	"github.com/plughost/plughost/delegate"
)

func main() {
	if code, ok := delegate.Run(delegate.Options{
		Tool: "tool", Args: os.Args, Getwd: os.Getwd,
		Environ: os.Environ, LookupEnv: os.LookupEnv, Executable: os.Executable,
	}); ok {
		os.Exit(code)
	}
	os.Exit(plughost.Run(spec.N(), os.Args[1:], os.Stdout, os.Stderr))
}
