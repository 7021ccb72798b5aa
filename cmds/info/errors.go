package info

import "errors"

var (
	// ErrUnexpectedArgument reports a positional argument: the command
	// takes none. The error Main returns for one wraps plugins.ErrUsage
	// too, so that the host reports it as a usage error.
	ErrUnexpectedArgument = errors.New("unexpected argument")
	// ErrNothingRead reports a run that could find neither the executable
	// nor the module: what it printed came from the binary alone.
	ErrNothingRead = errors.New("nothing could be read")
	// ErrNoGo reports that --dir could not find the module of the
	// directory because the go command is not on PATH. The error wraps
	// what running it returned too (an exec.ErrNotFound).
	ErrNoGo = errors.New("the go command is not on PATH")
	// ErrNoBuildInfo reports a binary built without the build info the
	// tool's own module is read from.
	ErrNoBuildInfo = errors.New("the binary holds no build info")
)
