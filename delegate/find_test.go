package delegate_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/delegate"
)

// found is what a test compares of a Project.
type found struct {
	Root, Module, Main, Package string
}

func TestFind(t *testing.T) {
	t.Parallel()
	const requires = "module example.com/x\n\ngo 1.24\n\nrequire github.com/plughost/plughost v1.0.0\n"
	main := "package main\n\nfunc main() {}\n"
	other := func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Path: "example.com/tool/cmd/mycli"}, true }
	tests := []struct {
		name  string
		files map[string]string
		dir   string // the working directory, relative to the root
		env   map[string]string
		opts  func(o *delegate.Options, root string)
		want  found // Root relative to the temporary directory
		err   error
	}{
		{name: "found", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			want: found{".", "example.com/x", "cmd/mycli", "example.com/x/cmd/mycli"}},
		{name: "from a subdirectory", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main, "a/b/c.txt": ""}, dir: "a/b",
			want: found{".", "example.com/x", "cmd/mycli", "example.com/x/cmd/mycli"}},
		{name: "the nearest go.mod", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main, "sub/go.mod": "module example.com/sub\n"}, dir: "sub",
			err: delegate.ErrNotRequired},
		{name: "a require block, quoted, indirect", files: map[string]string{
			"go.mod":            "module \"example.com/x\" // c\n\nrequire (\n\tgolang.org/x/mod v0.1.0\n\t\"github.com/plughost/plughost\" v1.0.0 // indirect\n)\n",
			"cmd/mycli/main.go": main},
			want: found{".", "example.com/x", "cmd/mycli", "example.com/x/cmd/mycli"}},
		{name: "plughost itself", files: map[string]string{"go.mod": "module github.com/plughost/plughost\n", "cmd/mycli/main.go": main},
			want: found{".", "github.com/plughost/plughost", "cmd/mycli", "github.com/plughost/plughost/cmd/mycli"}},
		{name: "Main", files: map[string]string{"go.mod": requires, "tools/my/main.go": main},
			opts: func(o *delegate.Options, _ string) { o.Main = "tools/my" },
			want: found{".", "example.com/x", "tools/my", "example.com/x/tools/my"}},
		{name: "Main at the root", files: map[string]string{"go.mod": requires, "main.go": main},
			opts: func(o *delegate.Options, _ string) { o.Main = "." },
			want: found{".", "example.com/x", ".", "example.com/x"}},
		{name: "Module", files: map[string]string{"go.mod": "module example.com/x\nrequire example.com/tool v1.2.3\n", "cmd/mycli/main.go": main},
			opts: func(o *delegate.Options, _ string) { o.Module = "example.com/tool" },
			want: found{".", "example.com/x", "cmd/mycli", "example.com/x/cmd/mycli"}},
		{name: "Module not required", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			opts: func(o *delegate.Options, _ string) { o.Module = "example.com/tool" }, err: delegate.ErrNotRequired},
		{name: "no go.mod", files: map[string]string{"cmd/mycli/main.go": main}, err: delegate.ErrNoModule},
		{name: "GO111MODULE=off", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			env: map[string]string{"GO111MODULE": "off"}, err: delegate.ErrNoModule},
		{name: "not required", files: map[string]string{"go.mod": "module example.com/x\n", "cmd/mycli/main.go": main},
			err: delegate.ErrNotRequired},
		{name: "no main package", files: map[string]string{"go.mod": requires, "cmd/other/main.go": main}, err: delegate.ErrNoMain},
		{name: "only tests", files: map[string]string{"go.mod": requires, "cmd/mycli/main_test.go": main}, err: delegate.ErrNoMain},
		{name: "disabled", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			env: map[string]string{"MYCLI_NO_DELEGATE": "1"}, err: delegate.ErrDisabled},
		{name: "not disabled", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			env:  map[string]string{"MYCLI_NO_DELEGATE": "false"},
			want: found{".", "example.com/x", "cmd/mycli", "example.com/x/cmd/mycli"}},
		{name: "EnvPrefix", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			env:  map[string]string{"TOOL_NO_DELEGATE": "1"},
			opts: func(o *delegate.Options, _ string) { o.EnvPrefix = "TOOL" }, err: delegate.ErrDisabled},
		{name: "delegated", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			env: map[string]string{"MYCLI_DELEGATED": "1"}, err: delegate.ErrDelegated},
		{name: "the project's own binary", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			opts: func(o *delegate.Options, _ string) {
				o.BuildInfo = func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Path: "example.com/x/cmd/mycli"}, true }
			}, err: delegate.ErrOwnBinary},
		{name: "a binary in the cache", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			opts: func(o *delegate.Options, root string) {
				o.CacheDir = filepath.Join(root, "cache")
				o.Executable = func() (string, error) { return filepath.Join(root, "cache", "p", "k", "mycli"), nil }
			}, err: delegate.ErrOwnBinary},
		{name: "no Getwd", files: map[string]string{"go.mod": requires, "cmd/mycli/main.go": main},
			opts: func(o *delegate.Options, _ string) { o.Getwd = nil }, err: delegate.ErrNoOptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			for name, content := range tt.files {
				p := filepath.Join(root, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wd := filepath.Join(root, filepath.FromSlash(tt.dir))
			var env []string
			for k, v := range tt.env {
				env = append(env, k+"="+v)
			}
			o := delegate.Options{
				Tool:      "mycli",
				Getwd:     func() (string, error) { return wd, nil },
				Environ:   func() []string { return env },
				BuildInfo: other,
			}
			if tt.opts != nil {
				tt.opts(&o, root)
			}
			p, err := delegate.Find(o)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Find: %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			rel, _ := filepath.Rel(root, p.Root)
			got := found{rel, p.Module, p.Main, p.Package}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFindZeroOptions: zero Options find nothing, and say why.
func TestFindZeroOptions(t *testing.T) {
	t.Parallel()
	if _, err := delegate.Find(delegate.Options{}); !errors.Is(err, delegate.ErrNoOptions) {
		t.Errorf("Find(Options{}): %v, want ErrNoOptions", err)
	}
	if code, ok := delegate.Run(delegate.Options{}); ok || code != 0 {
		t.Errorf("Run(Options{}) = %d, %v, want 0, false", code, ok)
	}
}
