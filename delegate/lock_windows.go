package delegate

import (
	"errors"
	"syscall"
	"time"
)

// errSharingViolation is ERROR_SHARING_VIOLATION, which package syscall
// does not name: another process has the file open.
const errSharingViolation syscall.Errno = 32

// lockFile takes an exclusive lock on file, creating it, and waits for
// it; unlock releases it. It opens the file with no sharing, retrying
// while another process holds it open; Windows closes the handle, and so
// releases the lock, when the process dies.
func lockFile(file string) (unlock func(), err error) {
	name, err := syscall.UTF16PtrFromString(file)
	if err != nil {
		return nil, err
	}
	for {
		h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
			syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
		if err == nil {
			return func() { syscall.CloseHandle(h) }, nil
		}
		if !errors.Is(err, errSharingViolation) {
			return nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
