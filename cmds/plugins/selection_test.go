package plugins_test

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// testGreeter is an interface of a tool's own, which greeters implement.
type testGreeter interface{ Greet(who string) string }

// greeter is one implementation of testGreeter.
type greeter struct{ n string }

func (g *greeter) Name() string            { return "greeters/" + g.n }
func (g *greeter) Greet(who string) string { return g.n + " " + who }

// greetCmd is a command whose --greeter flag picks one of the testGreeters: a
// plugins.Selector.
type greetCmd struct {
	testhelpers.Command
	Greeter string
	plugs   []plugins.Plugin
	calls   atomic.Int32
}

func (g *greetCmd) Description() string { return g.Desc }

func (g *greetCmd) Selection() (kind, picked string, available []string) {
	g.calls.Add(1)
	return "greeter", g.Greeter, plugins.Picks[testGreeter](g.plugs)
}

// oddSelector says what it is told.
type oddSelector struct {
	testhelpers.Command
	kind, picked string
	available    []string
}

func (s *oddSelector) Selection() (kind, picked string, available []string) {
	return s.kind, s.picked, s.available
}

// badSelector's Selection panics.
type badSelector struct{ testhelpers.Command }

func (*badSelector) Selection() (kind, picked string, available []string) { panic("no selection") }

// selectors is a tool with a command that picks a greeter, the greeters,
// and selectors of every other kind.
func selectors() []plugins.Plugin {
	greeters := []plugins.Plugin{&greeter{"plain"}, &greeter{"pirate"}, &greeter{"formal"}}
	g := &greetCmd{Command: testhelpers.Command{N: "greet", Desc: "greet someone"}, Greeter: "plain", plugs: greeters}
	return append([]plugins.Plugin{g}, append(greeters,
		&oddSelector{Command: testhelpers.Command{N: "none"}},
		&oddSelector{
			Command:   testhelpers.Command{N: "many"},
			kind:      "backend",
			picked:    "sqlite",
			available: []string{"postgres", "mysql", "sqlite", "cockroach", "spanner", "oracle", "sqlserver"},
		},
		&badSelector{testhelpers.Command{N: "bad"}},
	)...)
}

func TestMain_selectionGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		json   bool
		wide   bool
		golden string
	}{
		{name: "text", golden: "selection.txt"},
		{name: "wide", wide: true, golden: "selection_wide.txt"},
		{name: "json", json: true, golden: "selection.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := &cmdplugins.Cmd{JSON: tt.json, Wide: tt.wide, BuildInfo: buildInfo}
			c.WithPlugins(feeder(selectors()...))
			got, err := run(t, c)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(got, "\n") {
				if n := utf8.RuneCountInString(line); !tt.wide && !tt.json && n > 100 {
					t.Errorf("line %d is %d runes wide:\n%s", i+1, n, line)
				}
			}
			testhelpers.Golden(t, tt.golden, got)
		})
	}
}

// selection is a row's "selection" in the JSON.
type selection struct {
	Kind      string   `json:"kind"`
	Picked    string   `json:"picked"`
	Available []string `json:"available"`
}

func TestMain_selection(t *testing.T) {
	t.Parallel()
	type row struct {
		Selection *selection `json:"selection"`
		Errors    []string   `json:"errors"`
	}
	tests := []struct {
		name string
		plug plugins.Plugin
		want row
	}{
		{
			name: "what a selector picks, and what it could",
			plug: &greetCmd{Command: testhelpers.Command{N: "greet"}, Greeter: "pirate", plugs: []plugins.Plugin{&greeter{"plain"}, &greeter{"pirate"}}},
			want: row{Selection: &selection{Kind: "greeter", Picked: "pirate", Available: []string{"plain", "pirate"}}, Errors: []string{}},
		},
		{
			name: "a nil list is empty",
			plug: &oddSelector{Command: testhelpers.Command{N: "odd"}, kind: "k"},
			want: row{Selection: &selection{Kind: "k", Available: []string{}}, Errors: []string{}},
		},
		{
			name: "the strings are exact",
			plug: &oddSelector{Command: testhelpers.Command{N: "odd"}, kind: "a\x1b[2Jb", picked: "<&>", available: []string{"\u2028", "x\ny"}},
			want: row{Selection: &selection{Kind: "a\x1b[2Jb", Picked: "<&>", Available: []string{"\u2028", "x\ny"}}, Errors: []string{}},
		},
		{
			name: "not a selector",
			plug: &testhelpers.Command{N: "c"},
			want: row{Errors: []string{}},
		},
		{
			name: "a panic is in the row",
			plug: &badSelector{testhelpers.Command{N: "bad"}},
			want: row{Errors: []string{`plugin "bad" (*plugins_test.badSelector): Selection: panic: no selection`}},
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
			var got []row
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]row{tt.want}, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

// Selection is read once per listed row, whatever the output.
func TestMain_selectionReadOnce(t *testing.T) {
	t.Parallel()
	for _, c := range []*cmdplugins.Cmd{{}, {Wide: true}, {JSON: true}} {
		g := &greetCmd{Command: testhelpers.Command{N: "greet"}}
		c.WithPlugins(feeder(g))
		if _, err := run(t, c); err != nil {
			t.Fatal(err)
		}
		if n := g.calls.Load(); n != 1 {
			t.Errorf("wide %t, json %t: Selection called %d times, want 1", c.Wide, c.JSON, n)
		}
	}
}

// What a selector says is escaped in the tables.
func TestMain_selectionHostileText(t *testing.T) {
	t.Parallel()
	odd := &oddSelector{Command: testhelpers.Command{N: "odd"}, kind: hostile, picked: hostile, available: []string{hostile}}
	for _, wide := range []bool{false, true} {
		c := &cmdplugins.Cmd{Wide: wide, BuildInfo: buildInfo}
		c.WithPlugins(feeder(odd))
		out, err := run(t, c)
		if err != nil {
			t.Fatal(err)
		}
		checkTerminalSafe(t, out, 2)
	}
}
