// Command stdlib is the comparison's program on stdlib; BENCH_N sets how many
// commands it has. See bench/README.md.
package main

import (
	"os"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/bench/tools/stdlib"
)

func main() {
	os.Exit(stdlib.Run(spec.N(), os.Args[1:], os.Stdout, os.Stderr))
}
