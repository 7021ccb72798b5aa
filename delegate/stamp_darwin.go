package delegate

import (
	"io/fs"
	"syscall"
)

// stampOf is the stamp of a file: size, modification time, inode and
// change time.
func stampOf(fi fs.FileInfo) stamp {
	s := stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		s.ino = int64(st.Ino)
		s.ctime = st.Ctimespec.Nano()
	}
	return s
}
