package pathplugins

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plughost/plughost/plugins"
)

// maxName is the longest file name most file systems allow; longer names
// are never looked for.
const maxName = 255

// validWord reports whether a word typed on the command line may name a
// plugin: not empty, ".", ".." or a flag, and holding no path separator,
// no character Windows forbids in a file name, no "_" (a command's
// dashes are the file name's underscores, so "_" would give one command
// two spellings), no white space, control byte or invalid UTF-8.
func validWord(w string) bool {
	if w == "" || w == "." || w == ".." || w[0] == '-' {
		return false
	}
	if strings.ContainsAny(w, "/\\:*?\"<>|_") {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool {
		return r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r)
	}) < 0
}

// suffixOf is the part of a plugin's file name after "TOOL-" that words
// name: dashes in a word become "_", and words are joined with "-"
// (kubectl's mapping: "foo-bar baz" is TOOL-foo_bar-baz).
func suffixOf(words []string) string {
	mapped := make([]string, len(words))
	for i, w := range words {
		mapped[i] = strings.ReplaceAll(w, "-", "_")
	}
	return strings.Join(mapped, "-")
}

// wordsOf is the reverse of suffixOf; ok is false for a name no words
// would give.
func wordsOf(suffix string) (words []string, ok bool) {
	for _, part := range strings.Split(suffix, "-") {
		w := strings.ReplaceAll(part, "_", "-")
		if !validWord(w) {
			return nil, false
		}
		words = append(words, w)
	}
	return words, true
}

// pathDir is one directory of PATH.
type pathDir struct {
	path     string // as PATH spells it
	relative bool   // not absolute: "", "." or "bin", never searched
}

// dirs returns PATH's directories, each once, in order.
func (f *Finder) dirs() []pathDir {
	path, _ := f.lookupEnv("PATH")
	var out []pathDir
	seen := map[string]bool{}
	for _, d := range filepath.SplitList(path) {
		key := filepath.Clean(d)
		if isWindows {
			key = strings.ToLower(key)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, pathDir{path: d, relative: !filepath.IsAbs(d)})
	}
	return out
}

// exts are the extensions that make a file executable on Windows
// (PATHEXT), in lower case; elsewhere the one empty extension.
func (f *Finder) exts() []string {
	if !isWindows {
		return []string{""}
	}
	v, _ := f.lookupEnv("PATHEXT")
	if v == "" {
		v = ".com;.exe;.bat;.cmd"
	}
	var out []string
	for _, e := range strings.Split(strings.ToLower(v), ";") {
		if e != "" && e[0] == '.' {
			out = append(out, e)
		}
	}
	return out
}

// stem returns a file's name without an executable extension, and false
// for a file Windows would not run by its name.
func stem(name string, exts []string) (string, bool) {
	if !isWindows {
		return name, true
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range exts {
		if e == ext {
			return name[:len(name)-len(ext)], true
		}
	}
	return "", false
}

// file is a file on PATH whose name makes it a plugin.
type file struct {
	path     string   // where it is, PATH's directory joined to its name
	dir      pathDir  // the directory
	suffix   string   // its name after "TOOL-", without an extension
	problem  *refusal // why it does not run; nil when it does
	note     string   // the problem, in a few words for a listing
	safety   []string // warnings about the directory and the file
	info     os.FileInfo
	shadowed *file   // the file of its name that runs instead of it
	shadows  []*file // the files of its name it runs instead of
}

func (fl *file) runs() bool { return fl.problem == nil }

// display is how a message shows a path: one in a relative directory
// starts with "." so that nobody reads it as a command name.
func display(dir pathDir, name string) string {
	p := filepath.Join(dir.path, name)
	if dir.relative && !strings.HasPrefix(p, ".") {
		p = "." + string(filepath.Separator) + p
	}
	return p
}

// check looks at the file name in dir; ok is false when there is none.
// It never runs or opens the file.
func (f *Finder) check(dir pathDir, name, suffix string, dirWarnings func() []string) (fl *file, ok bool) {
	fl = &file{path: display(dir, name), dir: dir, suffix: suffix}
	tool := f.tool()
	refuse := func(kind error, note, text string) {
		fl.problem, fl.note = &refusal{kind: kind, text: text}, note
	}
	fi, err := os.Stat(fl.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(fl.path); lerr != nil {
			return nil, false
		}
		refuse(ErrNotExecutable, "a symbolic link to nothing", fmt.Sprintf("found %s but it is a symbolic link to nothing", fl.path))
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		refuse(ErrNotExecutable, "unreadable: "+err.Error(), fmt.Sprintf("found %s but cannot read it: %v", fl.path, err))
	case dir.relative:
		refuse(ErrRelativePath, fmt.Sprintf("refused: in relative PATH entry %q", dir.path),
			fmt.Sprintf("refusing to run %s-%s from a relative PATH entry (%s)", tool, suffix, fl.path))
	case fi.IsDir():
		refuse(ErrNotExecutable, "a directory", fmt.Sprintf("found %s but it is a directory", fl.path))
	case !fi.Mode().IsRegular() || !executableMode(fi):
		refuse(ErrNotExecutable, fmt.Sprintf("not executable (mode %04o)", fi.Mode().Perm()),
			fmt.Sprintf("found %s but it is not executable (mode %04o)", fl.path, fi.Mode().Perm()))
	case f.isSelf(fl.path, fi):
		refuse(ErrSelf, "refused: it is "+tool+" itself", fmt.Sprintf("refusing to run %s: it is %s itself", fl.path, tool))
	}
	fl.info = fi
	if !dir.relative && fi != nil {
		fl.safety = append(fl.safety, dirWarnings()...)
		fl.safety = append(fl.safety, fileWarnings(fi)...)
	}
	return fl, true
}

// dirWarnings are the warnings about a PATH directory: one any user may
// write to, or another user (not root) owns, may hold a plugin nobody
// meant to install. They are warnings, not refusals: file systems that
// report every mode as 0777 (WSL's /mnt/c) would refuse every plugin.
func dirWarnings(dir string) []string {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil
	}
	var out []string
	if fi.Mode().Perm()&0o002 != 0 {
		out = append(out, fmt.Sprintf("directory %s is writable by any user", dir))
	}
	if uid, foreign := foreignOwner(fi); foreign {
		out = append(out, fmt.Sprintf("directory %s is owned by another user (uid %d)", dir, uid))
	}
	return out
}

// fileWarnings are the same warnings about a plugin's own file.
func fileWarnings(fi os.FileInfo) []string {
	var out []string
	if fi.Mode().Perm()&0o002 != 0 && fi.Mode().IsRegular() {
		out = append(out, "the file is writable by any user")
	}
	if uid, foreign := foreignOwner(fi); foreign {
		out = append(out, fmt.Sprintf("the file is owned by another user (uid %d)", uid))
	}
	return out
}

// lookup finds the file PATH gives for one name (suffix, after "TOOL-"):
// the first that runs, searching only absolute directories and skipping
// the tool's own executable; else the first that exists, whose problem
// says why it does not run; else nil.
func (f *Finder) lookup(dirs []pathDir, prefix, suffix string) *file {
	var first *file
	for _, d := range dirs {
		warnings := onceWarnings(d)
		for _, ext := range f.exts() {
			name := prefix + suffix + ext
			if len(name) > maxName {
				return first
			}
			fl, ok := f.check(d, name, suffix, warnings)
			if !ok {
				continue
			}
			if fl.runs() {
				return fl
			}
			if first == nil {
				first = fl
			}
		}
	}
	return first
}

// onceWarnings returns a function that computes a directory's warnings
// the first time it is asked.
func onceWarnings(d pathDir) func() []string {
	var (
		done bool
		out  []string
	)
	return func() []string {
		if !done && !d.relative {
			out, done = dirWarnings(d.path), true
		}
		return out
	}
}

// FindCommand finds the command words name among the executables on
// PATH: the longest run of leading words that has one, kubectl's rule
// ("mycli foo bar" prefers mycli-foo-bar to mycli-foo), with each word's
// dashes written "_" in the file name ("mycli foo-bar" is mycli-foo_bar).
// It returns the command and how many words name it, or nil.
//
// Only leading words that could be a file name's part count: the search
// stops at a flag, and a first word holding a path separator, ":", "_",
// white space or a control byte, or that is "." or "..", finds nothing
// without looking. PATH's relative entries are never searched, and the
// tool's own executable is skipped; a file that exists but does not run
// (not executable, only in a relative entry, the tool itself) is returned
// when nothing runs, as a command whose Main says why. When no file
// matches but longer names start with the first word (mycli-foo-bar and
// no mycli-foo), the command is a *Group of them.
//
// The host calls it only when none of its own commands answers to the
// first word. It reads file metadata only; nothing runs.
func (f *Finder) FindCommand(words []string) (plugins.Command, int) {
	tool := f.tool()
	if tool == "" {
		return nil, 0
	}
	n := 0
	for n < len(words) && validWord(words[n]) {
		n++
	}
	if n == 0 {
		return nil, 0
	}
	prefix := tool + "-"
	dirs := f.dirs()
	var broken *file
	used := 0
	for k := n; k > 0; k-- {
		suffix := suffixOf(words[:k])
		if len(prefix+suffix) > maxName {
			continue
		}
		fl := f.lookup(dirs, prefix, suffix)
		if fl == nil {
			continue
		}
		if fl.runs() {
			return f.command(words[:k], fl), k
		}
		if broken == nil {
			broken, used = fl, k
		}
	}
	if broken != nil {
		return f.command(words[:used], broken), used
	}
	// No file: a group, when longer names start with the first word.
	root := f.tree(f.scan())
	if kid := root.kids[words[0]]; kid != nil {
		return f.group(words[:1], kid), 1
	}
	return nil, 0
}

// scan reads every directory of PATH for files named TOOL-*, in PATH
// order, and tells which of each name runs: the first that does, else
// the first there is. It never recurses, and never runs or opens a file.
func (f *Finder) scan() []*file {
	tool := f.tool()
	if tool == "" {
		return nil
	}
	prefix := tool + "-"
	exts := f.exts()
	var all []*file
	first := map[string]*file{} // the file of each name that wins
	for _, d := range f.dirs() {
		dp := d.path
		if dp == "" {
			dp = "."
		}
		entries, err := os.ReadDir(dp)
		if err != nil {
			continue
		}
		warnings := onceWarnings(d)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), prefix) {
				continue
			}
			st, ok := stem(e.Name(), exts)
			if !ok || len(st) == len(prefix) {
				continue
			}
			fl, ok := f.check(d, e.Name(), st[len(prefix):], warnings)
			if !ok {
				continue
			}
			key := fl.suffix
			if isWindows {
				key = strings.ToLower(key)
			}
			win := first[key]
			switch {
			case win == nil:
				first[key] = fl
			case win.info != nil && fl.info != nil && os.SameFile(win.info, fl.info):
				continue // the same file through another directory: /bin and /usr/bin
			case !win.runs() && fl.runs():
				first[key] = fl
				win.shadowed = fl
				for _, s := range win.shadows {
					s.shadowed = fl
				}
				fl.shadows = append(append(fl.shadows, win), win.shadows...)
				win.shadows = nil
			default:
				fl.shadowed = win
				win.shadows = append(win.shadows, fl)
			}
			all = append(all, fl)
		}
	}
	return all
}

// node is one word of the commands found on PATH: the file its words
// name, if any, and the words that follow it in longer names.
type node struct {
	word string
	file *file
	kids map[string]*node
}

// tree arranges the files that win their name by their words.
func (f *Finder) tree(files []*file) *node {
	root := &node{}
	for _, fl := range files {
		if fl.shadowed != nil {
			continue
		}
		words, ok := wordsOf(fl.suffix)
		if !ok {
			continue
		}
		n := root
		for _, w := range words {
			if n.kids == nil {
				n.kids = map[string]*node{}
			}
			kid := n.kids[w]
			if kid == nil {
				kid = &node{word: w}
				n.kids[w] = kid
			}
			n = kid
		}
		n.file = fl
	}
	return root
}

// sortedKids returns a node's children in the order of their words.
func (n *node) sortedKids() []*node {
	out := make([]*node, 0, len(n.kids))
	for _, k := range n.kids {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].word < out[j].word })
	return out
}

// ListCommands returns a plugin for each first word of the executables
// on PATH named TOOL-*, in the order of the words, for the tool's help,
// completion and plugins listing: the *Executable of the file that word
// names (mycli-foo), else a *Group of the longer names that start with it
// (mycli-foo-bar). Of the files of one name the first on PATH that runs
// is listed (or the first, when none runs), its description saying where
// it is and what is wrong: those it shadows, a mode without an execute
// bit, a directory anyone may write to. The host shows a compiled-in
// command of the same name instead.
//
// It reads PATH's directories and the first bytes of the files found,
// for their self-descriptions; it never runs them.
func (f *Finder) ListCommands() []plugins.Plugin {
	files := f.scan()
	root := f.tree(files)
	var paths []string
	for _, fl := range files {
		if fl.shadowed == nil && !fl.dir.relative && fl.info != nil && fl.info.Mode().IsRegular() {
			paths = append(paths, fl.path)
		}
	}
	f.prefetch(paths)
	var out []plugins.Plugin
	for _, kid := range root.sortedKids() {
		out = append(out, f.plugin([]string{kid.word}, kid))
	}
	return out
}

// Scan returns every file on PATH whose name makes it a command of the
// tool, as kubectl's "plugin list" shows them: in PATH order, each with
// its warnings, those that shadow or are shadowed included (ShadowedBy
// says by which), and those whose names no command line could type
// (Words is empty). It never runs them.
func (f *Finder) Scan() []*Executable {
	var out []*Executable
	for _, fl := range f.scan() {
		words, _ := wordsOf(fl.suffix)
		out = append(out, f.newExecutable(words, fl))
	}
	return out
}

// plugin is the command for the words at n: its file's, else a group.
func (f *Finder) plugin(words []string, n *node) plugins.Command {
	if n.file != nil {
		return f.command(words, n.file)
	}
	return f.group(words, n)
}

func (f *Finder) group(words []string, n *node) *Group {
	return &Group{Words: append([]string(nil), words...), f: f, n: n}
}
