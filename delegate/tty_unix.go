//go:build linux || darwin

package delegate

import (
	"os"
	"syscall"
	"unsafe"
)

// inForeground reports whether this process is in the foreground process
// group of its controlling terminal, where a key like Ctrl-C signals the
// whole group.
func inForeground() bool {
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return false // no controlling terminal
	}
	defer tty.Close()
	var pgrp int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, tty.Fd(), syscall.TIOCGPGRP, uintptr(unsafe.Pointer(&pgrp))); errno != 0 {
		return false
	}
	return int(pgrp) == syscall.Getpgrp()
}
