package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/plughost/plughost/cmds"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// Host runs a command-line tool whose every command is a plugin.
//
// The zero value works: a Host{Plugins: ...} runs those plugins with the
// process's own streams. A host and its plugins serve one run at a time:
// the host writes into a plugin what the command line sets and what the
// needer setters give, so a plugin value serves one run, and a fresh host,
// with fresh plugins, is how a test or a long-lived program gets fresh
// state. Hosts share nothing, so many may run at once, one per goroutine.
type Host struct {
	// Plugins are the tool's plugins. The first to answer to a command name
	// wins, so prepend to override.
	Plugins []plugins.Plugin

	// Tool is the tool's name, shown in help and errors.
	Tool string
	// About is the one-line description the tool's help shows.
	About string

	// Version is the tool's version: "tool --version" prints it, and so
	// does the version command, in place of the version of the main module
	// the build info records. Empty means the build info's.
	Version string

	// DefaultCommand, when set, names the command that runs when the
	// command line names none (and asks for no help), in place of the
	// tool's help.
	DefaultCommand string

	// LookupEnv reads the environment, as os.LookupEnv does, which is what
	// a tool's main passes; nil means the tool reads none. The library
	// never reads the environment itself.
	LookupEnv func(string) (string, bool)
	// EnvPrefix, when set and LookupEnv is, makes every flag --NAME also
	// read from the variable PREFIX_NAME (upper case, with "_" for every
	// character that is not a letter or digit) when the command line does
	// not give it. Command names do not enter the name: --greeter reads
	// MYCLI_GREETER on whatever command declares it.
	EnvPrefix string
	// ConfigFiles are config files to read flags from, most specific
	// first: a value an earlier file gives wins. A file that does not
	// exist is skipped. Its extension picks the ConfigParser among the
	// plugins that reads it (package config has JSON and key = value).
	ConfigFiles []string
	// ReadFile reads a config file; nil means os.ReadFile.
	ReadFile func(name string) ([]byte, error)

	// Traceback makes Run print the stack of a plugin's panic after its
	// one-line error. A tool sets it from a switch its users know, such as
	// an environment variable its main reads.
	Traceback bool

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

// ToolVersion returns Version, for the version command.
func (h *Host) ToolVersion() string { return h.Version }

// Main runs the tool with args, the command line without the program name.
//
// The host parses its own flags (-h, --help) first; the first argument left
// names a command, which gets its flags parsed and exactly the arguments
// after it. A cancelled ctx runs nothing, help included. Main never exits
// the process and never writes to os.Stdout or os.Stderr when the host's
// streams are set. Its errors are *UsageError for a bad command line,
// *PluginError for a broken plugin, and whatever a command returned,
// wrapped so that errors.Is and errors.As still find it.
//
// A command that calls Main (or PrintHelp) with the context it was given
// runs a nested run that shares its run's feeding: the plugins already fed
// are not fed again.
func (h *Host) Main(ctx context.Context, args []string) error {
	r := h.newRun(ctx, nil)
	return <-r.guard(func() error { return r.main(args) })
}

// PrintHelp writes to w the help of the command that path names (the names
// of a command and its sub-commands), or of the tool for an empty path.
// The help command prints through it; see package cmds/help. Only the help
// goes to w: the plugins it feeds get the host's streams.
func (h *Host) PrintHelp(ctx context.Context, w io.Writer, path []string) error {
	r := h.newRun(ctx, w)
	return <-r.guard(func() error {
		if err := r.cancelled(nil); err != nil {
			return err
		}
		return r.printHelp(path)
	})
}

// run is the state of one call to Host.Main or Host.PrintHelp.
type run struct {
	h    *Host
	ctx  context.Context // what commands are given: carries the run
	feed *feeding        // shared with the runs nested in this one
	own  bool            // the run owns feed, and ends it
	out  io.Writer       // where help goes

	caps   *capabilities // what the host's plugins offer every command
	global *flagSet      // the global flags, once built

	mu     sync.Mutex
	goexit *PluginError // the plugin that called runtime.Goexit
}

type runKey struct{}

func (h *Host) newRun(ctx context.Context, out io.Writer) *run {
	if ctx == nil {
		ctx = context.Background()
	}
	r := &run{h: h}
	if parent, ok := ctx.Value(runKey{}).(*run); ok && parent.h == h {
		parent.feed.mu.Lock()
		over := parent.feed.over
		parent.feed.mu.Unlock()
		if !over {
			r.feed = parent.feed
		}
	}
	if r.feed == nil {
		r.feed, r.own = newFeeding(h, r.record), true
		if r.feed.stdin == nil {
			r.feed.stdin = os.Stdin
		}
		if r.feed.stdout == nil {
			r.feed.stdout = os.Stdout
		}
		if r.feed.stderr == nil {
			r.feed.stderr = os.Stderr
		}
	}
	r.out = out
	if r.out == nil {
		r.out = r.feed.stdout
	}
	r.ctx = fault.WithRecorder(context.WithValue(ctx, runKey{}, r), r.record)
	return r
}

// end is called once the run's work is over.
func (r *run) end() {
	if r.own {
		r.feed.end()
	}
}

// warn prints a one-line warning on the run's stderr.
func (r *run) warn(msg string) {
	fmt.Fprintln(r.feed.stderr, plugprint.Line(r.h.Name()+": "+msg))
}

// feedOne feeds the plugin at n for this run.
func (r *run) feedOne(n node) error { return r.feed.one(n, r.record) }

// cancelled returns an error when the run's context is done: nothing runs
// then, help included. at is the command path, or nil for the tool.
func (r *run) cancelled(at []string) error {
	err := r.ctx.Err()
	if err == nil {
		return nil
	}
	where := r.h.Name()
	if len(at) > 0 {
		where = joinPath(at)
	}
	return fmt.Errorf("%s: not run: %w", where, err)
}

// Env returns the variable key of the environment the tool's main handed
// the host (LookupEnv), for the plugins that need one, such as the docs
// command's SOURCE_DATE_EPOCH; false when there is none or no LookupEnv.
func (h *Host) Env(key string) (string, bool) {
	if h.LookupEnv == nil {
		return "", false
	}
	return h.LookupEnv(key)
}
