package version

import "errors"

// ErrUnexpectedArgument reports a positional argument: the command takes
// none.
var ErrUnexpectedArgument = errors.New("unexpected argument")
