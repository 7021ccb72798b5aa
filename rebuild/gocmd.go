package rebuild

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// goTool runs the go command in an environment of its own.
type goTool struct {
	path string    // the go command
	env  []string  // the environment it runs in
	log  io.Writer // where go's own output goes as it runs; nil for nowhere
	// mod is the -mod flag go list runs with: "readonly" in a tool's
	// source tree, which go list must not change, "mod" in a temporary
	// module. Either ignores a vendor directory.
	mod string
}

// newGo returns a goTool for the go command gocmd, or, when it is empty,
// the go command on the PATH of env. The environment is env with every
// -mod flag taken out of GOFLAGS (the commands this package runs choose
// their own), and set's variables set. go list runs with -mod=mod (see
// goTool.mod).
func newGo(gocmd string, env []string, log io.Writer, mod string, set ...string) (*goTool, error) {
	env = cleanEnv(env)
	for i := 0; i+1 < len(set); i += 2 {
		env = setEnv(env, set[i], set[i+1])
	}
	if gocmd == "" {
		var err error
		if gocmd, err = lookGo(env); err != nil {
			return nil, err
		}
	}
	return &goTool{path: gocmd, env: env, log: log, mod: mod}, nil
}

// lookGo finds the go command on the PATH of env, as a shell would.
func lookGo(env []string) (string, error) {
	path, _ := getEnv(env, "PATH")
	name := "go"
	if runtime.GOOS == "windows" {
		name = "go.exe"
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" || !filepath.IsAbs(dir) {
			// A relative PATH entry names a directory relative to where
			// the tool was run, which a library cannot know: skip it, as
			// os/exec does since Go 1.19.
			continue
		}
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && (runtime.GOOS == "windows" || fi.Mode()&0o111 != 0) {
			return p, nil
		}
	}
	return "", errorf(ErrNoGo, "no go command on PATH: install Go (https://go.dev/dl/) to add plugins")
}

// getEnv returns the value of key in env: the last one, as os/exec
// passes it.
func getEnv(env []string, key string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(env[i], "="); ok && sameKey(k, key) {
			return v, true
		}
	}
	return "", false
}

// setEnv returns env with key set to value, once.
func setEnv(env []string, key, value string) []string {
	out := make([]string, 0, len(env)+1)
	for _, kv := range env {
		if k, _, _ := strings.Cut(kv, "="); !sameKey(k, key) {
			out = append(out, kv)
		}
	}
	return append(out, key+"="+value)
}

// sameKey reports whether two variable names are one: case folded on
// Windows.
func sameKey(a, b string) bool {
	if runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// cleanEnv returns a copy of env without any -mod flag in GOFLAGS: an
// inherited GOFLAGS=-mod=vendor (bazel-contrib/bazel-gazelle#1150) or
// -mod=readonly would break the commands this package runs, which pass
// the -mod they need themselves. Every other flag of GOFLAGS stays.
func cleanEnv(env []string) []string {
	env = append([]string(nil), env...)
	flags, ok := getEnv(env, "GOFLAGS")
	if !ok {
		return env
	}
	return setEnv(env, "GOFLAGS", cleanGOFLAGS(flags))
}

// cleanGOFLAGS returns flags, a GOFLAGS value, without its -mod flags.
func cleanGOFLAGS(flags string) string {
	var keep []string
	for _, f := range strings.Fields(flags) {
		name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if strings.HasPrefix(f, "-") && name == "mod" {
			continue
		}
		keep = append(keep, f)
	}
	return strings.Join(keep, " ")
}

// run runs go with args in dir and returns its standard output. A
// failure is explained by explain.
func (g *goTool) run(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, g.path, args...)
	cmd.Dir = dir
	cmd.Env = g.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if g.log != nil {
		fmt.Fprintf(g.log, "go %s\n", strings.Join(args, " "))
		cmd.Stderr = io.MultiWriter(&stderr, g.log)
	}
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return nil, errorf(ErrGo, "running go: %w", err)
		}
		return stdout.Bytes(), explain(args, stderr.String())
	}
	return stdout.Bytes(), nil
}

// explain turns what a failed go command wrote on stderr into one line:
// ErrToolchain for a module that needs a newer Go, ErrNewerHost for a
// module that needs a newer plughost, and else ErrGo with go's first line
// that says what failed.
func explain(args []string, stderr string) error {
	for _, line := range strings.Split(stderr, "\n") {
		if err := toolchainError(line); err != nil {
			return err
		}
		if err := hostConflict(line); err != nil {
			return err
		}
	}
	return errorf(ErrGo, "go %s: %s", args[0], firstLine(stderr))
}

// firstLine returns the first line of a go command's stderr that is not
// progress, without go's "go: " prefix, or a placeholder.
func firstLine(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || isProgress(line) {
			continue
		}
		return strings.TrimPrefix(line, "go: ")
	}
	return "failed, and said nothing"
}

// isProgress reports whether line is one of the go command's progress
// lines, which a failure's explanation skips.
func isProgress(line string) bool {
	for _, p := range [...]string{"go: downloading ", "go: finding ", "go: added ", "go: upgraded ", "go: downgraded ", "go: removed ", "go: extracting "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// toolchainError explains go's "requires go >= 1.99 (running go 1.26.8;
// GOTOOLCHAIN=local)", or returns nil for another line.
func toolchainError(line string) error {
	i := strings.Index(line, "requires go >= ")
	if i < 0 {
		return nil
	}
	after := line[i+len("requires go >= "):]
	need, rest, _ := strings.Cut(after, " ")
	running := ""
	if r, ok := strings.CutPrefix(rest, "(running go "); ok {
		running, _, _ = strings.Cut(r, ";")
		running = strings.TrimSuffix(running, ")")
	}
	who := "a module"
	if m := moduleOfLine(line[:i]); m != "" {
		who = "module " + m
	}
	if running == "" {
		return errorf(ErrToolchain, "%s needs go >= %s: install a newer Go, or let go fetch one with GOTOOLCHAIN=auto", who, need)
	}
	return errorf(ErrToolchain, "%s needs go >= %s (this go is %s): install a newer Go, or let go fetch one with GOTOOLCHAIN=auto", who, need, running)
}

// moduleOfLine returns the module a go error line is about: the path in
// its "go: example.com/x@v1.0.0: " prefix.
func moduleOfLine(line string) string {
	line = strings.TrimPrefix(strings.TrimSpace(line), "go: ")
	first, _, _ := strings.Cut(line, ":")
	path, _, at := strings.Cut(first, "@")
	if !at || checkPath(path) != nil {
		return ""
	}
	return path
}

// hostConflict explains go's "X@v requires github.com/plughost/plughost@v1.3.0,
// not github.com/plughost/plughost@v1.2.0", the minimal version selection
// conflict a plugin needing a newer plughost causes, or returns nil.
func hostConflict(line string) error {
	const req = " requires " + hostModule + "@"
	i := strings.Index(line, req)
	if i < 0 {
		return nil
	}
	need, rest, _ := strings.Cut(line[i+len(req):], ",")
	has, ok := strings.CutPrefix(strings.TrimSpace(rest), "not "+hostModule+"@")
	if !ok {
		return nil
	}
	who := line[:i]
	if j := strings.LastIndex(who, " "); j >= 0 {
		who = who[j+1:]
	}
	who, _, _ = strings.Cut(who, "@")
	return newerHost(who, need, strings.TrimSpace(has))
}

// newerHost is the error for plugin module mod requiring plughost at need
// when the tool is built with has.
func newerHost(mod, need, has string) error {
	return errorf(ErrNewerHost, "plugin %s needs plughost >= %s (this tool is built with %s)", mod, need, has)
}

// listedModule is what go list -m -json says of a module.
type listedModule struct {
	Path      string
	Version   string
	Query     string
	Main      bool
	Dir       string
	GoMod     string
	GoVersion string
	Replace   *listedModule
	Error     *struct{ Err string }
}

// listedPackage is what go list -json says of a package.
type listedPackage struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	Module     *listedModule
	Error      *struct{ Err string }
}

// modFile is what go mod edit -json says of a go.mod file.
type modFile struct {
	Module  struct{ Path string }
	Go      string
	Require []struct {
		Path     string
		Version  string
		Indirect bool
	}
	Replace []struct {
		Old, New struct{ Path, Version string }
	}
}

// decodeAll decodes the stream of JSON values go list prints.
func decodeAll[T any](out []byte) ([]T, error) {
	dec := json.NewDecoder(bytes.NewReader(out))
	var all []T
	for {
		var v T
		if err := dec.Decode(&v); err == io.EOF {
			return all, nil
		} else if err != nil {
			return nil, errorf(ErrGo, "reading go list's output: %v", err)
		}
		all = append(all, v)
	}
}

// modules runs go list -m -json with args in dir.
func (g *goTool) modules(ctx context.Context, dir string, args ...string) ([]listedModule, error) {
	out, err := g.run(ctx, dir, append([]string{"list", "-mod=" + g.mod, "-m", "-json"}, args...)...)
	if err != nil {
		return nil, err
	}
	return decodeAll[listedModule](out)
}

// readModFile parses the go.mod file at path.
func (g *goTool) readModFile(ctx context.Context, path string) (*modFile, error) {
	out, err := g.run(ctx, filepath.Dir(path), "mod", "edit", "-json", path)
	if err != nil {
		return nil, err
	}
	var mf modFile
	if err := json.Unmarshal(out, &mf); err != nil {
		return nil, errorf(ErrGo, "reading %s: %v", path, err)
	}
	return &mf, nil
}

// goEnv returns the values of the go command's variables keys, as go env
// reports them.
func (g *goTool) goEnv(ctx context.Context, dir string, keys ...string) (map[string]string, error) {
	out, err := g.run(ctx, dir, append([]string{"env", "-json"}, keys...)...)
	if err != nil {
		return nil, err
	}
	vals := map[string]string{}
	if err := json.Unmarshal(out, &vals); err != nil {
		return nil, errorf(ErrGo, "reading go env's output: %v", err)
	}
	return vals, nil
}
