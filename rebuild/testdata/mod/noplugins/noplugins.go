// Package noplugins is a module for the tests of package rebuild that is
// not a plugin module: it has plugins, but no Plugins function.
package noplugins

import (
	"context"

	"github.com/plughost/plughost/plugins"
)

// Cmd is a command nobody can reach.
type Cmd struct{ plugins.Streams }

func (c *Cmd) Name() string                                  { return "unreachable" }
func (c *Cmd) Main(ctx context.Context, args []string) error { return nil }

// All returns the module's plugins, under the wrong name.
func All() []plugins.Plugin { return []plugins.Plugin{&Cmd{}} }
