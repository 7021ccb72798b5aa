package soplugins

import (
	"context"
	"runtime/debug"
	"sync"

	"github.com/plughost/plughost/plugins"
)

// Loader loads the Go .so plugins of a tool's plugin directories. Its zero
// value works. Use one Loader for the life of the process, and do not copy
// it: it remembers every .so it opened, and the Go runtime can open a file
// only once (see the package documentation).
type Loader struct {
	// BuildInfo reads this tool's build info, which every .so's manifest
	// is checked against; nil means runtime/debug.ReadBuildInfo.
	BuildInfo func() (*debug.BuildInfo, bool)
	// MinSequence is the oldest build a Loader accepts: a NAME whose
	// newest build has a lower Manifest.Sequence is skipped. A tool can
	// set it to its own build time (as nanoseconds since 1970), so that
	// plugins built before it are not loaded.
	MinSequence int64
	// Symbol is the name of the function each .so exports, of type
	// func() []plugins.Plugin; "" means "Plugins".
	Symbol string

	mu     sync.Mutex          // held by Load
	opened map[string]*opening // by the .so's real path
	names  map[string]string   // NAME to the real path of the build loaded
	rmu    sync.Mutex          // held to read or write last
	last   Report
}

// opening is one .so opened, or being opened: done is closed once
// plugin.Open and the symbol lookup have returned (or panicked), and then
// fn is the plugins function, or err why there is none.
type opening struct {
	done chan struct{}
	fn   func() []plugins.Plugin
	err  error
	name string // the NAME it was opened as
	path string // the path it was opened by
	real string // its real path, which the Go runtime keys plugins by
	seq  int64  // the Sequence of the manifest checked before opening it
}

// Load finds the .so plugins in dirs (in order; a directory that does not
// exist holds none), picks for each NAME the newest build for this tool's
// Go version and platform, checks its manifest against this tool's build,
// opens it and calls its plugins function. It returns the plugins, to be
// prepended to the host's, in the order of NAME.
//
// A NAME of which no build loads is given a placeholder command of that
// name, whose description says why and whose Main returns the reason (a
// *LoadError, or a *cli.PluginError for a panic in the plugin's init), so
// that "tool hello" says why hello is missing and every other command
// works (so name a .so after the command it adds). The Report says what
// was loaded, skipped and failed.
//
// Load returns an error only when it could not look at all
// (ErrNotBuilt, ErrNoBuildInfo), or when ctx ended before it finished:
// then the plugins it found so far, placeholders included, are still
// usable. A .so's init runs during Load, on a goroutine of its own; if it
// has not returned when ctx ends, Load returns and the open goes on.
//
// Each Load calls each plugins function again, so that every host gets
// fresh plugin values; no .so is opened twice, and one that failed is
// never opened again: Load reports the remembered failure instead. A .so
// rebuilt after this Loader loaded it is not reloaded: the process keeps
// the code it loaded. Load is safe to call from many goroutines; the
// calls run one at a time.
func (l *Loader) Load(ctx context.Context, dirs ...string) ([]plugins.Plugin, error) {
	return l.load(ctx, dirs)
}

// Report returns what the last Load found: a copy, safe to keep.
func (l *Loader) Report() Report { return l.report() }

// Report is what a Loader's Load found, each list in the order of NAME
// and then of the directories.
type Report struct {
	// Loaded are the builds loaded.
	Loaded []Entry
	// Skipped are the builds not tried: for another Go version or
	// platform, older than another build of their NAME, older than
	// MinSequence, or not named NAME_GOVERSION_GOOS_GOARCH.so.
	Skipped []Entry
	// Failed are the builds tried that did not load.
	Failed []Entry
	// Err is why Load could not look at all, if it could not:
	// ErrNotBuilt or ErrNoBuildInfo.
	Err error
}

// Entry is one .so file in a Report.
type Entry struct {
	// Name is the NAME of its file name; Path the file, as found.
	Name string
	Path string
	// Sequence is its manifest's, if the manifest was read.
	Sequence int64
	// Plugins are the names of the plugins it gave, when it was loaded.
	Plugins []string
	// Reason says, for a skipped build, why; for a loaded one, anything
	// to know (that it was rebuilt since this process loaded it).
	Reason string
	// Err is, for a failed build, why it failed.
	Err error
}
