package cli

import (
	"errors"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

var (
	// ErrUnknownCommand reports arguments that name no command.
	ErrUnknownCommand = errors.New("unknown command")
	// ErrUnknownFlag reports a flag the command does not have.
	ErrUnknownFlag = errors.New("unknown flag")
	// ErrBadFlagValue reports a flag value the flag refused, or a flag given
	// without the value it needs.
	ErrBadFlagValue = errors.New("invalid flag value")
	// ErrMissingFlag reports required flags the command line did not give.
	ErrMissingFlag = errors.New("missing required flag")
	// ErrArgs reports too few or too many arguments for a command's
	// ArgsUsage.
	ErrArgs = errors.New("wrong number of arguments")
	// ErrBadPlugin reports a plugin the host cannot offer: a name that is
	// empty, holds white space or cannot be typed, or flags that clash with
	// another plugin's.
	ErrBadPlugin = fault.ErrBadPlugin
	// ErrPanic reports a plugin that panicked while the host, or a
	// built-in command, called it.
	ErrPanic = fault.ErrPanic
	// ErrGoexit reports a plugin that called runtime.Goexit (as t.FailNow
	// does) while the host called it. The run stops there.
	ErrGoexit = fault.ErrGoexit
)

// Exit codes returned by ExitCode and Run.
const (
	ExitOK        = 0
	ExitFailure   = 1   // a command failed, or a plugin is broken
	ExitUsage     = 2   // the command line is wrong: unknown command or flag, bad value
	ExitInterrupt = 130 // the run was interrupted (SIGINT) or its context cancelled
	ExitTerminate = 143 // the run was stopped by SIGTERM
)

// kindError is an error of a sentinel kind whose text says it better than
// the sentinel's own.
type kindError struct {
	kind error
	msg  string
}

func (e kindError) Error() string { return e.msg }
func (e kindError) Unwrap() error { return e.kind }

// UsageError is a command line the host could not run: an unknown command,
// an unknown flag or a bad flag value. Path is the tool and command path it
// happened at ("mycli greet").
type UsageError struct {
	Path string
	Err  error
}

// Error says where the command line went wrong and how.
func (e *UsageError) Error() string { return e.Path + ": " + fault.Message(e.Err) }

// Unwrap returns the error's kind: ErrUnknownCommand, ErrUnknownFlag or
// ErrBadFlagValue.
func (e *UsageError) Unwrap() error { return e.Err }

// ExitCode returns ExitUsage.
func (e *UsageError) ExitCode() int { return ExitUsage }

// Is reports that a UsageError is a plugins.ErrUsage, whatever its kind,
// so that one check finds the host's usage errors and the commands'.
func (e *UsageError) Is(target error) bool { return target == plugins.ErrUsage }

// PluginError is a fault of a plugin rather than of the command line: a
// panic in one of its methods, or a plugin the host cannot offer. Plugin is
// its name (empty if the name itself is the fault), Type its Go type and
// Method the method that failed; Err wraps ErrPanic, ErrGoexit or
// ErrBadPlugin with the detail. Its ExitCode is ExitFailure. The built-in
// commands report the plugins they call with the same type.
type PluginError = fault.PluginError
