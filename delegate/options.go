package delegate

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

// DefaultModule is the module a project's go.mod must require (or be) for
// Run to hand over to it, when Options.Module is empty.
const DefaultModule = "github.com/plughost/plughost"

// Options is what Run and Find need to know about the tool and the
// process. main fills it from package os; nothing in this package reads
// the process's arguments, environment or working directory on its own.
// Getwd and Environ are required: without them Run does not delegate.
type Options struct {
	// Tool is the tool's name ("mycli"): the default main package is
	// cmd/<Tool>, the built binary is named after it, messages start with
	// it, and the environment variables are named after it (EnvPrefix).
	// Empty means the base name of Args[0], without ".exe".
	Tool string
	// Main is the directory of the tool's main package in a project,
	// slash-separated and relative to the module root; empty means
	// "cmd/<Tool>". A project delegates only if that directory holds a
	// non-test .go file.
	Main string
	// Module is the module a project's go.mod must require, or be, for Run
	// to delegate to it; empty means DefaultModule. A tool built on
	// plughost by another module may name its own, which projects that
	// extend it require.
	Module string
	// EnvPrefix names the environment variables: <EnvPrefix>_NO_DELEGATE,
	// <EnvPrefix>_DELEGATED and <EnvPrefix>_DEBUG_DELEGATE. Empty means
	// Tool in upper case, with every byte that is not a letter or a digit
	// turned into "_" ("my-cli" gives MY_CLI).
	EnvPrefix string
	// CacheDir is where project binaries are built and kept, one directory
	// per project. Empty means <user cache dir>/plughost/<Tool>, the user
	// cache dir found as os.UserCacheDir would, but from LookupEnv
	// ($XDG_CACHE_HOME or $HOME/.cache on Linux, $HOME/Library/Caches on
	// macOS, %LocalAppData% on Windows). A directory that cannot be
	// written is no error: the binary is built into a temporary directory
	// for this run and removed after it.
	CacheDir string
	// NoExec runs the project binary as a child process and waits for it,
	// even where Run would replace the process (Unix). Run also does this
	// when the binary was built into a temporary directory, to remove it.
	NoExec bool

	// Args are the command line, program name first (os.Args). The
	// project binary gets them unchanged, Args[0] included.
	Args []string
	// Getwd returns the working directory (os.Getwd); the project is the
	// Go module that holds it.
	Getwd func() (string, error)
	// LookupEnv reads an environment variable (os.LookupEnv). Nil means
	// looking the name up in Environ.
	LookupEnv func(string) (string, bool)
	// Environ returns the environment (os.Environ), which the project
	// binary and the go command get, with <EnvPrefix>_DELEGATED=1 added
	// for the project binary.
	Environ func() []string
	// Executable returns the path of the running binary (os.Executable).
	// Optional: when given, a binary that runs from the cache directory
	// never delegates.
	Executable func() (string, error)
	// BuildInfo reads the running binary's build info; nil means
	// runtime/debug.ReadBuildInfo. A binary whose main package is the
	// project's own never delegates.
	BuildInfo func() (*debug.BuildInfo, bool)

	// Stdin, Stdout and Stderr are the project binary's streams when it
	// runs as a child; nil means os.Stdin, os.Stdout and os.Stderr. A
	// replaced process (Unix, without NoExec) keeps the process's own
	// descriptors whatever these are. Run writes its own messages, and the
	// compiler's output when a build fails, to Stderr.
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// The environment variables, after EnvPrefix.
const (
	envNoDelegate = "_NO_DELEGATE"
	envDelegated  = "_DELEGATED"
	envDebug      = "_DEBUG_DELEGATE"
)

// config is Options with its defaults filled in.
type config struct {
	Options
	prefix string
	debug  bool
}

func newConfig(o Options) *config {
	c := &config{Options: o}
	if c.LookupEnv == nil && c.Environ != nil {
		env := c.Environ()
		c.LookupEnv = func(k string) (string, bool) { return lookupIn(env, k) }
	}
	if c.Tool == "" && len(c.Args) > 0 {
		c.Tool = strings.TrimSuffix(filepath.Base(c.Args[0]), ".exe")
	}
	if c.Main == "" {
		c.Main = "cmd/" + c.Tool
	}
	c.Main = strings.Trim(filepath.ToSlash(filepath.Clean(filepath.FromSlash(c.Main))), "/")
	if c.Main == "" {
		c.Main = "."
	}
	if c.Module == "" {
		c.Module = DefaultModule
	}
	c.prefix = c.EnvPrefix
	if c.prefix == "" {
		c.prefix = envName(c.Tool)
	}
	c.debug = c.flag(envDebug)
	if c.Stderr == nil {
		c.Stderr = os.Stderr
	}
	return c
}

// envName is tool as the start of an environment variable's name.
func envName(tool string) string {
	b := []byte(strings.ToUpper(tool))
	for i, c := range b {
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}

// getenv returns the value of the environment variable k, "" when unset.
func (c *config) getenv(k string) string {
	if c.LookupEnv == nil {
		return ""
	}
	v, _ := c.LookupEnv(k)
	return v
}

// flag reports whether <prefix><suffix> is set to something true: any
// non-empty value but one strconv.ParseBool reads as false.
func (c *config) flag(suffix string) bool {
	v := c.getenv(c.prefix + suffix)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	return err != nil || b
}

// lookupIn finds k in env, a list of key=value, the last one winning as
// in os/exec.
func lookupIn(env []string, k string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], k+"="); ok {
			return v, true
		}
	}
	return "", false
}

// cacheDir is the directory project binaries are kept in, "" when there
// is none to be found.
func (c *config) cacheDir() string {
	if c.CacheDir != "" {
		return c.CacheDir
	}
	base := userCacheDir(c.getenv)
	if base == "" {
		return ""
	}
	return filepath.Join(base, "plughost", c.Tool)
}

// userCacheDir is os.UserCacheDir with the environment read through
// getenv.
func userCacheDir(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows":
		return getenv("LocalAppData")
	case "darwin", "ios":
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, "Library", "Caches")
		}
	case "plan9":
		if h := getenv("home"); h != "" {
			return filepath.Join(h, "lib", "cache")
		}
	default:
		if d := getenv("XDG_CACHE_HOME"); filepath.IsAbs(d) {
			return d
		}
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, ".cache")
		}
	}
	return ""
}

// userConfigDir is os.UserConfigDir with the environment read through
// getenv.
func userConfigDir(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows":
		return getenv("AppData")
	case "darwin", "ios":
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support")
		}
	case "plan9":
		if h := getenv("home"); h != "" {
			return filepath.Join(h, "lib")
		}
	default:
		if d := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
			return d
		}
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, ".config")
		}
	}
	return ""
}

// tempDir is os.TempDir with the environment read through getenv.
func tempDir(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows":
		for _, k := range []string{"TMP", "TEMP", "USERPROFILE"} {
			if d := getenv(k); d != "" {
				return d
			}
		}
		if d := getenv("SystemRoot"); d != "" {
			return filepath.Join(d, "Temp")
		}
		return `C:\Windows\Temp`
	case "plan9":
		return "/tmp"
	}
	if d := getenv("TMPDIR"); d != "" {
		return d
	}
	return "/tmp"
}
