package version_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// hostile is text a plugin, or a build, could hold to take over a
// terminal, or to forge a row of a listing.
const hostile = "evil\n\x1b]0;pwned\a\x1b[2J\tname\xff\u2028x\u202e\x7f"

// hostiles are plugins that write hostile text wherever the listing shows
// what a plugin wrote.
func hostiles() []plugins.Plugin {
	return []plugins.Plugin{
		named(hostile),
		&versioned{n: "deploy", v: hostile},
		&testhelpers.Command{N: "greet"},
	}
}

// hostileBuild is build info whose every field is hostile, as a binary
// built by someone else could hold.
func hostileBuild() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{
		GoVersion: "go1.24.0" + hostile,
		Path:      "example.com/" + hostile,
		Main:      debug.Module{Path: "github.com/plughost/plughost", Version: "v1" + hostile},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123" + hostile},
			{Key: "vcs.time", Value: "2025" + hostile},
		},
	}, true
}

// checkTerminalSafe reports any byte of a text listing that could do more
// on a terminal than show itself, and a line count other than want.
func checkTerminalSafe(t *testing.T, out string, lines int) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8")
	}
	for i := 0; i < len(out); i++ {
		if c := out[i]; (c < 0x20 && c != '\n') || c == 0x7f {
			t.Errorf("output holds byte %#x at %d", c, i)
		}
	}
	for _, r := range out {
		if r == '\u2028' || r == '\u2029' || r == '\u202e' || r == '\u0085' {
			t.Errorf("output holds %U", r)
		}
	}
	if got := strings.Count(out, "\n"); got != lines || !strings.HasSuffix(out, "\n") {
		t.Errorf("output has %d lines, want %d", got, lines)
	}
}

func TestMain_hostileText(t *testing.T) {
	t.Parallel()
	c := &version.Cmd{Plugins: true, BuildInfo: hostileBuild}
	c.WithHost(&testhelpers.Command{N: "tool" + hostile})
	c.WithPlugins(feeder(hostiles()...))
	out, err := run(t, c)
	if err != nil {
		t.Fatal(err)
	}
	// The version line, revision, time and go; a blank line, the header
	// and a row per plugin.
	checkTerminalSafe(t, out, 4+2+len(hostiles()))
	testhelpers.Golden(t, "hostile.txt", out)
}

func TestMain_hostileJSONIsExact(t *testing.T) {
	t.Parallel()
	c := &version.Cmd{JSON: true, Plugins: true, BuildInfo: hostileBuild}
	c.WithHost(&testhelpers.Command{N: "tool" + hostile})
	c.WithPlugins(feeder(hostiles()...))
	out, err := run(t, c)
	if err != nil {
		t.Fatal(err)
	}
	type plugin struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	type report struct {
		Name      string   `json:"name"`
		Version   string   `json:"version"`
		GoVersion string   `json:"go_version"`
		Revision  string   `json:"revision"`
		Time      string   `json:"time"`
		Plugins   []plugin `json:"plugins"`
	}
	var got report
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// JSON cannot hold invalid UTF-8: the decoder reads \xff back as
	// U+FFFD, as the encoder wrote it.
	exact := strings.ToValidUTF8(hostile, "\uFFFD")
	want := report{
		Name:      "tool" + exact,
		Version:   "v1" + exact,
		GoVersion: "go1.24.0" + exact,
		Revision:  "0123" + exact,
		Time:      "2025" + exact,
		Plugins: []plugin{
			{Name: exact, Version: "v1" + exact},
			{Name: "deploy", Version: exact},
			{Name: "greet", Version: "v1" + exact},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// halfWriter writes half of what it is given and reports no error.
type halfWriter struct{ bytes.Buffer }

func (w *halfWriter) Write(p []byte) (int, error) { return w.Buffer.Write(p[:len(p)/2]) }

func TestMain_shortWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cmd  *version.Cmd
	}{
		{name: "text", cmd: &version.Cmd{BuildInfo: build("v1.2.3", vcs...)}},
		{name: "json", cmd: &version.Cmd{JSON: true, BuildInfo: build("v1.2.3", vcs...)}},
		{name: "plugins", cmd: &version.Cmd{Plugins: true, BuildInfo: build("v1.2.3", vcs...)}},
		{name: "plugins json", cmd: &version.Cmd{JSON: true, Plugins: true, BuildInfo: build("v1.2.3", vcs...)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := &halfWriter{}
			tt.cmd.SetStdout(w)
			tt.cmd.WithPlugins(feeder(plugs()...))
			err := tt.cmd.Main(context.Background(), nil)
			if !errors.Is(err, io.ErrShortWrite) {
				t.Fatalf("got error %v, want one wrapping io.ErrShortWrite", err)
			}
			if diff := cmp.Diff("writing output: short write", err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if w.Len() == 0 {
				t.Errorf("nothing written")
			}
		})
	}
}

// TestMain_panicInARow checks that a plugin that panics while --plugins
// lists it gets the text of the host's fault type in its row, and does not
// fail the listing; a hidden plugin is not called.
func TestMain_panicInARow(t *testing.T) {
	t.Parallel()
	c := &version.Cmd{JSON: true, Plugins: true, BuildInfo: build("v1")}
	c.WithPlugins(feeder(panicky("Name"), panicky("PluginVersion"), hiddenBomb{}))
	out, err := run(t, c)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Plugins []struct {
			Name  string `json:"name"`
			Error string `json:"error"`
		} `json:"plugins"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		Name  string `json:"name"`
		Error string `json:"error"`
	}{
		{Error: "plugin of type version_test.panicky: Name: panic: boom"},
		{Name: "panicky", Error: `plugin "panicky" (version_test.panicky): PluginVersion: panic: bang`},
	}
	if diff := cmp.Diff(want, got.Plugins); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// hiddenBomb is a hidden plugin whose Name panics: listing it would say so.
type hiddenBomb struct{}

func (hiddenBomb) Name() string { panic("hidden plugins are not listed") }
func (hiddenBomb) HidePlugin()  {}

// TestMain_panicIsAPluginError checks the errors that fail the command:
// they are the host's fault type, so errors.Is finds fault.ErrPanic (which
// cli re-exports as cli.ErrPanic) and errors.As a *fault.PluginError.
func TestMain_panicIsAPluginError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cmd  func() *version.Cmd
		want []string // plugin, type and method
	}{
		{
			name: "host",
			cmd: func() *version.Cmd {
				c := &version.Cmd{BuildInfo: build("v1")}
				c.WithHost(&badHost{})
				return c
			},
			want: []string{"", "*version_test.badHost", "Name"},
		},
		{
			name: "host's ToolVersion",
			cmd: func() *version.Cmd {
				c := &version.Cmd{BuildInfo: build("v1")}
				c.WithHost(&versionHost{Command: testhelpers.Command{N: "mycli"}, panics: true})
				return c
			},
			want: []string{"mycli", "*version_test.versionHost", "ToolVersion"},
		},
		{
			name: "feeder",
			cmd: func() *version.Cmd {
				c := &version.Cmd{Plugins: true, BuildInfo: build("v1")}
				c.WithPlugins(func() []plugins.Plugin { panic("no plugins") })
				return c
			},
			want: []string{"version", "*version.Cmd", "PluginFeeder"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := run(t, tt.cmd())
			if !errors.Is(err, fault.ErrPanic) {
				t.Errorf("got error %v, want one wrapping fault.ErrPanic", err)
			}
			var pe *fault.PluginError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *fault.PluginError", err)
			}
			if diff := cmp.Diff(tt.want, []string{pe.Plugin, pe.Type, pe.Method}); diff != "" {
				t.Errorf("plugin, type and method (-want +got):\n%s", diff)
			}
		})
	}
}

// exiter calls runtime.Goexit in the method named by its field, as a
// plugin whose method calls t.FailNow would.
type exiter string

func (e exiter) exit(method string) {
	if string(e) == method {
		runtime.Goexit()
	}
}

func (e exiter) Name() string          { e.exit("Name"); return "exiter" }
func (e exiter) PluginVersion() string { e.exit("PluginVersion"); return "" }

// TestMain_goexitIsPutDownToThePlugin runs the command the way the host
// does, on a goroutine of its own with a recorder in its context: a
// plugin that calls runtime.Goexit ends that goroutine, and the recorder
// is told the plugin and method.
func TestMain_goexitIsPutDownToThePlugin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		host   plugins.Command // a host that calls runtime.Goexit
		feeder plugins.PluginFeeder
		want   fault.PluginError
	}{
		{
			name:   "Name of a listed plugin",
			feeder: feeder(&testhelpers.Command{N: "before"}, exiter("Name")),
			want:   fault.PluginError{Type: "version_test.exiter", Method: "Name", Err: fault.ErrGoexit},
		},
		{
			name:   "PluginVersion of a listed plugin",
			feeder: feeder(exiter("PluginVersion")),
			want:   fault.PluginError{Plugin: "exiter", Type: "version_test.exiter", Method: "PluginVersion", Err: fault.ErrGoexit},
		},
		{
			name:   "the feeder",
			feeder: func() []plugins.Plugin { runtime.Goexit(); return nil },
			want:   fault.PluginError{Plugin: "version", Type: "*version.Cmd", Method: "PluginFeeder", Err: fault.ErrGoexit},
		},
		{
			name: "the host's Name",
			host: &exitingHost{},
			want: fault.PluginError{Type: "*version_test.exitingHost", Method: "Name", Err: fault.ErrGoexit},
		},
		{
			name: "the host's ToolVersion",
			host: &exitingVersionHost{testhelpers.Command{N: "mycli"}},
			want: fault.PluginError{Plugin: "mycli", Type: "*version_test.exitingVersionHost", Method: "ToolVersion", Err: fault.ErrGoexit},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &version.Cmd{Plugins: true, BuildInfo: build("v1")}
			c.SetStdout(io.Discard)
			c.WithPlugins(tt.feeder)
			if tt.host != nil {
				c.WithHost(tt.host)
			}
			var got []fault.PluginError
			ctx := fault.WithRecorder(context.Background(), func(e *fault.PluginError) { got = append(got, *e) })
			done := make(chan struct{})
			returned := false
			go func() {
				defer close(done)
				c.Main(ctx, nil)
				returned = true
			}()
			<-done
			if returned {
				t.Errorf("Main returned; the Goexit should have ended its goroutine")
			}
			if diff := cmp.Diff([]fault.PluginError{tt.want}, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("recorded (-want +got):\n%s", diff)
			}
		})
	}
}

// exitingHost is a host whose Name calls runtime.Goexit.
type exitingHost struct{ testhelpers.Command }

func (*exitingHost) Name() string { runtime.Goexit(); return "" }

// exitingVersionHost is a host whose ToolVersion calls runtime.Goexit.
type exitingVersionHost struct{ testhelpers.Command }

func (*exitingVersionHost) ToolVersion() string { runtime.Goexit(); return "" }
