package version

import "errors"

// ErrUnexpectedArgument reports a positional argument: the command takes
// none. The error Main returns for one wraps plugins.ErrUsage too, so
// that the host reports it as a usage error.
var ErrUnexpectedArgument = errors.New("unexpected argument")
