package rebuild_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/rebuild"
)

// newProject returns a Project on a new copy of the test tool.
func newProject(t *testing.T, env ...string) *rebuild.Project {
	t.Helper()
	return &rebuild.Project{
		Dir:         newTool(t, t.TempDir()),
		MainPackage: "example.com/tool",
		Env:         testEnv(env...),
	}
}

// changes returns what each change says.
func changes(rep *rebuild.Report) []string {
	var out []string
	for _, c := range rep.Changes {
		out = append(out, c.String())
	}
	return out
}

// requires returns what go.mod in dir requires of the fixture modules,
// "PATH VERSION" each.
func requires(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && strings.HasPrefix(f[0], "example.com/") && strings.HasPrefix(f[1], "v") {
			out = append(out, f[0]+" "+f[1])
		}
	}
	return out
}

// TestProject adds, upgrades and removes plugin modules in one copy of the
// test tool, in turn, and builds the tool between.
func TestProject(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	t.Parallel()
	ctx := context.Background()
	p := newProject(t)
	file := filepath.Join(p.Dir, rebuild.DefaultFile)
	readFile := func() string {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}

	// add: a plain module at a version, a /v2 module, a path with a
	// hyphen and dots, and a module whose plugin package is not its root
	// and is named plugins, all at their latest versions but the first.
	rep, err := p.Add(ctx, "example.com/plug@v1.0.0", "example.com/renamed", "example.com/multi/v2", "example.com/go-plug.ins")
	if err != nil {
		t.Fatalf("add: %v", err)
	}
	want := []string{
		"added example.com/go-plug.ins v1.0.0",
		"added example.com/multi/v2 v2.0.0",
		"added example.com/plug v1.0.0",
		"added example.com/renamed v1.0.0",
	}
	if diff := cmp.Diff(want, changes(rep)); diff != "" {
		t.Errorf("add changed (-want +got):\n%s", diff)
	}
	if rep.File != file || len(rep.Notes) != 0 {
		t.Errorf("add wrote %q with notes %q, want %q and none", rep.File, rep.Notes, file)
	}
	clitest.Golden(t, "project/add.golden", readFile())
	wantReq := []string{"example.com/go-plug.ins v1.0.0", "example.com/multi/v2 v2.0.0", "example.com/plug v1.0.0", "example.com/renamed v1.0.0"}
	if diff := cmp.Diff(wantReq, requires(t, p.Dir)); diff != "" {
		t.Errorf("go.mod requires (-want +got):\n%s", diff)
	}

	// The tool builds as go.mod stands, without -mod=mod, and runs every
	// plugin.
	bin := filepath.Join(t.TempDir(), "tool")
	buildReadonly(t, p.Dir, bin)
	for cmd, want := range map[string]string{"plug": "plug v1.0.0\n", "multi": "multi v2.0.0\n", "dotted": "go-plug.ins v1.0.0\n", "renamed": "renamed v1.0.0\n", "hi": "hi\n"} {
		if code, out, errOut := run(t, p.Dir, testEnv(), bin, cmd); code != 0 || out != want {
			t.Errorf("tool %s: exit %d, %q (stderr %q), want %q", cmd, code, out, errOut, want)
		}
	}

	// upgrade: the only module with a newer version is upgraded.
	rep, err = p.Upgrade(ctx)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	want = []string{
		"example.com/go-plug.ins is at v1.0.0 already",
		"example.com/multi/v2 is at v2.0.0 already",
		"upgraded example.com/plug v1.0.0 => v1.1.0",
		"example.com/renamed is at v1.0.0 already",
	}
	if diff := cmp.Diff(want, changes(rep)); diff != "" {
		t.Errorf("upgrade changed (-want +got):\n%s", diff)
	}
	clitest.Golden(t, "project/add.golden", readFile())
	wantReq[2] = "example.com/plug v1.1.0"
	if diff := cmp.Diff(wantReq, requires(t, p.Dir)); diff != "" {
		t.Errorf("go.mod requires after upgrade (-want +got):\n%s", diff)
	}

	// upgrade again: nothing to do, nothing written.
	rep, err = p.Upgrade(ctx, "example.com/plug")
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	if diff := cmp.Diff([]string{"example.com/plug is at v1.1.0 already"}, changes(rep)); diff != "" || rep.File != "" {
		t.Errorf("upgrade at the latest wrote %q, changed (-want +got):\n%s", rep.File, diff)
	}

	// remove: the file loses the module; go.mod keeps it for go mod tidy.
	rep, err = p.Remove(ctx, "example.com/multi/v2", "example.com/go-plug.ins@v1.0.0")
	if err != nil {
		t.Fatalf("remove: %v", err)
	}
	if diff := cmp.Diff([]string{"removed example.com/go-plug.ins", "removed example.com/multi/v2"}, changes(rep)); diff != "" {
		t.Errorf("remove changed (-want +got):\n%s", diff)
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "go mod tidy") {
		t.Errorf("remove notes %q, want one about go mod tidy", rep.Notes)
	}
	clitest.Golden(t, "project/remove.golden", readFile())
	mods, err := p.Modules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantMods := []rebuild.Module{{Path: "example.com/plug", Package: "example.com/plug"}, {Path: "example.com/renamed", Package: "example.com/renamed/cmds"}}
	if diff := cmp.Diff(wantMods, mods); diff != "" {
		t.Errorf("modules after remove (-want +got):\n%s", diff)
	}

	// The same through the command, as the tool's user types it: add at
	// an older version downgrades.
	var stdout bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &stdout, Stderr: &stdout, Plugins: []plugins.Plugin{&rebuild.Cmd{
		MainPackage: "example.com/tool",
		Environ:     func() []string { return testEnv() },
		Getwd:       func() (string, error) { return p.Dir, nil },
	}}}
	if err := h.Main(ctx, []string{"plugins", "add", "example.com/plug@v1.0.0"}); err != nil {
		t.Fatalf("tool plugins add: %v", err)
	}
	wantOut := "downgraded example.com/plug v1.1.0 => v1.0.0\n" +
		"wrote " + rebuild.DefaultFile + ": review it, go.mod and go.sum, then rebuild tool\n"
	if diff := cmp.Diff(wantOut, stdout.String()); diff != "" {
		t.Errorf("tool plugins add printed (-want +got):\n%s", diff)
	}
	buildReadonly(t, p.Dir, bin)
	if code, out, _ := run(t, p.Dir, testEnv(), bin, "plug"); code != 0 || out != "plug v1.0.0\n" {
		t.Errorf("tool plug after the downgrade: exit %d, %q", code, out)
	}
}

// buildReadonly builds the tool in dir to bin with -mod=readonly, which
// fails if go.mod does not require all the tool imports.
func buildReadonly(t *testing.T, dir, bin string) {
	t.Helper()
	cmd := []string{"build", "-mod=readonly", "-o", bin, "."}
	goRunEnv(t, dir, testEnv("GOFLAGS=", "CGO_ENABLED=0"), cmd...)
}

// goRunEnv runs the go command with args in dir and env, failing the test
// when it fails.
func goRunEnv(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	code, out, errOut := run(t, dir, env, goPath(t), args...)
	if code != 0 {
		t.Fatalf("go %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
}

// TestProjectErrors checks each error a tool's author meets in the source
// tree: one line naming what is wrong, errors.Is finding its sentinel, and
// go.mod, go.sum and the generated file as they were.
func TestProjectErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	t.Parallel()
	goVersion := strings.TrimPrefix(strings.TrimSpace(goRun(t, ".", "env", "GOVERSION")), "go")
	tests := []struct {
		name  string
		args  []string
		env   []string
		setup func(t *testing.T, p *rebuild.Project)
		kind  error
		want  string
	}{
		{
			name: "no go on PATH",
			args: []string{"example.com/plug"},
			env:  []string{"PATH=" + filepath.Join(os.TempDir(), "no-such-dir")},
			kind: rebuild.ErrNoGo,
			want: "no go command on PATH: install Go (https://go.dev/dl/) to add plugins",
		},
		{
			name: "a module that does not exist",
			args: []string{"example.com/nope"},
			kind: rebuild.ErrNotFound,
			want: "module example.com/nope@latest not found: module lookup disabled by GOPROXY=off",
		},
		{
			name: "a version that does not exist",
			args: []string{"example.com/plug@v9.9.9"},
			kind: rebuild.ErrNotFound,
			want: "module example.com/plug@v9.9.9 not found: module lookup disabled by GOPROXY=off",
		},
		{
			name: "a module without a Plugins function",
			args: []string{"example.com/noplugins"},
			kind: rebuild.ErrNoPluginsFunc,
			want: "module example.com/noplugins has no package that declares func Plugins() []plugins.Plugin: it is not a plugin module",
		},
		{
			name: "a plugin that needs a newer plughost",
			args: []string{"example.com/plug@v1.0.0", "example.com/newer"},
			kind: rebuild.ErrNewerHost,
			want: "plugin example.com/newer needs plughost >= v1.3.0 (this tool is built with v0.0.0)",
		},
		{
			name: "a toolchain too old for a module's go line",
			args: []string{"example.com/future"},
			kind: rebuild.ErrToolchain,
			want: "module example.com/future needs go >= 1.99 (this go is " + goVersion + "): install a newer Go, or let go fetch one with GOTOOLCHAIN=auto",
		},
		{
			name: "plughost itself",
			args: []string{"github.com/plughost/plughost"},
			kind: plugins.ErrUsage,
			want: "github.com/plughost/plughost is plughost itself, not a plugin module",
		},
		{
			name: "not a module argument",
			args: []string{"example.com/plug@"},
			kind: plugins.ErrUsage,
			want: `"example.com/plug@": want a version after @`,
		},
		{
			name: "outside the tool's source tree",
			args: []string{"example.com/plug"},
			setup: func(t *testing.T, p *rebuild.Project) {
				p.Dir = t.TempDir()
			},
			kind: rebuild.ErrNotInSource,
			want: "example.com/tool is not in this directory's module: run this in the tool's source tree (no required module provides package example.com/tool: go.mod file not found in current directory or any parent directory; see 'go help modules')",
		},
		{
			name: "a generated file plughost did not write",
			args: []string{"example.com/plug"},
			setup: func(t *testing.T, p *rebuild.Project) {
				writeFile(t, filepath.Join(p.Dir, rebuild.DefaultFile), "package main\n")
			},
			kind: rebuild.ErrNotGenerated,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := newProject(t, tt.env...)
			if tt.setup != nil {
				tt.setup(t, p)
			}
			before := readFiles(t, p.Dir)
			_, err := p.Add(context.Background(), tt.args...)
			if !errors.Is(err, tt.kind) {
				t.Fatalf("add %q: %v, want an error wrapping %v", tt.args, err, tt.kind)
			}
			if tt.want != "" && err.Error() != tt.want {
				t.Errorf("add %q:\n got %s\nwant %s", tt.args, err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the error is more than one line: %q", err)
			}
			if diff := cmp.Diff(before, readFiles(t, p.Dir)); diff != "" {
				t.Errorf("add %q changed the tool's files (-before +after):\n%s", tt.args, diff)
			}
		})
	}
}

// TestProjectModFlags adds a plugin with GOFLAGS=-mod=vendor inherited
// from the environment, in a tool that vendors: the commands run anyway,
// and the author is told to run go mod vendor. The tool is one that has
// never had a plugin added, and its author is told to call the generated
// function.
func TestProjectModFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	t.Parallel()
	p := newProject(t, "GOFLAGS=-mod=vendor -buildvcs=false")
	writeFile(t, filepath.Join(p.Dir, "vendor", "modules.txt"), "")
	// The tool's first add: no generated file yet, and a main that does
	// not call it.
	if err := os.Remove(filepath.Join(p.Dir, rebuild.DefaultFile)); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(p.Dir, "main.go"), "package main\n\nfunc main() {}\n")
	rep, err := p.Add(context.Background(), "example.com/plug@v1.0.0")
	if err != nil {
		t.Fatalf("add with GOFLAGS=-mod=vendor: %v", err)
	}
	want := []string{
		"main does not call generatedPlugins yet: prepend its plugins with h.Plugins = append(generatedPlugins(), h.Plugins...)",
		"this module vendors its dependencies: run go mod vendor",
	}
	if diff := cmp.Diff(want, rep.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

// TestProjectRemoveNotAdded removes a module that was never added.
func TestProjectRemoveNotAdded(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	t.Parallel()
	p := newProject(t)
	for _, f := range []func(context.Context, ...string) (*rebuild.Report, error){p.Remove, p.Upgrade} {
		_, err := f(context.Background(), "example.com/plug")
		if !errors.Is(err, rebuild.ErrNotAdded) || err.Error() != "example.com/plug is not an added plugin (none is)" {
			t.Errorf("got %v, want ErrNotAdded", err)
		}
	}
}

// writeFile writes data to path, creating its directory.
func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
