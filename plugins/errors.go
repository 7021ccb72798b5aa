package plugins

import "errors"

// ErrUsage is what a command wraps to say it was used wrongly, without
// importing the host: fmt.Errorf("%w: want one app", plugins.ErrUsage).
// The host then names the command path once, adds its usage line and
// exits 2, as for a command line it refused itself.
var ErrUsage = errors.New("wrong usage")
