package delegate

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// Project is a Go module whose own build of the tool takes over from the
// running binary: what Find found.
type Project struct {
	// Root is the module's root directory, which holds its go.mod.
	Root string
	// Module is the module's path.
	Module string
	// Main is the main package's directory, slash-separated and relative
	// to Root ("cmd/mycli").
	Main string
	// Package is the main package's import path.
	Package string

	mod modFile
	cfg *config
}

// Find returns the project Run would hand over to, or an error saying why
// there is none (ErrDisabled, ErrDelegated, ErrNoModule, ErrNotRequired,
// ErrNoMain, ErrOwnBinary, ErrNoOptions). It reads a few files and starts
// no process: a tool may call it to say which binary serves a directory.
func Find(o Options) (*Project, error) {
	return newConfig(o).find()
}

func (c *config) find() (*Project, error) {
	if c.Getwd == nil || c.Environ == nil {
		return nil, ErrNoOptions
	}
	if c.flag(envNoDelegate) {
		return nil, fmt.Errorf("%w: %s is set", ErrDisabled, c.prefix+envNoDelegate)
	}
	if c.getenv(c.prefix+envDelegated) != "" {
		return nil, fmt.Errorf("%w: %s is set", ErrDelegated, c.prefix+envDelegated)
	}
	if c.getenv("GO111MODULE") == "off" {
		return nil, fmt.Errorf("%w: GO111MODULE=off", ErrNoModule)
	}
	wd, err := c.Getwd()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoModule, err)
	}
	root := moduleRoot(wd)
	if root == "" {
		return nil, fmt.Errorf("%w: no go.mod in %s or above it", ErrNoModule, wd)
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoModule, err)
	}
	p := &Project{Root: root, Main: c.Main, mod: parseModFile(data), cfg: c}
	p.Module = p.mod.module
	if p.Module == "" {
		return nil, fmt.Errorf("%w: %s names no module", ErrNoModule, filepath.Join(root, "go.mod"))
	}
	if !p.mod.requiresModule(c.Module) {
		return nil, fmt.Errorf("%w: module %s does not require %s", ErrNotRequired, p.Module, c.Module)
	}
	if !hasGoFiles(p.dir()) {
		return nil, fmt.Errorf("%w: no %s/%s in module %s", ErrNoMain, p.Main, "*.go", p.Module)
	}
	p.Package = p.Module
	if p.Main != "." {
		p.Package = path.Join(p.Module, p.Main)
	}
	readBuildInfo := c.BuildInfo
	if readBuildInfo == nil {
		readBuildInfo = debug.ReadBuildInfo
	}
	if bi, ok := readBuildInfo(); ok && bi.Path == p.Package {
		return nil, fmt.Errorf("%w: its main package is %s", ErrOwnBinary, p.Package)
	}
	if c.Executable != nil {
		if exe, err := c.Executable(); err == nil && within(exe, c.cacheDir()) {
			return nil, fmt.Errorf("%w: it runs from the cache, %s", ErrOwnBinary, exe)
		}
	}
	return p, nil
}

// dir is the main package's directory.
func (p *Project) dir() string { return filepath.Join(p.Root, filepath.FromSlash(p.Main)) }

// String is how messages name the main package: "./cmd/mycli".
func (p *Project) String() string {
	if p.Main == "." {
		return "."
	}
	return "./" + p.Main
}

// moduleRoot is the first directory from dir upwards holding a go.mod
// file, "" when there is none.
func moduleRoot(dir string) string {
	dir = filepath.Clean(dir)
	for {
		if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && fi.Mode().IsRegular() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// hasGoFiles reports whether dir holds a .go file that is not a test.
func hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") &&
			!strings.HasPrefix(n, ".") && !strings.HasPrefix(n, "_") {
			return true
		}
	}
	return false
}

// within reports whether file is inside dir, symbolic links resolved.
func within(file, dir string) bool {
	if dir == "" {
		return false
	}
	if f, err := filepath.EvalSymlinks(file); err == nil {
		file = f
	}
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	rel, err := filepath.Rel(dir, file)
	return err == nil && rel != "." && !filepath.IsAbs(rel) && rel != ".." &&
		!strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
