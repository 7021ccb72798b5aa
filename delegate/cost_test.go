//go:build unix

package delegate_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// installedSrc is the installed mycli, built without the race detector
// for TestHitCost.
const installedSrc = `package main

import (
	"fmt"
	"os"

	"github.com/plughost/plughost/delegate"
)

func main() {
	if code, ok := delegate.Run(delegate.Options{
		Tool: "mycli", NoExec: os.Getenv("DELEGATE_TEST_NOEXEC") == "1",
		Args: os.Args, Getwd: os.Getwd, LookupEnv: os.LookupEnv, Environ: os.Environ,
		Executable: os.Executable, Stderr: os.Stderr,
	}); ok {
		os.Exit(code)
	}
	fmt.Println("installed mycli")
}
`

// TestHitCost logs what a cache hit costs against running the project
// binary directly, and against go run. It asserts nothing about time,
// and runs only with -v and without -short.
func TestHitCost(t *testing.T) {
	if !testing.Verbose() || testing.Short() {
		t.Skip("a measurement: run with -v, without -short")
	}
	f := newFixture(t)
	// The installed mycli, without the race detector of this test binary.
	src := filepath.Join(t.TempDir(), "installed")
	if err := writeFiles(src, map[string]string{
		"main.go": installedSrc,
		"go.mod": "module example.com/installed\n\ngo 1.24.0\n\nrequire github.com/plughost/plughost v0.0.0\n\n" +
			"replace github.com/plughost/plughost => " + setup.plughost + "\n",
	}); err != nil {
		t.Fatal(err)
	}
	installed := filepath.Join(t.TempDir(), "mycli")
	build := exec.Command(setup.realGo, "build", "-o", installed, ".")
	build.Dir = src
	build.Env = f.env(run{})
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the installed mycli: %v\n%s", err, out)
	}
	if res := f.run(run{bin: installed}, "hi"); !strings.Contains(res.stdout, "delegated=1") {
		t.Fatalf("the installed mycli did not delegate: %q\n%s", res.stdout, res.stderr)
	}
	project := f.binaries()[0]
	// Files older than the memo's racy window, so that a hit reads none.
	time.Sleep(2100 * time.Millisecond)
	f.run(run{bin: installed}, "hi")

	quiet := []string{"MYCLI_DEBUG_DELEGATE="}
	measure := func(n int, r run, args ...string) (median, min time.Duration) {
		var ds []time.Duration
		for range n {
			cmd := f.command(r, args...)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			ds = append(ds, time.Since(start))
			if err != nil || !strings.Contains(string(out), "project mycli") {
				t.Fatalf("%v: %v\n%s", cmd.Args, err, out)
			}
		}
		slices.Sort(ds)
		return ds[len(ds)/2], ds[0]
	}
	const n = 40
	direct, directMin := measure(n, run{bin: project, env: quiet, path: setup.fail}, "hi")
	hit, hitMin := measure(n, run{bin: installed, env: quiet, path: setup.fail}, "hi")
	child, childMin := measure(n, run{bin: installed, env: quiet, path: setup.fail, noExec: true}, "hi")
	goRun, goRunMin := measure(5, run{bin: setup.realGo, env: append(quiet, "MYCLI_NO_DELEGATE=1")}, "run", "./cmd/mycli", "hi")
	t.Logf("median (min) of %d runs each, in %s:", n, f.dir)
	t.Logf("  project binary directly:      %8v (%v)", direct.Round(10*time.Microsecond), directMin.Round(10*time.Microsecond))
	t.Logf("  installed, cache hit, exec:   %8v (%v)  +%v", hit.Round(10*time.Microsecond), hitMin.Round(10*time.Microsecond), (hit - direct).Round(10*time.Microsecond))
	t.Logf("  installed, cache hit, child:  %8v (%v)  +%v", child.Round(10*time.Microsecond), childMin.Round(10*time.Microsecond), (child - direct).Round(10*time.Microsecond))
	t.Logf("  go run ./cmd/mycli (5 runs):  %8v (%v)", goRun.Round(10*time.Microsecond), goRunMin.Round(10*time.Microsecond))
	if runs := f.goRuns(); len(runs) != 1 {
		t.Errorf("go ran %q, want only the one build", runs)
	}
	os.Remove(installed)
}
