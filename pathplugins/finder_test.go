//go:build unix

package pathplugins_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/pathplugins"
	"github.com/plughost/plughost/plugins"
)

// found is what a test reads of FindCommand's answer.
type found struct {
	Type    string
	Name    string
	CmdName string
	Used    int
}

func describeFound(c plugins.Command, used int) found {
	if c == nil {
		return found{Used: used}
	}
	var name string
	if n, ok := c.(plugins.NamedCommand); ok {
		name = n.CmdName()
	}
	return found{Type: fmt.Sprintf("%T", c), Name: c.Name(), CmdName: name, Used: used}
}

const (
	exe   = "*pathplugins.Executable"
	group = "*pathplugins.Group"
)

func TestFindCommandLongestMatchAndDashes(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{
		"mycli-foo":     "fixture",
		"mycli-foo-bar": "fixture",
		"mycli-foo_bar": "fixture",
		"mycli-a-b-c":   "fixture",
		"mycli-grp-sub": "fixture",
		"mycli-grp-x-y": "fixture",
	})
	f := newFinder(dir)
	t.Cleanup(func() {
		if got := ranAny(t, dir); len(got) > 0 {
			t.Errorf("finding ran %q", got)
		}
	})
	tests := []struct {
		name  string
		words []string
		want  found
	}{
		{"one word", []string{"foo"}, found{exe, "mycli-foo", "foo", 1}},
		{"longest match first", []string{"foo", "bar", "x"}, found{exe, "mycli-foo-bar", "bar", 2}},
		{"shorter when the longer is missing", []string{"foo", "baz"}, found{exe, "mycli-foo", "foo", 1}},
		{"a dash is an underscore", []string{"foo-bar"}, found{exe, "mycli-foo_bar", "foo-bar", 1}},
		{"a dashed name then arguments", []string{"foo-bar", "x"}, found{exe, "mycli-foo_bar", "foo-bar", 1}},
		{"an underscore is not typed", []string{"foo_bar"}, found{}},
		{"a flag ends the name", []string{"foo", "--bar", "bar"}, found{exe, "mycli-foo", "foo", 1}},
		{"three words", []string{"a", "b", "c", "d"}, found{exe, "mycli-a-b-c", "c", 3}},
		{"a word that starts longer names", []string{"grp"}, found{group, "mycli-grp", "grp", 1}},
		{"a group's command", []string{"grp", "sub", "x"}, found{exe, "mycli-grp-sub", "sub", 2}},
		{"a group of a group", []string{"a", "b"}, found{group, "mycli-a", "a", 1}},
		{"none", []string{"nope"}, found{}},
		{"no words", nil, found{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := describeFound(f.FindCommand(tt.words))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindCommand(%q) (-want +got):\n%s", tt.words, diff)
			}
		})
	}
}

func TestGroupSubCommands(t *testing.T) {
	t.Parallel()
	f := newFinder(pathDir(t, map[string]string{"mycli-grp-sub": "fixture", "mycli-grp-x-y": "fixture"}))
	c, _ := f.FindCommand([]string{"grp"})
	g, ok := c.(*pathplugins.Group)
	if !ok {
		t.Fatalf("found %T, want a group", c)
	}
	var got []found
	for _, p := range g.SubCommands() {
		got = append(got, describeFound(p.(plugins.Command), 0))
	}
	want := []found{{exe, "mycli-grp-sub", "sub", 0}, {group, "mycli-grp-x", "x", 0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sub-commands (-want +got):\n%s", diff)
	}
	if d := g.Description(); d != "sub-commands: sub, x" {
		t.Errorf("description %q", d)
	}
}

// TestFindCommandRefusesPathCharacters: a name with a path separator (or
// anything a file name should not hold) finds nothing, even when a file
// that would match exists.
func TestFindCommandRefusesPathCharacters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"mycli-foo:bar", `mycli-..\x`, "mycli-a\nb", "mycli-a b", "mycli-foo_bar", "mycli-.", "mycli-x*"} {
		plant(t, dir, name, "fixture")
	}
	// "mycli ../x" would be dir/mycli-../x, a file in this directory.
	if err := os.Mkdir(filepath.Join(dir, "mycli-.."), 0o755); err != nil {
		t.Fatal(err)
	}
	plant(t, filepath.Join(dir, "mycli-.."), "x", "fixture")
	f := newFinder(dir)
	for _, word := range []string{"../x", "../../tmp/evil", "foo/bar", `..\x`, "/bin/sh", "foo:bar", "a\nb", "a b", "foo_bar", ".", "..", "-x", "x*", ""} {
		if c, n := f.FindCommand([]string{word, "arg"}); c != nil {
			t.Errorf("FindCommand(%q) found %s (%d words), want nothing", word, c.Name(), n)
		}
	}
	if got := ranAny(t, dir); len(got) > 0 {
		t.Errorf("finding ran %q", got)
	}
}

func TestFindCommandRefusesRelativePathEntries(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-rel": "fixture"})
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(cwd, dir)
	if err != nil || filepath.IsAbs(rel) {
		t.Skipf("no relative path to %s from %s", dir, cwd)
	}
	abs := pathDir(t, map[string]string{"mycli-rel": "fixture"})

	for _, path := range []string{pathList(".", rel), pathList("", rel), pathList(rel)} {
		f := newFinder(path)
		c, n := f.FindCommand([]string{"rel"})
		if c == nil || n != 1 {
			t.Fatalf("PATH=%q: found %v, want a command that refuses", path, c)
		}
		err := c.Main(t.Context(), nil)
		if !errors.Is(err, pathplugins.ErrRelativePath) || !strings.Contains(err.Error(), "refusing to run mycli-rel from a relative PATH entry") {
			t.Errorf("PATH=%q: Main = %v, want a refusal", path, err)
		}
		if w := executable(t, c).Warnings; len(w) == 0 || !strings.Contains(w[0], "relative PATH entry") {
			t.Errorf("PATH=%q: warnings %q", path, w)
		}
		rows := f.ListCommands()
		if len(rows) != 1 || !strings.Contains(rows[0].(plugins.Describer).Description(), "refused: in relative PATH entry") {
			t.Errorf("PATH=%q: listed %v, want the refused row", path, rows)
		}
	}
	// An absolute entry after the relative one is where it runs from.
	c, _ := newFinder(pathList(rel, ".", abs)).FindCommand([]string{"rel"})
	if got := executable(t, c).Path; got != filepath.Join(abs, "mycli-rel") {
		t.Errorf("with an absolute entry too, found %s", got)
	}
	if ran(filepath.Join(dir, "mycli-rel")) {
		t.Error("the plugin in the relative entry ran")
	}
}

func TestFindCommandSkipsTheToolItself(t *testing.T) {
	t.Parallel()
	toolDir := t.TempDir()
	tool := plant(t, toolDir, "mycli", "copy")
	dir := t.TempDir()
	if err := copyFile(tool, filepath.Join(dir, "mycli-copy")); err != nil { // a copy is another program
		t.Fatal(err)
	}
	if err := os.Symlink(tool, filepath.Join(dir, "mycli-link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(tool, filepath.Join(dir, "mycli-hard")); err != nil {
		t.Fatal(err)
	}
	later := pathDir(t, map[string]string{"mycli-link": "fixture"})

	f := newFinder(pathList(dir))
	f.Executable = func() (string, error) { return tool, nil }
	for _, name := range []string{"link", "hard"} {
		c, _ := f.FindCommand([]string{name})
		if c == nil {
			t.Fatalf("%s: found nothing, want a command that refuses", name)
		}
		if err := c.Main(t.Context(), nil); !errors.Is(err, pathplugins.ErrSelf) || !strings.Contains(err.Error(), "it is mycli itself") {
			t.Errorf("%s: Main = %v, want ErrSelf", name, err)
		}
	}
	if c, _ := f.FindCommand([]string{"copy"}); c == nil || executable(t, c).Warnings != nil {
		t.Errorf("a copy of the tool: found %v, want it to run", c)
	}
	if ran(tool) {
		t.Error("the tool ran itself")
	}

	f = newFinder(pathList(dir, later))
	f.Executable = func() (string, error) { return tool, nil }
	c, _ := f.FindCommand([]string{"link"})
	if got := executable(t, c).Path; got != filepath.Join(later, "mycli-link") {
		t.Errorf("with another mycli-link later on PATH, found %s", got)
	}
}

func TestFindCommandNotExecutable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mycli-plain"), []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "mycli-dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "mycli-dangling")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mycli-later"), []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := pathDir(t, map[string]string{"mycli-later": "fixture"})
	f := newFinder(pathList(dir, later))
	tests := []struct {
		word, err, warning string
	}{
		{"plain", "found " + dir + "/mycli-plain but it is not executable (mode 0644)", "not executable (mode 0644)"},
		{"dir", "found " + dir + "/mycli-dir but it is a directory", "a directory"},
		{"dangling", "found " + dir + "/mycli-dangling but it is a symbolic link to nothing", "a symbolic link to nothing"},
	}
	for _, tt := range tests {
		c, _ := f.FindCommand([]string{tt.word})
		if c == nil {
			t.Fatalf("%s: found nothing", tt.word)
		}
		err := c.Main(t.Context(), nil)
		if !errors.Is(err, pathplugins.ErrNotExecutable) || err.Error() != tt.err {
			t.Errorf("%s: Main = %v, want %q", tt.word, err, tt.err)
		}
		if w := executable(t, c).Warnings; len(w) == 0 || w[0] != tt.warning {
			t.Errorf("%s: warnings %q, want %q first", tt.word, w, tt.warning)
		}
	}
	// A file of the name that runs, further along PATH, is the command.
	c, _ := f.FindCommand([]string{"later"})
	if got := executable(t, c).Path; got != filepath.Join(later, "mycli-later") {
		t.Errorf("found %s, want the executable one", got)
	}
	var later2 string
	for _, p := range f.ListCommands() {
		if p.(plugins.NamedCommand).CmdName() == "later" {
			later2 = p.(plugins.Describer).Description()
		}
	}
	if want := "shadows " + dir + "/mycli-later (not executable (mode 0644))"; !strings.Contains(later2, want) {
		t.Errorf("listed later as %q, want it to say %q", later2, want)
	}
}

func TestShadowingAmongPathEntries(t *testing.T) {
	t.Parallel()
	a := pathDir(t, map[string]string{"mycli-dup": "#!/bin/sh\necho a\n", "mycli-only-a": "fixture"})
	b := pathDir(t, map[string]string{"mycli-dup": "#!/bin/sh\necho b\n"})
	link := filepath.Join(t.TempDir(), "a")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	f := newFinder(pathList(a, a+"/", link, b, a))

	c, _ := f.FindCommand([]string{"dup"})
	if got := executable(t, c).Path; got != filepath.Join(a, "mycli-dup") {
		t.Errorf("found %s, want the first on PATH", got)
	}
	type row struct {
		Path, ShadowedBy string
		Warnings         []string
	}
	var got []row
	for _, e := range f.Scan() {
		got = append(got, row{e.Path, e.ShadowedBy, e.Warnings})
	}
	want := []row{
		{Path: a + "/mycli-dup", Warnings: []string{"shadows " + b + "/mycli-dup"}},
		{Path: a + "/mycli-only-a"},
		{Path: b + "/mycli-dup", ShadowedBy: a + "/mycli-dup", Warnings: []string{"shadowed by " + a + "/mycli-dup"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan (-want +got); the same directory twice, or through a link, shadows nothing:\n%s", diff)
	}
	var listed []string
	for _, p := range f.ListCommands() {
		listed = append(listed, p.(plugins.NamedCommand).CmdName()+": "+p.(plugins.Describer).Description())
	}
	wantListed := []string{
		"dup: " + a + "/mycli-dup; shadows " + b + "/mycli-dup",
		"only: sub-commands: a",
	}
	if diff := cmp.Diff(wantListed, listed); diff != "" {
		t.Errorf("ListCommands (-want +got):\n%s", diff)
	}
}

func TestWarningsAboutDirectories(t *testing.T) {
	t.Parallel()
	open := pathDir(t, map[string]string{"mycli-open": "fixture"})
	if err := os.Chmod(open, 0o777); err != nil {
		t.Fatal(err)
	}
	f := newFinder(open)
	c, _ := f.FindCommand([]string{"open"})
	want := []string{"directory " + open + " is writable by any user"}
	if diff := cmp.Diff(want, executable(t, c).Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	var stderr strings.Builder
	e := executable(t, c)
	e.SetStdout(&strings.Builder{})
	e.SetStderr(&stderr)
	if err := c.Main(t.Context(), nil); err != nil {
		t.Fatalf("a plugin in a world-writable directory still runs: %v", err)
	}
	if want := "mycli: warning: " + open + "/mycli-open: directory " + open + " is writable by any user\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}

	f.QuietWarnings = true
	c, _ = f.FindCommand([]string{"open"})
	stderr.Reset()
	executable(t, c).SetStderr(&stderr)
	executable(t, c).SetStdout(&strings.Builder{})
	if err := c.Main(t.Context(), nil); err != nil || stderr.Len() > 0 {
		t.Errorf("QuietWarnings: Main = %v, stderr %q", err, stderr.String())
	}
	if !strings.Contains(c.(plugins.Describer).Description(), "writable by any user") {
		t.Error("QuietWarnings hid the warning from the listing")
	}
}

func TestWarningsAboutOwners(t *testing.T) {
	t.Parallel()
	if os.Getuid() != 0 {
		t.Skip("only root can give a directory to another user")
	}
	dir := pathDir(t, map[string]string{"mycli-theirs": "#!/bin/sh\n"})
	if err := os.Chown(dir, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(filepath.Join(dir, "mycli-theirs"), 4243, 4243); err != nil {
		t.Fatal(err)
	}
	c, _ := newFinder(dir).FindCommand([]string{"theirs"})
	want := []string{
		"directory " + dir + " is owned by another user (uid 4242)",
		"the file is owned by another user (uid 4243)",
	}
	if diff := cmp.Diff(want, executable(t, c).Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

func TestToolNames(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"my_cli-foo": "fixture", "my.cli-foo": "fixture"})
	for _, tool := range []string{"my_cli", "my.cli"} {
		f := newFinder(dir)
		f.Tool = tool
		if c, _ := f.FindCommand([]string{"foo"}); c == nil || c.Name() != tool+"-foo" {
			t.Errorf("tool %q: found %v", tool, c)
		}
	}
}

func TestZeroFinderFindsNothing(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-foo": "fixture"})
	for name, f := range map[string]*pathplugins.Finder{
		"no tool":     {LookupEnv: newFinder(dir).LookupEnv},
		"no env":      {Tool: "mycli"},
		"a tool path": {Tool: "../mycli", LookupEnv: newFinder(dir).LookupEnv},
		"a tool flag": {Tool: "-mycli", LookupEnv: newFinder(dir).LookupEnv},
	} {
		if c, _ := f.FindCommand([]string{"foo"}); c != nil {
			t.Errorf("%s: found %s", name, c.Name())
		}
		if got := f.ListCommands(); len(got) > 0 {
			t.Errorf("%s: listed %d", name, len(got))
		}
	}
}
