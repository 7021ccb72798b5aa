package pathplugins

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/plughost/plughost/plugins"
)

// Defaults of the Finder's fields.
const (
	// DefaultHeading is the group the tool's help lists the commands
	// found on PATH under.
	DefaultHeading = "Commands on PATH"
	// DefaultGrace is how long an interrupted plugin has to exit before
	// it is killed.
	DefaultGrace = 5 * time.Second
	// DefaultMaxDepth is how many plugins on PATH may run inside one
	// another: a plugin that runs the tool that runs a plugin, and so on.
	DefaultMaxDepth = 5
)

const isWindows = runtime.GOOS == "windows"

// Finder is a plugin that finds the tool's commands among the executables
// on PATH, as kubectl, git and gh do: "mycli foo bar" runs mycli-foo-bar,
// or else mycli-foo with "bar", when none of the tool's compiled-in
// commands answers to "foo". It is a plugins.CommandFinder: the host asks
// it only then, and for listings (help, completion), so a run of a
// compiled-in command never looks at PATH.
//
// The library reads no environment of its own: the tool's main hands the
// Finder what it needs, and a field left nil means none.
//
//	h.Plugins = append(h.Plugins, &pathplugins.Finder{Tool: "mycli",
//		LookupEnv: os.LookupEnv, Environ: os.Environ, Executable: os.Executable})
//
// A Finder keeps what it has read of the plugins' self-descriptions, so
// keep one per host; it is safe for use by many goroutines, and must not
// be copied after first use.
type Finder struct {
	// Tool is the tool's name: commands are the executables named
	// Tool-NAME. Empty means the name of the host that feeds the Finder
	// (plugins.HostNeeder); with neither, the Finder finds nothing.
	Tool string

	// LookupEnv reads the environment, as os.LookupEnv does: PATH, the
	// depth variable and, on Windows, PATHEXT. Nil means an empty
	// environment, where nothing is found.
	LookupEnv func(key string) (string, bool)
	// Environ returns the environment a plugin runs with, as os.Environ
	// does, to which the Finder adds the executable and depth variables.
	// Nil means none: a plugin gets only those two.
	Environ func() []string
	// Executable returns the path of the tool's own executable, as
	// os.Executable does: a plugin gets it in the executable variable, and
	// the Finder never runs that file (nor a link to it) as a plugin. Nil
	// means unknown.
	Executable func() (string, error)

	// EnvPrefix starts the names of the variables a plugin gets:
	// PREFIX_EXECUTABLE, the tool's executable, and PREFIX_PLUGIN_DEPTH,
	// how many plugins on PATH run around it, itself included. Empty means
	// the tool's name in upper case with "_" for anything but letters and
	// digits ("MYCLI").
	EnvPrefix string
	// Heading is the group the tool's help lists found commands under.
	// Empty means DefaultHeading.
	Heading string
	// Grace is how long a plugin has to exit once the run's context is
	// done (the first Ctrl-C, under cli.Run), after it is sent SIGINT,
	// before it is killed. Zero means DefaultGrace.
	Grace time.Duration
	// MaxDepth is how many plugins on PATH may run inside one another
	// before the next refuses to start (ErrTooDeep). Zero means
	// DefaultMaxDepth.
	MaxDepth int
	// QuietWarnings keeps a found command from printing, on its stderr
	// before it runs the plugin, the warnings about where the plugin lies
	// (a directory any user can write to, or another user owns). Listings
	// show them whatever it says. Set it where such directories are the
	// norm, as under /mnt/c on WSL.
	QuietWarnings bool

	mu       sync.Mutex
	host     plugins.Command
	self     *self
	declared map[string]declarations // by path
}

// self is the tool's own executable, resolved once.
type self struct {
	path string      // as Executable gave it
	real string      // with symbolic links resolved
	info os.FileInfo // nil when unknown
}

// Name names the Finder in the plugins listing.
func (f *Finder) Name() string { return "pathplugins" }

// Description says what the Finder does.
func (f *Finder) Description() string {
	return fmt.Sprintf("runs the executables named %s-COMMAND on PATH as commands", f.toolOr("TOOL"))
}

// WithHost keeps the host, whose name is the tool's when Tool is empty.
func (f *Finder) WithHost(h plugins.Command) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.host = h
}

// tool returns the tool's name, or "" when it has none or one that could
// not start a file name.
func (f *Finder) tool() string {
	name := f.Tool
	if name == "" {
		f.mu.Lock()
		h := f.host
		f.mu.Unlock()
		if h != nil {
			name = h.Name()
		}
	}
	if !validWord(strings.ReplaceAll(name, "_", "-")) {
		return "" // empty, a path, or not a word: no file name starts with it
	}
	return name
}

func (f *Finder) toolOr(s string) string {
	if t := f.tool(); t != "" {
		return t
	}
	return s
}

func (f *Finder) lookupEnv(key string) (string, bool) {
	if f.LookupEnv == nil {
		return "", false
	}
	return f.LookupEnv(key)
}

func (f *Finder) heading() string {
	if f.Heading == "" {
		return DefaultHeading
	}
	return f.Heading
}

func (f *Finder) grace() time.Duration {
	if f.Grace <= 0 {
		return DefaultGrace
	}
	return f.Grace
}

func (f *Finder) maxDepth() int {
	if f.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return f.MaxDepth
}

// vars returns the names of the executable and depth variables.
func (f *Finder) vars() (executable, depth string) {
	prefix := f.EnvPrefix
	if prefix == "" {
		prefix = strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z':
				return r - 'a' + 'A'
			case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
				return r
			}
			return '_'
		}, f.toolOr("TOOL"))
	}
	return prefix + "_EXECUTABLE", prefix + "_PLUGIN_DEPTH"
}

// depth returns how many plugins on PATH run around this process, as the
// depth variable says. A value that is not a count is an error: the
// counter fails closed.
func (f *Finder) depth() (int, error) {
	_, name := f.vars()
	v, ok := f.lookupEnv(name)
	if !ok || v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: %s is %q, not a count", ErrTooDeep, name, v)
	}
	return n, nil
}

// checkDepth returns the depth a plugin started now runs at, or an error
// when it may not start.
func (f *Finder) checkDepth() (int, error) {
	d, err := f.depth()
	if err != nil {
		return 0, err
	}
	if max := f.maxDepth(); d >= max {
		_, name := f.vars()
		return 0, fmt.Errorf("%w: %s is %d, and at most %d plugins on PATH may run inside one another", ErrTooDeep, name, d, max)
	}
	return d + 1, nil
}

// env is the environment a plugin runs with at depth: Environ's, without
// any executable or depth variable it holds, and with the Finder's.
func (f *Finder) env(depth int) []string {
	var base []string
	if f.Environ != nil {
		base = f.Environ()
	}
	exeVar, depthVar := f.vars()
	out := make([]string, 0, len(base)+2)
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if sameKey(k, exeVar) || sameKey(k, depthVar) {
			continue
		}
		out = append(out, kv)
	}
	if s := f.selfExe(); s.path != "" {
		out = append(out, exeVar+"="+s.path)
	}
	return append(out, depthVar+"="+strconv.Itoa(depth))
}

func sameKey(a, b string) bool {
	if isWindows {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// selfExe returns the tool's own executable, resolved on first use.
func (f *Finder) selfExe() *self {
	f.mu.Lock()
	s := f.self
	f.mu.Unlock()
	if s != nil {
		return s
	}
	s = &self{}
	if f.Executable != nil {
		if p, err := f.Executable(); err == nil && p != "" {
			s.path = p
			if real, err := filepath.EvalSymlinks(p); err == nil {
				s.real = real
			}
			if fi, err := os.Stat(p); err == nil {
				s.info = fi
			}
		}
	}
	f.mu.Lock()
	if f.self == nil {
		f.self = s
	}
	s = f.self
	f.mu.Unlock()
	return s
}

// isSelf reports whether the file at path, whose info is fi, is the
// tool's own executable: the same path once links are resolved, or the
// same file.
func (f *Finder) isSelf(path string, fi os.FileInfo) bool {
	s := f.selfExe()
	if s.real != "" {
		if real, err := filepath.EvalSymlinks(path); err == nil && samePath(real, s.real) {
			return true
		}
	}
	return s.info != nil && fi != nil && os.SameFile(fi, s.info)
}

func samePath(a, b string) bool {
	if isWindows {
		return strings.EqualFold(a, b)
	}
	return a == b
}
