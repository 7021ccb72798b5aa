//go:build plughost_so && cgo && (linux || darwin || freebsd)

package soplugins

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"
)

func build(ctx context.Context, o BuildOptions) (*Built, error) {
	switch {
	case o.Package == "":
		return nil, fmt.Errorf("%w: no package to build (BuildOptions.Package)", ErrBuild)
	case o.Out == "":
		return nil, fmt.Errorf("%w: no directory to write to (BuildOptions.Out)", ErrBuild)
	case o.Env == nil:
		return nil, fmt.Errorf("%w: no environment for go build (BuildOptions.Env): pass os.Environ()", ErrBuild)
	}
	name := o.Name
	if name == "" {
		name = path.Base(strings.TrimRight(filepath.ToSlash(o.Package), "/"))
	}
	if !validName(name) {
		return nil, fmt.Errorf("%w: %q cannot be a plugin's NAME, which holds letters, digits, '.', '-' and '_' and starts with a letter or digit", ErrBuild, name)
	}
	read := o.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok || bi == nil {
		return nil, fmt.Errorf("%w: %w", ErrBuild, ErrNoBuildInfo)
	}
	tool := manifestOf(bi)
	if !tool.Cgo {
		return nil, fmt.Errorf("%w: the tool was built with CGO_ENABLED=0, and so cannot load Go plugins", ErrBuild)
	}
	env := buildEnv(o.Env, &tool)
	goCmd, err := lookGo(o.Go, env)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, goCmd, "env", "GOVERSION")
	cmd.Dir, cmd.Env, cmd.Stdout = o.Dir, env, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%w: %s env GOVERSION: %v", ErrBuild, goCmd, err)
	}
	if v := strings.TrimSpace(out.String()); v != tool.GoVersion {
		return nil, fmt.Errorf("%w: %s is %s, and the tool was built with %s: put that Go first on PATH, or set GOTOOLCHAIN=%s in BuildOptions.Env", ErrBuild, goCmd, v, tool.GoVersion, tool.GoVersion)
	}

	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	tmp, err := os.MkdirTemp(o.Out, ".build-"+name+"-")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	defer os.RemoveAll(tmp)
	// go build runs in Dir: give it a path that does not depend on it.
	if tmp, err = filepath.Abs(tmp); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	so := filepath.Join(tmp, name+".so")
	args := append(append([]string{"build", "-buildmode=plugin"}, buildFlags(&tool)...), "-o", so, o.Package)
	logs := &capped{max: 64 << 10}
	var w io.Writer = logs
	if o.Stderr != nil {
		w = io.MultiWriter(logs, o.Stderr)
	}
	cmd = exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = o.Dir, env, w, w
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%w: go %s: %v\n%s", ErrBuild, strings.Join(args, " "), err, strings.TrimSpace(logs.buf.String()))
	}

	sbi, err := buildinfo.ReadFile(so)
	if err != nil {
		return nil, fmt.Errorf("%w: reading the build info of %s: %v", ErrBuild, o.Package, err)
	}
	m := manifestOf(sbi)
	if diffs := differences(&tool, &m); len(diffs) > 0 {
		return nil, fmt.Errorf("%w: built %s, but the tool would not load it: %w", ErrBuild, o.Package, &MismatchError{diffs})
	}
	fi, err := os.Stat(so)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	m.Name, m.Size, m.Sequence = name, fi.Size(), o.Sequence
	if m.Sequence == 0 {
		m.Sequence = time.Now().UnixNano()
	}
	data, err := json.MarshalIndent(&m, "", "\t")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	manifest := filepath.Join(tmp, name+".json")
	if err := os.WriteFile(manifest, append(data, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	base := filepath.Join(o.Out, fileBase(name, &tool))
	b := &Built{Path: base + ".so", ManifestPath: base + ".json", Manifest: m}
	if err := os.Rename(so, b.Path); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	if err := os.Rename(manifest, b.ManifestPath); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	return b, nil
}

// buildFlags are the go build flags that give a plugin the build settings
// of the tool m describes.
func buildFlags(m *Manifest) []string {
	flags := []string{
		"-race=" + strconv.FormatBool(m.Race),
		"-trimpath=" + strconv.FormatBool(m.Trimpath),
		"-tags=" + strings.Join(m.Tags, ","),
	}
	for _, k := range []string{"-msan", "-asan"} {
		if m.Settings[k] == "true" {
			flags = append(flags, k)
		}
	}
	for _, k := range []string{"-gcflags", "-asmflags", "-compiler"} {
		if v := m.Settings[k]; v != "" {
			flags = append(flags, k+"="+v)
		}
	}
	if v := m.Settings["-pgo"]; v != "" {
		return append(flags, "-pgo="+v)
	}
	return append(flags, "-pgo=off")
}

// buildEnv is env with the variables that give a plugin the build
// settings of the tool m describes; the later of two values wins.
func buildEnv(env []string, m *Manifest) []string {
	out := append([]string(nil), env...)
	out = append(out, "CGO_ENABLED=1", "GOOS="+m.GOOS, "GOARCH="+m.GOARCH, "GOEXPERIMENT="+m.Settings["GOEXPERIMENT"])
	var keys []string
	for k := range m.Settings {
		if strings.HasPrefix(k, "GO") && k != "GOEXPERIMENT" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, k+"="+m.Settings[k])
	}
	return out
}

// lookGo finds the go command name ("" for "go") in the PATH of env.
func lookGo(name string, env []string) (string, error) {
	if name == "" {
		name = "go"
	}
	if strings.ContainsRune(name, filepath.Separator) {
		return name, nil
	}
	var pathList string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			pathList = v
		}
	}
	for _, dir := range filepath.SplitList(pathList) {
		if dir == "" || !filepath.IsAbs(dir) {
			continue
		}
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: no %s on the PATH of BuildOptions.Env", ErrBuild, name)
}

// capped keeps the first max bytes written to it.
type capped struct {
	buf bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
