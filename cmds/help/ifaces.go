package help

import (
	"context"
	"io"

	"github.com/plughost/plughost/plugins"
)

// The interfaces the help command listens for.
type (
	// HostNeeder gives the command its host.
	HostNeeder = plugins.HostNeeder
	// StdoutNeeder gives it the writer to print help to. Without one it
	// prints to os.Stdout. The command is a StdinNeeder and a StderrNeeder
	// too, as it embeds plugins.Streams, but reads neither.
	StdoutNeeder = plugins.StdoutNeeder
)

// Printer is a host that can print help. The help command asks the host it
// was given to print the help of the command path it was run with; the
// host in package cli is a Printer.
type Printer interface {
	PrintHelp(ctx context.Context, w io.Writer, path []string) error
}
