//go:build unix

package delegate_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// modes are the two ways Run runs the project binary.
var modes = []struct {
	name   string
	noExec bool
}{{"exec", false}, {"child", true}}

// TestFirstRunBuildsThenStartsNoGo: the first run in a project builds its
// cmd/mycli and runs it with the same arguments, streams and environment,
// plus the marker; the next starts no go command at all (the go first on
// PATH fails if run), from any directory of the module.
func TestFirstRunBuildsThenStartsNoGo(t *testing.T) {
	t.Parallel()
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			res := f.run(run{noExec: mode.noExec}, "hello", "two words", "")
			want := `project mycli greeting=hello msg=msg1 lib=lib1 volume=quiet static=static/a.txt delegated=1 goos= args=["hello" "two words" ""]` + "\n"
			if diff := cmp.Diff(want, res.stdout); diff != "" || res.code != 0 {
				t.Fatalf("first run: exit %d, stdout (-want +got):\n%s\nstderr:\n%s", res.code, diff, res.stderr)
			}
			if !strings.Contains(res.stderr, "building ./cmd/mycli of example.com/demo: first build") {
				t.Errorf("first run did not say it builds:\n%s", res.stderr)
			}
			if n := f.builds(); n != 1 {
				t.Errorf("first run: %d builds, want 1", n)
			}

			res = f.run(run{noExec: mode.noExec, path: setup.fail, dir: "internal/msg"}, "again")
			want = `project mycli greeting=hello msg=msg1 lib=lib1 volume=quiet static=static/a.txt delegated=1 goos= args=["again"]` + "\n"
			if diff := cmp.Diff(want, res.stdout); diff != "" || res.code != 0 {
				t.Fatalf("second run: exit %d, stdout (-want +got):\n%s\nstderr:\n%s", res.code, diff, res.stderr)
			}
			if runs := f.goRuns(); len(runs) != 1 {
				t.Errorf("the go command ran %q, want only the first build", runs)
			}
			if !strings.Contains(res.stderr, ": cached, key ") {
				t.Errorf("second run did not say it found the binary cached:\n%s", res.stderr)
			}

			res = f.run(run{noExec: mode.noExec, path: setup.fail, stdin: "some input\n"}, "cat")
			if want := "stdin=\"some input\\n\"\n"; res.stdout != want || res.code != 0 {
				t.Errorf("cat: exit %d, stdout %q, want %q", res.code, res.stdout, want)
			}
			if !strings.Contains(res.stderr, "project mycli to stderr\n") {
				t.Errorf("cat: stderr lacks the project binary's line:\n%s", res.stderr)
			}
		})
	}
}

// TestRebuildsWhenAnInputChanges changes one input of each kind in turn,
// and checks that the next run rebuilds, says why, and runs the new
// build; and that what is no input rebuilds nothing, nor starts go.
func TestRebuildsWhenAnInputChanges(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	steps := []struct {
		name    string
		change  func()
		env     []string
		path    string // the go command's PATH entry; setup.fail when no rebuild is wanted
		rebuild string // what the run says changed; "" for no rebuild
		want    string // in what the project binary prints
	}{
		{name: "first run", rebuild: "first build", want: "greeting=hello msg=msg1 lib=lib1 volume=quiet static=static/a.txt"},
		{name: "nothing changed", want: "msg=msg1"},
		{name: "a file touched", change: func() {
			later := time.Now().Add(time.Second)
			os.Chtimes(filepath.Join(f.dir, "cmd", "mycli", "main.go"), later, later)
		}, want: "msg=msg1"},
		{name: "files no build reads", change: func() {
			f.write("README.md", "# demo\n")
			f.write("internal/msg/msg_test.go", "package msg\n")
			f.write("internal/msg/testdata/x.go", "package x\n")
			f.write(".hidden/x.go", "package x\n")
			f.write("_skip/x.go", "package x\n")
			f.write("nested/go.mod", "module example.com/nested\n")
			f.write("nested/x.go", "package x\n")
			f.write("vendor/example.com/x/x.go", "package x\n")
			f.write("node_modules/x/x.go", "package x\n")
		}, want: "msg=msg1"},
		{name: "go.mod", change: func() { f.edit("go.mod", "go 1.24.0\n", "go 1.24.0\n\n// A comment.\n") }, rebuild: "go.mod changed"},
		{name: "go.sum", change: func() {
			f.write("go.sum", "example.com/other v1.0.0/go.mod h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
		}, rebuild: "go.sum changed"},
		{name: "the main package", change: func() { f.edit("cmd/mycli/main.go", `volume = "quiet"`, `volume = "hushed"`) },
			rebuild: "cmd/mycli/main.go changed", want: "volume=hushed"},
		{name: "another package of the module", change: func() { f.edit("internal/msg/msg.go", "msg1", "msg2") },
			rebuild: "internal/msg/msg.go changed", want: "msg=msg2"},
		{name: "a file added", change: func() { f.write("internal/msg/extra.go", "package msg\n\nconst Extra = 1\n") },
			rebuild: "internal/msg/extra.go added"},
		{name: "a file removed", change: func() { os.Remove(filepath.Join(f.dir, "internal", "msg", "extra.go")) },
			rebuild: "internal/msg/extra.go removed"},
		{name: "an embedded file", change: func() { f.edit("cmd/mycli/greeting.txt", "hello", "howdy") },
			rebuild: "cmd/mycli/greeting.txt changed", want: "greeting=howdy"},
		{name: "a file added to an embedded directory", change: func() { f.write("cmd/mycli/static/b.txt", "b\n") },
			rebuild: "cmd/mycli/static/b.txt added", want: "static=static/a.txt,static/b.txt"},
		{name: "a replaced directory", change: func() { f.edit("lib/lib.go", "lib1", "lib2") },
			rebuild: "lib/lib.go changed", want: "lib=lib2"},
		{name: "build tags", env: []string{"GOFLAGS=-mod=mod -tags=loud"}, rebuild: "GOFLAGS changed", want: "volume=loud"},
		{name: "build tags again", env: []string{"GOFLAGS=-mod=mod -tags=loud"}, want: "volume=loud"},
		{name: "no build tags", rebuild: "GOFLAGS changed", want: "volume=hushed"},
		{name: "CGO_ENABLED", env: []string{"CGO_ENABLED=0"}, rebuild: "CGO_ENABLED changed", want: "volume=hushed"},
		{name: "GOOS and GOARCH are the project binary's", env: []string{"CGO_ENABLED=0", "GOOS=windows", "GOARCH=arm64"},
			want: "goos=windows"},
		{name: "another go", env: []string{"CGO_ENABLED=0"}, path: setup.newer, rebuild: "the go command changed"},
	}
	for _, s := range steps {
		if s.change != nil {
			s.change()
		}
		path := s.path
		if path == "" && s.rebuild == "" {
			path = setup.fail
		}
		runs, builds := len(f.goRuns()), f.builds()
		res := f.run(run{env: s.env, path: path}, "hi")
		if res.code != 0 || !strings.Contains(res.stdout, s.want) || !strings.Contains(res.stdout, "delegated=1") {
			t.Fatalf("%s: exit %d, stdout %q, want %q in it; stderr:\n%s", s.name, res.code, res.stdout, s.want, res.stderr)
		}
		if s.rebuild == "" {
			if got := f.goRuns()[runs:]; len(got) != 0 {
				t.Errorf("%s: ran go %q, want no go command; stderr:\n%s", s.name, got, res.stderr)
			}
			continue
		}
		if got := f.builds() - builds; got != 1 {
			t.Errorf("%s: %d builds, want 1; stderr:\n%s", s.name, got, res.stderr)
		}
		if want := "building ./cmd/mycli of example.com/demo: " + s.rebuild; !strings.Contains(res.stderr, want) {
			t.Errorf("%s: stderr lacks %q:\n%s", s.name, want, res.stderr)
		}
		if bins := f.binaries(); len(bins) != 1 {
			t.Errorf("%s: the cache holds %d binaries, want the last one only: %q", s.name, len(bins), bins)
		}
	}
}

// TestLoopGuards: a process started by a delegating one does not delegate
// again (the marker), and neither does the project binary run directly,
// here or in another copy of the project, whatever its name.
func TestLoopGuards(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	res := f.run(run{env: []string{"MYCLI_DELEGATED=1"}, path: setup.fail}, "hi")
	if want := "installed mycli args=[\"hi\"]\n"; res.stdout != want || res.code != 0 {
		t.Errorf("with the marker: exit %d, stdout %q, want %q", res.code, res.stdout, want)
	}
	if want := "not delegating: already delegated: MYCLI_DELEGATED is set"; !strings.Contains(res.stderr, want) {
		t.Errorf("with the marker: stderr lacks %q:\n%s", want, res.stderr)
	}
	if runs := f.goRuns(); len(runs) != 0 {
		t.Errorf("with the marker, go ran: %q", runs)
	}

	if res := f.run(run{}, "hi"); res.code != 0 {
		t.Fatalf("build: exit %d\n%s", res.code, res.stderr)
	}
	bins := f.binaries()
	if len(bins) != 1 {
		t.Fatalf("the cache holds %q, want one binary", bins)
	}
	// Renamed, so that its name says nothing.
	renamed := filepath.Join(t.TempDir(), "renamed")
	if err := os.Link(bins[0], renamed); err != nil {
		t.Fatal(err)
	}
	other := newFixture(t)
	for _, dir := range []string{f.dir, other.dir} {
		for _, bin := range []string{bins[0], renamed} {
			cmd := f.command(run{bin: bin, path: setup.fail}, "direct")
			cmd.Dir = dir
			out, err := cmd.Output()
			if err != nil || !strings.Contains(string(out), "delegated= ") {
				t.Errorf("%s run in %s: %v, stdout %q, want the project binary's own run", bin, dir, err, out)
			}
		}
	}
	if runs := f.goRuns(); len(runs) != 1 {
		t.Errorf("go ran %q, want only the one build", runs)
	}
	if runs := other.goRuns(); len(runs) != 0 {
		t.Errorf("go ran %q in the other project, want none", runs)
	}
	cmd := f.command(run{bin: renamed, path: setup.fail}, "direct")
	out, _ := cmd.CombinedOutput()
	if want := "not delegating: this binary is the project's own: its main package is example.com/demo/cmd/mycli"; !strings.Contains(string(out), want) {
		t.Errorf("the project binary run directly does not say %q:\n%s", want, out)
	}
}

// TestDisabled: MYCLI_NO_DELEGATE set to anything true runs the installed
// binary's own commands, and starts no go command.
func TestDisabled(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, v := range []string{"1", "true", "yes"} {
		res := f.run(run{env: []string{"MYCLI_NO_DELEGATE=" + v}, path: setup.fail}, "hi")
		if want := "installed mycli args=[\"hi\"]\n"; res.stdout != want || res.code != 0 {
			t.Errorf("MYCLI_NO_DELEGATE=%s: exit %d, stdout %q, want %q", v, res.code, res.stdout, want)
		}
		if want := "not delegating: delegation turned off: MYCLI_NO_DELEGATE is set"; !strings.Contains(res.stderr, want) {
			t.Errorf("MYCLI_NO_DELEGATE=%s: stderr lacks %q:\n%s", v, want, res.stderr)
		}
	}
	if runs := f.goRuns(); len(runs) != 0 {
		t.Errorf("go ran: %q", runs)
	}
	res := f.run(run{env: []string{"MYCLI_NO_DELEGATE=0"}}, "hi")
	if !strings.Contains(res.stdout, "project mycli") {
		t.Errorf("MYCLI_NO_DELEGATE=0 did not delegate: stdout %q", res.stdout)
	}
}

// TestExitStatus: the project binary's exit status passes through, and
// so does death by a signal: the replaced process dies of it, a child's
// parent exits 128 plus its number.
func TestExitStatus(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, mode := range modes {
		res := f.run(run{noExec: mode.noExec}, "exit", "3")
		if res.code != 3 {
			t.Errorf("%s: exit 3 exited %d; stderr:\n%s", mode.name, res.code, res.stderr)
		}
		res = f.run(run{noExec: mode.noExec}, "kill")
		switch {
		case mode.noExec && res.code != 128+int(syscall.SIGKILL):
			t.Errorf("%s: a child killed by SIGKILL: exit %d, want %d; stderr:\n%s", mode.name, res.code, 128+int(syscall.SIGKILL), res.stderr)
		case !mode.noExec && res.signal != syscall.SIGKILL:
			t.Errorf("%s: killed by SIGKILL: exit %d, signal %v, want death by SIGKILL; stderr:\n%s", mode.name, res.code, res.signal, res.stderr)
		}
	}
	if n := f.builds(); n != 1 {
		t.Errorf("%d builds, want 1", n)
	}
}

// TestInterrupt: a SIGINT sent to the installed mycli reaches the project
// binary's handler, in both modes (the child's parent relays it), and
// the exit status it chose passes through.
func TestInterrupt(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for _, mode := range modes {
		mark := filepath.Join(t.TempDir(), "mark")
		cmd := f.command(run{noExec: mode.noExec}, "trap", mark)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if line := readLine(t, bufio.NewReader(stdout)); line != "ready\n" {
			cmd.Process.Kill()
			t.Fatalf("%s: the project binary said %q, want ready", mode.name, line)
		}
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		res := f.wait(cmd, nil, nil)
		if res.code != 130 {
			t.Errorf("%s: after SIGINT exit %d (signal %v), want 130", mode.name, res.code, res.signal)
		}
		if b, _ := os.ReadFile(mark); string(b) != "interrupted\n" {
			t.Errorf("%s: the project binary's handler wrote %q, want \"interrupted\\n\"", mode.name, b)
		}
	}
}

// TestConcurrentFirstRuns: runs that start together build once; the
// others wait for the lock and find the binary.
func TestConcurrentFirstRuns(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	const n = 3
	results := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := f.command(run{}, "hi")
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			results[i] = result{code: cmd.ProcessState.ExitCode(), stdout: stdout.String(), stderr: stderr.String()}
			if err != nil {
				results[i].stderr += err.Error()
			}
		}()
	}
	wg.Wait()
	for i, res := range results {
		if res.code != 0 || !strings.Contains(res.stdout, "project mycli") {
			t.Errorf("run %d: exit %d, stdout %q; stderr:\n%s", i, res.code, res.stdout, res.stderr)
		}
	}
	if got := f.builds(); got != 1 {
		t.Errorf("%d concurrent first runs built %d times, want once", n, got)
	}
}

// TestUnwritableCache: a cache directory that cannot be made does not
// stop delegation: each run builds into a temporary directory, runs the
// binary as a child, and removes it.
func TestUnwritableCache(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// A file where the cache directory would go: unwritable even by root.
	if err := os.WriteFile(f.cache, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	env := []string{"TMPDIR=" + tmp}
	res := f.run(run{env: env}, "hi")
	if res.code != 0 || !strings.Contains(res.stdout, "project mycli") {
		t.Errorf("exit %d, stdout %q; stderr:\n%s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stderr, "unusable") {
		t.Errorf("stderr does not say the cache is unusable:\n%s", res.stderr)
	}
	if res := f.run(run{env: env}, "exit", "3"); res.code != 3 {
		t.Errorf("exit 3: exited %d; stderr:\n%s", res.code, res.stderr)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "mycli-delegate-*")); len(left) != 0 {
		t.Errorf("temporary builds left behind: %q", left)
	}
	if got := f.builds(); got != 2 {
		t.Errorf("%d builds, want one a run", got)
	}
}

// TestBuildFailure: a build that fails prints the compiler's output and
// exits 1, without running the installed binary's commands; once fixed,
// the next run builds and runs.
func TestBuildFailure(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.write("cmd/mycli/broken.go", "package main\n\nfunc broken() { notDefined() }\n")
	for _, mode := range modes {
		res := f.run(run{noExec: mode.noExec}, "hi")
		if res.code != 1 || res.stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, want exit 1 and nothing", mode.name, res.code, res.stdout)
		}
		for _, want := range []string{
			"broken.go:3:17: undefined: notDefined",
			"mycli: cannot build this project's ./cmd/mycli: go build failed (exit status 1); MYCLI_NO_DELEGATE=1 runs the installed mycli instead",
		} {
			if !strings.Contains(res.stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", mode.name, want, res.stderr)
			}
		}
	}
	os.Remove(filepath.Join(f.dir, "cmd", "mycli", "broken.go"))
	if res := f.run(run{}, "hi"); res.code != 0 || !strings.Contains(res.stdout, "project mycli") {
		t.Errorf("fixed: exit %d, stdout %q; stderr:\n%s", res.code, res.stdout, res.stderr)
	}
}

// TestNoGo: without a go command on PATH, a project that needs a build
// gets exit 1 and why, not the installed binary's commands.
func TestNoGo(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	res := f.run(run{env: []string{"PATH=" + t.TempDir()}}, "hi")
	want := "mycli: cannot build this project's ./cmd/mycli: the go command is not on PATH; MYCLI_NO_DELEGATE=1 runs the installed mycli instead\n"
	if res.code != 1 || res.stdout != "" || !strings.HasSuffix(res.stderr, want) {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 1 and %q", res.code, res.stdout, res.stderr, want)
	}
}
