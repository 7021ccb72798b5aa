package delegate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// racyWindow is how old a file's last change must be for its digest to be
// remembered: a file changed within it could change again without its
// size or times changing (git calls this racily clean).
const racyWindow = 2 * time.Second

// stamp is what identifies a version of a file without reading it: size,
// modification time and, where the platform gives them, inode and change
// time.
type stamp struct {
	size, mtime, ino, ctime int64
}

func (s stamp) String() string {
	return fmt.Sprintf("%d %d %d %d", s.size, s.mtime, s.ino, s.ctime)
}

// memoEntry is what the memo keeps of a file.
type memoEntry struct {
	stamp
	sum    string   // digest of the contents
	embeds []string // the patterns of its //go:embed directives
}

// memo remembers the digests of files by path and stamp, in a file of the
// project's cache directory, so that a run reads only the files that
// changed since one before it.
type memo struct {
	old     map[string]memoEntry // read from the file
	seen    map[string]memoEntry // looked up this run, to write back
	changed bool                 // seen differs from old
	now     time.Time
}

// readMemo reads the memo file; one that cannot be read is empty.
func readMemo(file string, now time.Time) *memo {
	m := &memo{old: map[string]memoEntry{}, seen: map[string]memoEntry{}, now: now}
	if file == "" {
		return m
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return m
	}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		f := strings.Split(string(line), "\x00")
		if len(f) != 7 {
			continue
		}
		var n [4]int64
		ok := true
		for i := range n {
			v, err := strconv.ParseInt(f[i+1], 10, 64)
			n[i], ok = v, ok && err == nil
		}
		if !ok {
			continue
		}
		e := memoEntry{stamp: stamp{n[0], n[1], n[2], n[3]}, sum: f[5]}
		if f[6] != "" {
			e.embeds = strings.Split(f[6], "\x01")
		}
		m.old[f[0]] = e
	}
	return m
}

// hash returns the entry of the file at path, whose info is fi, reading
// it only if the memo does not know this version; with goFile, the entry
// lists its //go:embed patterns. It reports false if the file cannot be
// read.
func (m *memo) hash(path string, fi fs.FileInfo, goFile bool) (memoEntry, bool) {
	st := stampOf(fi)
	if e, ok := m.seen[path]; ok && e.stamp == st {
		return e, true
	}
	if e, ok := m.old[path]; ok && e.stamp == st {
		m.seen[path] = e
		return e, true
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return memoEntry{}, false
	}
	sum := sha256.Sum256(data)
	e := memoEntry{stamp: st, sum: hex.EncodeToString(sum[:16])}
	if goFile {
		e.embeds = parseEmbeds(data)
	}
	limit := m.now.Add(-racyWindow).UnixNano()
	if st.mtime < limit && st.ctime < limit && !strings.ContainsAny(path, "\n\x00") {
		m.seen[path] = e
		m.changed = true
	}
	return e, true
}

// write saves the entries looked up this run, if they differ from those
// read: a file no longer looked up is forgotten. It writes a temporary
// file and renames it, so that a concurrent reader reads one whole memo;
// an error is ignored, as the memo only saves time.
func (m *memo) write(file string) {
	if file == "" || !m.changed && len(m.seen) == len(m.old) {
		return
	}
	var b bytes.Buffer
	for path, e := range m.seen {
		fmt.Fprintf(&b, "%s\x00%d\x00%d\x00%d\x00%d\x00%s\x00%s\n",
			path, e.size, e.mtime, e.ino, e.ctime, e.sum, strings.Join(e.embeds, "\x01"))
	}
	writeAtomic(file, b.Bytes())
}

// writeAtomic writes data to a temporary file beside file and renames it
// to file, reporting whether it could.
func writeAtomic(file string, data []byte) bool {
	f, err := os.CreateTemp(filepath.Dir(file), filepath.Base(file)+".tmp-")
	if err != nil {
		return false
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), file)
	}
	if err != nil {
		os.Remove(f.Name())
		return false
	}
	return true
}
