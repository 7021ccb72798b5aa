package clitest

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// updateName is the test binary's flag that makes Golden rewrite.
const updateName = "update"

// UpdateFlag declares the boolean flag -update on the test binary's
// command line, unless something the test imports declared it already, and
// returns the flag. Golden rewrites its files when it is true.
//
// A flag must exist before the testing package parses the command line,
// so a test package that calls Golden declares it once, from a
// package-level variable of a _test.go file:
//
//	var update = clitest.UpdateFlag()
//
// clitest itself declares nothing when imported: a package-level flag in
// a test kit clashes with the importing test's own -update (the flag
// package panics on a flag declared twice). UpdateFlag instead reuses a
// flag named update that a package the test imports has declared.
func UpdateFlag() *flag.Flag {
	if f := flag.Lookup(updateName); f != nil {
		return f
	}
	flag.Bool(updateName, false, "rewrite golden files under testdata/ with what the tests produce")
	return flag.Lookup(updateName)
}

// updating reports whether the test binary's -update flag, if it has one,
// is true. Any flag named update counts, whoever declared it.
func updating() bool {
	f := flag.Lookup(updateName)
	if f == nil {
		return false
	}
	if g, ok := f.Value.(flag.Getter); ok {
		if b, ok := g.Get().(bool); ok {
			return b
		}
	}
	return f.Value.String() == "true"
}

// Golden compares got with the file testdata/name (name may hold
// slashes), and reports the difference as (-want +got). With go test
// -update it writes got to the file instead, creating its directory; the
// test binary must declare that flag (see UpdateFlag). Call it from the
// test's goroutine: it fails the test at once when the file cannot be read
// or written.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	golden(t, filepath.Join("testdata", filepath.FromSlash(name)), got, updating())
}

func golden(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got); run go test -update if the change is right:\n%s", path, diff)
	}
}
