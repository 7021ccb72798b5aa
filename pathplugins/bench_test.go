//go:build unix

package pathplugins_test

import (
	"fmt"
	"testing"
)

// BenchmarkFindCommand is what a run of a plugin on PATH pays before the
// plugin starts: stats along PATH, and reading the binary's declarations
// (whole, as it has no completion helper).
func BenchmarkFindCommand(b *testing.B) {
	dir := pathDir(b, map[string]string{"mycli-foo": "fixture"})
	path := pathList(b.TempDir(), b.TempDir(), b.TempDir(), dir)
	words := []string{"foo", "bar", "baz"}
	for b.Loop() {
		f := newFinder(path) // a fresh Finder per run, as a process has
		if c, _ := f.FindCommand(words); c == nil {
			b.Fatal("not found")
		}
	}
}

// BenchmarkListCommands is what "mycli --help" or a TAB on the command
// name pays for 20 plugins on PATH.
func BenchmarkListCommands(b *testing.B) {
	plugs := map[string]string{}
	for i := range 20 {
		plugs[fmt.Sprintf("mycli-p%02d", i)] = "fixture"
	}
	path := pathList(b.TempDir(), pathDir(b, plugs))
	for b.Loop() {
		f := newFinder(path)
		for _, p := range f.ListCommands() {
			p.(interface{ Description() string }).Description()
		}
	}
}
