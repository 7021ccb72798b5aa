package rebuild

import (
	"errors"
	"fmt"
)

// The sentinel errors of package rebuild. Every error the package returns
// for one of these cases wraps the sentinel, so errors.Is finds it, and
// its text is one line that says what happened and what to do, naming the
// module, file or binary concerned.
var (
	// ErrNoGo reports that there is no go command on the PATH of the
	// environment the tool was given, so nothing can be fetched or built.
	ErrNoGo = errors.New("no go command on PATH")
	// ErrNotConfigured reports a tool whose main did not give the command
	// what it needs from the process: its environment, working directory
	// or executable, or the package that builds its host.
	ErrNotConfigured = errors.New("not configured")
	// ErrBadModule reports a command-line argument that is not
	// MODULE[@VERSION][=DIR]. The error wraps plugins.ErrUsage too.
	ErrBadModule = errors.New("bad module argument")
	// ErrNotFound reports a module, or a version of it, that the go
	// command cannot find.
	ErrNotFound = errors.New("module not found")
	// ErrNoPluginsFunc reports a module none of whose packages has the
	// function a plugin module exports, func Plugins() []plugins.Plugin,
	// or more than one of which has it when none is the module's root.
	ErrNoPluginsFunc = errors.New("no Plugins function")
	// ErrNewerHost reports a plugin module that requires a newer plughost
	// than the tool is built with.
	ErrNewerHost = errors.New("plugin needs a newer plughost")
	// ErrToolchain reports a module whose go line asks for a newer Go
	// than the go command that would build it.
	ErrToolchain = errors.New("go toolchain too old")
	// ErrGo reports a go command that failed for a reason this package
	// does not know better; the text holds go's own first line.
	ErrGo = errors.New("go command failed")
	// ErrNotInSource reports add, remove or upgrade run outside the
	// tool's source tree, or in a copy of the tool where its main package
	// is not part of the main module.
	ErrNotInSource = errors.New("not in the tool's source tree")
	// ErrNotGenerated reports a file where the generated file should be
	// that plughost did not write, or whose list of plugins it cannot read.
	ErrNotGenerated = errors.New("not a plughost generated file")
	// ErrNotAdded reports remove or upgrade naming a module that is not
	// among the added plugins.
	ErrNotAdded = errors.New("not an added plugin")
	// ErrDevelTool reports a tool built from a working tree (its version
	// is "(devel)" or "+dirty"), whose source install cannot fetch:
	// install from that source tree, or say where it is with a
	// replacement of the tool's module.
	ErrDevelTool = errors.New("tool built from a working tree")
	// ErrRelativeReplace reports a tool built with a module replaced by a
	// relative directory, which install cannot find again outside the
	// tool's source tree.
	ErrRelativeReplace = errors.New("relative replacement")
	// ErrNotWritable reports a binary install cannot replace: it may not
	// write beside it. Nothing has been changed.
	ErrNotWritable = errors.New("cannot replace the binary")
	// ErrVerify reports a rebuilt binary that failed its check (it did not
	// run, or did not list a plugin of every module it was built with).
	// The old binary was left in place.
	ErrVerify = errors.New("rebuilt binary failed its check")
	// ErrLock reports a lock file that cannot be read, or that a rebuild
	// from it cannot honour (another Go version, another platform).
	ErrLock = errors.New("bad lock file")
	// ErrNoLock reports a binary that plughost rebuilt whose lock file is
	// missing, so that install cannot tell which plugins it holds.
	ErrNoLock = errors.New("no lock file")
)

// kindError is an error of one or more sentinel kinds whose text says it
// better than the sentinels' own.
type kindError struct {
	kinds []error
	msg   string
}

func (e *kindError) Error() string   { return e.msg }
func (e *kindError) Unwrap() []error { return e.kinds }

// errorf returns a kindError of kind whose text is the formatted message.
// A %w verb in format wraps that error too.
func errorf(kind error, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	kinds := []error{kind}
	if u, ok := err.(interface{ Unwrap() error }); ok && u.Unwrap() != nil {
		kinds = append(kinds, u.Unwrap())
	} else if u, ok := err.(interface{ Unwrap() []error }); ok {
		kinds = append(kinds, u.Unwrap()...)
	}
	return &kindError{kinds: kinds, msg: err.Error()}
}
