//go:build !linux && !darwin

package delegate

import "io/fs"

// stampOf is the stamp of a file: its size and modification time (this
// platform's inode and change time are not read).
func stampOf(fi fs.FileInfo) stamp {
	return stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
}
