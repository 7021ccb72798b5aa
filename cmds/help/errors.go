package help

import "errors"

// ErrNoHost reports a help command run without a host that can print help,
// as when it is run from code on its own.
var ErrNoHost = errors.New("no host to print help for")
