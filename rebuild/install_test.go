package rebuild_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/rebuild"
)

// listedModules returns the modules "bin plugins --json" names, each
// once, sorted.
func listedModules(t *testing.T, bin string) []string {
	t.Helper()
	code, out, errOut := run(t, t.TempDir(), testEnv(), bin, "plugins", "--json")
	if code != 0 {
		t.Fatalf("plugins --json: exit %d: %s", code, errOut)
	}
	var rows []struct {
		Module string `json:"module"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	var mods []string
	for _, r := range rows {
		if !slices.Contains(mods, r.Module) {
			mods = append(mods, r.Module)
		}
	}
	slices.Sort(mods)
	return mods
}

// TestInstall rebuilds the installed test tool with plugin modules, as
// its user would, from the tool's own command: from the tool's source
// tree (the binary was built from a working tree), with a module replaced
// by a directory and GOFLAGS=-mod=vendor inherited; then again, byte for
// byte, from the lock; then with one more module, by the rebuilt binary,
// from another directory.
func TestInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds binaries")
	}
	t.Parallel()
	src, _, _ := toolBinary(t)
	bin := copyBinary(t)
	dir := filepath.Dir(bin)
	env := testEnv("GOFLAGS=-mod=vendor")

	code, out, errOut := run(t, src, env, bin, "plugins", "install", "example.com/plug@v1.0.0", "example.com/multi/v2="+fixture(t, "multi-v2"))
	if code != 0 {
		t.Fatalf("tool plugins install: exit %d\n%s%s", code, out, errOut)
	}
	want := "rebuilt " + bin + " with example.com/tool v0.0.0-00010101000000-000000000000 and its plugin modules:\n" +
		"  example.com/multi/v2 v2.0.0-00010101000000-000000000000 (installed)\n" +
		"  example.com/plug v1.0.0 (installed)\n" +
		"the previous binary is " + bin + ".old\n" +
		"lock file: " + bin + ".plughost.lock\n" +
		"note: built example.com/tool from its source in " + src + "\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("tool plugins install printed (-want +got):\n%s", diff)
	}
	for cmd, want := range map[string]string{"plug": "plug v1.0.0\n", "multi": "multi v2.0.0\n", "hi": "hi\n"} {
		if code, out, errOut := run(t, dir, env, bin, cmd); code != 0 || out != want {
			t.Errorf("rebuilt tool %s: exit %d, %q (stderr %q), want %q", cmd, code, out, errOut, want)
		}
	}
	if code, out, _ := run(t, dir, env, bin+".old", "plug"); code == 0 {
		t.Errorf("the backup runs plug (%q): it should be the old binary", out)
	}
	lock, err := rebuild.ReadLock(bin + rebuild.LockSuffix)
	if err != nil {
		t.Fatal(err)
	}
	wantPlugins := []rebuild.LockedPlugin{
		{Module: rebuild.Module{Path: "example.com/multi/v2", Package: "example.com/multi/v2"}, Version: "v2.0.0-00010101000000-000000000000", Installed: true},
		{Module: rebuild.Module{Path: "example.com/plug", Package: "example.com/plug"}, Version: "v1.0.0", Installed: true},
	}
	if diff := cmp.Diff(wantPlugins, lock.Plugins); diff != "" {
		t.Errorf("lock plugins (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(lock.GoVersion, "go") {
		t.Errorf("lock go version %q", lock.GoVersion)
	}
	for _, kv := range []string{"CGO_ENABLED=0", "GOOS=" + runtime.GOOS, "GOARCH=" + runtime.GOARCH} {
		if !slices.Contains(lock.Env, kv) {
			t.Errorf("lock env %q lacks %s", lock.Env, kv)
		}
	}
	for _, kv := range lock.Env {
		if strings.HasPrefix(kv, "GOFLAGS=") && strings.Contains(kv, "-mod") {
			t.Errorf("lock env has %s: the inherited -mod flag should be gone", kv)
		}
	}
	if diff := cmp.Diff([]string{"-mod=mod", "-trimpath", "-buildvcs=false"}, lock.BuildFlags); diff != "" {
		t.Errorf("lock build flags (-want +got):\n%s", diff)
	}
	first, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}

	// The same build from the lock, elsewhere: byte for byte.
	code, _, errOut = run(t, t.TempDir(), testEnv(), bin, "plugins", "install", "--from-lock")
	if code != 0 {
		t.Fatalf("tool plugins install --from-lock: exit %d\n%s", code, errOut)
	}
	again, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Errorf("the binary built from the lock differs from the first (%d and %d bytes)", len(first), len(again))
	}

	// One more module, installed by the rebuilt binary from another
	// directory, into another binary: the modules installed before stay,
	// at their versions, and the running binary is left alone.
	other := filepath.Join(t.TempDir(), "other")
	code, out, errOut = run(t, t.TempDir(), testEnv(), bin, "plugins", "install", "-o", other, "example.com/go-plug.ins")
	if code != 0 {
		t.Fatalf("rebuilt tool plugins install: exit %d\n%s%s", code, out, errOut)
	}
	wantMods := []string{"example.com/go-plug.ins", "example.com/multi/v2", "example.com/plug", "example.com/tool", "github.com/plughost/plughost"}
	if diff := cmp.Diff(wantMods, listedModules(t, other)); diff != "" {
		t.Errorf("modules of the plugins of the binary rebuilt twice (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(other + ".old"); err == nil {
		t.Errorf("installing to a new path left a backup")
	}
	if now, err := os.ReadFile(bin); err != nil || !bytes.Equal(now, first) {
		t.Errorf("installing to another path changed the running binary")
	}
	if code, out, _ := run(t, dir, env, bin, "plug"); code != 0 || out != "plug v1.0.0\n" {
		t.Errorf("tool plug after the second install: exit %d, %q", code, out)
	}
}

// newBuilder returns a Builder that rebuilds a copy of the test tool's
// binary from the tool's source tree, with the build info the binary
// records.
func newBuilder(t *testing.T, env ...string) *rebuild.Builder {
	t.Helper()
	src, _, bi := toolBinary(t)
	return &rebuild.Builder{
		Tool:        "tool",
		HostPackage: "example.com/tool/tool",
		BuildInfo:   bi,
		Binary:      copyBinary(t),
		Dir:         src,
		Env:         testEnv(env...),
	}
}

// TestInstallErrors checks each error the user of an installed tool
// meets: one line naming what is wrong, errors.Is finding its sentinel,
// and the binary's directory as it was, without a backup, a lock or a
// file left half-written.
func TestInstallErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command, and builds a binary")
	}
	t.Parallel()
	goVersion := strings.TrimPrefix(strings.TrimSpace(goRun(t, ".", "env", "GOVERSION")), "go")
	tests := []struct {
		name  string
		args  []string
		env   []string
		setup func(t *testing.T, b *rebuild.Builder)
		kind  error
		want  string // the error's text; {bin} is the binary, {dir} its directory
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
			args: []string{"example.com/nope@v1.0.0"},
			kind: rebuild.ErrNotFound,
			want: "module example.com/nope@v1.0.0 not found: module lookup disabled by GOPROXY=off",
		},
		{
			name: "a module without a Plugins function",
			args: []string{"example.com/noplugins@v1.0.0"},
			kind: rebuild.ErrNoPluginsFunc,
			want: "module example.com/noplugins has no package that declares func Plugins() []plugins.Plugin: it is not a plugin module",
		},
		{
			name: "a plugin that needs a newer plughost",
			args: []string{"example.com/newer"},
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
			name: "the tool's own module",
			args: []string{"example.com/tool"},
			kind: plugins.ErrUsage,
			want: "example.com/tool is the tool's own module, not a plugin module",
		},
		{
			name: "a plugin whose binary lists none of its plugins",
			args: []string{"example.com/empty"},
			kind: rebuild.ErrVerify,
			want: "the rebuilt tool lists no plugin of example.com/empty (does its Plugins function return any?): {bin} was left as it was",
		},
		{
			name: "a tool built from a working tree, away from it",
			args: []string{"example.com/plug"},
			setup: func(t *testing.T, b *rebuild.Builder) {
				b.Dir = t.TempDir()
			},
			kind: rebuild.ErrDevelTool,
			want: "this tool was built from a working tree of example.com/tool (version (devel)), which install cannot fetch: run install in that source tree, or pass --replace example.com/tool=DIR",
		},
		{
			name: "a tool built with a relative replacement",
			args: []string{"example.com/plug"},
			setup: func(t *testing.T, b *rebuild.Builder) {
				bi := *b.BuildInfo
				bi.Main.Version = "v1.0.0"
				bi.Deps = []*debug.Module{{Path: "github.com/plughost/plughost", Version: "v0.0.0", Replace: &debug.Module{Path: "../plughost", Version: "(devel)"}}}
				b.BuildInfo = &bi
			},
			kind: rebuild.ErrRelativeReplace,
			want: "this binary was built with github.com/plughost/plughost replaced by ../plughost, a relative directory: run install in the tool's source tree, or pass --replace github.com/plughost/plughost=DIR",
		},
		{
			name: "a rebuilt binary without its lock",
			args: []string{"example.com/plug"},
			setup: func(t *testing.T, b *rebuild.Builder) {
				bi := *b.BuildInfo
				bi.Main = debug.Module{Path: "plughost-rebuild/tool"}
				bi.Deps = append([]*debug.Module{{Path: "example.com/tool", Version: "v1.0.0"}}, bi.Deps...)
				b.BuildInfo = &bi
			},
			kind: rebuild.ErrNoLock,
			want: "this binary was rebuilt by plughost, but its lock file {bin}.plughost.lock is missing: which plugins it holds is unknown; reinstall the tool, then install its plugins again",
		},
		{
			name: "a tool that does not name its host package",
			args: []string{"example.com/plug"},
			setup: func(t *testing.T, b *rebuild.Builder) {
				b.HostPackage = ""
			},
			kind: rebuild.ErrNotConfigured,
			want: "this tool cannot rebuild itself: its author has not named the package that builds its host (HostPackage)",
		},
		{
			name: "a binary in a directory the user cannot write",
			args: []string{"example.com/plug"},
			setup: func(t *testing.T, b *rebuild.Builder) {
				readOnly(t, filepath.Dir(b.Binary))
			},
			kind: rebuild.ErrNotWritable,
			want: "cannot replace {bin}: cannot write in {dir} ({denied}): run install as a user who can, or install to another path with --output",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := newBuilder(t, tt.env...)
			if tt.setup != nil {
				tt.setup(t, b)
			}
			dir := filepath.Dir(b.Binary)
			before := readFiles(t, dir)
			_, err := b.Install(context.Background(), tt.args...)
			if !errors.Is(err, tt.kind) {
				t.Fatalf("install %q: %v, want an error wrapping %v", tt.args, err, tt.kind)
			}
			denied := "permission denied"
			if os.Geteuid() == 0 {
				denied = "operation not permitted" // chattr +i
			}
			want := strings.NewReplacer("{bin}", b.Binary, "{dir}", dir, "{denied}", denied).Replace(tt.want)
			if err.Error() != want {
				t.Errorf("install %q:\n got %s\nwant %s", tt.args, err, want)
			}
			if diff := cmp.Diff(before, readFiles(t, dir)); diff != "" {
				t.Errorf("install %q changed the binary's directory (-before +after):\n%s", tt.args, diff)
			}
		})
	}
}

// readOnly makes dir one the test cannot write in, and writable again when
// the test ends. A process that can write anywhere (root) cannot be kept
// out by permissions, so there it makes dir immutable with chattr, and
// skips the test where that fails.
func readOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("running as root, and chattr +i failed: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}

// TestInstallFromABadLock rebuilds from locks no go command can honour
// or of another tool, and from a file that is no lock.
func TestInstallFromABadLock(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	t.Parallel()
	b := newBuilder(t)
	lock := &rebuild.Lock{
		Format: rebuild.LockFormat, Module: "plughost-rebuild/tool", HostPackage: "example.com/tool/tool",
		GoVersion: "go1.2", Env: []string{"GOOS=" + runtime.GOOS, "GOARCH=" + runtime.GOARCH},
		GoMod: []string{"module plughost-rebuild/tool"},
	}
	before := readFiles(t, filepath.Dir(b.Binary))
	_, err := b.InstallLock(context.Background(), lock)
	if !errors.Is(err, rebuild.ErrLock) || !strings.HasPrefix(err.Error(), "the lock was built with go1.2 and this go is go") {
		t.Errorf("install from a lock of go1.2: %v, want ErrLock", err)
	}
	other := *lock
	other.HostPackage = "example.com/other/tool"
	if _, err := b.InstallLock(context.Background(), &other); !errors.Is(err, rebuild.ErrLock) || err.Error() != "the lock is of a build of example.com/other/tool, not of example.com/tool/tool" {
		t.Errorf("install from another tool's lock: %v, want ErrLock", err)
	}
	lock.Env = []string{"GOOS=plan9", "GOARCH=arm"}
	if _, err := b.InstallLock(context.Background(), lock); !errors.Is(err, rebuild.ErrLock) || err.Error() != "the lock is of a build for plan9/arm, not "+runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("install from a lock of plan9/arm: %v, want ErrLock", err)
	}
	if diff := cmp.Diff(before, readFiles(t, filepath.Dir(b.Binary))); diff != "" {
		t.Errorf("the binary's directory changed (-before +after):\n%s", diff)
	}
	path := filepath.Join(t.TempDir(), "tool"+rebuild.LockSuffix)
	writeFile(t, path, `{"format": 1, "tool": "tool", "plugins": [], "extra": true}`)
	if _, err := rebuild.ReadLock(path); !errors.Is(err, rebuild.ErrLock) || !strings.Contains(err.Error(), "is not a lock file") {
		t.Errorf("reading a lock with an unknown key: %v, want ErrLock", err)
	}
}

// TestInstallThroughTheTool checks that the tool's own command prints an
// error as one line, with the command's path, and exits 1.
func TestInstallThroughTheTool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the test tool")
	}
	t.Parallel()
	src, _, _ := toolBinary(t)
	bin := copyBinary(t)
	code, out, errOut := run(t, src, testEnv(), bin, "plugins", "install", "example.com/newer")
	want := "tool plugins install: plugin example.com/newer needs plughost >= v1.3.0 (this tool is built with v0.0.0)\n"
	if code != 1 || out != "" || errOut != want {
		t.Errorf("tool plugins install example.com/newer: exit %d, stdout %q, stderr %q; want exit 1 and stderr %q", code, out, errOut, want)
	}
	code, _, errOut = run(t, src, testEnv(), bin, "plugins", "install")
	if code != 2 || !strings.Contains(errOut, "name a plugin module to install") {
		t.Errorf("tool plugins install with no module: exit %d, stderr %q; want a usage error", code, errOut)
	}
}
