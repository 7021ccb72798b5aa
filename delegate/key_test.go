package delegate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseModFile(t *testing.T) {
	t.Parallel()
	src := `// A go.mod.
module "example.com/x" // the module

go 1.24.0

require example.com/a v1.0.0
require (
	example.com/b v1.0.0 // indirect
	"example.com/c" v1.0.0
)
require ()

replace example.com/a => ./a
replace example.com/b v1.0.0 => ../b
replace (
	example.com/c => example.com/c2 v1.1.0
	example.com/d=>/abs/d
	example.com/e => "./e e"
)
exclude example.com/z v0.1.0
`
	want := modFile{
		module:   "example.com/x",
		requires: []string{"example.com/a", "example.com/b", "example.com/c"},
		replaces: []string{"./a", "../b", "/abs/d", "./e e"},
	}
	if diff := cmp.Diff(want, parseModFile([]byte(src)), cmp.AllowUnexported(modFile{})); diff != "" {
		t.Errorf("parseModFile (-want +got):\n%s", diff)
	}
	work := "go 1.24\n\nuse ./a\nuse (\n\t.\n\t../b // b\n)\n"
	want = modFile{uses: []string{"./a", ".", "../b"}}
	if diff := cmp.Diff(want, parseModFile([]byte(work)), cmp.AllowUnexported(modFile{})); diff != "" {
		t.Errorf("parseModFile(go.work) (-want +got):\n%s", diff)
	}
}

func TestParseEmbeds(t *testing.T) {
	t.Parallel()
	src := "package p\n\n//go:embed a.txt b/*.txt\nvar a string\n\n\t//go:embed \"with space.txt\" `raw`  all:dir\n//go:embedded no\n// go:embed no\n"
	want := []string{"a.txt", "b/*.txt", "with space.txt", "raw", "all:dir"}
	if diff := cmp.Diff(want, parseEmbeds([]byte(src))); diff != "" {
		t.Errorf("parseEmbeds (-want +got):\n%s", diff)
	}
}

func TestReason(t *testing.T) {
	t.Parallel()
	old := inputs{"GOFLAGS": "1", "go.sum": "a", "a.go": "x", "b.go": "y"}
	tests := []struct {
		name string
		old  inputs
		cur  inputs
		want string
	}{
		{"first", nil, old, "first build"},
		{"same", old, old, "its binary is missing from the cache"},
		{"changed", old, inputs{"GOFLAGS": "1", "go.sum": "a", "a.go": "z", "b.go": "y"}, "a.go changed"},
		{"added", old, inputs{"GOFLAGS": "1", "go.sum": "a", "a.go": "x", "b.go": "y", "c.go": "w"}, "c.go added"},
		{"removed", old, inputs{"GOFLAGS": "1", "go.sum": "a", "a.go": "x"}, "b.go removed"},
		{"env first", old, inputs{"go.sum": "b", "a.go": "z", "b.go": "y"}, "GOFLAGS changed (and 2 more)"},
		{"module files before sources", old, inputs{"GOFLAGS": "1", "go.sum": "b", "a.go": "z", "b.go": "y"}, "go.sum changed (and 1 more)"},
	}
	for _, tt := range tests {
		if got := reason(tt.old, tt.cur); got != tt.want {
			t.Errorf("%s: reason = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// testProject writes files into a new module and returns it as Find
// would, its cache in the temporary directory.
func testProject(t testing.TB, files map[string]string) *Project {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := newConfig(Options{
		Tool:     "mycli",
		Getwd:    func() (string, error) { return root, nil },
		Environ:  func() []string { return []string{"GOWORK=off", "GOENV=off"} },
		CacheDir: filepath.Join(t.TempDir(), "cache"),
	})
	p, err := c.find()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestInputs: what the key covers, and what it leaves out.
func TestInputs(t *testing.T) {
	t.Parallel()
	p := testProject(t, map[string]string{
		"go.mod":              "module example.com/x\nrequire github.com/plughost/plughost v1.0.0\nreplace example.com/l => ./l\n",
		"go.sum":              "",
		"cmd/mycli/main.go":   "package main\n\n//go:embed static t*.txt\nvar x string\n",
		"cmd/mycli/static/a":  "",
		"cmd/mycli/static/.b": "",
		"cmd/mycli/t1.txt":    "",
		"cmd/mycli/u.txt":     "",
		"cmd/mycli/x_test.go": "",
		"cmd/mycli/c.c":       "",
		"testdata/x.go":       "",
		"_x/x.go":             "",
		".x/x.go":             "",
		"vendor/x/x.go":       "",
		"vendor/modules.txt":  "",
		"node_modules/x/x.go": "",
		"nested/go.mod":       "module example.com/nested\n",
		"nested/x.go":         "",
		"l/go.mod":            "module example.com/l\n",
		"l/l.go":              "",
		"l/testdata/x.go":     "",
		"README.md":           "",
	})
	in := p.inputs(toolchain{id: "go"}, readMemo("", time.Now()))
	var got []string
	for name := range in {
		got = append(got, name)
	}
	want := []string{
		"cmd/mycli/c.c", "cmd/mycli/main.go", "cmd/mycli/static/.b", "cmd/mycli/static/a", "cmd/mycli/t1.txt",
		"format", "go.mod", "go.sum", "l/go.mod", "l/l.go", "main package", "platform", "the go command",
		"vendor/modules.txt", "GOWORK", "GOENV",
	}
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
}

// TestInputsWorkspace: a go.work's modules and replacements, and a
// GOFLAGS -modfile, are inputs too.
func TestInputsWorkspace(t *testing.T) {
	t.Parallel()
	p := testProject(t, map[string]string{
		"go.mod":            "module example.com/x\nrequire github.com/plughost/plughost v1.0.0\n",
		"cmd/mycli/main.go": "package main\n",
		"alt.mod":           "module example.com/x\n",
		"alt.sum":           "",
		"go.work":           "go 1.24\n\nuse (\n\t.\n\t./w\n)\n\nreplace example.com/r => ./r\n",
		"go.work.sum":       "",
		"w/go.mod":          "module example.com/w\n",
		"w/w.go":            "package w\n",
		"r/go.mod":          "module example.com/r\n",
		"r/r.go":            "package r\n",
	})
	env := []string{"GOENV=off", "GOFLAGS=-modfile=alt.mod"}
	p.cfg.LookupEnv = func(k string) (string, bool) { return lookupIn(env, k) }
	in := p.inputs(toolchain{id: "go"}, readMemo("", time.Now()))
	for _, name := range []string{"go.work", "go.work.sum", "w/go.mod", "w/w.go", "r/go.mod", "r/r.go", "alt.mod", "alt.sum", "cmd/mycli/main.go"} {
		if _, ok := in[name]; !ok {
			t.Errorf("inputs lack %s", name)
		}
	}
}

// TestMemo: a file the memo knows, by path and stamp, is not read again;
// a file changed within racyWindow is not remembered.
func TestMemo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old, young := filepath.Join(dir, "old.go"), filepath.Join(dir, "young.go")
	for _, f := range []string{old, young} {
		if err := os.WriteFile(f, []byte("package p\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	memoFile := filepath.Join(dir, "memo")
	// Seen from a minute on, old.go is old enough to remember.
	later := time.Now().Add(time.Minute)
	m := readMemo(memoFile, later)
	fiOld, _ := os.Stat(old)
	if _, ok := m.hash(old, fiOld, true); !ok {
		t.Fatal("cannot hash old.go")
	}
	m.write(memoFile)
	m = readMemo(memoFile, later)
	e, ok := m.old[old]
	if !ok {
		t.Fatalf("the memo forgot old.go: %v", m.old)
	}
	e.sum = "remembered"
	m.old[old] = e
	if e, _ := m.hash(old, fiOld, true); e.sum != "remembered" {
		t.Errorf("old.go was read again: %q", e.sum)
	}

	m = readMemo(memoFile, time.Now())
	fiYoung, _ := os.Stat(young)
	m.hash(young, fiYoung, true)
	if _, ok := m.seen[young]; ok {
		t.Errorf("a file changed just now was remembered")
	}
}

// BenchmarkInputs measures a cache hit's work before the exec: finding
// the go command, and the inputs of the fixture project with every file
// known to the memo.
func BenchmarkInputs(b *testing.B) {
	ar, err := os.ReadFile(filepath.Join("testdata", "project.txtar"))
	if err != nil {
		b.Fatal(err)
	}
	files := map[string]string{}
	name := ""
	for _, line := range strings.SplitAfter(string(ar), "\n") {
		if n, ok := strings.CutPrefix(strings.TrimSpace(line), "-- "); ok && strings.HasSuffix(n, " --") {
			name = strings.TrimSuffix(n, " --")
			files[name] = ""
		} else if name != "" {
			files[name] += line
		}
	}
	files["go.mod"] = strings.ReplaceAll(files["go.mod"], "PLUGHOST", "../plughost")
	p := testProject(b, files)
	p.cfg.Environ = func() []string { return []string{"GOWORK=off", "GOENV=off", "PATH=" + os.Getenv("PATH")} }
	p.cfg.LookupEnv = func(k string) (string, bool) { return lookupIn(p.cfg.Environ(), k) }
	memoFile := filepath.Join(b.TempDir(), "memo")
	later := time.Now().Add(time.Minute)
	m := readMemo(memoFile, later)
	p.inputs(p.cfg.findGo(), m)
	m.write(memoFile)
	b.ResetTimer()
	for b.Loop() {
		m := readMemo(memoFile, later)
		_ = p.inputs(p.cfg.findGo(), m).key()
	}
}
