package cli

import (
	"context"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins/plugprint"
)

// ExitCode returns the exit code a main function should use for err: 0 for
// nil, ExitInterrupt when the error wraps context.Canceled, the code of the
// first error in the chain with an ExitCode() int method, else ExitFailure.
//
// Reading the chain runs the errors' own Is, As, Unwrap and ExitCode
// methods. ExitCode reads at most a thousand errors of a chain (one that
// loops is not followed forever), and should one of those methods panic or
// call runtime.Goexit, it returns ExitFailure.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	code := ExitFailure
	contained(func() {
		if fault.Is(err, context.Canceled) {
			code = ExitInterrupt
			return
		}
		if c, ok := fault.As[interface{ ExitCode() int }](err); ok {
			code = c.ExitCode()
		}
	})
	return code
}

// message is err's text as Run prints it: one line, escaped as plugprint
// escapes text for a terminal, whatever the error's Error method does.
func message(err error) string {
	s := "an error whose Error method did not return"
	contained(func() { s = fault.Message(err) })
	return plugprint.Line(s)
}

// contained runs fn, which calls error methods a plugin wrote, on a
// goroutine of its own, so that neither a panic nor runtime.Goexit in
// them reaches the caller. It reports whether fn returned.
func contained(fn func()) bool {
	done := make(chan bool, 1)
	go func() {
		ok := false
		defer func() {
			recover()
			done <- ok
		}()
		fn()
		ok = true
	}()
	return <-done
}
