// Command plughost-run is the comparison's plughost program run through
// cli.Run, as a tool's main would; the comparison's own plughost program
// calls Host.Main, like every other program there, which installs no
// signal handler. cli.Run installs its SIGINT handler only once a command
// has run for 5 ms, so a short dispatch runs without it: the runner holds
// what cli.Run adds here over Host.Main to at most 50 µs.
package main

import (
	"context"
	"os"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/bench/tools/plughost"
	"github.com/plughost/plughost/cli"
)

func main() {
	h := plughost.New(spec.N(), false, os.Stdout, os.Stderr)
	os.Exit(cli.Run(context.Background(), h, os.Args[1:]))
}
