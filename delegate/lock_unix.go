//go:build unix

package delegate

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on file, creating it, and waits for
// it; unlock releases it. The kernel releases it too when the process
// dies, so a killed build leaves no stale lock. A file system that cannot
// lock (ENOLCK, EOPNOTSUPP) gives no lock and no error: two builds may
// then race, and the cache's renames keep each binary whole.
func lockFile(file string) (unlock func(), err error) {
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) {
			return func() {}, nil
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}
