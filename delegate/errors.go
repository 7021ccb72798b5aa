package delegate

import "errors"

// The reasons Find gives for not delegating, each wrapped with the
// particulars (errors.Is finds them). Run does not delegate on any of
// them, and says which under <EnvPrefix>_DEBUG_DELEGATE=1.
var (
	// ErrNoOptions reports Options without Getwd or Environ: Find
	// cannot tell where it runs, nor Run what to pass on.
	ErrNoOptions = errors.New("options lack Getwd or Environ")
	// ErrDisabled reports that <EnvPrefix>_NO_DELEGATE is set.
	ErrDisabled = errors.New("delegation turned off")
	// ErrDelegated reports that <EnvPrefix>_DELEGATED is set: this
	// process was started by a delegating one, and must not start another.
	ErrDelegated = errors.New("already delegated")
	// ErrNoModule reports a working directory in no Go module (no go.mod
	// in it or above it, or GO111MODULE=off).
	ErrNoModule = errors.New("not in a Go module")
	// ErrNotRequired reports a module that neither requires
	// Options.Module nor is it.
	ErrNotRequired = errors.New("the module does not require the tool's module")
	// ErrNoMain reports a module without the tool's main package
	// (Options.Main holds no non-test .go file).
	ErrNoMain = errors.New("the module has no main package for the tool")
	// ErrOwnBinary reports that the running binary is the project's own:
	// its main package is the project's, or it runs from the cache.
	ErrOwnBinary = errors.New("this binary is the project's own")
)

// The errors Run reports when a delegation fails; it prints them and
// returns exit code 1, never falling back to the running binary's own
// commands.
var (
	// errNoGo reports that the go command to build the project binary is
	// not on PATH.
	errNoGo = errors.New("the go command is not on PATH")
	// errBuild reports a failed go build; its output is printed before
	// it.
	errBuild = errors.New("go build failed")
	// errCacheUnusable reports a cache directory that cannot be written:
	// Run then builds into a temporary directory.
	errCacheUnusable = errors.New("cannot write the cache directory")
)
