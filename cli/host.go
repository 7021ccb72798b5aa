package cli

import (
	"context"
	"io"
	"os"

	"github.com/plughost/plughost/cmds"
	"github.com/plughost/plughost/plugins"
)

// Host runs a command-line tool whose every command is a plugin.
//
// The zero value works: a Host{Plugins: ...} runs those plugins with the
// process's own streams. A Host holds no state of a run, so one Host may run
// Main many times, one after another or at once; but a plugin value keeps
// its flags in its own fields, so it serves one run at a time.
type Host struct {
	// Plugins are the tool's plugins. The first to answer to a command name
	// wins, so prepend to override.
	Plugins []plugins.Plugin

	// Tool is the tool's name, shown in help and errors.
	Tool string
	// About is the one-line description the tool's help shows.
	About string

	// Stdin, Stdout and Stderr are the tool's streams; nil means the
	// process's own.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// New returns a host named name holding the built-in commands of package
// cmds. Prepend your own plugins to its Plugins.
func New(name string) *Host {
	return &Host{Tool: name, Plugins: cmds.Plugins()}
}

// Name returns the tool's name.
func (h *Host) Name() string { return h.Tool }

// Description returns the tool's one-line description.
func (h *Host) Description() string { return h.About }

// Main runs the tool with args, the command line without the program name.
//
// The host parses its own flags (-h, --help) first; the first argument left
// names a command, which gets its flags parsed and exactly the arguments
// after it. Main never exits the process and never writes to os.Stdout or
// os.Stderr when the host's streams are set. Its errors are *UsageError for
// a bad command line, *PluginError for a broken plugin, and whatever a
// command returned, wrapped so that errors.Is and errors.As still find it.
func (h *Host) Main(ctx context.Context, args []string) error {
	return <-h.start(ctx, args)
}

// start runs the tool on a goroutine of its own (see guard) and returns
// where its result arrives.
func (h *Host) start(ctx context.Context, args []string) <-chan error {
	r := h.newRun(ctx, nil)
	return r.guard(func() error { return r.main(args) })
}

func (h *Host) newRun(ctx context.Context, stdout io.Writer) *run {
	if ctx == nil {
		ctx = context.Background()
	}
	r := &run{h: h, ctx: ctx, stdin: h.Stdin, stdout: h.Stdout, stderr: h.Stderr}
	if stdout != nil {
		r.stdout = stdout
	}
	if r.stdin == nil {
		r.stdin = os.Stdin
	}
	if r.stdout == nil {
		r.stdout = os.Stdout
	}
	if r.stderr == nil {
		r.stderr = os.Stderr
	}
	r.feeder = r.plugins
	return r
}
