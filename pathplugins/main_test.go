//go:build unix

package pathplugins_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/plughost/plughost/pathplugins"
)

// fixtures are the plugins TestMain builds from testdata/fixtures.txtar:
// fixture behaves as the last part of its name says (see its doc),
// described declares a description and cobra completion.
var fixtures struct {
	dir, fixture, described string
}

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "pathplugins-fixtures-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "src")
	if err := extract("testdata/fixtures.txtar", src); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	build := exec.Command(goTool, "build", "-o", dir+string(filepath.Separator), "./fixture", "./described")
	build.Dir = src
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOWORK=off", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building the fixtures: %v\n%s", err, out)
		return 1
	}
	fixtures.dir = dir
	fixtures.fixture = filepath.Join(dir, "fixture")
	fixtures.described = filepath.Join(dir, "described")
	return m.Run()
}

// extract writes the files of a txtar archive ("-- name --" lines, each
// starting a file) under dir.
func extract(archive, dir string) error {
	data, err := os.ReadFile(archive)
	if err != nil {
		return err
	}
	var name string
	var body strings.Builder
	flush := func() error {
		if name == "" {
			return nil
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		return os.WriteFile(path, []byte(body.String()), 0o644)
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "-- "); ok && strings.HasSuffix(strings.TrimSpace(rest), " --") {
			if err := flush(); err != nil {
				return err
			}
			name, _ = strings.CutSuffix(strings.TrimSpace(rest), " --")
			body.Reset()
			continue
		}
		body.WriteString(line)
	}
	return flush()
}

// plant puts a plugin named name in dir: "fixture" and "described" link
// to the built fixtures, "copy" copies the fixture (a file of its own),
// and anything else is a shell script's text.
func plant(t testing.TB, dir, name, what string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	var err error
	switch what {
	case "fixture":
		err = os.Symlink(fixtures.fixture, path)
	case "described":
		err = os.Symlink(fixtures.described, path)
	case "copy":
		err = copyFile(fixtures.fixture, path)
	default:
		err = os.WriteFile(path, []byte(what), 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// pathDir makes a directory holding plugins: name to what plant takes.
func pathDir(t testing.TB, plugs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, what := range plugs {
		plant(t, dir, name, what)
	}
	return dir
}

// ran reports whether the fixture at path ran (it leaves path.ran).
func ran(path string) bool {
	_, err := os.Stat(path + ".ran")
	return err == nil
}

// ranAny lists the fixtures in dir that ran.
func ranAny(t testing.TB, dir string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, "*.ran"))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// newFinder is a Finder for tool mycli whose environment is PATH=path
// and env ("KEY=value"), both for LookupEnv and Environ.
func newFinder(path string, env ...string) *pathplugins.Finder {
	vars := map[string]string{"PATH": path}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	environ := make([]string, 0, len(vars))
	for k, v := range vars {
		environ = append(environ, k+"="+v)
	}
	sort.Strings(environ)
	return &pathplugins.Finder{
		Tool:      "mycli",
		LookupEnv: func(k string) (string, bool) { v, ok := vars[k]; return v, ok },
		Environ:   func() []string { return append([]string(nil), environ...) },
	}
}

// pathList joins directories as PATH does.
func pathList(dirs ...string) string { return strings.Join(dirs, string(os.PathListSeparator)) }

// executable returns the *Executable a found command is or embeds.
func executable(t testing.TB, c any) *pathplugins.Executable {
	t.Helper()
	switch c := c.(type) {
	case *pathplugins.Executable:
		return c
	case *pathplugins.CompletingExecutable:
		return c.Executable
	}
	t.Fatalf("found %T, want an executable", c)
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
