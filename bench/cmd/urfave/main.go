// Command urfave is the comparison's program on urfave; BENCH_N sets how many
// commands it has. See bench/README.md.
package main

import (
	"os"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/bench/tools/urfave"
)

func main() {
	os.Exit(urfave.Run(spec.N(), os.Args[1:], os.Stdout, os.Stderr))
}
