package pathplugins

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// Sentinel errors a found command's Main returns, wrapped, when it refuses
// to run: errors.Is finds them. Each run error's text names the file.
var (
	// ErrNotExecutable: the file the command names is not something the
	// system can run (its mode lacks an execute bit, it is a directory or
	// a symbolic link to nothing). Another file of the name further along
	// PATH would have been run instead.
	ErrNotExecutable = errors.New("not executable")
	// ErrRelativePath: the file is only in a PATH entry relative to the
	// current directory ("", ".", "bin"), which is never searched for
	// commands to run (see exec.ErrDot).
	ErrRelativePath = errors.New("in a relative PATH entry")
	// ErrSelf: the file is the tool's own executable (the same file, or a
	// link to it), which would run itself.
	ErrSelf = errors.New("the tool itself")
	// ErrTooDeep: plugins on PATH already run inside one another as deep
	// as Finder.MaxDepth allows, as the depth variable says; a plugin that
	// runs the tool that runs it again would never stop.
	ErrTooDeep = errors.New("plugin recursion limit reached")
	// ErrBadArgument: an argument holds a NUL byte, which no program can
	// be given.
	ErrBadArgument = errors.New("argument cannot be passed to a program")
)

// refusal is why a found command does not run: a one-line text naming the
// file, and the sentinel it wraps.
type refusal struct {
	kind error
	text string
}

func (r *refusal) Error() string { return r.text }
func (r *refusal) Unwrap() error { return r.kind }

// ExitError is what a found command's Main returns when the executable it
// ran failed: cli.ExitCode reads ExitCode, so the tool exits with the
// plugin's own status. Its text is one line that adds nothing to what the
// plugin printed itself ("exit status 3"; the host puts the command path
// in front).
type ExitError struct {
	// Path is the executable that ran.
	Path string
	// Code is its exit status, or 128 plus the signal's number when a
	// signal ended it (139 for SIGSEGV), as shells report it.
	Code int
	// Signal is the signal that ended it, or nil.
	Signal os.Signal
	// Stopped says the plugin was still running Finder.Grace after it was
	// interrupted, and was killed.
	Stopped bool
	// Err is what os/exec returned, an *exec.ExitError.
	Err error

	grace time.Duration
}

// Error says how the plugin ended.
func (e *ExitError) Error() string {
	switch {
	case e.Stopped:
		return fmt.Sprintf("killed: still running %v after an interrupt", e.grace)
	case e.Signal != nil:
		return "killed by signal: " + e.Signal.String()
	}
	return fmt.Sprintf("exit status %d", e.Code)
}

// ExitCode returns Code, for cli.ExitCode.
func (e *ExitError) ExitCode() int { return e.Code }

// Unwrap returns Err.
func (e *ExitError) Unwrap() error { return e.Err }
