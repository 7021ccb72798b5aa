package soplugins

import (
	"errors"
	"fmt"
	"strings"

	"github.com/plughost/plughost/internal/fault"
)

var (
	// ErrNotBuilt is what every call returns in a build without the
	// plughost_so tag, or without cgo, or for a system where Go cannot
	// load plugins (Windows): such a build links neither package plugin
	// nor cgo.
	ErrNotBuilt = errors.New("soplugins: built without the plughost_so tag; rebuild with -tags plughost_so and cgo")
	// ErrNoBuildInfo reports a tool whose build info cannot be read, so
	// that no .so can be checked against it.
	ErrNoBuildInfo = errors.New("no build info to check plugins against")
	// ErrNoBuild reports a NAME none of whose .so files suits this tool:
	// all are for another Go version or platform, or older than
	// Loader.MinSequence.
	ErrNoBuild = errors.New("no build for this tool")
	// ErrManifest reports a .so without a usable manifest beside it: none,
	// one that does not parse, or one that describes another file.
	ErrManifest = errors.New("bad manifest")
	// ErrMismatch reports a .so built differently from this tool; a
	// *MismatchError says how.
	ErrMismatch = errors.New("built differently from this tool")
	// ErrUnsafe reports a .so that someone other than this user (or root)
	// could have put there or changed: loading it would run their code.
	ErrUnsafe = errors.New("unsafe to load")
	// ErrOpen reports a .so the Go runtime refused to load, with the
	// runtime's own words.
	ErrOpen = errors.New("the Go runtime refused it")
	// ErrSymbol reports a .so without a usable plugins function: none of
	// the name Loader.Symbol gives, one of another type, or one that
	// returned a nil plugin.
	ErrSymbol = errors.New("no usable plugins function")
	// ErrBuild reports a failed Build: bad options, a go command of
	// another Go version, or go build's own failure (its output follows).
	ErrBuild = errors.New("cannot build the plugin")
)

// LoadError is a .so the Loader did not load: Name is the NAME of its file
// name, Path the file, and Err why (wrapping ErrNoBuild, ErrManifest,
// ErrMismatch, ErrUnsafe, ErrOpen or ErrSymbol, or the context's error).
// A panic in the plugin's code is not a LoadError but a
// *cli.PluginError, whose Plugin is the NAME and Type the path.
type LoadError struct {
	Name string
	Path string
	Err  error
}

// Error names the plugin and its file, then says why.
func (e *LoadError) Error() string {
	return fmt.Sprintf("plugin %q (%s): %s", e.Name, e.Path, fault.Message(e.Err))
}

// Unwrap returns why.
func (e *LoadError) Unwrap() error { return e.Err }

// MismatchError lists, in words, how a .so's build differs from this
// tool's: "built with -race; this tool without", "example.com/dep v1.2.0
// here, v1.3.0 in the plugin". Go version and platform come first, then
// cgo, the race detector and sanitizers, -trimpath, tags, the other
// settings that change compiled code, and the modules both hold.
type MismatchError struct {
	Differences []string
}

// maxShown is how many differences an error's text shows.
const maxShown = 3

// Error shows the first three differences and counts the rest.
func (e *MismatchError) Error() string {
	if len(e.Differences) == 0 {
		return ErrMismatch.Error()
	}
	shown := e.Differences[:min(len(e.Differences), maxShown)]
	msg := ErrMismatch.Error() + ": " + strings.Join(shown, "; ")
	if n := len(e.Differences) - len(shown); n > 0 {
		msg += fmt.Sprintf("; and %d more", n)
	}
	return msg
}

// Is reports that a MismatchError is an ErrMismatch.
func (e *MismatchError) Is(target error) bool { return target == ErrMismatch }

// notBuiltError is ErrNotBuilt with a reason of its own, for a build
// that has the tag but cannot load plugins anyway.
type notBuiltError struct{ msg string }

func (e *notBuiltError) Error() string        { return e.msg }
func (e *notBuiltError) Is(target error) bool { return target == ErrNotBuilt }
