//go:build !unix

package pathplugins

import "os"

// interrupt stops a running plugin. Without Unix signals to ask it, it is
// killed at once.
func interrupt(p *os.Process) error { return p.Kill() }

// exitStatus is the exit code a plugin's end gives the tool: its own.
func exitStatus(ps *os.ProcessState) (int, os.Signal) { return ps.ExitCode(), nil }

// killed reports whether s is the signal os.Process.Kill sends; there are
// none here.
func killed(os.Signal) bool { return false }

// foreignOwner cannot tell owners apart here.
func foreignOwner(os.FileInfo) (int, bool) { return 0, false }

// executableMode: on Windows a file's extension makes it executable (see
// Finder.exts), on the other systems its mode does.
func executableMode(fi os.FileInfo) bool {
	return isWindows || fi.Mode().Perm()&0o111 != 0
}
