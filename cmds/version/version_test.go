package version_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// build returns a BuildInfo func for a tool built from module
// github.com/plughost/plughost at v, with the given settings.
func build(v string, settings ...debug.BuildSetting) func() (*debug.BuildInfo, bool) {
	return func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{
			GoVersion: "go1.24.0",
			Path:      "github.com/plughost/plughost/examples/mycli",
			Main:      debug.Module{Path: "github.com/plughost/plughost", Version: v},
			Deps: []*debug.Module{
				{Path: "github.com/google/go-cmp", Version: "v0.7.0"},
				{Path: "github.com/plughost/plughost/internal", Version: "v0.3.0"},
			},
			Settings: settings,
		}, true
	}
}

var vcs = []debug.BuildSetting{
	{Key: "-buildmode", Value: "exe"},
	{Key: "vcs", Value: "git"},
	{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
	{Key: "vcs.time", Value: "2025-01-02T03:04:05Z"},
	{Key: "vcs.modified", Value: "true"},
}

// named is a plugin that is not a pointer.
type named string

func (n named) Name() string { return string(n) }

// versioned reports its own version.
type versioned struct{ n, v string }

func (p *versioned) Name() string          { return p.n }
func (p *versioned) PluginVersion() string { return p.v }

// hidden is a hidden command.
type hidden struct{ testhelpers.Command }

func (*hidden) HidePlugin() {}

// panicky panics in the method it is named after.
type panicky string

func (p panicky) Name() string {
	if p == "Name" {
		panic("boom")
	}
	return "panicky"
}

func (p panicky) PluginVersion() string {
	if p == "PluginVersion" {
		panic(errors.New("bang"))
	}
	return ""
}

type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func feeder(p ...plugins.Plugin) plugins.PluginFeeder {
	return func() []plugins.Plugin { return p }
}

func run(t *testing.T, c *version.Cmd, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	c.SetStdout(&out)
	err := c.Main(context.Background(), args)
	return out.String(), err
}

func TestMain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cmd  *version.Cmd
		host plugins.Command
		want string
	}{
		{
			name: "devel without vcs",
			cmd:  &version.Cmd{BuildInfo: build("(devel)")},
			want: "mycli version (devel)\n  go  go1.24.0\n",
		},
		{
			name: "empty version is devel",
			cmd:  &version.Cmd{BuildInfo: build("")},
			want: "mycli version (devel)\n  go  go1.24.0\n",
		},
		{
			name: "release with vcs",
			cmd:  &version.Cmd{BuildInfo: build("v1.2.3", vcs...)},
			want: "mycli version v1.2.3\n" +
				"  revision  0123456789abcdef0123456789abcdef01234567\n" +
				"  time      2025-01-02T03:04:05Z\n" +
				"  modified  true\n" +
				"  go        go1.24.0\n",
		},
		{
			name: "host names the tool",
			cmd:  &version.Cmd{BuildInfo: build("v1.2.3")},
			host: &testhelpers.Command{N: "othercli"},
			want: "othercli version v1.2.3\n  go  go1.24.0\n",
		},
		{
			name: "host without a name",
			cmd:  &version.Cmd{BuildInfo: build("v1.2.3")},
			host: &testhelpers.Command{},
			want: "mycli version v1.2.3\n  go  go1.24.0\n",
		},
		{
			name: "no build info",
			cmd:  &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) { return nil, false }},
			want: "version (unknown)\n",
		},
		{
			name: "nil build info",
			cmd:  &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) { return nil, true }},
			want: "version (unknown)\n",
		},
		{
			name: "major version path",
			cmd: &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) {
				return &debug.BuildInfo{Path: "example.com/tool/v2", Main: debug.Module{Path: "example.com/tool/v2", Version: "v2.0.1"}}, true
			}},
			want: "tool version v2.0.1\n",
		},
		{
			name: "a major version path of one element",
			cmd: &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) {
				return &debug.BuildInfo{Path: "v2", Main: debug.Module{Path: "v2", Version: "v2.0.1"}}, true
			}},
			want: "v2 version v2.0.1\n",
		},
		{
			name: "a path of one element",
			cmd: &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) {
				return &debug.BuildInfo{Path: "tool", Main: debug.Module{Path: "tool", Version: "v1.0.0"}}, true
			}},
			want: "tool version v1.0.0\n",
		},
		{
			name: "a deep major version path",
			cmd: &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) {
				return &debug.BuildInfo{Path: "example.com/x/cmd/tool/v10", Main: debug.Module{Path: "example.com/x/v10", Version: "v10.0.0"}}, true
			}},
			want: "tool version v10.0.0\n",
		},
		{
			name: "go run of a file",
			cmd: &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) {
				return &debug.BuildInfo{Path: "command-line-arguments", Main: debug.Module{Path: "example.com/tool"}}, true
			}},
			want: "version (devel)\n",
		},
		{
			name: "no plugins",
			cmd:  &version.Cmd{Plugins: true, BuildInfo: build("v1.2.3")},
			want: "mycli version v1.2.3\n  go  go1.24.0\n\nno plugins\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.host != nil {
				tt.cmd.WithHost(tt.host)
			}
			got, err := run(t, tt.cmd)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

// plugs is a tool's plugins, one of each kind the listing shows.
func plugs() []plugins.Plugin {
	return []plugins.Plugin{
		&version.Cmd{},
		&testhelpers.Command{N: "greet"},
		named("db/migrate"),
		&versioned{n: "deploy", v: "v4.5.6"},
		&versioned{n: "deploy2"},
		&hidden{testhelpers.Command{N: "secret"}},
		panicky("Name"),
		panicky("PluginVersion"),
	}
}

func TestMain_plugins(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		json   bool
		golden string
	}{
		{name: "text", golden: "plugins.txt"},
		{name: "json", json: true, golden: "plugins.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &version.Cmd{JSON: tt.json, Plugins: true, BuildInfo: build("v1.2.3", vcs...)}
			c.WithHost(&testhelpers.Command{N: "mycli"})
			c.WithPlugins(feeder(plugs()...))
			got, err := run(t, c)
			if err != nil {
				t.Fatal(err)
			}
			testhelpers.Golden(t, tt.golden, got)
		})
	}
}

func TestMain_json(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		bi   func() (*debug.BuildInfo, bool)
		want string
	}{
		{
			name: "vcs",
			bi:   build("v1.2.3", vcs...),
			want: `{
  "name": "mycli",
  "version": "v1.2.3",
  "go_version": "go1.24.0",
  "revision": "0123456789abcdef0123456789abcdef01234567",
  "time": "2025-01-02T03:04:05Z",
  "modified": true
}
`,
		},
		{
			name: "no vcs",
			bi:   build("(devel)"),
			want: `{
  "name": "mycli",
  "version": "(devel)",
  "go_version": "go1.24.0",
  "revision": "",
  "time": "",
  "modified": null
}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := run(t, &version.Cmd{JSON: true, BuildInfo: tt.bi})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

// badHost is a host whose Name panics.
type badHost struct{ testhelpers.Command }

func (*badHost) Name() string { panic("no name") }

func TestMain_errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cmd     func() *version.Cmd
		args    []string
		wantIs  error
		wantMsg string
	}{
		{
			name:    "argument",
			cmd:     func() *version.Cmd { return &version.Cmd{} },
			args:    []string{"x", "y"},
			wantIs:  version.ErrUnexpectedArgument,
			wantMsg: `unexpected argument "x": want no arguments`,
		},
		{
			name:    "argument is a usage error",
			cmd:     func() *version.Cmd { return &version.Cmd{} },
			args:    []string{"x"},
			wantIs:  plugins.ErrUsage,
			wantMsg: `unexpected argument "x": want no arguments`,
		},
		{
			name: "argument before the host is asked",
			cmd: func() *version.Cmd {
				c := &version.Cmd{BuildInfo: build("v1")}
				c.WithHost(&badHost{})
				return c
			},
			args:    []string{"x"},
			wantIs:  plugins.ErrUsage,
			wantMsg: `unexpected argument "x": want no arguments`,
		},
		{
			name: "host panics",
			cmd: func() *version.Cmd {
				c := &version.Cmd{BuildInfo: build("v1")}
				c.WithHost(&badHost{})
				return c
			},
			wantIs:  fault.ErrPanic,
			wantMsg: "naming the tool: plugin of type *version_test.badHost: Name: panic: no name",
		},
		{
			name: "host's ToolVersion panics",
			cmd: func() *version.Cmd {
				c := &version.Cmd{BuildInfo: build("v1")}
				c.WithHost(&versionHost{Command: testhelpers.Command{N: "mycli"}, panics: true})
				return c
			},
			wantIs:  fault.ErrPanic,
			wantMsg: `reading the tool's version: plugin "mycli" (*version_test.versionHost): ToolVersion: panic: no version`,
		},
		{
			name: "feeder panics",
			cmd: func() *version.Cmd {
				c := &version.Cmd{Plugins: true, BuildInfo: build("v1")}
				c.WithPlugins(func() []plugins.Plugin { panic("no plugins") })
				return c
			},
			wantIs:  fault.ErrPanic,
			wantMsg: `reading the plugins: plugin "version" (*version.Cmd): PluginFeeder: panic: no plugins`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, err := run(t, tt.cmd(), tt.args...)
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("got error %v, want one wrapping %v", err, tt.wantIs)
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if out != "" {
				t.Errorf("printed %q on error", out)
			}
		})
	}
}

func TestMain_writeError(t *testing.T) {
	t.Parallel()
	c := &version.Cmd{BuildInfo: build("v1")}
	c.SetStdout(failWriter{})
	err := c.Main(context.Background(), nil)
	if !errors.Is(err, errWrite) {
		t.Fatalf("got error %v, want one wrapping %v", err, errWrite)
	}
}

func TestFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cmd  version.Cmd
		args []string
		want version.Cmd
	}{
		{name: "none", args: nil, want: version.Cmd{}},
		{name: "both", args: []string{"-json", "-plugins"}, want: version.Cmd{JSON: true, Plugins: true}},
		{name: "field set in code survives", cmd: version.Cmd{JSON: true}, args: []string{"-plugins"}, want: version.Cmd{JSON: true, Plugins: true}},
		{name: "field set in code turned off", cmd: version.Cmd{JSON: true}, args: []string{"-json=false"}, want: version.Cmd{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := tt.cmd
			fs := c.Flags()
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			got := struct{ JSON, Plugins bool }{c.JSON, c.Plugins}
			want := struct{ JSON, Plugins bool }{tt.want.JSON, tt.want.Plugins}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
			if fs.ErrorHandling() != flag.ContinueOnError {
				t.Errorf("error handling %v, want ContinueOnError", fs.ErrorHandling())
			}
			if c.Flags() == fs {
				t.Error("Flags returned the same set twice")
			}
		})
	}
}

func TestZeroValue(t *testing.T) {
	t.Parallel()
	got, err := run(t, &version.Cmd{})
	if err != nil {
		t.Fatal(err)
	}
	// A test binary is named after its package and built from a working
	// tree.
	if !strings.HasPrefix(got, "version.test version (devel)\n") {
		t.Errorf("got %q", got)
	}
}

// The interfaces the host feeds the command through.
var (
	_ plugins.Command      = (*version.Cmd)(nil)
	_ plugins.Describer    = (*version.Cmd)(nil)
	_ plugins.Flagger      = (*version.Cmd)(nil)
	_ plugins.ArgsUsager   = (*version.Cmd)(nil)
	_ plugins.HostNeeder   = (*version.Cmd)(nil)
	_ plugins.PluginNeeder = (*version.Cmd)(nil)
	_ plugins.StdoutNeeder = (*version.Cmd)(nil)
)

func TestArgsUsage(t *testing.T) {
	t.Parallel()
	if diff := cmp.Diff("", (&version.Cmd{}).ArgsUsage()); diff != "" {
		t.Errorf("ArgsUsage (-want +got):\n%s", diff)
	}
}

// versionHost is a host that knows the tool's version, as cli.Host does
// when its Version is set.
type versionHost struct {
	testhelpers.Command
	v      string
	panics bool
	calls  int
}

func (h *versionHost) ToolVersion() string {
	h.calls++
	if h.panics {
		panic("no version")
	}
	return h.v
}

var _ version.ToolVersioner = (*versionHost)(nil)

func TestMain_toolVersion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cmd  *version.Cmd
		host *versionHost
		want string
	}{
		{
			name: "the host's version replaces the module's",
			cmd:  &version.Cmd{BuildInfo: build("v1.2.3", vcs...)},
			host: &versionHost{Command: testhelpers.Command{N: "mycli"}, v: "v2.0.0-rc.1"},
			want: "mycli version v2.0.0-rc.1\n" +
				"  revision  0123456789abcdef0123456789abcdef01234567\n" +
				"  time      2025-01-02T03:04:05Z\n" +
				"  modified  true\n" +
				"  go        go1.24.0\n",
		},
		{
			name: "it replaces (devel)",
			cmd:  &version.Cmd{BuildInfo: build("(devel)")},
			host: &versionHost{Command: testhelpers.Command{N: "mycli"}, v: "1.0.0"},
			want: "mycli version 1.0.0\n  go  go1.24.0\n",
		},
		{
			name: "an empty version keeps the module's",
			cmd:  &version.Cmd{BuildInfo: build("v1.2.3")},
			host: &versionHost{Command: testhelpers.Command{N: "mycli"}},
			want: "mycli version v1.2.3\n  go  go1.24.0\n",
		},
		{
			name: "it replaces (unknown) without build info",
			cmd:  &version.Cmd{BuildInfo: func() (*debug.BuildInfo, bool) { return nil, false }},
			host: &versionHost{Command: testhelpers.Command{N: "mycli"}, v: "v3.0.0"},
			want: "mycli version v3.0.0\n",
		},
		{
			name: "a nameless host still gives the version",
			cmd:  &version.Cmd{BuildInfo: build("v1.2.3")},
			host: &versionHost{v: "v3.0.0"},
			want: "mycli version v3.0.0\n  go  go1.24.0\n",
		},
		{
			name: "it is escaped",
			cmd:  &version.Cmd{BuildInfo: build("v1.2.3")},
			host: &versionHost{Command: testhelpers.Command{N: "mycli"}, v: "v1\x1b[2J\n"},
			want: "mycli version v1\\x1b[2J\\n\n  go  go1.24.0\n",
		},
		{
			name: "JSON has it exact",
			cmd:  &version.Cmd{JSON: true, BuildInfo: build("v1.2.3")},
			host: &versionHost{Command: testhelpers.Command{N: "mycli"}, v: "v1\x1b"},
			want: `{
  "name": "mycli",
  "version": "v1\u001b",
  "go_version": "go1.24.0",
  "revision": "",
  "time": "",
  "modified": null
}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.cmd.WithHost(tt.host)
			got, err := run(t, tt.cmd)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(1, tt.host.calls); diff != "" {
				t.Errorf("ToolVersion calls (-want +got):\n%s", diff)
			}
		})
	}
}
