//go:build unix

package delegate

import (
	"os"
	"syscall"
)

// canExec reports whether Run can replace the process with the project
// binary, so that signals, the terminal and the exit status reach it
// directly.
const canExec = true

// execve replaces the process with the program at path; it returns only
// when it cannot.
func execve(path string, argv, env []string) error {
	return syscall.Exec(path, argv, env)
}

// relayed are the signals Run catches while a child runs, to relay them.
func relayed() []os.Signal {
	return []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}
}

// relay passes s on to the child. SIGINT, SIGQUIT and SIGHUP are passed
// on only when this process is not in its terminal's foreground process
// group: when it is, the terminal sent the signal to the whole group, the
// child included, and the child must not get it twice (a plughost tool
// stops at once on a second SIGINT, without cleaning up).
func relay(p *os.Process, s os.Signal) {
	if s != syscall.SIGTERM && inForeground() {
		return
	}
	p.Signal(s)
}

// exitStatus is the exit code of a finished child: its own, or 128 plus
// the number of the signal that killed it.
func exitStatus(ps *os.ProcessState) int {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ps.ExitCode()
}
