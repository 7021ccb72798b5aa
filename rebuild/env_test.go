package rebuild_test

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/plughost/plughost/clitest"
)

var _ = clitest.UpdateFlag()

// The tests run offline: the fixture plugin modules under testdata/mod
// are wired into the test tool's go.mod by versioned replace directives,
// plughost by a replace of the repository's root, and the go command runs
// with GOPROXY=off, GOWORK=off and GOTOOLCHAIN=local, using the real
// module cache, which holds plughost's own dependencies.

// fixtures are the fixture plugin modules: module path and version to the
// directory under testdata/mod.
var fixtures = []struct{ path, version, dir string }{
	{"example.com/plug", "v1.0.0", "plug-v1.0.0"},
	{"example.com/plug", "v1.1.0", "plug-v1.1.0"},
	{"example.com/multi/v2", "v2.0.0", "multi-v2"},
	{"example.com/go-plug.ins", "v1.0.0", "dotted"},
	{"example.com/renamed", "v1.0.0", "renamed"},
	{"example.com/noplugins", "v1.0.0", "noplugins"},
	{"example.com/newer", "v1.0.0", "newer"},
	{"example.com/future", "v1.0.0", "future"},
	{"example.com/empty", "v1.0.0", "empty"},
}

// repoRoot returns the repository's root directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// fixture returns the absolute directory of a fixture module.
func fixture(t testing.TB, dir string) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("testdata", "mod", dir))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// testEnv returns the environment the go command runs in for the tests,
// with kv's variables (KEY=value) added.
func testEnv(kv ...string) []string {
	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	return append(env, kv...)
}

// newTool copies the test tool (testdata/tool) into a new directory under
// parent and returns it: a module example.com/tool whose go.mod replaces
// plughost with this repository and each fixture module with its
// directory.
func newTool(t testing.TB, parent string) string {
	t.Helper()
	dir := filepath.Join(parent, "tool")
	src := filepath.Join("testdata", "tool")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		dst := filepath.Join(dir, strings.TrimSuffix(rel, ".txt"))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	root := repoRoot(t)
	var mod strings.Builder
	mod.WriteString("module example.com/tool\n\ngo 1.24.0\n\nrequire github.com/plughost/plughost v0.0.0\n\nrequire (\n")
	for _, r := range rootRequires(t, root) {
		fmt.Fprintf(&mod, "\t%s // indirect\n", r)
	}
	mod.WriteString(")\n\nreplace github.com/plughost/plughost => " + root + "\n")
	for _, f := range fixtures {
		fmt.Fprintf(&mod, "\nreplace %s %s => %s\n", f.path, f.version, fixture(t, f.dir))
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"go.mod": mod.String(), "go.sum": string(sum)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// rootRequires returns the requirements of the repository's go.mod, each
// "PATH VERSION", so that the test tool's go.mod lists every module
// plughost's packages need.
func rootRequires(t testing.TB, root string) []string {
	t.Helper()
	cmd := exec.Command("go", "mod", "edit", "-json")
	cmd.Dir = root
	cmd.Env = testEnv()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod edit -json: %v", err)
	}
	var mf struct {
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal(out, &mf); err != nil {
		t.Fatal(err)
	}
	var reqs []string
	for _, r := range mf.Require {
		reqs = append(reqs, r.Path+" "+r.Version)
	}
	return reqs
}

// goRun runs the go command with args in dir, failing the test when it
// fails.
func goRun(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = testEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// builtTool is the test tool, built once for every test that needs it.
var builtTool struct {
	once sync.Once
	dir  string // the tool's source
	bin  string // the binary
	bi   *debug.BuildInfo
	err  error
}

// toolBinary builds the test tool once, in a directory of its own, and
// returns its source directory, its binary (which a test copies before
// changing) and the binary's build info.
func toolBinary(t testing.TB) (src, bin string, bi *debug.BuildInfo) {
	t.Helper()
	builtTool.once.Do(func() {
		parent, err := os.MkdirTemp("", "rebuild-test-")
		if err != nil {
			builtTool.err = err
			return
		}
		// newTool fails the first caller's test itself; the others see
		// this.
		builtTool.err = errors.New("the test tool could not be set up")
		builtTool.dir = newTool(t, parent)
		builtTool.bin = filepath.Join(parent, "bin", "tool")
		cmd := exec.Command("go", "build", "-o", builtTool.bin, ".")
		cmd.Dir = builtTool.dir
		cmd.Env = testEnv("CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			builtTool.err = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		builtTool.bi, builtTool.err = buildinfo.ReadFile(builtTool.bin)
	})
	if builtTool.err != nil {
		t.Fatal(builtTool.err)
	}
	return builtTool.dir, builtTool.bin, builtTool.bi
}

// copyBinary copies the test tool's binary into a new directory and
// returns its path.
func copyBinary(t testing.TB) string {
	t.Helper()
	_, bin, _ := toolBinary(t)
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "tool")
	if err := os.WriteFile(dst, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtTool.dir != "" {
		os.RemoveAll(filepath.Dir(builtTool.dir))
	}
	os.Exit(code)
}

// run runs the binary bin with args in dir and returns its exit code,
// stdout and stderr.
func run(t testing.TB, dir string, env []string, bin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.CommandContext(context.Background(), bin, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

// readFiles returns the contents of the named files in dir, and of every
// other file there, keyed by name, so that a test can tell that nothing
// changed.
func readFiles(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// goPath returns the path of the go command.
func goPath(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// jsonUnmarshalString decodes the JSON text s into v.
func jsonUnmarshalString(s string, v any) error { return json.Unmarshal([]byte(s), v) }
