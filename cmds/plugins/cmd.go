package plugins

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/plughost/plughost/cmds/internal/listing"
	"github.com/plughost/plughost/cmds/internal/output"
	"github.com/plughost/plughost/cmds/internal/usage"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// Cmd is the plugins command. Its zero value works: with no plugins fed it
// lists none, and with no stdout fed it prints to os.Stdout.
type Cmd struct {
	// Streams are where the command prints: it writes to Stdout only.
	plugins.Streams
	// JSON prints a JSON array instead of a table (--json), every column
	// of every row, strings exact.
	JSON bool
	// Wide prints every column of the table, uncut (--wide). Without it
	// the table has the columns that say which plugin runs as what, cut to
	// fit a terminal 100 columns wide.
	Wide bool
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
	fs.BoolVar(&c.Wide, "wide", c.Wide, "print every column of the table, uncut")
	return fs
}

// ArgsUsage returns "": the command takes no arguments, and the host
// refuses any before it calls Main.
func (c *Cmd) ArgsUsage() string { return "" }

// Main lists the plugins, and below each command the sub-commands it
// holds. It takes no arguments: called with one, as from code without a
// host, it returns a usage error wrapping both plugins.ErrUsage and
// ErrUnexpectedArgument.
//
// Every call into another plugin's code runs under the fault recorder the
// host puts in ctx, if any, so that a plugin calling runtime.Goexit is
// blamed for it. A plugin whose methods panic is listed with the error in
// its row; Main fails only on an argument, a feeder that panics (a
// *cli.PluginError wrapping cli.ErrPanic), or a write error.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if err := usage.NoArgs(ErrUnexpectedArgument, args); err != nil {
		return err
	}
	rec := fault.RecorderOf(ctx)
	plugs, err := listing.Feed(rec, c, c.Name(), c.feeder)
	if err != nil {
		return err
	}
	found, err := listing.Found(rec, plugs)
	if err != nil {
		return fmt.Errorf("finding commands: %w", err)
	}
	plugs = append(plugs, found...)
	read := c.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok {
		bi = nil
	}
	rows := listing.ReadTree(rec, bi, plugs)
	listing.Relate(rec, rows)
	listing.ReadSelections(rec, rows)

	switch {
	case c.JSON:
		return output.Print(c.Stdout(), true, func(j *output.JSON) { jsonRows(j, rows) }, nil)
	case c.Wide:
		return output.Print(c.Stdout(), false, nil, func(w io.Writer) { wideTable(w, rows) })
	}
	return output.Print(c.Stdout(), false, nil, func(w io.Writer) { table(w, rows) })
}
