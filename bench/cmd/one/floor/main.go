// Command floor is a one-command tool on pflag alone, for binary size.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/pflag"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "hello" {
		fmt.Fprintln(os.Stderr, "usage: tool hello [--name NAME]")
		os.Exit(2)
	}
	fs := pflag.NewFlagSet("tool hello", pflag.ContinueOnError)
	who := fs.String("name", "world", "who to greet")
	if err := fs.Parse(os.Args[2:]); err != nil {
		os.Exit(2)
	}
	fmt.Printf("Hello, %s!\n", *who)
}
