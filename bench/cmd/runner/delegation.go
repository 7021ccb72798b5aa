package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The delegation measurement ("Plugins that arrive as source"): a project
// extends a tool with its own main package, cmd/<tool>, and the installed
// tool, run anywhere in that project, hands over to the project's build
// (package delegate). Three ways to run the same command of the project's
// tool are timed side by side, in the project's directory:
//
//   - the project binary run directly (the one in delegate's cache);
//   - the installed tool, cmd/installed, with the cache warm: a hit, which
//     replaces the installed tool's process with the project binary;
//   - go run ./cmd/<tool>.
//
// Two projects differ only in where their replace directive points: at a
// snapshot of the library's packages the tool imports, or at the whole
// repository, every file of which a hit stats (see README.md).
const (
	// delegateTool is cmd/installed's Options.Tool: projects delegate to
	// their cmd/tool, and the variables are TOOL_*.
	delegateTool   = "tool"
	delegateEnvPfx = "TOOL_"
	projectModule  = "example.com/benchproject"
	libraryModule  = "github.com/plughost/plughost"
	// goRunProg is the go command, run as "go run ./cmd/tool ...".
	goRunProg = "go"
)

// delegateArgs is the command line every way runs; delegateWant is what
// the project's build prints for it (the installed tool has no hello).
var delegateArgs = []string{"hello", "--name=gopher", "arg"}

const delegateWant = "hello, gopher [arg] (the project's build)\n"

// projectMain is the project's cmd/tool/main.go: a plughost tool with a
// few commands of its own that calls delegate.Run first, as every build
// of a tool that delegates does (run directly, it never hands over to
// itself).
const projectMain = `// Command tool is the delegation fixture's own build of the tool: a
// plughost tool with a few commands of the project's own.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/delegate"
	"github.com/plughost/plughost/plugins"
)

type command struct {
	name, about string
	who         string
	out         io.Writer
}

func (c *command) Name() string          { return c.name }
func (c *command) Description() string   { return c.about }
func (c *command) SetStdout(w io.Writer) { c.out = w }

func (c *command) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.StringVar(&c.who, "name", "world", "who to address")
	return fs
}

func (c *command) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintf(c.out, "%s, %s %v (the project's build)\n", c.name, c.who, args)
	return err
}

func main() {
	if code, ok := delegate.Run(delegate.Options{
		Tool: "tool", Args: os.Args, Getwd: os.Getwd,
		Environ: os.Environ, LookupEnv: os.LookupEnv, Executable: os.Executable,
	}); ok {
		os.Exit(code)
	}
	h := cli.New("tool")
	h.Plugins = append([]plugins.Plugin{
		&command{name: "hello", about: "says hello"},
		&command{name: "deploy", about: "deploys the project"},
		&command{name: "release", about: "tags a release"},
	}, h.Plugins...)
	os.Exit(cli.Run(context.Background(), h, os.Args[1:]))
}
`

// fixture is one project of the delegation measurement.
type fixture struct {
	name     string // how tables name it
	key      string // the prefix of its entrants' keys
	dir      string // the project's module root
	replace  string // the directory the replace directive names
	packages int    // the library's packages in the snapshot; 0 for the whole repository
	files    int    // files under replace that a hit stats
	miss     time.Duration
	project  string // the project binary in delegate's cache
}

// Entrant keys of a fixture's three ways.
func (f *fixture) direct() string { return f.key + ": direct" }
func (f *fixture) hit() string    { return f.key + ": hit" }
func (f *fixture) goRun() string  { return f.key + ": go run" }
func (f *fixture) binKey() string { return f.key + " project binary" }

// delegation is the measurement's set-up: the projects, delegate's cache
// and the environment the runs get.
type delegation struct {
	root     string // temporary directory holding all of it
	cache    string // XDG_CACHE_HOME of the runs: delegate's cache is under it
	env      []string
	goCmd    string
	fixtures []*fixture
	written  time.Time // when the projects' files were written
	note     string    // what went wrong during the timing, if anything
}

// setupDelegation writes the two projects into a temporary directory,
// builds the project binaries through the installed tool (the first run
// in each project: a cache miss), and checks what every way prints.
func setupDelegation(repoRoot string, b *builds) (*delegation, error) {
	start := time.Now()
	root, err := os.MkdirTemp("", "plughost-bench-delegate-")
	if err != nil {
		return nil, err
	}
	d := &delegation{root: root, cache: filepath.Join(root, "cache")}
	if d.goCmd, err = exec.LookPath("go"); err != nil {
		return d, err
	}
	if d.goCmd, err = filepath.Abs(d.goCmd); err != nil {
		return d, err
	}
	gocache, err := exec.Command(d.goCmd, "env", "GOCACHE").Output()
	if err != nil {
		return d, fmt.Errorf("go env GOCACHE: %w", err)
	}
	// delegate's cache under the temporary directory, through the
	// variable it reads (Options.CacheDir is left empty, as a tool leaves
	// it); the go command's own cache where it was, since moving
	// XDG_CACHE_HOME would move it too. The runner's own TOOL_* variables
	// are left out: TOOL_NO_DELEGATE would stop the hand-over, and
	// TOOL_DEBUG_DELEGATE make every run print.
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, delegateEnvPfx) || k == "XDG_CACHE_HOME" || k == "GOCACHE" || k == "CGO_ENABLED" {
			continue
		}
		d.env = append(d.env, kv)
	}
	d.env = append(d.env, "XDG_CACHE_HOME="+d.cache, "GOCACHE="+strings.TrimSpace(string(gocache)), "CGO_ENABLED=0")

	mod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		return d, err
	}
	sum, err := os.ReadFile(filepath.Join(repoRoot, "go.sum"))
	if err != nil {
		return d, err
	}
	whole := &fixture{name: "whole repository", key: "repository", dir: filepath.Join(root, "repo-project"), replace: repoRoot}
	if err := writeProject(whole.dir, whole.replace, mod, sum); err != nil {
		return d, err
	}
	snap := &fixture{name: "snapshot", key: "snapshot", dir: filepath.Join(root, "snapshot-project"), replace: filepath.Join(root, "plughost-snapshot")}
	if snap.packages, err = d.snapshot(whole.dir, repoRoot, snap.replace); err != nil {
		return d, err
	}
	if err := writeProject(snap.dir, snap.replace, mod, sum); err != nil {
		return d, err
	}
	d.written = time.Now()
	d.fixtures = []*fixture{snap, whole}

	for _, f := range d.fixtures {
		if f.files, err = countInputs(f.replace); err != nil {
			return d, err
		}
		first := time.Now()
		if _, err := d.check(f, b.progs[installProg].path, delegateArgs); err != nil {
			return d, fmt.Errorf("the first run of the installed tool in the %s project: %w", f.name, err)
		}
		f.miss = time.Since(first)
		bins, err := d.cached(f)
		if err != nil {
			return d, err
		}
		if len(bins) != 1 {
			return d, fmt.Errorf("%s project: %d binaries in delegate's cache after the first run, want 1", f.name, len(bins))
		}
		for bin := range bins {
			f.project = bin
		}
		if _, err := d.check(f, f.project, delegateArgs); err != nil {
			return d, fmt.Errorf("the %s project's binary run directly: %w", f.name, err)
		}
		if _, err := d.check(f, d.goCmd, append([]string{"run", "./cmd/" + delegateTool}, delegateArgs...)); err != nil {
			return d, fmt.Errorf("go run in the %s project: %w", f.name, err)
		}
		logf("  %s project: %d library files checked at each hit; the first run (a miss) built it in %.1fs",
			f.name, f.files, f.miss.Seconds())
	}
	logf("  projects ready in %.1fs", time.Since(start).Seconds())
	return d, nil
}

// writeProject writes a project module into dir: go.mod requiring the
// library (and, as indirect, what the library requires) with a replace
// directive naming replace, the library's go.sum, and cmd/tool/main.go.
func writeProject(dir, replace string, libMod, libSum []byte) error {
	goLine, reqs := parseRequires(libMod)
	var m strings.Builder
	fmt.Fprintf(&m, "module %s\n\n%s\n\nrequire %s v0.0.0\n", projectModule, goLine, libraryModule)
	if len(reqs) > 0 {
		m.WriteString("\nrequire (\n")
		for _, r := range reqs {
			fmt.Fprintf(&m, "\t%s // indirect\n", r)
		}
		m.WriteString(")\n")
	}
	fmt.Fprintf(&m, "\nreplace %s => %s\n", libraryModule, replace)
	main := filepath.Join(dir, "cmd", delegateTool)
	if err := os.MkdirAll(main, 0o755); err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		filepath.Join(dir, "go.mod"):   []byte(m.String()),
		filepath.Join(dir, "go.sum"):   libSum,
		filepath.Join(main, "main.go"): []byte(projectMain),
	} {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// parseRequires returns a go.mod's go line and its requirements ("path
// version"), without comments.
func parseRequires(mod []byte) (goLine string, reqs []string) {
	goLine = "go 1.24.0"
	in := false
	s := bufio.NewScanner(bytes.NewReader(mod))
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "":
		case in && line == ")":
			in = false
		case in:
			reqs = append(reqs, line)
		case line == "require (":
			in = true
		case strings.HasPrefix(line, "require "):
			reqs = append(reqs, strings.TrimSpace(strings.TrimPrefix(line, "require ")))
		case strings.HasPrefix(line, "go "):
			goLine = line
		}
	}
	return goLine, reqs
}

// snapshot copies into dst the library's go.mod and go.sum and the files
// of the library's packages the project's tool (in project) builds, as
// go list reports them, and returns how many packages it copied.
func (d *delegation) snapshot(project, repoRoot, dst string) (int, error) {
	cmd := exec.Command(d.goCmd, "list", "-deps",
		"-json=ImportPath,Dir,Module,GoFiles,IgnoredGoFiles,CgoFiles,CFiles,CXXFiles,MFiles,HFiles,FFiles,SFiles,SwigFiles,SysoFiles,EmbedFiles",
		"./cmd/"+delegateTool)
	cmd.Dir, cmd.Env = project, d.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("go list in %s: %v\n%s", project, err, stderr.String())
	}
	packages := 0
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var pkg struct {
			ImportPath, Dir string
			Module          *struct{ Path string }
			GoFiles, IgnoredGoFiles, CgoFiles, CFiles, CXXFiles, MFiles, HFiles,
			FFiles, SFiles, SwigFiles, SysoFiles, EmbedFiles []string
		}
		if err := dec.Decode(&pkg); err == io.EOF {
			break
		} else if err != nil {
			return 0, fmt.Errorf("go list: %w", err)
		}
		if pkg.Module == nil || pkg.Module.Path != libraryModule {
			continue
		}
		rel, err := filepath.Rel(repoRoot, pkg.Dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return 0, fmt.Errorf("package %s in %s, outside %s", pkg.ImportPath, pkg.Dir, repoRoot)
		}
		packages++
		for _, files := range [][]string{pkg.GoFiles, pkg.IgnoredGoFiles, pkg.CgoFiles, pkg.CFiles, pkg.CXXFiles, pkg.MFiles,
			pkg.HFiles, pkg.FFiles, pkg.SFiles, pkg.SwigFiles, pkg.SysoFiles, pkg.EmbedFiles} {
			for _, f := range files {
				if err := copyFile(filepath.Join(pkg.Dir, f), filepath.Join(dst, rel, f)); err != nil {
					return 0, err
				}
			}
		}
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := copyFile(filepath.Join(repoRoot, f), filepath.Join(dst, f)); err != nil {
			return 0, err
		}
	}
	return packages, nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// countInputs counts the files under dir that a cache hit stats, by
// package delegate's rule: what go build may read, outside testdata,
// vendor, node_modules, names starting with "." or "_", and nested
// modules (go:embed'ed files aside).
func countInputs(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if e.IsDir() {
			if path == dir {
				return nil
			}
			if name == "testdata" || name == "vendor" || name == "node_modules" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		switch filepath.Ext(name) {
		case ".go", ".c", ".h", ".cc", ".cpp", ".m", ".f", ".s", ".S", ".syso", ".swig":
			n++
		}
		return nil
	})
	return n, err
}

// check runs prog with args once in f's project, as the timing does but
// with delegate's debug output on, and checks that it prints what the
// project's build prints; it returns what it printed on stderr.
func (d *delegation) check(f *fixture, prog string, args []string) (string, error) {
	cmd := exec.Command(prog, args...)
	cmd.Dir = f.dir
	cmd.Env = append(d.env[:len(d.env):len(d.env)], "BENCH_N=10", delegateEnvPfx+"DEBUG_DELEGATE=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil || stdout.String() != delegateWant {
		return stderr.String(), fmt.Errorf("%s %q: %v: stdout %q, want %q\nstderr: %.2000s", prog, args, err, stdout.String(), delegateWant, stderr.String())
	}
	return stderr.String(), nil
}

// cached returns the binaries in delegate's cache directory for f's
// project, with their modification times: <cache>/<base name of the
// root>-<digest>/<key>/<tool>, as package delegate lays it out.
func (d *delegation) cached(f *fixture) (map[string]time.Time, error) {
	top := filepath.Join(d.cache, "plughost", delegateTool)
	dirs, err := os.ReadDir(top)
	if err != nil {
		return nil, fmt.Errorf("delegate's cache: %w", err)
	}
	bins := map[string]time.Time{}
	for _, pd := range dirs {
		if !pd.IsDir() || !strings.HasPrefix(pd.Name(), filepath.Base(f.dir)+"-") {
			continue
		}
		keys, err := os.ReadDir(filepath.Join(top, pd.Name()))
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if !k.IsDir() || strings.HasPrefix(k.Name(), "tmp-") {
				continue
			}
			bin := filepath.Join(top, pd.Name(), k.Name(), delegateTool)
			if st, err := os.Stat(bin); err == nil && st.Mode().IsRegular() {
				bins[bin] = st.ModTime()
			}
		}
	}
	return bins, nil
}

// hit runs the installed tool once in f's project and reports whether it
// was a cache hit: it printed what the project's build prints, and the
// cache holds the same one binary, untouched.
func (d *delegation) hit(f *fixture, installed string) (bool, error) {
	before, err := d.cached(f)
	if err != nil {
		return false, err
	}
	if _, err := d.check(f, installed, delegateArgs); err != nil {
		return false, err
	}
	after, err := d.cached(f)
	if err != nil {
		return false, err
	}
	_, same := after[f.project]
	return len(before) == 1 && maps.Equal(before, after) && same, nil
}

// measureDelegation times the three ways in both projects, interleaved:
// the project binaries and the installed tool every round, go run in the
// first peerRounds. It first makes sure the cache is warm and the
// projects' files are older than the two seconds in which package
// delegate reads a file at every run.
func measureDelegation(c config, b *builds, d *delegation) (*cell, error) {
	if wait := 2100*time.Millisecond - time.Since(d.written); wait > 0 {
		time.Sleep(wait)
	}
	installed := b.progs[installProg].path
	for _, f := range d.fixtures {
		ok, err := d.hit(f, installed)
		if err != nil {
			return nil, err
		}
		if !ok {
			// The library changed since the first run, which rebuilt.
			bins, err := d.cached(f)
			if err != nil || len(bins) != 1 {
				return nil, fmt.Errorf("%s project: %d binaries in delegate's cache (%v)", f.name, len(bins), err)
			}
			for bin := range bins {
				f.project = bin
			}
			if ok, err = d.hit(f, installed); err != nil || !ok {
				return nil, fmt.Errorf("%s project: the installed tool does not hit delegate's cache (%v)", f.name, err)
			}
		}
	}
	b.progs[goRunProg] = binary{name: "go run", path: d.goCmd}
	okZero := func(code int) bool { return code == 0 }
	var core, extra []entrant
	for _, f := range d.fixtures {
		b.progs[f.binKey()] = binary{name: f.binKey(), path: f.project}
		core = append(core,
			entrant{key: f.direct(), prog: f.binKey(), args: delegateArgs, ok: okZero, dir: f.dir},
			entrant{key: f.hit(), prog: installProg, args: delegateArgs, ok: okZero, dir: f.dir})
		extra = append(extra, entrant{key: f.goRun(), prog: goRunProg, args: append([]string{"run", "./cmd/" + delegateTool}, delegateArgs...), ok: okZero, dir: f.dir})
	}
	l, err := newLauncherEnv(b.launch, d.env)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	cl, err := interleaveRuns(l, b, "delegation", 10, core, extra, c.rounds, c.peerRounds)
	if cerr := l.close(); err == nil && cerr != nil {
		err = fmt.Errorf("launch: %w", cerr)
	}
	if err != nil {
		return nil, err
	}
	var msgs []string
	for _, f := range d.fixtures {
		logf("  %-16s %3d rounds: directly %s, hit %s (%+.2f ms), go run %s", f.name, c.rounds,
			cl.median(f.direct()).Round(time.Microsecond), cl.median(f.hit()).Round(time.Microsecond),
			float64(cl.diff(f.hit(), f.direct()))/1e6, cl.median(f.goRun()).Round(time.Millisecond))
		// A rebuild during the rounds (someone edited the library) would
		// have put a build's time in a round: say so.
		if ok, err := d.hit(f, installed); err != nil || !ok {
			msgs = append(msgs, fmt.Sprintf("the %s project's binary changed during the rounds (a file it is built from changed), so a round or more includes a build", f.name))
		}
	}
	d.note = strings.Join(msgs, "; ")
	logf("  delegation rounds in %.1fs", time.Since(start).Seconds())
	return cl, nil
}

// close removes the measurement's temporary directory, projects and
// cache included.
func (d *delegation) close() error {
	if d == nil || d.root == "" {
		return nil
	}
	return os.RemoveAll(d.root)
}
