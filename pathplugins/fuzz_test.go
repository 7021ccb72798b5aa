//go:build unix

package pathplugins_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/plughost/plughost/pathplugins"
	"github.com/plughost/plughost/plugins"
)

// FuzzFindCommand: whatever the words, FindCommand names a file in the
// PATH directory or a group, by words that start the command line, and
// the command answers to the last of them, as the host requires.
func FuzzFindCommand(f *testing.F) {
	dir := pathDir(f, map[string]string{
		"mycli-foo": "fixture", "mycli-foo-bar": "fixture", "mycli-foo_bar": "fixture", "mycli-g-h": "fixture",
	})
	finder := newFinder(dir)
	for _, seed := range []string{"foo", "foo bar", "foo-bar x", "g", "g h", "../foo", "foo/../foo", "foo\x00", "-foo", "foo_bar", "FOO"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words := strings.Split(line, " ")
		c, n := finder.FindCommand(words)
		if c == nil {
			return
		}
		if n < 1 || n > len(words) {
			t.Fatalf("%q: %d words", words, n)
		}
		if got := c.(plugins.NamedCommand).CmdName(); got != words[n-1] {
			t.Fatalf("%q: found %q, which does not answer to %q", words, got, words[n-1])
		}
		if ex, ok := c.(*pathplugins.Executable); ok && filepath.Dir(ex.Path) != dir {
			t.Fatalf("%q: found %s, outside %s", words, ex.Path, dir)
		}
	})
}
