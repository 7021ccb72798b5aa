package usage

import (
	"fmt"

	"github.com/plughost/plughost/plugins"
)

// NoArgs returns nil when args is empty, and otherwise an error naming
// the first argument that wraps both plugins.ErrUsage and unexpected, the
// command's own sentinel: `unexpected argument "x": want no arguments`,
// which reads as one line once the host has prefixed the command path.
func NoArgs(unexpected error, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return &argError{kind: unexpected, arg: args[0]}
}

// argError is an argument a command that takes none was given. Its text
// leaves out plugins.ErrUsage's own ("wrong usage"), which the host says
// in its own way, with the usage line.
type argError struct {
	kind error
	arg  string
}

func (e *argError) Error() string {
	return fmt.Sprintf("%s %q: want no arguments", e.kind, e.arg)
}

// Unwrap returns plugins.ErrUsage and the command's sentinel.
func (e *argError) Unwrap() []error { return []error{plugins.ErrUsage, e.kind} }
