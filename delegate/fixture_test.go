//go:build unix

// The tests that build and run a fixture project are Unix-only: the fake
// go commands they put on PATH are shell scripts, and they send signals.

package delegate_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/plughost/plughost/delegate"
)

// TestMain lets a test run this binary as the installed mycli: with
// DELEGATE_TEST_INSTALLED=1 it is a main that calls delegate.Run first
// and, when that does not delegate, says so.
func TestMain(m *testing.M) {
	if os.Getenv("DELEGATE_TEST_INSTALLED") == "1" {
		os.Exit(installedMain())
	}
	code := m.Run()
	if setup.dir != "" {
		os.RemoveAll(setup.dir)
	}
	os.Exit(code)
}

// installedMain is the main of the installed mycli.
func installedMain() int {
	if code, ok := delegate.Run(delegate.Options{
		Tool:       "mycli",
		NoExec:     os.Getenv("DELEGATE_TEST_NOEXEC") == "1",
		Args:       os.Args,
		Getwd:      os.Getwd,
		LookupEnv:  os.LookupEnv,
		Environ:    os.Environ,
		Executable: os.Executable,
		Stderr:     os.Stderr,
	}); ok {
		return code
	}
	fmt.Printf("installed mycli args=%q\n", os.Args[1:])
	return 0
}

// setup is what every test shares, made once: a snapshot of the plughost
// module that the fixture project replaces plughost with (go.mod, go.sum
// and the delegate package: the tree is edited concurrently, and an edit
// elsewhere in it must not look like a change of the project's inputs),
// the fixture project, and fake go commands.
var setup struct {
	once     sync.Once
	err      error
	dir      string
	plughost string // the snapshot of the module
	project  string // the fixture project, to copy
	realGo   string // the go command
	gocache  string // its build cache, which the tests share
	wrap     string // PATH entry of a go that logs its arguments and runs the real one
	fail     string // PATH entry of a go that logs its arguments and fails
	newer    string // PATH entry of a go like wrap, but of another VERSION
}

func shared(t *testing.T) {
	t.Helper()
	setup.once.Do(func() { setup.err = makeSetup() })
	if setup.err != nil {
		t.Fatal(setup.err)
	}
}

func makeSetup() error {
	var err error
	if setup.realGo, err = exec.LookPath("go"); err != nil {
		return err
	}
	out, err := exec.Command(setup.realGo, "env", "GOCACHE", "GOROOT").Output()
	if err != nil {
		return err
	}
	lines := strings.Fields(string(out))
	setup.gocache = lines[0]
	// The fake go commands have a GOROOT of their own, with the real
	// one's VERSION, so that the key sees the same toolchain.
	version, err := os.ReadFile(filepath.Join(lines[1], "VERSION"))
	if err != nil {
		version = []byte("a go without a VERSION file\n")
	}
	if setup.dir, err = os.MkdirTemp("", "delegate-test-"); err != nil {
		return err
	}
	d := setup.dir
	setup.plughost = filepath.Join(d, "plughost")
	files := map[string]string{}
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join("..", f))
		if err != nil {
			return err
		}
		files[f] = string(b)
	}
	srcs, _ := filepath.Glob("*.go")
	for _, f := range srcs {
		if !strings.HasSuffix(f, "_test.go") {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			files["delegate/"+f] = string(b)
		}
	}
	if err := writeFiles(setup.plughost, files); err != nil {
		return err
	}
	ar, err := os.ReadFile(filepath.Join("testdata", "project.txtar"))
	if err != nil {
		return err
	}
	files = parseTxtar(string(ar))
	files["go.mod"] = strings.ReplaceAll(files["go.mod"], "PLUGHOST", setup.plughost)
	setup.project = filepath.Join(d, "project")
	if err := writeFiles(setup.project, files); err != nil {
		return err
	}
	logGo := "#!/bin/sh\necho \"$*\" >> \"$DELEGATE_TEST_GOLOG\"\n"
	setup.wrap = filepath.Join(d, "wrap", "bin")
	setup.fail = filepath.Join(d, "fail", "bin")
	setup.newer = filepath.Join(d, "newer", "bin")
	return writeFiles(d, map[string]string{
		"wrap/bin/go":   logGo + "exec " + setup.realGo + " \"$@\"\n",
		"wrap/VERSION":  string(version),
		"fail/bin/go":   logGo + "echo 'this go must not run' >&2\nexit 97\n",
		"fail/VERSION":  string(version),
		"newer/bin/go":  logGo + "exec " + setup.realGo + " \"$@\"\n",
		"newer/VERSION": "go1.99.0-fake\n",
	})
}

// parseTxtar reads a txtar archive: files after "-- name --" lines.
func parseTxtar(s string) map[string]string {
	files := map[string]string{}
	name := ""
	for _, line := range strings.SplitAfter(s, "\n") {
		if n, ok := strings.CutPrefix(strings.TrimRight(line, "\n"), "-- "); ok && strings.HasSuffix(n, " --") {
			name = strings.TrimSuffix(n, " --")
			files[name] = ""
			continue
		}
		if name != "" {
			files[name] += line
		}
	}
	return files
}

// writeFiles writes files under dir, scripts (in a bin directory)
// executable.
func writeFiles(dir string, files map[string]string) error {
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if filepath.Base(filepath.Dir(p)) == "bin" {
			mode = 0o755
		}
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			return err
		}
	}
	return nil
}

// fixture is a copy of the fixture project with a cache of its own.
type fixture struct {
	t     *testing.T
	dir   string // the project
	cache string // XDG_CACHE_HOME
	golog string // where the fake go commands log their arguments
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	shared(t)
	tmp := t.TempDir()
	f := &fixture{t: t, dir: filepath.Join(tmp, "project"), cache: filepath.Join(tmp, "cache"), golog: filepath.Join(tmp, "go.log")}
	if err := os.CopyFS(f.dir, os.DirFS(setup.project)); err != nil {
		t.Fatal(err)
	}
	return f
}

// run is how to run the installed mycli.
type run struct {
	env    []string // more environment
	dir    string   // the working directory, relative to the project
	path   string   // the PATH entry of the go command: setup.wrap when empty
	noExec bool
	stdin  string
	bin    string // a binary to run instead of the installed mycli
}

// result is what a run of the installed mycli showed.
type result struct {
	code   int       // exit code, -1 when killed by a signal
	signal os.Signal // the signal that killed it
	stdout string
	stderr string
}

// env is the environment of a run: the test's, without what the test
// sets or what could change the outcome, plus r.env.
func (f *fixture) env(r run) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "MYCLI_"), strings.HasPrefix(k, "DELEGATE_TEST_"),
			k == "GOFLAGS", k == "GOWORK", k == "GOOS", k == "GOARCH", k == "GOPROXY",
			k == "GOTOOLCHAIN", k == "GOCACHE", k == "XDG_CACHE_HOME", k == "PATH", k == "GOENV":
			continue
		}
		env = append(env, kv)
	}
	path := r.path
	if path == "" {
		path = setup.wrap
	}
	env = append(env,
		"DELEGATE_TEST_INSTALLED=1",
		"DELEGATE_TEST_GOLOG="+f.golog,
		"PATH="+path+string(os.PathListSeparator)+os.Getenv("PATH"),
		"XDG_CACHE_HOME="+f.cache,
		"GOCACHE="+setup.gocache,
		"GOENV=off",
		"GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local",
		"MYCLI_DEBUG_DELEGATE=1",
	)
	if r.noExec {
		env = append(env, "DELEGATE_TEST_NOEXEC=1")
	}
	return append(env, r.env...)
}

// command is the installed mycli (or r.bin) with args, ready to start.
func (f *fixture) command(r run, args ...string) *exec.Cmd {
	bin := os.Args[0]
	if r.bin != "" {
		bin = r.bin
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = filepath.Join(f.dir, filepath.FromSlash(r.dir))
	cmd.Env = f.env(r)
	cmd.Stdin = strings.NewReader(r.stdin)
	// A process group of its own: not the terminal's foreground group,
	// whatever runs the tests, so that a child run relays SIGINT.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// run runs the installed mycli with args and returns what it showed.
func (f *fixture) run(r run, args ...string) result {
	f.t.Helper()
	cmd := f.command(r, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		f.t.Fatal(err)
	}
	return f.wait(cmd, &stdout, &stderr)
}

// wait waits for cmd, killing it after a minute.
func (f *fixture) wait(cmd *exec.Cmd, stdout, stderr *bytes.Buffer) result {
	f.t.Helper()
	timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer timer.Stop()
	err := cmd.Wait()
	res := result{code: cmd.ProcessState.ExitCode()}
	if stdout != nil {
		res.stdout, res.stderr = stdout.String(), stderr.String()
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		f.t.Fatalf("mycli: %v", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		res.signal = ws.Signal()
	}
	return res
}

// goRuns are the go commands run since the fixture was made, one line of
// arguments each.
func (f *fixture) goRuns() []string {
	b, err := os.ReadFile(f.golog)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		f.t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// builds counts the go build commands run since the fixture was made.
func (f *fixture) builds() int {
	n := 0
	for _, line := range f.goRuns() {
		if strings.HasPrefix(line, "build ") {
			n++
		}
	}
	return n
}

// write writes a file of the project, relative to its root.
func (f *fixture) write(name, content string) {
	f.t.Helper()
	if err := writeFiles(f.dir, map[string]string{name: content}); err != nil {
		f.t.Fatal(err)
	}
}

// edit replaces old with new in a file of the project.
func (f *fixture) edit(name, old, new string) {
	f.t.Helper()
	p := filepath.Join(f.dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		f.t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		f.t.Fatalf("%s holds no %q", name, old)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// binaries are the project binaries in the fixture's cache.
func (f *fixture) binaries() []string {
	bins, _ := filepath.Glob(filepath.Join(f.cache, "plughost", "mycli", "*", "*", "mycli"))
	return bins
}

// readLine reads a line from a pipe, failing the test after a minute.
func readLine(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	line := make(chan string, 1)
	go func() {
		s, _ := r.ReadString('\n')
		line <- s
	}()
	select {
	case s := <-line:
		return s
	case <-time.After(time.Minute):
		t.Fatal("no line within a minute")
		return ""
	}
}
