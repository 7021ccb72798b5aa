// Command cli-import links and initializes package cli, with everything it
// imports (the built-in commands among them), and does nothing else.
package main

import _ "github.com/plughost/plughost/cli"

func main() {}
