package plugins_test

import (
	"bytes"
	"context"
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// parent returns a command named name with the given sub-commands.
func parent(name string, subs ...plugins.Plugin) *testhelpers.Parent {
	return &testhelpers.Parent{Full: testhelpers.Full{Command: testhelpers.Command{N: name, Subs: subs}}}
}

// selfHolder is a command whose sub-commands are itself and a list
// command: "greeters greeters greeters list" runs.
type selfHolder struct {
	testhelpers.Command
	calls int
}

func (s *selfHolder) SubCommands() []plugins.Plugin {
	s.calls++
	return []plugins.Plugin{s, &testhelpers.Command{N: "greeters/list"}}
}

// valueHolder is a command that is not a pointer: "v" holds two copies of
// itself and "other", which holds a new "v". Copies are told apart by type
// and name only.
type valueHolder struct{ n string }

func (v valueHolder) Name() string                         { return v.n }
func (v valueHolder) Main(context.Context, []string) error { return nil }
func (v valueHolder) SubCommands() []plugins.Plugin {
	if v.n == "other" {
		return []plugins.Plugin{valueHolder{n: "v"}}
	}
	return []plugins.Plugin{v, v, valueHolder{n: "other"}}
}

// generator returns a new command each time it is asked for its
// sub-commands, one level deeper: only the depth bound stops it.
type generator struct{ depth int }

func (g *generator) Name() string                         { return "gen" }
func (g *generator) Main(context.Context, []string) error { return nil }
func (g *generator) SubCommands() []plugins.Plugin {
	return []plugins.Plugin{&generator{depth: g.depth + 1}}
}

// badSubs panics in SubCommands.
type badSubs struct{ testhelpers.Command }

func (*badSubs) SubCommands() []plugins.Plugin { panic("no sub-commands") }

// notACommand is a SubCommander the host never dispatches to: its
// sub-commands are not listed.
type notACommand struct{}

func (notACommand) Name() string { return "lender" }
func (notACommand) SubCommands() []plugins.Plugin {
	panic("SubCommands called on a plugin that is not a command")
}

// subRow is what a test says of a row of the listing.
type subRow struct {
	Name       string   `json:"name"`
	Path       []string `json:"path"`
	ShadowedBy string   `json:"shadowed_by"`
	Hidden     bool     `json:"hidden"`
	Errors     []string `json:"errors"`
}

// listJSON runs the plugins command on plugs with --json and decodes its
// rows.
func listJSON(t *testing.T, plugs ...plugins.Plugin) []subRow {
	t.Helper()
	c := &cmdplugins.Cmd{JSON: true, BuildInfo: buildInfo}
	c.WithPlugins(feeder(plugs...))
	out, err := run(t, c)
	if err != nil {
		t.Fatal(err)
	}
	var got []subRow
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestMain_subCommands(t *testing.T) {
	t.Parallel()
	self := &selfHolder{Command: testhelpers.Command{N: "greeters"}}
	a := parent("a")
	b := parent("b", a)
	a.Subs = []plugins.Plugin{b}
	none := []string{}
	tests := []struct {
		name  string
		plugs []plugins.Plugin
		want  []subRow
	}{
		{
			name: "sub-commands follow their parent, depth first",
			plugs: []plugins.Plugin{
				parent("db", parent("db/schema", &testhelpers.Command{N: "dump"}), &testhelpers.Full{Command: testhelpers.Command{N: "migrate", Cmd: "mig"}}),
				&testhelpers.Command{N: "greet"},
				value("lender"),
			},
			want: []subRow{
				{Name: "db", Path: []string{"db"}, Errors: none},
				{Name: "db/schema", Path: []string{"db", "schema"}, Errors: none},
				{Name: "dump", Path: []string{"db", "schema", "dump"}, Errors: none},
				{Name: "migrate", Path: []string{"db", "mig"}, Errors: none},
				{Name: "greet", Path: []string{"greet"}, Errors: none},
				{Name: "lender", Path: none, Errors: none},
			},
		},
		{
			name: "siblings shadow each other, not their parent's siblings",
			plugs: []plugins.Plugin{
				&testhelpers.Command{N: "status"},
				parent("deploy",
					&testhelpers.Full{Command: testhelpers.Command{N: "status", Alias: []string{"st"}}},
					&testhelpers.Command{N: "x/status"},
					&testhelpers.Command{N: "st"},
					&hidden{testhelpers.Command{N: "secret"}},
				),
				&testhelpers.Command{N: "st"},
			},
			want: []subRow{
				{Name: "status", Path: []string{"status"}, Errors: none},
				{Name: "deploy", Path: []string{"deploy"}, Errors: none},
				{Name: "status", Path: []string{"deploy", "status"}, Errors: none},
				{Name: "x/status", Path: []string{"deploy", "status"}, ShadowedBy: "status", Errors: none},
				{Name: "st", Path: []string{"deploy", "st"}, ShadowedBy: "status", Errors: none},
				{Name: "secret", Path: []string{"deploy", "secret"}, Hidden: true, Errors: none},
				{Name: "st", Path: []string{"st"}, Errors: none},
			},
		},
		{
			name:  "a command that holds itself is listed once below itself",
			plugs: []plugins.Plugin{self},
			want: []subRow{
				{Name: "greeters", Path: []string{"greeters"}, Errors: none},
				{Name: "greeters", Path: []string{"greeters", "greeters"}, ShadowedBy: "", Errors: none},
				{Name: "greeters/list", Path: []string{"greeters", "list"}, Errors: none},
			},
		},
		{
			name:  "commands that hold each other",
			plugs: []plugins.Plugin{a},
			want: []subRow{
				{Name: "a", Path: []string{"a"}, Errors: none},
				{Name: "b", Path: []string{"a", "b"}, Errors: none},
				{Name: "a", Path: []string{"a", "b", "a"}, Errors: none},
			},
		},
		{
			name:  "a value that holds copies of itself",
			plugs: []plugins.Plugin{valueHolder{n: "v"}},
			want: []subRow{
				{Name: "v", Path: []string{"v"}, Errors: none},
				{Name: "v", Path: []string{"v", "v"}, Errors: none},
				{Name: "v", Path: []string{"v", "v"}, ShadowedBy: "v", Errors: none},
				{Name: "other", Path: []string{"v", "other"}, Errors: none},
				{Name: "v", Path: []string{"v", "other", "v"}, Errors: none},
			},
		},
		{
			name:  "new commands at every level stop at the depth bound",
			plugs: []plugins.Plugin{&generator{}},
			want: func() []subRow {
				var rows []subRow
				path := []string{}
				for range 1 + 8 {
					path = append(path, "gen")
					rows = append(rows, subRow{Name: "gen", Path: append([]string(nil), path...), Errors: none})
				}
				return rows
			}(),
		},
		{
			name: "a fault in SubCommands is in the parent's row",
			plugs: []plugins.Plugin{
				&badSubs{testhelpers.Command{N: "bad"}},
				parent("db", nil, &testhelpers.Command{N: "ok"}),
			},
			want: []subRow{
				{Name: "bad", Path: []string{"bad"}, Errors: []string{`plugin "bad" (*plugins_test.badSubs): SubCommands: panic: no sub-commands`}},
				{Name: "db", Path: []string{"db"}, Errors: none},
				{Path: none, Errors: []string{"plugin of type <nil>: bad plugin: a nil <nil> is in the plugins"}},
				{Name: "ok", Path: []string{"db", "ok"}, Errors: none},
			},
		},
		{
			name:  "only commands are asked",
			plugs: []plugins.Plugin{notACommand{}},
			want:  []subRow{{Name: "lender", Path: none, Errors: none}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Not parallel with itself: self counts its calls. The cases
			// share no other plugin.
			got := listJSON(t, tt.plugs...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
	if self.calls != 1 {
		t.Errorf("SubCommands of the command that holds itself called %d times, want 1", self.calls)
	}
}

// TestMain_selfHolderTerminates lists a command that holds itself, on
// its own and under another command, in every format, and fails rather
// than hangs if the listing loops.
func TestMain_selfHolderTerminates(t *testing.T) {
	t.Parallel()
	// greeters, greeters greeters, greeters list; wrapper, wrapper
	// greeters, wrapper greeters greeters, wrapper greeters list.
	const rows = 7
	tests := []struct {
		name  string
		cmd   *cmdplugins.Cmd
		count func(out string) int
	}{
		{name: "text", cmd: &cmdplugins.Cmd{}, count: func(out string) int { return strings.Count(out, "\n") - 1 }},
		{name: "wide", cmd: &cmdplugins.Cmd{Wide: true}, count: func(out string) int { return strings.Count(out, "\n") - 1 }},
		{name: "json", cmd: &cmdplugins.Cmd{JSON: true}, count: func(out string) int { return strings.Count(out, `"name":`) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			self := &selfHolder{Command: testhelpers.Command{N: "greeters"}}
			c := tt.cmd
			c.BuildInfo = buildInfo
			c.WithPlugins(feeder(self, parent("wrapper", self)))
			var out bytes.Buffer
			c.SetStdout(&out)
			done := make(chan error, 1)
			go func() { done <- c.Main(context.Background(), nil) }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("listing a command that holds itself did not finish")
			}
			if diff := cmp.Diff(rows, tt.count(out.String())); diff != "" {
				t.Errorf("rows (-want +got):\n%s\n%s", diff, out.String())
			}
		})
	}
}

func TestMain_subCommandsText(t *testing.T) {
	t.Parallel()
	self := &selfHolder{Command: testhelpers.Command{N: "greeters", Desc: "list the greeters"}}
	for _, wide := range []bool{false, true} {
		c := &cmdplugins.Cmd{Wide: wide, BuildInfo: buildInfo}
		c.WithPlugins(feeder(self, parent("wrapper", self)))
		out, err := run(t, c)
		if err != nil {
			t.Fatal(err)
		}
		name := "subcommands.txt"
		if wide {
			name = "subcommands_wide.txt"
		}
		testhelpers.Golden(t, name, out)
	}
}

// long is a tool whose plugins have long names, descriptions, module
// paths and versions, and wide and hostile text in them.
func long() []plugins.Plugin {
	desc := strings.Repeat("a description that goes on and on, ", 8)
	return []plugins.Plugin{
		&cmdplugins.Cmd{},
		&testhelpers.Full{Command: testhelpers.Command{N: "deploy", Desc: desc}},
		&versioned{Command: testhelpers.Command{N: "an/extremely/long/plugin/name/that/goes/on/" + strings.Repeat("x", 60)}, v: "v0.0.0-20250102030405-0123456789ab+incompatible"},
		&testhelpers.Full{Command: testhelpers.Command{N: "世界", Desc: strings.Repeat("世界 🙂 ", 40)}},
		&testhelpers.Full{Command: testhelpers.Command{N: "hostile", Desc: strings.Repeat(hostile, 10)}},
		parent("deep", parent("deep/er", parent("deep/est", &testhelpers.Full{Command: testhelpers.Command{N: "leaf", Desc: desc}}))),
		&testhelpers.Full{Command: testhelpers.Command{N: "shadowed/deploy", Cmd: "deploy", Desc: desc}},
		&broken{},
		&badSubs{testhelpers.Command{N: "bad/" + strings.Repeat("y", 120)}},
	}
}

// longModules is build info whose module paths are long, as a plugin of
// a deeply nested module's are.
func longModules() (*debug.BuildInfo, bool) {
	return &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/plughost/plughost", Version: "v1.2.3-0.20250102030405-0123456789ab"},
		Deps: []*debug.Module{{
			Path:    "github.com/plughost/plughost/internal",
			Version: "v0.0.0-20250102030405-0123456789ab",
			Replace: &debug.Module{Path: "example.com/a/very/long/fork/of/the/internal/module/that/nobody/can/read/at/once", Version: "v9.9.9-0.20250102030405-0123456789ab"},
		}},
	}, true
}

func TestMain_fitsAHundredColumns(t *testing.T) {
	t.Parallel()
	c := &cmdplugins.Cmd{BuildInfo: longModules}
	c.WithPlugins(feeder(long()...))
	out, err := run(t, c)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, line := range lines {
		if n := utf8.RuneCountInString(line); n > 100 {
			t.Errorf("line %d is %d runes wide:\n%s", i+1, n, line)
		}
	}
	if !strings.Contains(out, "…") {
		t.Errorf("nothing was cut:\n%s", out)
	}
	testhelpers.Golden(t, "long.txt", out)

	// --wide cuts nothing.
	w := &cmdplugins.Cmd{Wide: true, BuildInfo: longModules}
	w.WithPlugins(feeder(long()...))
	wide, err := run(t, w)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(wide, "…") {
		t.Errorf("--wide cut a cell:\n%s", wide)
	}
	for _, whole := range []string{strings.Repeat("a description that goes on and on, ", 8)[:100], "example.com/a/very/long/fork/of/the/internal/module/that/nobody/can/read/at/once", "v0.0.0-20250102030405-0123456789ab+incompatible"} {
		if !strings.Contains(wide, whole) {
			t.Errorf("--wide does not hold %q", whole)
		}
	}
}

// exitingSubs is a command whose SubCommands calls runtime.Goexit.
type exitingSubs struct{ testhelpers.Command }

func (*exitingSubs) SubCommands() []plugins.Plugin { runtime.Goexit(); return nil }
