package plugins_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// The interfaces the host feeds the command through.
var (
	_ plugins.Command      = (*cmdplugins.Cmd)(nil)
	_ plugins.Describer    = (*cmdplugins.Cmd)(nil)
	_ plugins.Flagger      = (*cmdplugins.Cmd)(nil)
	_ plugins.ArgsUsager   = (*cmdplugins.Cmd)(nil)
	_ plugins.PluginNeeder = (*cmdplugins.Cmd)(nil)
	_ plugins.StdoutNeeder = (*cmdplugins.Cmd)(nil)
)

func buildInfo() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/plughost/plughost", Version: "(devel)"},
		Deps: []*debug.Module{
			{Path: "github.com/plughost/plughost/internal", Version: "v0.3.0", Replace: &debug.Module{Path: "../internal"}},
		},
	}, true
}

// value is a plugin that is not a pointer.
type value string

func (v value) Name() string { return string(v) }

// uncomparable is a plugin that == cannot compare: it panics.
type uncomparable struct {
	N    string
	Tags []string
}

func (u uncomparable) Name() string { return u.N }

// hidden is a hidden command.
type hidden struct{ testhelpers.Command }

func (*hidden) HidePlugin() {}

// broken panics in every method but Main.
type broken struct{}

func (*broken) Name() string                         { panic("no name") }
func (*broken) Description() string                  { panic("no description") }
func (*broken) Main(context.Context, []string) error { return nil }

// badCmd panics in every method the listing calls but Name.
type badCmd struct{ testhelpers.Command }

func (*badCmd) CmdName() string                 { panic(errors.New("no command name")) }
func (*badCmd) CmdAliases() []string            { panic("no aliases") }
func (*badCmd) ScopedPlugins() []plugins.Plugin { panic("no scope") }

// badName is a value plugin whose Name panics.
type badName struct{}

func (badName) Name() string { panic("nameless") }

func feeder(p ...plugins.Plugin) plugins.PluginFeeder {
	return func() []plugins.Plugin { return p }
}

// tool is a tool's plugins, one of each kind the listing shows.
func tool() []plugins.Plugin {
	lender := &testhelpers.Lender{N: "db/config"}
	return []plugins.Plugin{
		&cmdplugins.Cmd{},
		&testhelpers.Full{Command: testhelpers.Command{
			N:     "deploy",
			Desc:  "ship the app\tsomewhere\nfar",
			Alias: []string{"ship"},
			Scope: []plugins.Plugin{lender, value("tags"), uncomparable{N: "uncmp", Tags: []string{"x"}}},
		}},
		lender,
		value("tags"),
		uncomparable{N: "uncmp"},
		&testhelpers.Command{N: "tools/ship"},
		&testhelpers.Full{Command: testhelpers.Command{N: "deploy2", Cmd: "deploy"}},
		&hidden{testhelpers.Command{N: "secret"}},
		&testhelpers.Parent{Full: testhelpers.Full{Command: testhelpers.Command{
			N: "db", Desc: "work with the database", Scope: []plugins.Plugin{lender},
			Subs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "db/migrate", Desc: "run the migrations", Alias: []string{"up"}}},
				&testhelpers.Command{N: "up"},
				&hidden{testhelpers.Command{N: "db/secret"}},
			},
		}}},
		&testhelpers.Needer{N: "needer"},
		&broken{},
		&badCmd{testhelpers.Command{N: "bad"}},
		&testhelpers.Full{Command: testhelpers.Command{N: "badscope", Scope: []plugins.Plugin{badName{}, nil}}},
		nil,
	}
}

func run(t *testing.T, c *cmdplugins.Cmd, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	c.SetStdout(&out)
	err := c.Main(context.Background(), args)
	return out.String(), err
}

func TestMain_golden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		json   bool
		wide   bool
		plugs  []plugins.Plugin
		golden string
	}{
		{name: "text", plugs: tool(), golden: "plugins.txt"},
		{name: "wide", wide: true, plugs: tool(), golden: "plugins_wide.txt"},
		{name: "json", json: true, plugs: tool(), golden: "plugins.json"},
		{name: "json wins over wide", json: true, wide: true, plugs: tool(), golden: "plugins.json"},
		{name: "text without errors", plugs: tool()[:10], golden: "plugins_ok.txt"},
		{name: "wide without errors", wide: true, plugs: tool()[:10], golden: "plugins_ok_wide.txt"},
		{name: "none", plugs: nil, golden: "none.txt"},
		{name: "none wide", wide: true, plugs: nil, golden: "none.txt"},
		{name: "none json", json: true, plugs: nil, golden: "none.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &cmdplugins.Cmd{JSON: tt.json, Wide: tt.wide, BuildInfo: buildInfo}
			c.WithPlugins(feeder(tt.plugs...))
			got, err := run(t, c)
			if err != nil {
				t.Fatal(err)
			}
			testhelpers.Golden(t, tt.golden, got)
		})
	}
}

// relation is what the listing says of one plugin's place among the others.
type relation struct {
	Command    string   `json:"command"`
	ScopedBy   []string `json:"scoped_by"`
	ShadowedBy string   `json:"shadowed_by"`
	Hidden     bool     `json:"hidden"`
}

func TestMain_relations(t *testing.T) {
	t.Parallel()
	shared := &testhelpers.Lender{N: "shared"}
	tests := []struct {
		name  string
		plugs []plugins.Plugin
		want  []relation
	}{
		{
			name: "first of a name wins",
			plugs: []plugins.Plugin{
				&testhelpers.Command{N: "a/run"},
				&testhelpers.Command{N: "b/run"},
			},
			want: []relation{
				{Command: "run", ScopedBy: []string{}},
				{Command: "run", ScopedBy: []string{}, ShadowedBy: "a/run"},
			},
		},
		{
			name: "an alias shadows a later command",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "deploy", Alias: []string{"ship"}}},
				&testhelpers.Command{N: "ship"},
			},
			want: []relation{
				{Command: "deploy", ScopedBy: []string{}},
				{Command: "ship", ScopedBy: []string{}, ShadowedBy: "deploy"},
			},
		},
		{
			name: "a later command shadows nothing",
			plugs: []plugins.Plugin{
				&testhelpers.Command{N: "ship"},
				&testhelpers.Full{Command: testhelpers.Command{N: "deploy", Alias: []string{"ship"}}},
			},
			want: []relation{
				{Command: "ship", ScopedBy: []string{}},
				{Command: "deploy", ScopedBy: []string{}},
			},
		},
		{
			name: "a CmdName replaces the last element of the name",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "db/migrate", Cmd: "mig"}},
				&testhelpers.Command{N: "migrate"},
			},
			want: []relation{
				{Command: "mig", ScopedBy: []string{}},
				{Command: "migrate", ScopedBy: []string{}},
			},
		},
		{
			name: "a non-command shadows nothing",
			plugs: []plugins.Plugin{
				value("run"),
				&testhelpers.Command{N: "run"},
			},
			want: []relation{
				{ScopedBy: []string{}},
				{Command: "run", ScopedBy: []string{}},
			},
		},
		{
			name: "a hidden command shadows",
			plugs: []plugins.Plugin{
				&hidden{testhelpers.Command{N: "run"}},
				&testhelpers.Command{N: "run"},
			},
			want: []relation{
				{Command: "run", ScopedBy: []string{}, Hidden: true},
				{Command: "run", ScopedBy: []string{}, ShadowedBy: "run"},
			},
		},
		{
			name: "pointers scope by identity",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "a", Scope: []plugins.Plugin{shared, shared}}},
				&testhelpers.Full{Command: testhelpers.Command{N: "b", Scope: []plugins.Plugin{&testhelpers.Lender{N: "shared"}}}},
				shared,
			},
			want: []relation{
				{Command: "a", ScopedBy: []string{}},
				{Command: "b", ScopedBy: []string{}},
				{ScopedBy: []string{"a"}},
			},
		},
		{
			name: "values scope by type and name",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "a", Scope: []plugins.Plugin{value("v"), uncomparable{N: "u", Tags: []string{"other"}}}}},
				&testhelpers.Full{Command: testhelpers.Command{N: "b", Scope: []plugins.Plugin{value("w"), &testhelpers.Lender{N: "v"}}}},
				value("v"),
				uncomparable{N: "u"},
			},
			want: []relation{
				{Command: "a", ScopedBy: []string{}},
				{Command: "b", ScopedBy: []string{}},
				{ScopedBy: []string{"a"}},
				{ScopedBy: []string{"a"}},
			},
		},
		{
			name: "only commands scope",
			plugs: []plugins.Plugin{
				&scoper{scope: []plugins.Plugin{value("v")}},
				value("v"),
			},
			want: []relation{
				{ScopedBy: []string{}},
				{ScopedBy: []string{}},
			},
		},
		{
			name: "a command can scope itself and a shadowed one scopes too",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "a", Scope: []plugins.Plugin{value("v")}}},
				&testhelpers.Full{Command: testhelpers.Command{N: "a", Scope: []plugins.Plugin{value("v")}}},
				value("v"),
			},
			want: []relation{
				{Command: "a", ScopedBy: []string{}},
				{Command: "a", ScopedBy: []string{}, ShadowedBy: "a"},
				{ScopedBy: []string{"a", "a"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &cmdplugins.Cmd{JSON: true, BuildInfo: buildInfo}
			c.WithPlugins(feeder(tt.plugs...))
			out, err := run(t, c)
			if err != nil {
				t.Fatal(err)
			}
			var got []relation
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("relations (-want +got):\n%s", diff)
			}
		})
	}
}

// scoper is a plugin with a scope that is not a command.
type scoper struct{ scope []plugins.Plugin }

func (*scoper) Name() string                      { return "scoper" }
func (s *scoper) ScopedPlugins() []plugins.Plugin { return s.scope }

type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestMain_errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		cmd     func() *cmdplugins.Cmd
		args    []string
		wantIs  error
		wantMsg string
	}{
		{
			name:    "argument",
			cmd:     func() *cmdplugins.Cmd { return &cmdplugins.Cmd{} },
			args:    []string{"x"},
			wantIs:  cmdplugins.ErrUnexpectedArgument,
			wantMsg: `unexpected argument "x": want no arguments`,
		},
		{
			name: "argument is a usage error, before the feeder is called",
			cmd: func() *cmdplugins.Cmd {
				c := &cmdplugins.Cmd{}
				c.WithPlugins(func() []plugins.Plugin { panic("no plugins") })
				return c
			},
			args:    []string{"x", "y"},
			wantIs:  plugins.ErrUsage,
			wantMsg: `unexpected argument "x": want no arguments`,
		},
		{
			name: "feeder panics",
			cmd: func() *cmdplugins.Cmd {
				c := &cmdplugins.Cmd{}
				c.WithPlugins(func() []plugins.Plugin { panic("no plugins") })
				return c
			},
			wantIs:  fault.ErrPanic,
			wantMsg: `reading the plugins: plugin "plugins" (*plugins.Cmd): PluginFeeder: panic: no plugins`,
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
	c := &cmdplugins.Cmd{}
	c.SetStdout(failWriter{})
	if err := c.Main(context.Background(), nil); !errors.Is(err, errWrite) {
		t.Fatalf("got error %v, want one wrapping %v", err, errWrite)
	}
}

func TestFlags(t *testing.T) {
	t.Parallel()
	type fields struct{ JSON, Wide bool }
	tests := []struct {
		name string
		cmd  cmdplugins.Cmd
		args []string
		want fields
	}{
		{name: "none"},
		{name: "json", args: []string{"-json"}, want: fields{JSON: true}},
		{name: "wide", args: []string{"-wide"}, want: fields{Wide: true}},
		{name: "both", args: []string{"-wide", "-json"}, want: fields{JSON: true, Wide: true}},
		{name: "fields set in code survive", cmd: cmdplugins.Cmd{JSON: true, Wide: true}, want: fields{JSON: true, Wide: true}},
		{name: "fields set in code turned off", cmd: cmdplugins.Cmd{JSON: true, Wide: true}, args: []string{"-json=false", "-wide=false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := tt.cmd
			if err := c.Flags().Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, fields{c.JSON, c.Wide}); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestArgsUsage(t *testing.T) {
	t.Parallel()
	if diff := cmp.Diff("", (&cmdplugins.Cmd{}).ArgsUsage()); diff != "" {
		t.Errorf("ArgsUsage (-want +got):\n%s", diff)
	}
}
