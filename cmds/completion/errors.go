package completion

import "errors"

var (
	// ErrUnknownShell reports a shell the completion command has no script
	// for. The error Main returns for one wraps plugins.ErrUsage too, so
	// that the host reports it as a usage error.
	ErrUnknownShell = errors.New("unknown shell")
	// ErrBadToolName reports a tool name a script cannot hold as it is: one
	// that is not a plain word of letters, digits, "_", "-", "." and "+".
	ErrBadToolName = errors.New("tool name cannot go in a completion script")
	// ErrNoHost reports a command run without a host that can do its part:
	// a completion command without a host to name the tool, or a
	// __complete command whose host is not a Completer.
	ErrNoHost = errors.New("no host to complete for")
)

// kindError is an error of one or more sentinel kinds whose text says it
// better than the sentinels' own.
type kindError struct {
	kinds []error
	msg   string
}

func (e *kindError) Error() string   { return e.msg }
func (e *kindError) Unwrap() []error { return e.kinds }
