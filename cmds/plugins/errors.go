package plugins

import "errors"

var (
	// ErrUnexpectedArgument reports a positional argument: the command
	// takes none.
	ErrUnexpectedArgument = errors.New("unexpected argument")
	// ErrPanic reports a plugin that panicked while the command called one
	// of its methods. In a listing it shows in the plugin's row.
	ErrPanic = errors.New("panic")
)
