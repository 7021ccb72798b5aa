package help

import (
	"context"

	"github.com/plughost/plughost/plugins"
)

// Cmd is the help command. Its zero value works once a host has fed it.
type Cmd struct {
	// Streams are where help goes: it writes to Stdout only.
	plugins.Streams

	host plugins.Command
}

// Name returns "help".
func (c *Cmd) Name() string { return "help" }

// Description describes the command for listings.
func (c *Cmd) Description() string { return "show help for the tool or one of its commands" }

// ArgsUsage returns "[COMMAND...]": the command path to show the help of,
// none for the tool's.
func (c *Cmd) ArgsUsage() string { return "[COMMAND...]" }

// WithHost remembers the host to print help through.
func (c *Cmd) WithHost(h plugins.Command) { c.host = h }

// Main prints the help of the command path in args, or of the tool, to
// Stdout: os.Stdout when none was fed.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	p, ok := c.host.(Printer)
	if !ok {
		return ErrNoHost
	}
	// The host's errors name the tool and command already.
	return p.PrintHelp(ctx, c.Stdout(), args)
}
