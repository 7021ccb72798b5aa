package clitest_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plughost/plughost/clitest"
)

// update declares -update for this package's goldens.
var update = clitest.UpdateFlag()

func TestUpdateFlagIsDeclaredOnce(t *testing.T) {
	t.Parallel()
	if again := clitest.UpdateFlag(); again != update || flag.Lookup("update") != update {
		t.Errorf("UpdateFlag declared a second flag")
	}
	if got, want := clitest.Updating(), update.Value.String() == "true"; got != want {
		t.Errorf("Golden reads -update as %v, the flag says %v", got, want)
	}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.golden")

	r := newRecorder(t)
	r.run(func(t testing.TB) { clitest.GoldenAt(t, path, "one\n", false) })
	if f := r.failures(); !r.fatal || len(f) != 1 || !strings.Contains(f[0], "go test -update") {
		t.Errorf("a missing golden file: fatal %v, %q; want one failure telling how to create it", r.fatal, f)
	}

	r = newRecorder(t)
	r.run(func(t testing.TB) { clitest.GoldenAt(t, path, "one\n", true) })
	if data, err := os.ReadFile(path); err != nil || string(data) != "one\n" || len(r.failures()) > 0 {
		t.Errorf("updating wrote %q (%v), failures %q", data, err, r.failures())
	}

	r = newRecorder(t)
	r.run(func(t testing.TB) { clitest.GoldenAt(t, path, "one\n", false) })
	if f := r.failures(); len(f) > 0 {
		t.Errorf("the same text failed: %q", f)
	}

	r = newRecorder(t)
	r.run(func(t testing.TB) { clitest.GoldenAt(t, path, "two\n", false) })
	if f := r.failures(); r.fatal || len(f) != 1 || !strings.Contains(f[0], path) {
		t.Errorf("other text: fatal %v, %q; want one failure naming the file", r.fatal, f)
	}
}
