package plugins_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// versioned is a command that knows its own version.
type versioned struct {
	testhelpers.Command
	v string
}

func (p *versioned) PluginVersion() string { return p.v }

func TestMain_versions(t *testing.T) {
	t.Parallel()
	type version struct {
		Name          string `json:"name"`
		Package       string `json:"package"`
		ModuleVersion string `json:"module_version"`
		Version       string `json:"version"`
	}
	const self = "github.com/plughost/plughost/cmds/plugins_test"
	tests := []struct {
		name string
		plug plugins.Plugin
		want version
	}{
		{
			name: "the module's version",
			plug: &testhelpers.Command{N: "greet"},
			want: version{Name: "greet", Package: "github.com/plughost/plughost/internal/testhelpers"},
		},
		{
			name: "the main module's version",
			plug: value("v"),
			want: version{Name: "v", Package: self, ModuleVersion: "(devel)", Version: "(devel)"},
		},
		{
			name: "its own version",
			plug: &versioned{Command: testhelpers.Command{N: "deploy"}, v: "v4.5.6"},
			want: version{Name: "deploy", Package: self, ModuleVersion: "(devel)", Version: "v4.5.6"},
		},
		{
			name: "an empty version keeps the module's",
			plug: &versioned{Command: testhelpers.Command{N: "deploy"}},
			want: version{Name: "deploy", Package: self, ModuleVersion: "(devel)", Version: "(devel)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &cmdplugins.Cmd{JSON: true, BuildInfo: buildInfo}
			c.WithPlugins(feeder(tt.plug))
			out, err := run(t, c)
			if err != nil {
				t.Fatal(err)
			}
			var got []version
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]version{tt.want}, got); diff != "" {
				t.Errorf("versions (-want +got):\n%s", diff)
			}
		})
	}
}

// hostile is text a plugin could write to take over a terminal, or to
// forge a row of a listing.
const hostile = "evil\n\x1b]0;pwned\a\x1b[2J\tname\xff\u2028x\u202e\x7f"

// hostiles are plugins that write hostile text wherever a listing shows
// what a plugin wrote, and one shadowed and one scoped by them, so that
// their names reach the other rows too.
func hostiles() []plugins.Plugin {
	lender := &testhelpers.Lender{N: "lender"}
	return []plugins.Plugin{
		&testhelpers.Full{Command: testhelpers.Command{
			N: hostile, Cmd: hostile + "cmd", Alias: []string{hostile + "alias"}, Desc: hostile,
			Scope: []plugins.Plugin{lender},
		}},
		&testhelpers.Full{Command: testhelpers.Command{N: "forged", Cmd: hostile + "alias"}},
		lender,
		&versioned{Command: testhelpers.Command{N: "v"}, v: hostile},
		&broken{},
	}
}

// checkTerminalSafe reports any byte of a text listing that could do more
// on a terminal than show itself, and a row count other than want.
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
	tests := []struct {
		name   string
		wide   bool
		lines  int
		golden string
	}{
		// The header and a row per plugin; then a blank line, "Errors:"
		// and the two errors of broken.
		{name: "default", lines: 1 + len(hostiles()) + 2 + 2, golden: "hostile.txt"},
		// The header and a row per plugin, errors in their rows.
		{name: "wide", wide: true, lines: 1 + len(hostiles()), golden: "hostile_wide.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &cmdplugins.Cmd{Wide: tt.wide, BuildInfo: buildInfo}
			c.WithPlugins(feeder(hostiles()...))
			out, err := run(t, c)
			if err != nil {
				t.Fatal(err)
			}
			checkTerminalSafe(t, out, tt.lines)
			testhelpers.Golden(t, tt.golden, out)
		})
	}
}

func TestMain_hostileJSONIsExact(t *testing.T) {
	t.Parallel()
	c := &cmdplugins.Cmd{JSON: true, BuildInfo: buildInfo}
	c.WithPlugins(feeder(hostiles()...))
	out, err := run(t, c)
	if err != nil {
		t.Fatal(err)
	}
	type text struct {
		Name        string   `json:"name"`
		Command     string   `json:"command"`
		Version     string   `json:"version"`
		Description string   `json:"description"`
		ShadowedBy  string   `json:"shadowed_by"`
		ScopedBy    []string `json:"scoped_by"`
	}
	var got []text
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// JSON cannot hold invalid UTF-8: the decoder reads \xff back as
	// U+FFFD, as the encoder wrote it.
	exact := strings.ToValidUTF8(hostile, "\uFFFD")
	want := []text{
		{Name: exact, Command: exact + "cmd", Description: exact, ScopedBy: []string{}},
		{Name: "forged", Command: exact + "alias", ShadowedBy: exact, ScopedBy: []string{}},
		{Name: "lender", ScopedBy: []string{exact}},
		{Name: "v", Command: "v", Version: exact, ScopedBy: []string{}},
		{Version: "(devel)", ScopedBy: []string{}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// halfWriter writes half of what it is given and reports no error.
type halfWriter struct{ bytes.Buffer }

func (w *halfWriter) Write(p []byte) (int, error) { return w.Buffer.Write(p[:len(p)/2]) }

func TestMain_shortWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		json bool
	}{
		{name: "text"},
		{name: "json", json: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &cmdplugins.Cmd{JSON: tt.json, BuildInfo: buildInfo}
			c.WithPlugins(feeder(tool()...))
			w := &halfWriter{}
			c.SetStdout(w)
			err := c.Main(context.Background(), nil)
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

// exiter calls runtime.Goexit in the method named by its field, as a
// plugin whose method calls t.FailNow would.
type exiter struct {
	in    string
	scope []plugins.Plugin
}

func (e *exiter) exit(method string) {
	if e.in == method {
		runtime.Goexit()
	}
}

func (e *exiter) Name() string                         { e.exit("Name"); return "exiter" }
func (e *exiter) Description() string                  { e.exit("Description"); return "" }
func (e *exiter) CmdName() string                      { e.exit("CmdName"); return "" }
func (e *exiter) CmdAliases() []string                 { e.exit("CmdAliases"); return nil }
func (e *exiter) PluginVersion() string                { e.exit("PluginVersion"); return "" }
func (e *exiter) ScopedPlugins() []plugins.Plugin      { e.exit("ScopedPlugins"); return e.scope }
func (e *exiter) Main(context.Context, []string) error { return nil }

// exitingValue is a value plugin whose Name calls runtime.Goexit.
type exitingValue struct{}

func (exitingValue) Name() string { runtime.Goexit(); return "" }

// TestMain_goexitIsPutDownToThePlugin runs the command the way the host
// does, on a goroutine of its own with a recorder in its context: a
// listed plugin that calls runtime.Goexit ends that goroutine, and the
// recorder is told the plugin and method.
func TestMain_goexitIsPutDownToThePlugin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		plug   plugins.Plugin
		feeder plugins.PluginFeeder
		want   fault.PluginError
	}{
		{
			name: "Name",
			plug: &exiter{in: "Name"},
			want: fault.PluginError{Type: "*plugins_test.exiter", Method: "Name", Err: fault.ErrGoexit},
		},
		{
			name: "Description",
			plug: &exiter{in: "Description"},
			want: fault.PluginError{Plugin: "exiter", Type: "*plugins_test.exiter", Method: "Description", Err: fault.ErrGoexit},
		},
		{
			name: "CmdName",
			plug: &exiter{in: "CmdName"},
			want: fault.PluginError{Plugin: "exiter", Type: "*plugins_test.exiter", Method: "CmdName", Err: fault.ErrGoexit},
		},
		{
			name: "CmdAliases",
			plug: &exiter{in: "CmdAliases"},
			want: fault.PluginError{Plugin: "exiter", Type: "*plugins_test.exiter", Method: "CmdAliases", Err: fault.ErrGoexit},
		},
		{
			name: "PluginVersion",
			plug: &exiter{in: "PluginVersion"},
			want: fault.PluginError{Plugin: "exiter", Type: "*plugins_test.exiter", Method: "PluginVersion", Err: fault.ErrGoexit},
		},
		{
			name: "ScopedPlugins",
			plug: &exiter{in: "ScopedPlugins"},
			want: fault.PluginError{Plugin: "exiter", Type: "*plugins_test.exiter", Method: "ScopedPlugins", Err: fault.ErrGoexit},
		},
		{
			name: "SubCommands",
			plug: &exitingSubs{testhelpers.Command{N: "subs"}},
			want: fault.PluginError{Plugin: "subs", Type: "*plugins_test.exitingSubs", Method: "SubCommands", Err: fault.ErrGoexit},
		},
		{
			name: "Name of a sub-command",
			plug: parent("db", &exiter{in: "Name"}),
			want: fault.PluginError{Type: "*plugins_test.exiter", Method: "Name", Err: fault.ErrGoexit},
		},
		{
			name: "Name of a value in a scope",
			plug: &exiter{scope: []plugins.Plugin{exitingValue{}}},
			want: fault.PluginError{Type: "plugins_test.exitingValue", Method: "Name", Err: fault.ErrGoexit},
		},
		{
			name:   "the feeder",
			feeder: func() []plugins.Plugin { runtime.Goexit(); return nil },
			want:   fault.PluginError{Plugin: "plugins", Type: "*plugins.Cmd", Method: "PluginFeeder", Err: fault.ErrGoexit},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &cmdplugins.Cmd{BuildInfo: buildInfo}
			c.SetStdout(io.Discard)
			if tt.feeder != nil {
				c.WithPlugins(tt.feeder)
			} else {
				c.WithPlugins(feeder(&testhelpers.Command{N: "before"}, tt.plug))
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
				t.Errorf("Main returned; the plugin's Goexit should have ended its goroutine")
			}
			if diff := cmp.Diff([]fault.PluginError{tt.want}, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("recorded (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMain_panicIsAPluginError checks the errors of a listing that fails:
// they are the host's fault type, so errors.Is finds fault.ErrPanic (which
// cli re-exports as cli.ErrPanic) and errors.As a *fault.PluginError.
func TestMain_panicIsAPluginError(t *testing.T) {
	t.Parallel()
	c := &cmdplugins.Cmd{}
	c.WithPlugins(func() []plugins.Plugin { panic("no plugins") })
	_, err := run(t, c)
	if !errors.Is(err, fault.ErrPanic) {
		t.Errorf("got error %v, want one wrapping fault.ErrPanic", err)
	}
	var pe *fault.PluginError
	if !errors.As(err, &pe) {
		t.Fatalf("got error %v, want a *fault.PluginError", err)
	}
	want := []string{"plugins", "*plugins.Cmd", "PluginFeeder"}
	if diff := cmp.Diff(want, []string{pe.Plugin, pe.Type, pe.Method}); diff != "" {
		t.Errorf("plugin, type and method (-want +got):\n%s", diff)
	}
}
