//go:build plughost_so && cgo && (linux || darwin || freebsd)

package soplugins_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/soplugins"
)

// The fixtures TestMain builds, each alone in a directory of its own,
// with the test binary's own build settings (so -race under go test
// -race): plugin code cannot be unloaded, so every test loads these very
// files, through symlinks when it needs manifests of its own.
var (
	hello, helloV2, initPanic *soplugins.Built
	// pluginDir holds hello and its manifest only.
	pluginDir string
)

// initPanicLoader is the one Loader that opens initpanic: a second
// plugin.Open of a file whose init panicked blocks forever, so the tests
// keep, as a tool does, one Loader for the process.
var initPanicLoader = &soplugins.Loader{}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "soplugins-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if err := buildFixtures(tmp); err != nil {
		fmt.Fprintln(os.Stderr, "building the fixture plugins:", err)
		return 1
	}
	return m.Run()
}

// buildFixtures builds the three fixtures at once: hello and initpanic
// with Build, and hellov2, as NAME hello, with "tool so-plugins build".
func buildFixtures(tmp string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, 3)
	buildOne := func(i int, pkg string, out **soplugins.Built) {
		defer wg.Done()
		*out, errs[i] = soplugins.Build(ctx, soplugins.BuildOptions{
			Package: "./testdata/" + pkg,
			Out:     filepath.Join(tmp, pkg),
			Env:     os.Environ(),
		})
	}
	wg.Add(3)
	go buildOne(0, "hello", &hello)
	go buildOne(1, "initpanic", &initPanic)
	go func() {
		defer wg.Done()
		errs[2] = buildWithCommand(ctx, filepath.Join(tmp, "hellov2"))
	}()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	pluginDir = filepath.Dir(hello.Path)
	return nil
}

// buildWithCommand builds hellov2, as NAME hello, into out by running
// "tool so-plugins build", and reads back what it wrote.
func buildWithCommand(ctx context.Context, out string) error {
	var stdout, stderr bytes.Buffer
	h := cli.New("tool")
	h.Stdout, h.Stderr = &stdout, &stderr
	h.Plugins = append(h.Plugins, &soplugins.Cmd{Build: soplugins.BuildCmd{Environ: os.Environ}})
	if err := h.Main(ctx, []string{"so-plugins", "build", "--out", out, "--name", "hello", "./testdata/hellov2"}); err != nil {
		return fmt.Errorf("%v\n%s", err, stderr.String())
	}
	matches, err := filepath.Glob(filepath.Join(out, "hello_*.so"))
	if err != nil || len(matches) != 1 {
		return fmt.Errorf("so-plugins build wrote %v (%v); stdout: %s", matches, err, stdout.String())
	}
	if want := fmt.Sprintf("wrote %s (sequence ", matches[0]); !bytes.HasPrefix(stdout.Bytes(), []byte(want)) {
		return fmt.Errorf("so-plugins build printed %q, want %q...", stdout.String(), want)
	}
	m, err := readManifest(matches[0])
	if err != nil {
		return err
	}
	helloV2 = &soplugins.Built{Path: matches[0], ManifestPath: manifestPath(matches[0]), Manifest: *m}
	return nil
}
