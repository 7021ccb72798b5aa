package info_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

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
	_ plugins.StdoutNeeder = (*info.Cmd)(nil)
)

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

var errNoGo = errors.New("[go list -json] exec: \"go\": executable file not found in $PATH:\n")

func noGo(string) (here.Info, error) { return here.Info{}, errNoGo }

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
		{name: "module", cmd: info.Cmd{Here: inModule, Executable: exe}, golden: "module.txt"},
		{name: "module json", cmd: info.Cmd{JSON: true, Here: inModule, Executable: exe}, golden: "module.json"},
		{name: "outside a module", cmd: info.Cmd{Here: outside, Executable: exe}, golden: "outside.txt"},
		{name: "directory outside a module", cmd: info.Cmd{Dir: "testdata", Here: outside, Executable: exe}, golden: "outside_dir.txt"},
		{name: "directory outside a module json", cmd: info.Cmd{JSON: true, Dir: "testdata", Here: outside, Executable: exe}, golden: "outside_dir.json"},
		{name: "no go command", cmd: info.Cmd{Here: noGo, Executable: exe}, golden: "nogo.txt"},
		{name: "no go command in a directory", cmd: info.Cmd{Dir: "testdata", Here: noGo, Executable: exe}, golden: "nogo_dir.txt"},
		{name: "no executable", cmd: info.Cmd{Here: inModule, Executable: noExe}, golden: "noexe.txt"},
		{name: "nothing read", cmd: info.Cmd{Here: noGo, Executable: noExe}, golden: "nothing.txt", wantErr: info.ErrNothingRead},
		{name: "nothing read json", cmd: info.Cmd{JSON: true, Here: noGo, Executable: noExe}, golden: "nothing.json", wantErr: info.ErrNothingRead},
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
		{name: "empty is the current module", dir: "", want: ""},
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
		w       failWriter
		wantIs  error
		wantMsg string
	}{
		{
			name:    "argument",
			args:    []string{"x"},
			wantIs:  info.ErrUnexpectedArgument,
			wantMsg: `unexpected argument "x"`,
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
			cmd:     info.Cmd{Here: noGo, Executable: noExe},
			wantIs:  errNoGo,
			wantMsg: "nothing could be read: executable path not supported; current module: " + errNoGo.Error(),
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

func TestMain_writeError(t *testing.T) {
	t.Parallel()
	c := &info.Cmd{Here: inModule, Executable: exe}
	c.SetStdout(failWriter{})
	if err := c.Main(context.Background(), nil); !errors.Is(err, errWrite) {
		t.Fatalf("got error %v, want one wrapping %v", err, errWrite)
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
	tests := []struct {
		name string
		dir  string
		want info.Report
	}{
		{
			name: "a module of no packages",
			dir:  dir,
			want: info.Report{Dir: dir, Module: "example.com/tiny", ModuleDir: dir, GoMod: gomod, GoDirective: "1.22"},
		},
		{
			name: "the current module",
			dir:  "",
			want: info.Report{Module: "github.com/plughost/plughost"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			c := &info.Cmd{JSON: true, Dir: tt.dir}
			c.SetStdout(&out)
			if err := c.Main(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			var got info.Report
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{}, got.Errors); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if tt.dir == "" {
				// Where the module sits depends on the checkout.
				tt.want.Dir, tt.want.ModuleDir, tt.want.GoMod, tt.want.GoDirective = got.Dir, got.ModuleDir, got.GoMod, got.GoDirective
				if !strings.HasSuffix(got.GoMod, "go.mod") || got.Dir != got.ModuleDir {
					t.Errorf("current module at %q, go.mod %q", got.Dir, got.GoMod)
				}
			}
			tt.want.GoVersion, tt.want.GOOS, tt.want.GOARCH, tt.want.Errors = runtime.Version(), runtime.GOOS, runtime.GOARCH, []string{}
			if got.Executable == "" {
				t.Error("no executable")
			}
			tt.want.Executable = got.Executable
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
			if now, err := os.Getwd(); err != nil || now != wd {
				t.Errorf("working directory is %q (%v) after the run, want %q", now, err, wd)
			}
		})
	}
}
