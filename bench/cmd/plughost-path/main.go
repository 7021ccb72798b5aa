// Command plughost-path is the comparison's plughost program with a
// pathplugins.Finder appended to its plugins; BENCH_N sets how many
// commands it has. See bench/README.md.
package main

import (
	"os"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/bench/tools/plughostpath"
)

func main() {
	os.Exit(plughostpath.Run(spec.N(), os.Args[1:], os.Stdout, os.Stderr))
}
