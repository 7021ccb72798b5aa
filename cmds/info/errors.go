package info

import "errors"

var (
	// ErrUnexpectedArgument reports a positional argument: the command
	// takes none.
	ErrUnexpectedArgument = errors.New("unexpected argument")
	// ErrNothingRead reports a run that could find neither the executable
	// nor the module: what it printed came from the binary alone.
	ErrNothingRead = errors.New("nothing could be read")
)
