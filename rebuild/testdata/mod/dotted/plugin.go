// Package goplugins is a plugin module for the tests of package rebuild: go-plug.ins v1.0.0.
package goplugins

import (
	"context"
	"fmt"

	"github.com/plughost/plughost/plugins"
)

// Cmd is the module's one command.
type Cmd struct{ plugins.Streams }

func (c *Cmd) Name() string        { return "dotted" }
func (c *Cmd) Description() string { return "go-plug.ins v1.0.0" }
func (c *Cmd) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(c.Stdout(), "go-plug.ins v1.0.0")
	return err
}

// Plugins returns the module's plugins.
func Plugins() []plugins.Plugin { return []plugins.Plugin{&Cmd{}} }
