package version

import "errors"

var (
	// ErrUnexpectedArgument reports a positional argument: the command
	// takes none.
	ErrUnexpectedArgument = errors.New("unexpected argument")
	// ErrPanic reports a plugin, or the host, that panicked while the
	// command called one of its methods.
	ErrPanic = errors.New("panic")
)
