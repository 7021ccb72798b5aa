// Command plughost-bare is the one-command tool on a zero-value cli.Host:
// without cli.New's built-ins, which the linker then leaves out.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
)

type hello struct {
	Who string
	out io.Writer
}

func (h *hello) Name() string          { return "hello" }
func (h *hello) Description() string   { return "say hello" }
func (h *hello) SetStdout(w io.Writer) { h.out = w }

func (h *hello) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("hello", flag.ContinueOnError)
	fs.StringVar(&h.Who, "name", h.Who, "who to greet")
	return fs
}

func (h *hello) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintf(h.out, "Hello, %s!\n", h.Who)
	return err
}

func main() {
	h := &cli.Host{Tool: "tool"}
	h.Plugins = append([]plugins.Plugin{&hello{Who: "world"}}, h.Plugins...)
	os.Exit(cli.Run(context.Background(), h, os.Args[1:]))
}
