// Package multi is a plugin module for the tests of package rebuild: multi v2.0.0.
package multi

import (
	"context"
	"fmt"

	"github.com/plughost/plughost/plugins"
)

// Cmd is the module's one command.
type Cmd struct{ plugins.Streams }

func (c *Cmd) Name() string        { return "multi" }
func (c *Cmd) Description() string { return "multi v2.0.0" }
func (c *Cmd) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(c.Stdout(), "multi v2.0.0")
	return err
}

// Plugins returns the module's plugins.
func Plugins() []plugins.Plugin { return []plugins.Plugin{&Cmd{}} }
