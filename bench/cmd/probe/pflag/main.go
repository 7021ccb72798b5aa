// Command pflag links and initializes spf13/pflag (and through it net),
// and does nothing else.
package main

import _ "github.com/spf13/pflag"

func main() {}
