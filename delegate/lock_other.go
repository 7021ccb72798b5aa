//go:build !unix && !windows

package delegate

import "os"

// lockFile creates file and takes no lock: this platform has none that
// package syscall offers. Two builds may race; the cache's renames keep
// each binary whole.
func lockFile(file string) (unlock func(), err error) {
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	return func() { f.Close() }, nil
}
