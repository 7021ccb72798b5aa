//go:build unix

package pathplugins

import (
	"os"
	"syscall"
)

// interrupt asks a running plugin to stop, as a Ctrl-C at a terminal
// does: with SIGINT.
func interrupt(p *os.Process) error { return p.Signal(os.Interrupt) }

// exitStatus is the exit code a plugin's end gives the tool: its own
// status, or 128 plus the number of the signal that killed it, as shells
// report it.
func exitStatus(ps *os.ProcessState) (int, os.Signal) {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal()), ws.Signal()
	}
	return ps.ExitCode(), nil
}

// killed reports whether s is the signal os.Process.Kill sends.
func killed(s os.Signal) bool { return s == syscall.SIGKILL }

// foreignOwner returns the owner of a file when it is neither the user
// running the tool nor root.
func foreignOwner(fi os.FileInfo) (uid int, foreign bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	uid = int(st.Uid)
	return uid, uid != 0 && uid != os.Getuid()
}

// executableMode reports whether a regular file's mode lets someone run
// it. (As root, any execute bit does; otherwise the kernel decides, and a
// start that fails says why.)
func executableMode(fi os.FileInfo) bool { return fi.Mode().Perm()&0o111 != 0 }
