package plugins

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/markbates/safe"
	"github.com/plughost/plughost/cmds/internal/output"
	"github.com/plughost/plughost/plugins"
)

// Cmd is the plugins command. Its zero value works: with no plugins fed it
// lists none, and with no writer it prints to os.Stdout.
type Cmd struct {
	// JSON prints a JSON array instead of a table (--json).
	JSON bool
	// BuildInfo reads the build info the module column comes from; nil
	// means runtime/debug.ReadBuildInfo.
	BuildInfo func() (*debug.BuildInfo, bool)

	feeder plugins.PluginFeeder
	stdout io.Writer
}

// Name returns "plugins".
func (c *Cmd) Name() string { return "plugins" }

// Description describes the command for listings.
func (c *Cmd) Description() string { return "list every plugin of the tool, hidden ones too" }

// WithPlugins remembers where to find the plugins to list.
func (c *Cmd) WithPlugins(f plugins.PluginFeeder) { c.feeder = f }

// SetStdout sets where the command prints; nil means os.Stdout.
func (c *Cmd) SetStdout(w io.Writer) { c.stdout = w }

// Flags returns a new flag set bound to the command's fields, their
// current values as defaults.
func (c *Cmd) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.JSON, "json", c.JSON, "print a JSON array")
	return fs
}

// Main lists the plugins. It takes no arguments.
//
// A plugin whose methods panic is listed with the error in its row; Main
// fails only on an argument, a feeder that panics, or a write error.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w %q", ErrUnexpectedArgument, args[0])
	}
	var plugs []plugins.Plugin
	if c.feeder != nil {
		if err := safe.Run(func() { plugs = c.feeder() }); err != nil {
			return fmt.Errorf("reading the plugins: %w: %w", ErrPanic, err)
		}
	}
	read := c.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok {
		bi = nil
	}
	rows := list(bi, plugs)

	return output.Print(c.stdout, c.JSON, rows, func(w io.Writer) { table(w, rows) })
}
