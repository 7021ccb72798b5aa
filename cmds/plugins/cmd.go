package plugins

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/plughost/plughost/cmds/internal/listing"
	"github.com/plughost/plughost/cmds/internal/output"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// Cmd is the plugins command. Its zero value works: with no plugins fed it
// lists none, and with no stdout fed it prints to os.Stdout.
type Cmd struct {
	// Streams are where the command prints: it writes to Stdout only.
	plugins.Streams
	// JSON prints a JSON array instead of a table (--json).
	JSON bool
	// BuildInfo reads the build info the module and version columns come
	// from; nil means runtime/debug.ReadBuildInfo.
	BuildInfo func() (*debug.BuildInfo, bool)

	feeder plugins.PluginFeeder
}

// Name returns "plugins".
func (c *Cmd) Name() string { return "plugins" }

// Description describes the command for listings.
func (c *Cmd) Description() string { return "list every plugin of the tool, hidden ones too" }

// WithPlugins remembers where to find the plugins to list.
func (c *Cmd) WithPlugins(f plugins.PluginFeeder) { c.feeder = f }

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
// Every call into another plugin's code runs under the fault recorder the
// host puts in ctx, if any, so that a plugin calling runtime.Goexit is
// blamed for it. A plugin whose methods panic is listed with the error in
// its row; Main fails only on an argument, a feeder that panics (a
// *cli.PluginError wrapping cli.ErrPanic), or a write error.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w %q", ErrUnexpectedArgument, args[0])
	}
	rec := fault.RecorderOf(ctx)
	plugs, err := listing.Feed(rec, c, c.Name(), c.feeder)
	if err != nil {
		return err
	}
	read := c.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok {
		bi = nil
	}
	rows := listing.Read(rec, bi, plugs)
	listing.Relate(rec, rows)

	if c.JSON {
		return output.Print(c.Stdout(), true, jsonRows(rows), nil)
	}
	return output.Print(c.Stdout(), false, nil, func(w io.Writer) { table(w, rows) })
}
