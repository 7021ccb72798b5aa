package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/markbates/safe"
)

var (
	// ErrUnknownCommand reports arguments that name no command.
	ErrUnknownCommand = errors.New("unknown command")
	// ErrUnknownFlag reports a flag the command does not have.
	ErrUnknownFlag = errors.New("unknown flag")
	// ErrBadFlagValue reports a flag value the flag refused, or a flag given
	// without the value it needs.
	ErrBadFlagValue = errors.New("invalid flag value")
	// ErrBadPlugin reports a plugin the host cannot offer: a name that is
	// empty or holds white space, or flags that clash with another plugin's.
	ErrBadPlugin = errors.New("bad plugin")
	// ErrPanic reports a plugin that panicked while the host called it.
	ErrPanic = errors.New("panic")
	// ErrGoexit reports a plugin that called runtime.Goexit (as t.FailNow
	// does) while the host called it. The run stops there.
	ErrGoexit = errors.New("called runtime.Goexit")
)

// Exit codes returned by ExitCode and Run.
const (
	ExitOK        = 0
	ExitFailure   = 1   // a command failed, or a plugin is broken
	ExitUsage     = 2   // the command line is wrong: unknown command or flag, bad value
	ExitInterrupt = 130 // the run was interrupted (SIGINT) or its context cancelled
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
func (e *UsageError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the error's kind: ErrUnknownCommand, ErrUnknownFlag or
// ErrBadFlagValue.
func (e *UsageError) Unwrap() error { return e.Err }

// ExitCode returns ExitUsage.
func (e *UsageError) ExitCode() int { return ExitUsage }

// PluginError is a fault of a plugin rather than of the command line: a
// panic in one of its methods, or a plugin the host cannot offer. Plugin is
// its name (empty if the name itself is the fault) and Type its Go type.
type PluginError struct {
	Plugin string
	Type   string
	Method string
	Err    error
}

// Error names the plugin, its type and the method that failed.
func (e *PluginError) Error() string {
	who := fmt.Sprintf("plugin %q (%s)", e.Plugin, e.Type)
	if e.Plugin == "" {
		who = fmt.Sprintf("plugin of type %s", e.Type)
	}
	if e.Method == "" {
		return fmt.Sprintf("%s: %v", who, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", who, e.Method, e.Err)
}

// Unwrap returns what went wrong: ErrPanic, ErrGoexit, ErrBadPlugin or a
// plugflag error, wrapped with the detail.
func (e *PluginError) Unwrap() error { return e.Err }

// ExitCode returns ExitFailure.
func (e *PluginError) ExitCode() int { return ExitFailure }

// ExitCode returns the exit code a main function should use for err: 0 for
// nil, ExitInterrupt when the error wraps context.Canceled, the code of the
// first error in the chain with an ExitCode() int method, else ExitFailure.
//
// Reading the chain runs the errors' own Is, As, Unwrap and ExitCode
// methods; should one of them panic, ExitCode returns ExitFailure.
func ExitCode(err error) (code int) {
	if err == nil {
		return ExitOK
	}
	code = ExitFailure
	safe.Run(func() {
		var c interface{ ExitCode() int }
		switch {
		case errors.Is(err, context.Canceled):
			code = ExitInterrupt
		case errors.As(err, &c):
			code = c.ExitCode()
		}
	})
	return code
}
