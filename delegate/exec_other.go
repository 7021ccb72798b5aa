//go:build !unix

package delegate

import (
	"errors"
	"os"
)

// canExec reports whether Run can replace the process with the project
// binary: not on this platform, where it runs it as a child.
const canExec = false

// execve is not available on this platform.
func execve(path string, argv, env []string) error {
	return errors.New("cannot replace the process on this platform")
}

// relayed are the signals Run catches while a child runs, so that it
// waits for the child's exit status instead of dying first.
func relayed() []os.Signal { return []os.Signal{os.Interrupt} }

// relay does nothing: on Windows a console's Ctrl-C reaches every
// process attached to it, the child included, and os.Process.Signal
// cannot send os.Interrupt.
func relay(p *os.Process, s os.Signal) {}

// exitStatus is the exit code of a finished child.
func exitStatus(ps *os.ProcessState) int { return ps.ExitCode() }
