package fault

import (
	"errors"
	"fmt"
)

var (
	// ErrBadPlugin reports a plugin the host cannot offer: a name that is
	// empty, holds white space or cannot be typed, or flags that clash
	// with another plugin's.
	ErrBadPlugin = errors.New("bad plugin")
	// ErrPanic reports a plugin that panicked while the host called it.
	ErrPanic = errors.New("panic")
	// ErrGoexit reports a plugin that called runtime.Goexit (as t.FailNow
	// does) while the host called it. The run stops there.
	ErrGoexit = errors.New("called runtime.Goexit")
)

// ExitFailure is the exit code of a plugin at fault.
const ExitFailure = 1

// PluginError is a fault of a plugin rather than of the command line: a
// panic in one of its methods, or a plugin the host cannot offer. Plugin is
// its name (empty if the name itself is the fault) and Type its Go type.
type PluginError struct {
	Plugin string
	Type   string
	Method string
	Err    error
	// Stack is the stack of the goroutine that panicked, for a panic; it
	// is not part of Error's text. cli.Run prints it when the host asks
	// (Host.Traceback).
	Stack []byte
}

// Error names the plugin, its type and the method that failed.
func (e *PluginError) Error() string {
	who := fmt.Sprintf("plugin %q (%s)", e.Plugin, e.Type)
	if e.Plugin == "" {
		who = "plugin of type " + e.Type
	}
	if e.Method == "" {
		return fmt.Sprintf("%s: %s", who, Message(e.Err))
	}
	return fmt.Sprintf("%s: %s: %s", who, e.Method, Message(e.Err))
}

// Unwrap returns what went wrong: ErrPanic, ErrGoexit, ErrBadPlugin or a
// plugflag error, wrapped with the detail.
func (e *PluginError) Unwrap() error { return e.Err }

// ExitCode returns ExitFailure.
func (e *PluginError) ExitCode() int { return ExitFailure }
