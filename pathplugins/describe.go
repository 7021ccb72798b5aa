package pathplugins

import (
	"bytes"
	"io"
	"os"
	"sync"
	"time"
	"unicode/utf8"
)

// How much of a file the Finder reads for its self-description.
const (
	// headLen is what it reads of every file: a script declares itself
	// in a comment near its top.
	headLen = 4 << 10
	// maxScan bounds what it reads of a binary (a file with a NUL byte in
	// its first headLen bytes), from its start. Reading 25 MB takes some
	// 7 ms, once per file and change; the listing reads a few at once.
	maxScan = 256 << 20
	// chunkLen is what it reads of a binary at a time.
	chunkLen = 1 << 20
	// maxText bounds a declared value.
	maxText = 200
)

// declarations are what a plugin's file declares about it.
type declarations struct {
	size  int64
	mod   time.Time
	text  string // TOOL-plugin-description: TEXT
	cobra bool   // TOOL-plugin-completion: cobra
}

// declarations reads what the file at path declares, once per path, size
// and modification time; a file it cannot read declares nothing. The file
// is read, never run.
func (f *Finder) declarations(path string) declarations {
	tool := f.tool()
	fi, err := os.Stat(path)
	if tool == "" || err != nil || !fi.Mode().IsRegular() {
		return declarations{}
	}
	f.mu.Lock()
	d, ok := f.declared[path]
	f.mu.Unlock()
	if ok && d.size == fi.Size() && d.mod.Equal(fi.ModTime()) {
		return d
	}
	d = read(path, tool)
	d.size, d.mod = fi.Size(), fi.ModTime()
	f.mu.Lock()
	if f.declared == nil {
		f.declared = map[string]declarations{}
	}
	f.declared[path] = d
	f.mu.Unlock()
	return d
}

// prefetch reads the declarations of many files at once, a few at a
// time, for a listing that is about to ask for each.
func (f *Finder) prefetch(paths []string) {
	const workers = 4
	if len(paths) < 2 {
		return
	}
	next := make(chan string)
	var wg sync.WaitGroup
	for range min(workers, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				f.declarations(p)
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
}

// read finds the declarations in the file at path: a line holding
// "TOOL-plugin-description: TEXT" or "TOOL-plugin-completion: cobra",
// where a line ends at a newline, a carriage return or a NUL byte. It
// reads the first headLen bytes of a text file, as a script holds them
// in a comment. Of a binary (a NUL byte in those bytes) it reads all of
// it, at most maxScan bytes: a program holds them in a string it uses (Go
// strings have no terminator: end it with "\n"). The first of each wins.
func read(path, tool string) declarations {
	fh, err := os.Open(path)
	if err != nil {
		return declarations{}
	}
	defer fh.Close()
	sc := &scanner{markers: [2][]byte{[]byte(tool + "-plugin-description:"), []byte(tool + "-plugin-completion:")}}
	head := make([]byte, headLen)
	n, err := io.ReadFull(fh, head)
	head = head[:n]
	if err != nil || bytes.IndexByte(head, 0) < 0 {
		sc.look(head, len(head)) // a text file declares itself in its head
		return sc.d
	}
	// A binary: read it whole, up to maxScan bytes. Parsing its sections
	// to read only its strings would link debug/elf, debug/macho and
	// debug/pe into every tool that opts in, and slow each of its starts,
	// for what only a listing reads, once per file and change.
	fi, err := fh.Stat()
	if err != nil {
		return sc.d
	}
	size := min(fi.Size(), maxScan)
	sc.scan(io.NewSectionReader(fh, 0, size), size)
	return sc.d
}

// scanner looks for the declarations in what it is given.
type scanner struct {
	markers [2][]byte
	found   [2]bool
	d       declarations
}

// look looks in window for declarations that start before limit, and
// reports whether it has found both.
func (sc *scanner) look(window []byte, limit int) bool {
	for i, m := range sc.markers {
		if sc.found[i] {
			continue
		}
		v, ok := find(window, limit, m)
		if !ok {
			continue
		}
		sc.found[i] = true
		if i == 0 {
			sc.d.text = v
		} else {
			sc.d.cobra = v == "cobra"
		}
	}
	return sc.found[0] && sc.found[1]
}

// scan reads r, of size bytes, a chunk at a time, each window keeping the
// last bytes of the one before, so that a declaration that starts in them
// is read whole. It reports whether it has found both.
func (sc *scanner) scan(r io.Reader, size int64) bool {
	overlap := len(sc.markers[0]) + maxText + 1
	buf := make([]byte, overlap+int(min(size, chunkLen)))
	keep := 0
	for {
		n, err := io.ReadFull(r, buf[keep:])
		window := buf[:keep+n]
		eof := err != nil
		limit := len(window)
		if !eof {
			limit -= overlap
		}
		if sc.look(window, limit) {
			return true
		}
		if eof {
			return false
		}
		keep = copy(buf, window[limit:])
	}
}

// find returns the value after the first marker in buf that starts
// before limit: up to the end of its line, at most maxText bytes, with
// spaces and tabs trimmed.
func find(buf []byte, limit int, marker []byte) (string, bool) {
	i := bytes.Index(buf, marker)
	if i < 0 || i >= limit {
		return "", false
	}
	v := bytes.TrimLeft(buf[i+len(marker):], " \t")
	if end := bytes.IndexAny(v, "\n\r\x00"); end >= 0 {
		v = v[:end]
	}
	if len(v) > maxText {
		v = v[:maxText]
		for i := 0; i < utf8.UTFMax-1 && len(v) > 0; i++ { // a rune cut in two
			if r, size := utf8.DecodeLastRune(v); r != utf8.RuneError || size > 1 {
				break
			}
			v = v[:len(v)-1]
		}
	}
	return string(bytes.TrimRight(v, " \t")), true
}
