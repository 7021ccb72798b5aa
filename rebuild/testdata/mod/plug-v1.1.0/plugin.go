// Package plug is a plugin module for the tests of package rebuild: plug v1.1.0.
package plug

import (
	"context"
	"fmt"

	"github.com/plughost/plughost/plugins"
)

// Cmd is the module's one command.
type Cmd struct{ plugins.Streams }

func (c *Cmd) Name() string        { return "plug" }
func (c *Cmd) Description() string { return "plug v1.1.0" }
func (c *Cmd) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(c.Stdout(), "plug v1.1.0")
	return err
}

// Plugins returns the module's plugins.
func Plugins() []plugins.Plugin { return []plugins.Plugin{&Cmd{}} }
