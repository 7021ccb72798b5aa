package delegate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// staleTemp is how old a temporary build directory in the cache must be
// for a build to remove it: one left by a build that was killed.
const staleTemp = 10 * time.Minute

// binary is a project binary ready to run.
type binary struct {
	path string
	temp string // a temporary directory to remove after the run; "" for a cached binary
}

// buildError is a failed go build, with what it printed.
type buildError struct {
	output []byte
	err    error
}

func (e *buildError) Error() string { return fmt.Sprintf("%v (%v)", errBuild, e.err) }
func (e *buildError) Unwrap() error { return errBuild }

// The files of a project's directory in the cache, beside the binaries'
// directories (named by their keys).
const (
	lockName  = "lock"  // locked while a build runs
	memoName  = "files" // the digests of files by path and stamp
	stateName = "state" // the inputs of the last build, to say what changed
)

// binary returns the project binary for the inputs as they are now: the
// cached one, or one built now. A cache hit starts no process: it reads
// the memo, stats the inputs, reads the files that changed, and stats the
// binary.
func (p *Project) binary() (*binary, error) {
	c := p.cfg
	start := time.Now()
	tc := c.findGo()
	dir := p.cacheDir()
	m := readMemo(p.inCache(dir, memoName), start)
	in := p.inputs(tc, m)
	key := in.key()
	if dir != "" {
		bin := filepath.Join(dir, key, exeName(c.Tool))
		if isFile(bin) {
			m.write(p.inCache(dir, memoName))
			c.debugf("running %s: cached, key %s found in %v", bin, key[:12], time.Since(start).Round(time.Microsecond))
			return &binary{path: bin}, nil
		}
		b, err := p.buildCached(tc, dir)
		if !errors.Is(err, errCacheUnusable) {
			return b, err
		}
		c.debugf("cache %s unusable (%v): building into a temporary directory", dir, err)
	} else {
		c.debugf("no cache directory: building into a temporary directory")
	}
	return p.buildTemp(tc)
}

// cacheDir is the project's directory in the cache, "" when there is no
// cache: <cache>/<base name of the root>-<digest of root and package>.
func (p *Project) cacheDir() string {
	dir := p.cfg.cacheDir()
	if dir == "" {
		return ""
	}
	base := strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, filepath.Base(p.Root))
	return filepath.Join(dir, strings.TrimLeft(base, ".")+"-"+digest([]byte(p.Root + "\x00" + p.Package))[:12])
}

// inCache is the file name in the project's cache directory dir, "" when
// there is none.
func (p *Project) inCache(dir, name string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, name)
}

// buildCached builds the binary into the cache under the project's lock,
// unless another process built it while this one waited for the lock.
// It returns an error wrapping errCacheUnusable when it cannot write the
// cache.
func (p *Project) buildCached(tc toolchain, dir string) (*binary, error) {
	c := p.cfg
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%w: %v", errCacheUnusable, err)
	}
	unlock, err := lockFile(filepath.Join(dir, lockName))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errCacheUnusable, err)
	}
	defer unlock()

	// The inputs again: they may have changed while this process waited.
	m := readMemo(p.inCache(dir, memoName), time.Now())
	in := p.inputs(tc, m)
	key := in.key()
	bin := filepath.Join(dir, key, exeName(c.Tool))
	if isFile(bin) {
		c.debugf("running %s: built by another process meanwhile", bin)
		return &binary{path: bin}, nil
	}
	tmp, err := os.MkdirTemp(dir, "tmp-")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errCacheUnusable, err)
	}
	p.announce(reason(readState(p.inCache(dir, stateName)), in))
	if err := p.goBuild(tc, filepath.Join(tmp, exeName(c.Tool))); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, filepath.Join(dir, key)); err != nil {
		os.RemoveAll(tmp)
		if !isFile(bin) {
			return nil, fmt.Errorf("%w: %v", errCacheUnusable, err)
		}
	}
	writeState(p.inCache(dir, stateName), in)
	m.write(p.inCache(dir, memoName))
	prune(dir, key)
	c.debugf("running %s: built", bin)
	return &binary{path: bin}, nil
}

// buildTemp builds the binary into a new temporary directory, which Run
// removes after running it.
func (p *Project) buildTemp(tc toolchain) (*binary, error) {
	c := p.cfg
	tmp, err := os.MkdirTemp(tempDir(c.getenv), c.Tool+"-delegate-")
	if err != nil {
		return nil, err
	}
	p.announce("the cache directory cannot be written")
	bin := filepath.Join(tmp, exeName(c.Tool))
	if err := p.goBuild(tc, bin); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	c.debugf("running %s: built for this run only", bin)
	return &binary{path: bin, temp: tmp}, nil
}

// announce says that the project binary is being built, and why: under
// the debug variable, and on a terminal, so that a user waiting for a
// first build knows what for.
func (p *Project) announce(why string) {
	c := p.cfg
	if c.debug {
		c.debugf("building %s of %s: %s", p, p.Module, why)
	} else if isTerminal(c.Stderr) {
		fmt.Fprintf(c.Stderr, "%s: building this project's %s (%s)\n", c.Tool, p, why)
	}
}

// goBuild builds the main package into out with the go command found on
// PATH, in the module's root, for the platform this binary runs on, with
// the environment it was given otherwise. It never changes the project:
// it runs no go mod tidy and sets no flag of its own but -o.
func (p *Project) goBuild(tc toolchain, out string) error {
	c := p.cfg
	if tc.path == "" {
		return errNoGo
	}
	pkg := "./" + p.Main
	if p.Main == "." {
		pkg = "."
	}
	var env []string
	for _, kv := range c.Environ() {
		if !strings.HasPrefix(kv, "GOOS=") && !strings.HasPrefix(kv, "GOARCH=") {
			env = append(env, kv)
		}
	}
	env = append(env, "GOOS="+runtime.GOOS, "GOARCH="+runtime.GOARCH)
	cmd := &exec.Cmd{
		Path: tc.path,
		Args: []string{"go", "build", "-o", out, pkg},
		Dir:  p.Root,
		Env:  env,
	}
	start := time.Now()
	output, err := cmd.CombinedOutput()
	if err != nil {
		return &buildError{output: output, err: err}
	}
	c.debugf("go build -o %s %s took %v", out, pkg, time.Since(start).Round(time.Millisecond))
	if c.debug {
		c.Stderr.Write(output)
	}
	return nil
}

// prune removes from the project's cache directory the binaries of other
// keys and stale temporary directories. A binary still running may not
// be removable (Windows): that is no error, the next build tries again.
func prune(dir, key string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == key {
			continue
		}
		if strings.HasPrefix(e.Name(), "tmp-") {
			if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < staleTemp {
				continue
			}
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// exeName is the name of the tool's executable.
func exeName(tool string) string {
	if runtime.GOOS == "windows" {
		return tool + ".exe"
	}
	return tool
}

// isFile reports whether path is a regular file.
func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// isTerminal reports whether w is a terminal (or another character
// device).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// readState reads the inputs of the last build; nil when there was none.
func readState(file string) inputs {
	data, err := os.ReadFile(file)
	if err != nil || file == "" {
		return nil
	}
	in := inputs{}
	for _, line := range strings.Split(string(data), "\n") {
		if name, value, ok := strings.Cut(line, "\x00"); ok {
			in[name] = value
		}
	}
	return in
}

// writeState records the inputs of a build, for the next one to say what
// changed.
func writeState(file string, in inputs) {
	var b bytes.Buffer
	for name, value := range in {
		if !strings.ContainsAny(name+value, "\n\x00") {
			fmt.Fprintf(&b, "%s\x00%s\n", name, value)
		}
	}
	writeAtomic(file, b.Bytes())
}

// reason says why the binary for cur must be built, comparing the inputs
// of the last build: "first build", "go.sum changed", "cmd/mycli/x.go
// added (and 2 more)".
func reason(old, cur inputs) string {
	if old == nil {
		return "first build"
	}
	var changed []string
	for n := range old {
		if _, ok := cur[n]; !ok {
			changed = append(changed, n)
		}
	}
	for n, v := range cur {
		if ov, ok := old[n]; !ok || ov != v {
			changed = append(changed, n)
		}
	}
	if len(changed) == 0 {
		return "its binary is missing from the cache"
	}
	sort.Slice(changed, func(i, j int) bool {
		ri, rj := rank(changed[i]), rank(changed[j])
		if ri != rj {
			return ri < rj
		}
		return changed[i] < changed[j]
	})
	n := changed[0]
	_, inOld := old[n]
	_, inCur := cur[n]
	what := n + " changed"
	switch {
	case rank(n) == 0: // "GOFLAGS changed", set or unset
	case !inOld:
		what = n + " added"
	case !inCur:
		what = n + " removed"
	}
	if len(changed) > 1 {
		what += fmt.Sprintf(" (and %d more)", len(changed)-1)
	}
	return what
}

// rank orders the inputs in reason: the toolchain and the environment
// first, then the module files, then the sources.
func rank(name string) int {
	switch {
	case !strings.ContainsAny(name, "./"):
		return 0 // "platform", "the go command", "GOFLAGS"
	case name == "go.mod" || name == "go.sum" || strings.HasSuffix(name, "/go.mod") ||
		strings.HasSuffix(name, "go.work") || strings.HasSuffix(name, "go.work.sum") ||
		name == "vendor/modules.txt" || name == "the go env file":
		return 1
	}
	return 2
}
