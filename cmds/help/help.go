package help

import (
	"context"
	"io"
	"os"

	"github.com/plughost/plughost/plugins"
)

// Cmd is the help command. Its zero value works once a host has fed it.
type Cmd struct {
	host   plugins.Command
	stdout io.Writer
}

// Name returns "help".
func (c *Cmd) Name() string { return "help" }

// Description describes the command for listings.
func (c *Cmd) Description() string { return "show help for the tool or one of its commands" }

// WithHost remembers the host to print help through.
func (c *Cmd) WithHost(h plugins.Command) { c.host = h }

// SetStdout sets where help goes; nil means os.Stdout.
func (c *Cmd) SetStdout(w io.Writer) { c.stdout = w }

// Main prints the help of the command path in args, or of the tool.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	p, ok := c.host.(Printer)
	if !ok {
		return ErrNoHost
	}
	w := c.stdout
	if w == nil {
		w = os.Stdout
	}
	// The host's errors name the tool and command already.
	return p.PrintHelp(ctx, w, args)
}
