package delegate

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// formatVersion changes when what the key covers changes, so that binaries
// built under an older key are rebuilt.
const formatVersion = "plughost/delegate 1"

// keyedEnv are the environment variables that change what go build
// produces, or which toolchain builds. GOOS and GOARCH are not among
// them: Run always builds for the platform it runs on (the project
// binary must run here), and leaves them to the project binary, which may
// be asked to cross-compile.
var keyedEnv = [...]string{
	"GOFLAGS", "GOEXPERIMENT", "GOTOOLCHAIN", "GOROOT", "GOWORK", "GO111MODULE", "GOENV",
	"GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM",
	"GOFIPS140", "CGO_ENABLED", "CC", "CXX", "FC", "PKG_CONFIG",
	"CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_FFLAGS", "CGO_LDFLAGS",
}

// buildExts are the suffixes of the files go build may read in a package
// directory: Go, cgo's C, C++, Objective-C and Fortran, assembly, SWIG and
// system objects.
var buildExts = [...]string{
	".go", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx", ".m",
	".s", ".S", ".sx", ".f", ".F", ".for", ".f90", ".swig", ".swigcxx", ".syso",
}

// inputs are the build inputs of a project binary, by name: a path
// relative to the module root ("cmd/mycli/main.go", "../lib/lib.go"), an
// environment variable ("GOFLAGS"), or a description ("the go command").
// Values are digests, or short values that are safe to keep.
type inputs map[string]string

// key is the digest of all the inputs: the name of the binary's directory
// in the cache.
func (in inputs) key() string {
	names := make([]string, 0, len(in))
	for n := range in {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write([]byte(in[n]))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// digest is the digest of a value.
func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:16])
}

// toolchain is the go command that builds: its path, and what identifies
// its version without running it.
type toolchain struct {
	path string // as found on PATH, "" when not found
	id   string // the GOROOT/VERSION file, or path, size and modification time
}

// findGo finds the go command on the PATH handed in, and identifies it by
// the VERSION file of its GOROOT (the directory above the bin directory
// of the resolved binary) or, without one, by its path, size and
// modification time. It starts no process.
func (c *config) findGo() toolchain {
	name := "go"
	if runtime.GOOS == "windows" {
		name = "go.exe"
	}
	for _, dir := range filepath.SplitList(c.getenv("PATH")) {
		if !filepath.IsAbs(dir) {
			continue // the go command refuses a relative PATH entry too
		}
		file := filepath.Join(dir, name)
		fi, err := os.Stat(file)
		if err != nil || !fi.Mode().IsRegular() || runtime.GOOS != "windows" && fi.Mode()&0o111 == 0 {
			continue
		}
		resolved, err := filepath.EvalSymlinks(file)
		if err != nil {
			resolved = file
		}
		if v, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(resolved)), "VERSION")); err == nil {
			return toolchain{path: file, id: "VERSION " + string(v)}
		}
		return toolchain{path: file, id: resolved + " " + stampOf(fi).String()}
	}
	return toolchain{}
}

// inputs computes the inputs of the project binary: the toolchain, the
// keyed environment, the go env file, go.mod, go.sum, go.work and
// go.work.sum, vendor/modules.txt, the files GOFLAGS=-modfile names, and
// the files go build may read (buildExts, tests left out) in every
// directory of the module, of each local replacement and of each
// workspace module, skipping what the go command skips (testdata,
// directories starting with "." or "_", nested modules) and vendor and
// node_modules, plus the files that //go:embed directives in those Go
// files match. That is a superset of the files of the packages the main
// package imports from the module, found without the go command.
func (p *Project) inputs(tc toolchain, m *memo) inputs {
	c := p.cfg
	in := inputs{
		"format":         formatVersion,
		"main package":   p.Package + " in " + p.Root,
		"platform":       runtime.GOOS + "/" + runtime.GOARCH,
		"the go command": digest([]byte(tc.id)),
	}
	for _, k := range keyedEnv {
		if v, ok := c.LookupEnv(k); ok {
			in[k] = digest([]byte(v))
		}
	}
	if env := p.goEnvFile(); env != "" {
		in.file(p, m, "the go env file", env)
	}
	roots := []string{p.Root}
	for _, r := range p.mod.replaces {
		roots = append(roots, absFrom(p.Root, r))
	}
	if work := p.goWork(); work != "" {
		in.file(p, m, p.name(work), work)
		in.file(p, m, p.name(work+".sum"), work+".sum")
		if data, err := os.ReadFile(work); err == nil {
			wf := parseModFile(data)
			for _, d := range append(wf.uses, wf.replaces...) {
				roots = append(roots, absFrom(filepath.Dir(work), d))
			}
		}
	}
	in.file(p, m, "go.sum", filepath.Join(p.Root, "go.sum"))
	for _, f := range strings.Fields(c.getenv("GOFLAGS")) {
		if mod, ok := strings.CutPrefix(strings.TrimLeft(f, "-"), "modfile="); ok {
			mod = absFrom(p.Root, mod)
			in.file(p, m, p.name(mod), mod)
			in.file(p, m, p.name(strings.TrimSuffix(mod, ".mod")+".sum"), strings.TrimSuffix(mod, ".mod")+".sum")
		}
	}
	in.file(p, m, "vendor/modules.txt", filepath.Join(p.Root, "vendor", "modules.txt"))
	seen := map[string]bool{}
	for _, r := range roots {
		if seen[r] {
			continue
		}
		seen[r] = true
		in.file(p, m, p.name(filepath.Join(r, "go.mod")), filepath.Join(r, "go.mod"))
		in.walk(p, m, r, true)
	}
	return in
}

// name is how inputs and messages name a file: relative to the module
// root, slash-separated.
func (p *Project) name(file string) string {
	if rel, err := filepath.Rel(p.Root, file); err == nil {
		return filepath.ToSlash(rel)
	}
	return file
}

// absFrom is dir joined to p, unless p is absolute.
func absFrom(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

// goEnvFile is the file "go env -w" writes, "" when there is none.
func (p *Project) goEnvFile() string {
	switch env := p.cfg.getenv("GOENV"); env {
	case "off":
		return ""
	case "":
		if d := userConfigDir(p.cfg.getenv); d != "" {
			return filepath.Join(d, "go", "env")
		}
		return ""
	default:
		return env
	}
}

// goWork is the go.work file in effect, "" when there is none: $GOWORK,
// or the first go.work from the working directory upwards.
func (p *Project) goWork() string {
	switch w := p.cfg.getenv("GOWORK"); w {
	case "off":
		return ""
	case "":
	default:
		return w
	}
	wd, err := p.cfg.Getwd()
	if err != nil {
		return ""
	}
	for dir := filepath.Clean(wd); ; {
		f := filepath.Join(dir, "go.work")
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			return f
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// file adds the file at path under name, if it exists.
func (in inputs) file(p *Project, m *memo, name, path string) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return
	}
	if e, ok := m.hash(path, fi, false); ok {
		in[name] = e.sum
	}
}

// walk adds the build files of dir and of its subdirectories, with the
// files their //go:embed directives match; top is the root of a module,
// whose go.mod does not end the walk.
func (in inputs) walk(p *Project, m *memo, dir string, top bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if top || !os.IsNotExist(err) {
			in[p.name(dir)+"/"] = "unreadable"
		}
		return
	}
	if !top {
		for _, e := range entries {
			if e.Name() == "go.mod" && !e.IsDir() {
				return // another module, in the build only if replaced or used
			}
		}
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if e.IsDir() {
			if !skipDir(name, top) {
				in.walk(p, m, path, false)
			}
			continue
		}
		if !isBuildFile(name) {
			continue
		}
		fi, err := e.Info()
		if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			fi, err = os.Stat(path)
		}
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		e, ok := m.hash(path, fi, strings.HasSuffix(name, ".go"))
		if !ok {
			continue
		}
		in[p.name(path)] = e.sum
		for _, pat := range e.embeds {
			in.embedded(p, m, dir, pat)
		}
	}
}

// skipDir reports whether the walk skips a directory: the go command
// never builds testdata or directories starting with "." or "_"; vendor
// (at the top) is covered by vendor/modules.txt; node_modules holds
// JavaScript, and can be too large to walk on every run.
func skipDir(name string, top bool) bool {
	return name == "testdata" || name == "node_modules" || top && name == "vendor" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// isBuildFile reports whether go build may read a file of this name.
func isBuildFile(name string) bool {
	if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		return false
	}
	for _, ext := range buildExts {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// embedded adds the files an embed pattern of a Go file in dir matches:
// every file of a matched directory, hidden ones included (a superset of
// what go:embed takes).
func (in inputs) embedded(p *Project, m *memo, dir, pattern string) {
	pattern = strings.TrimPrefix(pattern, "all:")
	matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
	if err != nil {
		in["//go:embed "+pattern+" in "+p.name(dir)] = "invalid"
		return
	}
	for _, match := range matches {
		filepath.WalkDir(match, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			fi, err := os.Stat(path)
			if err != nil || !fi.Mode().IsRegular() {
				return nil
			}
			if e, ok := m.hash(path, fi, false); ok {
				in[p.name(path)] = e.sum
			}
			return nil
		})
	}
}

// parseEmbeds returns the patterns of the //go:embed directives in a Go
// file's source.
func parseEmbeds(src []byte) []string {
	const directive = "//go:embed"
	if !strings.Contains(string(src), directive) {
		return nil
	}
	var pats []string
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(line, directive)
		if !ok || rest == "" || rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		pats = append(pats, embedTokens(rest)...)
	}
	return pats
}

// embedTokens splits the arguments of a //go:embed directive as the go
// command does: at spaces, with "quoted" and `raw` patterns kept whole.
func embedTokens(s string) []string {
	var toks []string
	for s = strings.TrimLeft(s, " \t"); s != ""; s = strings.TrimLeft(s, " \t") {
		switch q := s[0]; q {
		case '"', '`':
			end := 1
			for end < len(s) && s[end] != q {
				if q == '"' && s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return append(toks, s[1:])
			}
			tok := s[1:end]
			if q == '"' {
				if u, err := strconv.Unquote(s[:end+1]); err == nil {
					tok = u
				}
			}
			toks = append(toks, tok)
			s = s[end+1:]
		default:
			end := strings.IndexAny(s, " \t")
			if end < 0 {
				end = len(s)
			}
			toks = append(toks, s[:end])
			s = s[end:]
		}
	}
	return toks
}
