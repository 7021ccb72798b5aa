package docs

import "errors"

var (
	// ErrNoHost reports a docs command run without a host that is a
	// HelpSource, as when it is run from code on its own.
	ErrNoHost = errors.New("no host to read the help of commands from")
	// ErrUnknownFormat reports a format other than Man and Markdown. The
	// error the command returns for one wraps plugins.ErrUsage too, so
	// that the host reports it as a usage error.
	ErrUnknownFormat = errors.New("unknown format")
	// ErrBadName reports a tool or command whose name cannot name a file:
	// an empty one, or one holding a path separator, a control byte or
	// invalid UTF-8.
	ErrBadName = errors.New("name cannot name a file")
	// ErrSameFile reports two command paths whose pages would be the one
	// file: "tool deploy-status" and "tool deploy status" both make
	// tool-deploy-status.1.
	ErrSameFile = errors.New("two pages would have the same file")
	// ErrTooDeep reports commands nested deeper than MaxDepth, as a
	// command that is its own sub-command is.
	ErrTooDeep = errors.New("commands nested too deep")
	// ErrBadHelp reports a HelpSource that answered the help of one
	// command path with the help of another.
	ErrBadHelp = errors.New("help of the wrong command")
	// ErrBadDate reports a SOURCE_DATE_EPOCH that is not a number of
	// seconds since 1970.
	ErrBadDate = errors.New("bad SOURCE_DATE_EPOCH")
)
