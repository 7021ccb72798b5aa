// Command plughost-direct is the plughost program with big declaring its
// 300 flags itself instead of borrowing them from 100 lenders.
package main

import (
	"os"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/plughost/plughost/bench/tools/plughost"
)

func main() {
	os.Exit(plughost.RunDirect(spec.N(), os.Args[1:], os.Stdout, os.Stderr))
}
