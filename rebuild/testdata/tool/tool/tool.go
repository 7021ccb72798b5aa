// Package tool builds the host of the test tool: the package a rebuilt
// binary imports.
package tool

import (
	"context"
	"fmt"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
)

// Hi is the tool's own command.
type Hi struct{ plugins.Streams }

func (h *Hi) Name() string        { return "hi" }
func (h *Hi) Description() string { return "say hi" }
func (h *Hi) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(h.Stdout(), "hi")
	return err
}

// New builds the tool's host.
func New(lookupEnv func(string) (string, bool)) *cli.Host {
	h := cli.New("tool")
	h.LookupEnv = lookupEnv
	h.Plugins = append([]plugins.Plugin{&Hi{}}, h.Plugins...)
	return h
}
