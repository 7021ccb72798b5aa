package info_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gobuffalo/here"
	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/info"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// The interfaces the host feeds the command through.
var (
	_ plugins.Command      = (*info.Cmd)(nil)
	_ plugins.Describer    = (*info.Cmd)(nil)
	_ plugins.Flagger      = (*info.Cmd)(nil)
	_ plugins.ArgsUsager   = (*info.Cmd)(nil)
	_ plugins.StdoutNeeder = (*info.Cmd)(nil)
)

func TestArgsUsage(t *testing.T) {
	t.Parallel()
	if diff := cmp.Diff("", (&info.Cmd{}).ArgsUsage()); diff != "" {
		t.Errorf("ArgsUsage (-want +got):\n%s", diff)
	}
}

// report runs c with --json and returns what it printed.
func report(c *info.Cmd) (info.Report, error) {
	var out bytes.Buffer
	c.JSON = true
	c.SetStdout(&out)
	if err := c.Main(context.Background(), nil); err != nil {
		return info.Report{}, err
	}
	var r info.Report
	err := json.Unmarshal(out.Bytes(), &r)
	return r, err
}

// inModule is what here finds in a module's root.
func inModule(dir string) (here.Info, error) {
	return here.Info{
		Dir:        "/src/mycli",
		ImportPath: "example.com/mycli",
		Module: here.Module{
			Path:      "example.com/mycli",
			Main:      true,
			Dir:       "/src/mycli",
			GoMod:     "/src/mycli/go.mod",
			GoVersion: "1.24",
		},
	}, nil
}

// outside is what here finds outside a module: for the current module, the
// parent of the null device.
func outside(dir string) (here.Info, error) {
	if dir == "" {
		dir = "/dev"
	}
	return here.Info{Dir: dir, Name: filepath.Base(dir), Module: here.Module{Path: "command-line-arguments", Main: true}}, nil
}

// noGo fails as here.Dir does when the go command is not on PATH.
func noGo(dir string) (here.Info, error) {
	err := fmt.Errorf("[go list -json] %w: ", &exec.Error{Name: "go", Err: exec.ErrNotFound})
	return here.Info{}, fmt.Errorf("here.Dir: %s: here.cache: %s: %w", dir, dir, err)
}

// stamped is the build info of a tool built from a tagged module.
func stamped() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{
		GoVersion: "go1.24.0",
		Path:      "example.com/mycli/cmd/mycli",
		Main:      debug.Module{Path: "example.com/mycli", Version: "v1.2.3"},
		Deps:      []*debug.Module{{Path: "github.com/plughost/plughost", Version: "v0.1.0"}},
	}, true
}

// devel is the build info of a tool built from a working tree: go build
// stamps no version, go run and go test "(devel)".
func devel() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{Path: "example.com/mycli", Main: debug.Module{Path: "example.com/mycli"}}, true
}

// notModule is the build info of a file built with go run outside a
// module.
func notModule() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{Path: "command-line-arguments"}, true
}

func noBuildInfo() (*debug.BuildInfo, bool) { return nil, false }

// hostile is text that could take over a terminal, or forge a line.
const hostile = "evil\n\x1b]0;pwned\a\x1b[2J\tname\xff\u2028x\u202e\x7f"

func hostileBuild() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{Path: "example.com/" + hostile, Main: debug.Module{Path: "example.com/" + hostile, Version: "v1" + hostile}}, true
}

func hostileExe() (string, error) { return "/usr/local/bin/" + hostile, nil }

func exe() (string, error) { return "/usr/local/bin/mycli", nil }

var errNoExe = errors.New("executable path not supported")

func noExe() (string, error) { return "", errNoExe }

// stable replaces what differs from one machine or checkout to the next.
func stable(t *testing.T, s string) string {
	t.Helper()
	td, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(
		td, "$TESTDATA",
		runtime.Version(), "$GOVERSION",
		runtime.GOOS+"/"+runtime.GOARCH, "$GOOS/$GOARCH",
		`"goos": "`+runtime.GOOS+`"`, `"goos": "$GOOS"`,
		`"goarch": "`+runtime.GOARCH+`"`, `"goarch": "$GOARCH"`,
	).Replace(s)
}

func TestMain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cmd     info.Cmd
		golden  string
		wantErr error
	}{
		{name: "own module", cmd: info.Cmd{BuildInfo: stamped, Here: noGo, Executable: exe}, golden: "own.txt"},
		{name: "own module json", cmd: info.Cmd{JSON: true, BuildInfo: stamped, Here: noGo, Executable: exe}, golden: "own.json"},
		{name: "own module from a working tree", cmd: info.Cmd{BuildInfo: devel, Executable: exe}, golden: "own_devel.txt"},
		{name: "not built in a module", cmd: info.Cmd{BuildInfo: notModule, Executable: exe}, golden: "own_outside.txt"},
		{name: "no build info", cmd: info.Cmd{BuildInfo: noBuildInfo, Executable: exe}, golden: "own_nobuildinfo.txt"},
		{name: "no executable", cmd: info.Cmd{BuildInfo: stamped, Executable: noExe}, golden: "noexe.txt"},
		{name: "nothing read", cmd: info.Cmd{BuildInfo: noBuildInfo, Executable: noExe}, golden: "nothing.txt", wantErr: info.ErrNothingRead},
		{name: "nothing read json", cmd: info.Cmd{JSON: true, BuildInfo: noBuildInfo, Executable: noExe}, golden: "nothing.json", wantErr: info.ErrNothingRead},
		{name: "directory", cmd: info.Cmd{Dir: "testdata", BuildInfo: stamped, Here: inModule, Executable: exe}, golden: "dir.txt"},
		{name: "directory json", cmd: info.Cmd{JSON: true, Dir: "testdata", BuildInfo: stamped, Here: inModule, Executable: exe}, golden: "dir.json"},
		{name: "directory outside a module", cmd: info.Cmd{Dir: "testdata", Here: outside, Executable: exe}, golden: "outside_dir.txt"},
		{name: "directory outside a module json", cmd: info.Cmd{JSON: true, Dir: "testdata", Here: outside, Executable: exe}, golden: "outside_dir.json"},
		{name: "no go command", cmd: info.Cmd{Dir: "testdata", Here: noGo, Executable: exe}, golden: "nogo_dir.txt"},
		{name: "no go command json", cmd: info.Cmd{JSON: true, Dir: "testdata", Here: noGo, Executable: exe}, golden: "nogo_dir.json"},
		{name: "no go command and no executable", cmd: info.Cmd{Dir: "testdata", Here: noGo, Executable: noExe}, golden: "nothing_dir.txt", wantErr: info.ErrNoGo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			c := tt.cmd
			c.SetStdout(&out)
			err := c.Main(context.Background(), nil)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			testhelpers.Golden(t, tt.golden, stable(t, out.String()))
		})
	}
}

func TestMain_hostileText(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	c := &info.Cmd{BuildInfo: hostileBuild, Executable: hostileExe}
	c.SetStdout(&out)
	if err := c.Main(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !utf8.ValidString(got) {
		t.Errorf("output is not valid UTF-8")
	}
	for i := 0; i < len(got); i++ {
		if c := got[i]; (c < 0x20 && c != '\n') || c == 0x7f {
			t.Errorf("output holds byte %#x at %d", c, i)
		}
	}
	// go, platform, executable, package, module and version.
	if n := strings.Count(got, "\n"); n != 6 {
		t.Errorf("output has %d lines, want 6", n)
	}
	testhelpers.Golden(t, "hostile.txt", stable(t, got))
}

// TestMain_ownModule reads the test binary's own build info: its main
// module is this repository's.
func TestMain_ownModule(t *testing.T) {
	t.Parallel()
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("the test binary has no build info")
	}
	var out bytes.Buffer
	c := &info.Cmd{JSON: true}
	c.SetStdout(&out)
	if err := c.Main(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	var got info.Report
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := info.Report{
		GoVersion:     runtime.Version(),
		GOOS:          runtime.GOOS,
		GOARCH:        runtime.GOARCH,
		Executable:    got.Executable,
		Package:       bi.Path,
		Module:        "github.com/plughost/plughost",
		ModuleVersion: bi.Main.Version,
		Errors:        []string{},
	}
	if got.Executable == "" {
		t.Error("no executable")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

func TestMain_dir(t *testing.T) {
	t.Parallel()
	abs, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		want string
	}{
		{name: "relative made absolute", dir: "testdata", want: abs},
		{name: "absolute kept", dir: abs, want: abs},
		{name: "cleaned", dir: "testdata/../testdata/", want: abs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			c := &info.Cmd{Dir: tt.dir, Executable: exe, Here: func(dir string) (here.Info, error) {
				got = append(got, dir)
				return inModule(dir)
			}}
			c.SetStdout(&bytes.Buffer{})
			if err := c.Main(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("dir given to Here (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMain_noDirRunsNoGo checks that without --dir info asks neither here
// nor the go command: the binary's build info is enough.
func TestMain_noDirRunsNoGo(t *testing.T) {
	t.Parallel()
	c := &info.Cmd{BuildInfo: stamped, Executable: exe, Here: func(dir string) (here.Info, error) {
		t.Errorf("Here(%q) called without --dir", dir)
		return here.Info{}, nil
	}}
	c.SetStdout(&bytes.Buffer{})
	if err := c.Main(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}

type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestMain_errors(t *testing.T) {
	t.Parallel()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		cmd     info.Cmd
		ctx     context.Context
		args    []string
		wantIs  error
		wantMsg string
	}{
		{
			name:    "argument",
			args:    []string{"x"},
			wantIs:  info.ErrUnexpectedArgument,
			wantMsg: `unexpected argument "x": want no arguments`,
		},
		{
			name:    "argument is a usage error",
			args:    []string{"x", "y"},
			wantIs:  plugins.ErrUsage,
			wantMsg: `unexpected argument "x": want no arguments`,
		},
		{
			name:    "no such directory",
			cmd:     info.Cmd{Dir: "testdata/nonexistent", Here: inModule, Executable: exe},
			wantIs:  os.ErrNotExist,
			wantMsg: `directory "testdata/nonexistent": stat $TESTDATA/nonexistent: no such file or directory`,
		},
		{
			name:    "cancelled",
			cmd:     info.Cmd{Here: inModule, Executable: exe},
			ctx:     cancelled,
			wantIs:  context.Canceled,
			wantMsg: "context canceled",
		},
		{
			name:    "nothing read",
			cmd:     info.Cmd{BuildInfo: noBuildInfo, Executable: noExe},
			wantIs:  info.ErrNoBuildInfo,
			wantMsg: "nothing could be read: executable path not supported; the binary holds no build info",
		},
		{
			name:    "nothing read in a directory",
			cmd:     info.Cmd{Dir: "testdata", Here: noGo, Executable: noExe},
			wantIs:  exec.ErrNotFound,
			wantMsg: "nothing could be read: executable path not supported; the go command is not on PATH",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			c := tt.cmd
			c.SetStdout(&bytes.Buffer{})
			err := c.Main(ctx, tt.args)
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("got error %v, want one wrapping %v", err, tt.wantIs)
			}
			if diff := cmp.Diff(tt.wantMsg, stable(t, err.Error())); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// halfWriter writes half of what it is given and reports no error.
type halfWriter struct{ bytes.Buffer }

func (w *halfWriter) Write(p []byte) (int, error) { return w.Buffer.Write(p[:len(p)/2]) }

func TestMain_writeError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		w      io.Writer
		json   bool
		wantIs error
	}{
		{name: "failed", w: failWriter{}, wantIs: errWrite},
		{name: "short", w: &halfWriter{}, wantIs: io.ErrShortWrite},
		{name: "short json", w: &halfWriter{}, json: true, wantIs: io.ErrShortWrite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &info.Cmd{JSON: tt.json, BuildInfo: stamped, Executable: exe}
			c.SetStdout(tt.w)
			if err := c.Main(context.Background(), nil); !errors.Is(err, tt.wantIs) {
				t.Fatalf("got error %v, want one wrapping %v", err, tt.wantIs)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	t.Parallel()
	type fields struct {
		JSON bool
		Dir  string
	}
	tests := []struct {
		name string
		cmd  info.Cmd
		args []string
		want fields
	}{
		{name: "none"},
		{name: "both", args: []string{"-json", "-dir", "x"}, want: fields{JSON: true, Dir: "x"}},
		{name: "fields set in code survive", cmd: info.Cmd{JSON: true, Dir: "y"}, want: fields{JSON: true, Dir: "y"}},
		{name: "flags override code", cmd: info.Cmd{JSON: true, Dir: "y"}, args: []string{"-json=false", "-dir=z"}, want: fields{Dir: "z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := tt.cmd
			if err := c.Flags().Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, fields{c.JSON, c.Dir}); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMain_here runs the go command through here, so it is slow, and it
// is not parallel: here.Dir changes the process's working directory while
// it runs, which would break the other tests' reading of testdata.
func TestMain_here(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	gomod := filepath.Join(dir, "go.mod")
	if err := os.WriteFile(gomod, []byte("module example.com/tiny\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	c := &info.Cmd{JSON: true, Dir: dir}
	c.SetStdout(&out)
	if err := c.Main(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	var got info.Report
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Executable == "" {
		t.Error("no executable")
	}
	want := info.Report{
		GoVersion: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, Executable: got.Executable,
		Dir: dir, Module: "example.com/tiny", ModuleDir: dir, GoMod: gomod, GoDirective: "1.22",
		Errors: []string{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	if now, err := os.Getwd(); err != nil || now != wd {
		t.Errorf("working directory is %q (%v) after the run, want %q", now, err, wd)
	}
}

// TestMain_hereWithoutGo runs here with no go command on PATH: info says
// so in one line. It is not parallel, as it sets PATH and here changes
// the working directory.
func TestMain_hereWithoutGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	var out bytes.Buffer
	c := &info.Cmd{Dir: "testdata", Executable: exe}
	c.SetStdout(&out)
	if err := c.Main(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	testhelpers.Golden(t, "nogo_dir.txt", stable(t, out.String()))
}

// The JSON is what encoding/json marshals a Report to, byte for byte,
// whatever the strings hold.
func TestMain_jsonIsAMarshalledReport(t *testing.T) {
	t.Parallel()
	platform := info.Report{GoVersion: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH}
	tests := []struct {
		name    string
		cmd     info.Cmd
		want    func(r info.Report) info.Report
		wantErr error
	}{
		{
			name: "hostile strings",
			cmd:  info.Cmd{BuildInfo: hostileBuild, Executable: hostileExe},
			want: func(r info.Report) info.Report {
				r.Executable = "/usr/local/bin/" + hostile
				r.Package, r.Module, r.ModuleVersion = "example.com/"+hostile, "example.com/"+hostile, "v1"+hostile
				r.Errors = []string{}
				return r
			},
		},
		{
			name: "a directory",
			cmd:  info.Cmd{Dir: "testdata", Here: inModule, Executable: exe},
			want: func(r info.Report) info.Report {
				r.Executable, r.Dir, r.Module = "/usr/local/bin/mycli", "/src/mycli", "example.com/mycli"
				r.ModuleDir, r.GoMod, r.GoDirective = "/src/mycli", "/src/mycli/go.mod", "1.24"
				r.Errors = []string{}
				return r
			},
		},
		{
			name: "errors",
			cmd:  info.Cmd{BuildInfo: noBuildInfo, Executable: noExe},
			want: func(r info.Report) info.Report {
				r.Errors = []string{"executable: " + errNoExe.Error(), "module: " + info.ErrNoBuildInfo.Error()}
				return r
			},
			wantErr: info.ErrNothingRead,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			c := tt.cmd
			c.JSON = true
			c.SetStdout(&out)
			if err := c.Main(context.Background(), nil); !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(tt.want(platform)); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), out.String()); diff != "" {
				t.Errorf("JSON (-encoding/json +got):\n%s", diff)
			}
		})
	}
}
