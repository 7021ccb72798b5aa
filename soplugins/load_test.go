//go:build plughost_so && cgo && (linux || darwin || freebsd)

package soplugins_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/soplugins"
)

func TestHostRunsAPluginsCommand(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := &soplugins.Loader{}
	plugs := load(t, l, pluginDir)
	out, err := runHost(ctx, plugs, "hello", "--name", "gopher")
	if err != nil {
		t.Fatalf("tool hello: %v", err)
	}
	if want := "Hello, gopher! (from a Go plugin)\n"; out != want {
		t.Errorf("tool hello printed %q, want %q", out, want)
	}

	// Each Load makes fresh plugin values: a flag set in one run is not
	// the default of the next host's.
	out, err = runHost(ctx, load(t, l, pluginDir), "hello")
	if err != nil || out != "Hello, world! (from a Go plugin)\n" {
		t.Errorf("a second Load's hello printed %q, %v", out, err)
	}

	want := soplugins.Report{Loaded: []soplugins.Entry{{
		Name: "hello", Path: hello.Path, Sequence: hello.Manifest.Sequence, Plugins: []string{"hello"},
	}}}
	if diff := cmp.Diff(want, l.Report()); diff != "" {
		t.Errorf("Report (-want +got):\n%s", diff)
	}
}

func TestPluginsAndSoPluginsCommandsShowTheReport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	link(t, dir, hello, "hello", 2, nil)
	link(t, dir, hello, "broken", 3, func(m *soplugins.Manifest) { m.Trimpath = !m.Trimpath })
	fake(t, dir, "hello_go1.0.0_linux_amd64.so", nil)
	l := &soplugins.Loader{}
	plugs := append(load(t, l, dir), &soplugins.Cmd{Loader: l})

	out, err := runHost(ctx, plugs, "so-plugins")
	if err != nil {
		t.Fatalf("tool so-plugins: %v", err)
	}
	out = strings.Join(strings.Fields(out), " ") // the columns' padding aside
	for _, want := range []string{
		"STATE NAME FILE DETAIL",
		"loaded hello " + filepath.Join(dir, "hello"+suffix()) + " sequence 2, plugins hello",
		"skipped hello " + filepath.Join(dir, "hello_go1.0.0_linux_amd64.so") + " built for go1.0.0",
		"failed broken " + filepath.Join(dir, "broken"+suffix()) + " built differently from this tool: built with",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tool so-plugins printed\n%s\nwithout %q", out, want)
		}
	}

	out, err = runHost(ctx, plugs, "plugins", "--wide")
	if err != nil {
		t.Fatalf("tool plugins: %v", err)
	}
	for _, want := range []string{
		"Go .so plugins: 1 loaded (hello), 1 skipped, 1 failed (broken)",
		"say hello from a Go plugin",
		"not loaded: built differently from this tool: built with",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tool plugins printed\n%s\nwithout %q", out, want)
		}
	}
}

func TestNewestBuildWins(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		seq1, seq2 int64 // of hello in dir 1 and hellov2, as hello, in dir 2
		want       string
		skipped    int // the dir whose build is skipped
	}{
		{"later directory newer", 1, 2, "Hello from version 2!\n", 1},
		{"earlier directory newer", 3, 2, "Hello, world! (from a Go plugin)\n", 2},
		{"same sequence: the first directory's", 2, 2, "Hello, world! (from a Go plugin)\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir1, dir2 := t.TempDir(), t.TempDir()
			p1 := link(t, dir1, hello, "hello", tc.seq1, nil)
			p2 := link(t, dir2, helloV2, "hello", tc.seq2, nil)
			l := &soplugins.Loader{}
			out, err := runHost(context.Background(), load(t, l, dir1, dir2), "hello")
			if err != nil || out != tc.want {
				t.Errorf("tool hello printed %q, %v; want %q", out, err, tc.want)
			}
			r := l.Report()
			loaded, skipped := p2, p1
			if tc.skipped == 2 {
				loaded, skipped = p1, p2
			}
			if len(r.Loaded) != 1 || r.Loaded[0].Path != loaded {
				t.Errorf("loaded %+v, want %s", r.Loaded, loaded)
			}
			if len(r.Skipped) != 1 || r.Skipped[0].Path != skipped || !strings.Contains(r.Skipped[0].Reason, loaded) {
				t.Errorf("skipped %+v, want %s, for %s", r.Skipped, skipped, loaded)
			}
		})
	}
}

func TestOtherGoVersionsAndPlatformsAreSkipped(t *testing.T) {
	t.Parallel()
	goVersion := strings.Split(strings.TrimPrefix(suffix(), "_"), "_")[0]
	here := runtime.GOOS + "/" + runtime.GOARCH
	other := "windows_386"
	for _, tc := range []struct {
		name, file, reason string
	}{
		{"go version", "hello_go1.0.0_" + runtime.GOOS + "_" + runtime.GOARCH + ".so", "built for go1.0.0; this tool is " + goVersion},
		{"platform", "hello_" + goVersion + "_" + other + ".so", "built for windows/386; this tool is for " + here},
		{"both", "hello_go1.0.0_" + other + ".so", "built for go1.0.0 on windows/386; this tool is " + goVersion + " on " + here},
		{"name with underscores", "my_hello_go1.0.0_" + other + ".so", "built for go1.0.0 on windows/386; this tool is " + goVersion + " on " + here},
		{"not a plugin name", "libhello.so", "not named NAME_GOVERSION_GOOS_GOARCH.so"},
		{"NAME not a command name", "-x_" + goVersion + "_" + other + ".so", "not named NAME_GOVERSION_GOOS_GOARCH.so"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := fake(t, dir, tc.file, nil)
			l := &soplugins.Loader{}
			plugs := load(t, l, dir)
			r := l.Report()
			if len(r.Skipped) != 1 || r.Skipped[0].Path != path || r.Skipped[0].Reason != tc.reason {
				t.Errorf("skipped %+v, want %s: %q", r.Skipped, path, tc.reason)
			}
			if len(r.Loaded)+len(r.Failed) != 0 {
				t.Errorf("loaded %+v, failed %+v", r.Loaded, r.Failed)
			}
			if tc.reason == "not named NAME_GOVERSION_GOOS_GOARCH.so" {
				if len(plugs) != 0 {
					t.Errorf("Load returned %d plugins for a file it cannot name", len(plugs))
				}
				return
			}
			// NAME stands for a command that says there is no build.
			name := strings.Split(tc.file, "_go")[0]
			_, err := runHost(context.Background(), plugs, name, "--any", "args")
			var le *soplugins.LoadError
			if !errors.As(err, &le) || !errors.Is(err, soplugins.ErrNoBuild) || le.Name != name || le.Path != path {
				t.Errorf("tool %s: %v, want a LoadError wrapping ErrNoBuild", name, err)
			}
			if !strings.HasSuffix(err.Error(), "no build for this tool: "+tc.reason) {
				t.Errorf("tool %s: %q, want the reason %q", name, err, tc.reason)
			}
			if code := cli.ExitCode(err); code != cli.ExitFailure {
				t.Errorf("exit code %d, want %d", code, cli.ExitFailure)
			}
		})
	}
}

func TestManifestMismatchesAreWords(t *testing.T) {
	t.Parallel()
	tool := hello.Manifest
	with := func(b bool) string {
		if b {
			return "with"
		}
		return "without"
	}
	tags := "-tags " + strings.Join(tool.Tags, ",")
	// A test binary's build info lists no dependencies: give it one.
	withDep := func(bi *debug.BuildInfo) {
		bi.Deps = []*debug.Module{{Path: "example.com/dep", Version: "v1.2.0", Sum: "h1:here="}}
	}
	for _, tc := range []struct {
		name string
		tool func(*debug.BuildInfo)
		edit func(*soplugins.Manifest)
		want []string
	}{
		{"race", nil, func(m *soplugins.Manifest) { m.Race = !m.Race },
			[]string{"built " + with(!tool.Race) + " -race; this tool " + with(tool.Race)}},
		{"trimpath", nil, func(m *soplugins.Manifest) { m.Trimpath = !m.Trimpath },
			[]string{"built " + with(!tool.Trimpath) + " -trimpath; this tool " + with(tool.Trimpath)}},
		{"tags", nil, func(m *soplugins.Manifest) { m.Tags = []string{"other", "more"} },
			[]string{"built with -tags more,other; this tool with " + tags}},
		{"no tags", nil, func(m *soplugins.Manifest) { m.Tags = nil },
			[]string{"built without tags; this tool with " + tags}},
		{"cgo", nil, func(m *soplugins.Manifest) { m.Cgo = false },
			[]string{"built without cgo; this tool with"}},
		{"go version", nil, func(m *soplugins.Manifest) { m.GoVersion = "go1.0.0" },
			[]string{"built with go1.0.0; this tool with " + tool.GoVersion}},
		{"platform", nil, func(m *soplugins.Manifest) { m.GOOS, m.GOARCH = "plan9", "arm" },
			[]string{"built for plan9/arm; this tool is for " + tool.GOOS + "/" + tool.GOARCH}},
		{"setting", nil, func(m *soplugins.Manifest) {
			m.Settings = map[string]string{"GOEXPERIMENT": "nothing", "-gcflags": "all=-N -l"}
			for k, v := range tool.Settings {
				if k != "GOEXPERIMENT" {
					m.Settings[k] = v
				}
			}
		}, []string{"built with -gcflags=all=-N -l; this tool without -gcflags", "built with GOEXPERIMENT=nothing; this tool without GOEXPERIMENT"}},
		{"dependency version", withDep, func(m *soplugins.Manifest) {
			m.Deps = []soplugins.Module{{Path: "example.com/dep", Version: "v1.3.0", Sum: "h1:there="}}
		}, []string{"example.com/dep v1.2.0 here, v1.3.0 in the plugin"}},
		{"dependency checksum", withDep, func(m *soplugins.Manifest) {
			m.Deps = []soplugins.Module{{Path: "example.com/dep", Version: "v1.2.0", Sum: "h1:there="}}
		}, []string{"example.com/dep v1.2.0: checksum h1:here= here, h1:there= in the plugin"}},
		{"dependency replaced", withDep, func(m *soplugins.Manifest) {
			m.Deps = []soplugins.Module{{Path: "example.com/dep", Version: "v1.2.0", Replace: &soplugins.Module{Path: "../dep"}}}
		}, []string{"example.com/dep v1.2.0 here, => ../dep in the plugin"}},
		{"dependency only in the plugin", withDep, func(m *soplugins.Manifest) {
			m.Deps = []soplugins.Module{{Path: "example.com/other", Version: "v1.3.0"}}
			m.Race = !m.Race
		}, []string{"built " + with(!tool.Race) + " -race; this tool " + with(tool.Race)}},
		{"main module", nil, func(m *soplugins.Manifest) { m.Main.Version = "v9.9.9" },
			[]string{tool.Main.Path + " " + tool.Main.Version + " here, v9.9.9 in the plugin"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := fake(t, dir, "hello"+suffix(), func(m *soplugins.Manifest) {
				m.Name, m.Sequence = "hello", 1
				tc.edit(m)
			})
			l := &soplugins.Loader{}
			if tc.tool != nil {
				l.BuildInfo = func() (*debug.BuildInfo, bool) {
					bi, ok := debug.ReadBuildInfo()
					c := *bi
					tc.tool(&c)
					return &c, ok
				}
			}
			plugs := load(t, l, dir)
			r := l.Report()
			if len(r.Failed) != 1 || len(r.Loaded) != 0 {
				t.Fatalf("report %+v, want one failure", r)
			}
			var me *soplugins.MismatchError
			if !errors.As(r.Failed[0].Err, &me) {
				t.Fatalf("failed with %v, want a MismatchError", r.Failed[0].Err)
			}
			if diff := cmp.Diff(tc.want, me.Differences); diff != "" {
				t.Errorf("differences (-want +got):\n%s", diff)
			}
			_, err := runHost(context.Background(), plugs, "hello")
			var le *soplugins.LoadError
			if !errors.As(err, &le) || le.Path != path || !errors.Is(err, soplugins.ErrMismatch) {
				t.Errorf("tool hello: %v, want a LoadError for %s wrapping ErrMismatch", err, path)
			}
			if want := "built differently from this tool: " + tc.want[0]; !strings.Contains(err.Error(), want) {
				t.Errorf("tool hello: %q, want %q", err, want)
			}
		})
	}
}

func TestMismatchErrorShowsTheFirstThree(t *testing.T) {
	t.Parallel()
	err := &soplugins.MismatchError{Differences: []string{"a", "b", "c", "d", "e"}}
	if got, want := err.Error(), "built differently from this tool: a; b; c; and 2 more"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, soplugins.ErrMismatch) {
		t.Error("a MismatchError is not an ErrMismatch")
	}
}

func TestBadManifests(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, so string)
		want  string
	}{
		{"none", func(t *testing.T, so string) {}, "no hello" + strings.TrimSuffix(suffix(), ".so") + ".json beside it"},
		{"not JSON", func(t *testing.T, so string) {
			os.WriteFile(manifestPath(so), []byte("{"), 0o644)
		}, "unexpected end of JSON input"},
		{"another file", func(t *testing.T, so string) {
			m := hello.Manifest
			m.Size++
			writeManifest(t, so, &m)
		}, "one was replaced without the other"},
		{"another NAME", func(t *testing.T, so string) {
			m := hello.Manifest
			m.Name = "other"
			writeManifest(t, so, &m)
		}, `is for "other"`},
		{"no sequence", func(t *testing.T, so string) {
			m := hello.Manifest
			m.Sequence = 0
			writeManifest(t, so, &m)
		}, "has no sequence"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			so := fake(t, dir, "hello"+suffix(), nil)
			tc.setup(t, so)
			l := &soplugins.Loader{}
			load(t, l, dir)
			r := l.Report()
			if len(r.Failed) != 1 || !errors.Is(r.Failed[0].Err, soplugins.ErrManifest) || !strings.Contains(r.Failed[0].Err.Error(), tc.want) {
				t.Errorf("report %+v, want a failure with ErrManifest: %q", r, tc.want)
			}
		})
	}
}

func TestUnsafeFilesAreRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		chmod func(dir, so string) error
		want  string
	}{
		{"world-writable directory", func(dir, so string) error { return os.Chmod(dir, 0o777) }, "is writable by every user"},
		{"world-writable file", func(dir, so string) error { return os.Chmod(so, 0o666) }, "the file is writable by every user"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			so := fake(t, dir, "hello"+suffix(), func(m *soplugins.Manifest) { m.Name, m.Sequence = "hello", 1 })
			if err := tc.chmod(dir, so); err != nil {
				t.Fatal(err)
			}
			l := &soplugins.Loader{}
			load(t, l, dir)
			r := l.Report()
			if len(r.Failed) != 1 || !errors.Is(r.Failed[0].Err, soplugins.ErrUnsafe) || !strings.Contains(r.Failed[0].Err.Error(), tc.want) {
				t.Errorf("report %+v, want a failure with ErrUnsafe: %q", r, tc.want)
			}
		})
	}
}

func TestMinSequence(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	link(t, dir, hello, "hello", 5, nil)
	l := &soplugins.Loader{MinSequence: 6}
	_, err := runHost(context.Background(), load(t, l, dir), "hello")
	if !errors.Is(err, soplugins.ErrNoBuild) || !strings.Contains(err.Error(), "sequence 5 is older than this tool accepts (6)") {
		t.Errorf("tool hello: %v, want ErrNoBuild for sequence 5", err)
	}
}

func TestSymbols(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ symbol, want string }{
		{"Missing", `plugin "hello" (` + hello.Path + `): no usable plugins function: it exports no Missing`},
		{"WrongType", `plugin "hello" (` + hello.Path + `): no usable plugins function: WrongType is a func() int, not a func() []plugins.Plugin`},
		{"NilPlugin", `plugin "hello" (` + hello.Path + `): no usable plugins function: NilPlugin returned a nil plugin (at index 1)`},
		{"Panics", `plugin "hello" (` + hello.Path + `): Panics: panic: boom in Panics`},
	} {
		t.Run(tc.symbol, func(t *testing.T) {
			t.Parallel()
			l := &soplugins.Loader{Symbol: tc.symbol}
			plugs := load(t, l, pluginDir)
			_, err := runHost(context.Background(), plugs, "hello")
			if err == nil || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("tool hello: %v, want %q", err, tc.want)
			}
			if tc.symbol == "Panics" {
				var pe *cli.PluginError
				if !errors.As(err, &pe) || !errors.Is(err, cli.ErrPanic) {
					t.Errorf("tool hello: %v, want a PluginError wrapping ErrPanic", err)
				}
				return
			}
			if !errors.Is(err, soplugins.ErrSymbol) {
				t.Errorf("tool hello: %v, want ErrSymbol", err)
			}
		})
	}
}

func TestCancelledContextOpensNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	link(t, dir, hello, "hello", 1, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l := &soplugins.Loader{}
	plugs, err := l.Load(ctx, dir)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Load: %v, want context.Canceled", err)
	}
	_, err = runHost(context.Background(), plugs, "hello")
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "not opened") {
		t.Errorf("tool hello: %v, want not opened", err)
	}
	// A later Load, with a live context, opens it.
	out, err := runHost(context.Background(), load(t, l, dir), "hello")
	if err != nil || out != "Hello, world! (from a Go plugin)\n" {
		t.Errorf("tool hello after a second Load: %q, %v", out, err)
	}
}

// TestInitPanic opens initpanic, whose init panics, with the one Loader
// that may (initPanicLoader), then again; then with another Loader, which
// does not know and whose open blocks until its context ends.
func TestInitPanic(t *testing.T) {
	t.Parallel()
	dir := filepath.Dir(initPanic.Path)
	first := loadWithin(t, initPanicLoader, context.Background(), dir)
	pe := checkInitPanic(t, first)

	// Again: the remembered error, the same one, at once.
	again := loadWithin(t, initPanicLoader, context.Background(), dir)
	if pe2 := checkInitPanic(t, again); pe2 != pe {
		t.Errorf("the second Load returned %p, not the remembered %p", pe2, pe)
	}

	// Another Loader opens it again, and the Go runtime blocks that open
	// forever: Load returns when its context ends, with its error.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	l := &soplugins.Loader{}
	plugs, err := loadErrWithin(t, l, ctx, dir)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("another Loader's Load: %v, want the context's error", err)
	}
	_, err = runHost(context.Background(), plugs, "initpanic")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "did not return before the context ended") {
		t.Errorf("tool initpanic after the second Loader: %v", err)
	}
}

func checkInitPanic(t *testing.T, plugs []plugins.Plugin) *cli.PluginError {
	t.Helper()
	out, err := runHost(context.Background(), plugs, "initpanic")
	var pe *cli.PluginError
	if !errors.As(err, &pe) || !errors.Is(err, cli.ErrPanic) {
		t.Fatalf("tool initpanic: %v (printed %q), want a PluginError wrapping ErrPanic", err, out)
	}
	want := `plugin "initpanic" (` + initPanic.Path + `): init: panic: boom in init`
	if pe.Error() != want || pe.Plugin != "initpanic" || pe.Type != initPanic.Path || pe.Method != "init" {
		t.Errorf("PluginError %q (%+v), want %q", pe, pe, want)
	}
	if len(pe.Stack) == 0 {
		t.Error("the PluginError has no stack")
	}
	if code := cli.ExitCode(err); code != cli.ExitFailure {
		t.Errorf("exit code %d, want %d", code, cli.ExitFailure)
	}
	return pe
}

// loadWithin is load, failing the test if Load takes more than 5 seconds
// (a regression that opens a failed .so again would block forever).
func loadWithin(t *testing.T, l *soplugins.Loader, ctx context.Context, dirs ...string) []plugins.Plugin {
	t.Helper()
	plugs, err := loadErrWithin(t, l, ctx, dirs...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return plugs
}

func loadErrWithin(t *testing.T, l *soplugins.Loader, ctx context.Context, dirs ...string) ([]plugins.Plugin, error) {
	t.Helper()
	type result struct {
		plugs []plugins.Plugin
		err   error
	}
	done := make(chan result, 1)
	go func() {
		plugs, err := l.Load(ctx, dirs...)
		done <- result{plugs, err}
	}()
	select {
	case r := <-done:
		return r.plugs, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("Load did not return within 5 seconds")
		return nil, nil
	}
}

func TestNoReloadWithinAProcess(t *testing.T) {
	t.Parallel()
	dir1, dir2 := t.TempDir(), t.TempDir()
	p1 := link(t, dir1, hello, "hello", 1, nil)
	l := &soplugins.Loader{}
	load(t, l, dir1)

	// The same file, rebuilt as far as its manifest says: the process
	// keeps what it loaded, and says so.
	m := hello.Manifest
	m.Sequence = 2
	writeManifest(t, p1, &m)
	load(t, l, dir1)
	r := l.Report()
	if len(r.Loaded) != 1 || r.Loaded[0].Sequence != 1 || !strings.Contains(r.Loaded[0].Reason, "rebuilt (sequence 2) since this process loaded sequence 1") {
		t.Errorf("loaded %+v, want sequence 1 kept", r.Loaded)
	}

	// A newer build of NAME elsewhere: the one loaded stays.
	p2 := link(t, dir2, helloV2, "hello", 3, nil)
	out, err := runHost(context.Background(), load(t, l, dir1, dir2), "hello")
	if err != nil || out != "Hello, world! (from a Go plugin)\n" {
		t.Errorf("tool hello printed %q, %v; want the build loaded first", out, err)
	}
	r = l.Report()
	if len(r.Skipped) != 1 || r.Skipped[0].Path != p2 || !strings.Contains(r.Skipped[0].Reason, "start a new process") {
		t.Errorf("skipped %+v, want %s", r.Skipped, p2)
	}
}

func TestBuildRefusals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	own := func() (*debug.BuildInfo, bool) { return debug.ReadBuildInfo() }
	edited := func(edit func(*debug.BuildInfo)) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			bi, ok := debug.ReadBuildInfo()
			c := *bi
			c.Settings = append([]debug.BuildSetting(nil), bi.Settings...)
			edit(&c)
			return &c, ok
		}
	}
	for _, tc := range []struct {
		name string
		opts soplugins.BuildOptions
		want string
	}{
		{"no package", soplugins.BuildOptions{Out: "x", Env: os.Environ()}, "no package to build"},
		{"no out", soplugins.BuildOptions{Package: "./testdata/hello", Env: os.Environ()}, "no directory to write to"},
		{"no env", soplugins.BuildOptions{Package: "./testdata/hello", Out: "x"}, "pass os.Environ()"},
		{"bad name", soplugins.BuildOptions{Package: "./testdata/hello", Name: "a b", Out: "x", Env: os.Environ()}, `"a b" cannot be a plugin's NAME`},
		{"no go", soplugins.BuildOptions{Package: "./testdata/hello", Out: "x", Env: []string{"PATH=/nonexistent"}, BuildInfo: own}, "no go on the PATH"},
		{"no cgo", soplugins.BuildOptions{Package: "./testdata/hello", Out: "x", Env: os.Environ(), BuildInfo: edited(func(bi *debug.BuildInfo) {
			for i := range bi.Settings {
				if bi.Settings[i].Key == "CGO_ENABLED" {
					bi.Settings[i].Value = "0"
				}
			}
		})}, "built with CGO_ENABLED=0"},
		{"another go", soplugins.BuildOptions{Package: "./testdata/hello", Out: "x", Env: os.Environ(), BuildInfo: edited(func(bi *debug.BuildInfo) {
			bi.GoVersion = "go1.0.0"
		})}, "and the tool was built with go1.0.0"},
		{"no build info", soplugins.BuildOptions{Package: "./testdata/hello", Out: "x", Env: os.Environ(), BuildInfo: func() (*debug.BuildInfo, bool) { return nil, false }}, "no build info"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := soplugins.Build(ctx, tc.opts)
			if !errors.Is(err, soplugins.ErrBuild) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Build: %v, want ErrBuild: %q", err, tc.want)
			}
		})
	}
}

// TestBuildRefusesWhatWouldNotLoad builds hello for a tool whose main
// module is at another version: the build succeeds, its check does not,
// and nothing is left in Out.
func TestBuildRefusesWhatWouldNotLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a plugin")
	}
	t.Parallel()
	out := t.TempDir()
	_, err := soplugins.Build(context.Background(), soplugins.BuildOptions{
		Package: "./testdata/hello", Out: out, Env: os.Environ(),
		BuildInfo: func() (*debug.BuildInfo, bool) {
			bi, ok := debug.ReadBuildInfo()
			c := *bi
			c.Main.Version = "v9.9.9"
			return &c, ok
		},
	})
	var me *soplugins.MismatchError
	if !errors.As(err, &me) || !errors.Is(err, soplugins.ErrBuild) {
		t.Fatalf("Build: %v, want ErrBuild and a MismatchError", err)
	}
	main := hello.Manifest.Main
	if diff := cmp.Diff([]string{main.Path + " v9.9.9 here, " + main.Version + " in the plugin"}, me.Differences); diff != "" {
		t.Errorf("differences (-want +got):\n%s", diff)
	}
	if left, _ := os.ReadDir(out); len(left) != 0 {
		t.Errorf("Build left %v in Out", left)
	}
}

func TestBuildWritesWhatLoads(t *testing.T) {
	t.Parallel()
	want := "hello_" + strings.TrimPrefix(suffix(), "_")
	if filepath.Base(hello.Path) != want || hello.ManifestPath != manifestPath(hello.Path) {
		t.Errorf("Build wrote %s and %s, want %s", hello.Path, hello.ManifestPath, want)
	}
	m, err := readManifest(hello.Path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(hello.Manifest, *m); diff != "" {
		t.Errorf("manifest on disk (-Built +file):\n%s", diff)
	}
	bi, _ := debug.ReadBuildInfo()
	fi, err := os.Stat(hello.Path)
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != "hello" || m.Size != fi.Size() || m.GoVersion != bi.GoVersion || m.Package != "github.com/plughost/plughost/soplugins/testdata/hello" || m.Sequence <= 0 || !m.Cgo {
		t.Errorf("manifest %+v", m)
	}
	if !strings.Contains(strings.Join(m.Tags, ","), "plughost_so") {
		t.Errorf("manifest tags %v lack the test binary's plughost_so", m.Tags)
	}
}
