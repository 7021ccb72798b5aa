package rebuild

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/plugins"
)

// These tests reach the helpers that read what users type and what the go
// command says, which the other tests reach only through the go command.

func TestParseSpec(t *testing.T) {
	t.Parallel()
	tests := []struct {
		arg     string
		withDir bool
		want    spec
		err     string
	}{
		{arg: "example.com/plug", want: spec{path: "example.com/plug"}},
		{arg: "example.com/plug/v2@v2.1.0", want: spec{path: "example.com/plug/v2", version: "v2.1.0"}},
		{arg: "example.com/go-plug.ins@latest", want: spec{path: "example.com/go-plug.ins", version: "latest"}},
		{arg: "example.com/plug@master=../plug", withDir: true, want: spec{path: "example.com/plug", version: "master", dir: "../plug"}},
		{arg: "example.com/plug=../plug", err: `"example.com/plug=../plug": want MODULE[@VERSION]`},
		{arg: "example.com/plug=", withDir: true, err: `"example.com/plug=": want a directory after =`},
		{arg: "example.com/plug@", err: `"example.com/plug@": want a version after @`},
		{arg: "example.com/plug@none", err: `"example.com/plug@none": to remove a plugin, use remove`},
		{arg: "", err: `"": empty module path`},
		{arg: "-x", err: `"-x": "-x" is not a module path`},
		{arg: "example.com/a b", err: `"example.com/a b": "example.com/a b" is not a module path`},
		{arg: `example.com/"x`, err: `"example.com/\"x": "example.com/\"x" is not a module path`},
		{arg: "example.com//x", err: `"example.com//x": "example.com//x" is not a module path`},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			t.Parallel()
			got, err := parseSpec(tt.arg, tt.withDir)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err || !errors.Is(err, ErrBadModule) || !errors.Is(err, plugins.ErrUsage) {
					t.Errorf("parseSpec(%q) = %v, want the usage error %q", tt.arg, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("parseSpec(%q) = %+v, want %+v", tt.arg, got, tt.want)
			}
		})
	}
}

func TestCompareVersions(t *testing.T) {
	t.Parallel()
	// Each is before the next.
	ordered := []string{
		"bad",
		"v0.0.0",
		"v0.0.0-00010101000000-000000000000",
		"v0.0.1-0.20250101000000-abcdef123456",
		"v0.0.1",
		"v1.2.0-alpha",
		"v1.2.0-alpha.1",
		"v1.2.0-alpha.beta",
		"v1.2.0-beta.2",
		"v1.2.0-beta.11",
		"v1.2.0-rc.1",
		"v1.2.0",
		"v1.2.1",
		"v1.3",
		"v1.10.0",
		"v2.0.0+incompatible",
		"v10.0.0",
	}
	// "v0.0.0-0001..." is a pre-release of v0.0.0: it sorts before it.
	ordered[1], ordered[2] = ordered[2], ordered[1]
	for i, a := range ordered {
		for j, b := range ordered {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := compareVersions(a, b); got != want {
				t.Errorf("compareVersions(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
	if c := compareVersions("v1.3.0", "v1.3"); c != 0 {
		t.Errorf("v1.3.0 and v1.3 compare %d", c)
	}
}

func TestPluginsFunc(t *testing.T) {
	t.Parallel()
	const imp = "package p\n\nimport \"github.com/plughost/plughost/plugins\"\n\n"
	tests := []struct {
		name      string
		src       string
		ok, found bool
	}{
		{"the convention", imp + "func Plugins() []plugins.Plugin { return nil }", true, true},
		{"an aliased import", "package p\n\nimport ph \"github.com/plughost/plughost/plugins\"\n\nfunc Plugins() []ph.Plugin { return nil }", true, true},
		{"a dot import", "package p\n\nimport . \"github.com/plughost/plughost/plugins\"\n\nfunc Plugins() []Plugin { return nil }", true, true},
		{"a named result", imp + "func Plugins() (ps []plugins.Plugin) { return }", true, true},
		{"no Plugins", imp + "func All() []plugins.Plugin { return nil }", false, false},
		{"a method", imp + "type T struct{}\n\nfunc (T) Plugins() []plugins.Plugin { return nil }", false, false},
		{"a parameter", imp + "func Plugins(n int) []plugins.Plugin { return nil }", false, true},
		{"another result", imp + "func Plugins() []plugins.Command { return nil }", false, true},
		{"two results", imp + "func Plugins() ([]plugins.Plugin, error) { return nil, nil }", false, true},
		{"an array", imp + "func Plugins() [1]plugins.Plugin { return [1]plugins.Plugin{} }", false, true},
		{"another package's Plugin", "package p\n\nimport \"example.com/plugins\"\n\nfunc Plugins() []plugins.Plugin { return nil }", false, true},
		{"a type parameter", imp + "func Plugins[T any]() []plugins.Plugin { return nil }", false, true},
		{"a variable", imp + "var Plugins = func() []plugins.Plugin { return nil }", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ok, found, err := pluginsFunc("p.go", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.ok || found != tt.found {
				t.Errorf("pluginsFunc = %v, %v; want %v, %v", ok, found, tt.ok, tt.found)
			}
		})
	}
}

func TestCleanGOFLAGS(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"":                                "",
		"-mod=vendor":                     "",
		"--mod=readonly":                  "",
		"-mod=mod -trimpath":              "-trimpath",
		"-modcacherw -mod=vendor -tags=x": "-modcacherw -tags=x",
		"-tags=mod=vendor":                "-tags=mod=vendor",
	}
	for in, want := range tests {
		if got := cleanGOFLAGS(in); got != want {
			t.Errorf("cleanGOFLAGS(%q) = %q, want %q", in, got, want)
		}
	}
	env := cleanEnv([]string{"GOFLAGS=-x", "PATH=/bin", "GOFLAGS=-mod=vendor -v"})
	if diff := cmp.Diff([]string{"PATH=/bin", "GOFLAGS=-v"}, env); diff != "" {
		t.Errorf("cleanEnv (-want +got):\n%s", diff)
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		stderr string
		kind   error
		want   string
	}{
		{
			name:   "a go line",
			stderr: "go: downloading example.com/future v1.0.0\ngo: example.com/future@v1.0.0: module ../future requires go >= 1.99 (running go 1.24.1; GOTOOLCHAIN=local)\n",
			kind:   ErrToolchain,
			want:   "module example.com/future needs go >= 1.99 (this go is 1.24.1): install a newer Go, or let go fetch one with GOTOOLCHAIN=auto",
		},
		{
			name:   "a go line, go not saying which go runs",
			stderr: "go: module requires go >= 1.99\n",
			kind:   ErrToolchain,
			want:   "a module needs go >= 1.99: install a newer Go, or let go fetch one with GOTOOLCHAIN=auto",
		},
		{
			name:   "a plugin requiring a newer plughost, through another module",
			stderr: "go: example.com/dep@v1.2.0 requires github.com/plughost/plughost@v1.3.0, not github.com/plughost/plughost@v1.2.0\n",
			kind:   ErrNewerHost,
			want:   "plugin example.com/dep needs plughost >= v1.3.0 (this tool is built with v1.2.0)",
		},
		{
			name:   "anything else",
			stderr: "go: added example.com/x v1.0.0\ngo: example.com/x@v1.0.0: reading go.mod: unexpected EOF\n\textra detail\n",
			kind:   ErrGo,
			want:   "go get: example.com/x@v1.0.0: reading go.mod: unexpected EOF",
		},
		{
			name:   "nothing",
			stderr: "",
			kind:   ErrGo,
			want:   "go get: failed, and said nothing",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := explain([]string{"get"}, tt.stderr)
			if !errors.Is(err, tt.kind) || err.Error() != tt.want {
				t.Errorf("explain:\n got %v\nwant %s (%v)", err, tt.want, tt.kind)
			}
		})
	}
}

func TestLookGo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	name := "go"
	if runtime.GOOS == "windows" {
		name = "go.exe"
	}
	notExec := t.TempDir()
	if err := os.WriteFile(filepath.Join(notExec, name), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), nil, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "none") + string(filepath.ListSeparator) + "relative" + string(filepath.ListSeparator)
	if runtime.GOOS != "windows" {
		path += notExec + string(filepath.ListSeparator)
	}
	got, err := lookGo([]string{"PATH=" + path + dir})
	if err != nil || got != filepath.Join(dir, name) {
		t.Errorf("lookGo = %q, %v; want %q", got, err, filepath.Join(dir, name))
	}
	for _, env := range [][]string{nil, {"PATH="}, {"PATH=" + path}} {
		if _, err := lookGo(env); !errors.Is(err, ErrNoGo) {
			t.Errorf("lookGo(%q) = %v, want ErrNoGo", env, err)
		}
	}
}

// TestMainSource checks the main package install generates against a
// golden file.
func TestMainSource(t *testing.T) {
	t.Parallel()
	src, err := mainSource("example.com/tool/tool", "example.com/tool", "plughost_plugins.go")
	if err != nil {
		t.Fatal(err)
	}
	clitest.Golden(t, "main.golden", string(src))
	if _, err := mainSource(`example.com/"tool`, "", ""); err == nil {
		t.Errorf("mainSource took a host package that is no import path")
	}
}
