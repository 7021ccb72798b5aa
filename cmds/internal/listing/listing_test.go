package listing_test

import (
	"context"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/internal/listing"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// value is a plugin that is not a pointer.
type value string

func (v value) Name() string { return string(v) }

// versioned knows its own version.
type versioned struct{ testhelpers.Command }

func (*versioned) PluginVersion() string { return "v9.9.9" }

// summary is what a test says of a row: the columns Relate fills, and the
// errors' text.
type summary struct {
	Name       string
	Command    string
	Version    string
	ShadowedBy string
	ScopedBy   []string
	Errors     []string
}

func summarize(rows []listing.Row) []summary {
	out := make([]summary, len(rows))
	for i, r := range rows {
		out[i] = summary{Name: r.Name, Command: r.Command, Version: r.Version, ShadowedBy: r.ShadowedBy, ScopedBy: r.ScopedBy}
		for _, err := range r.Errors {
			out[i].Errors = append(out[i].Errors, err.Error())
		}
	}
	return out
}

func TestReadRelate(t *testing.T) {
	t.Parallel()
	bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/plughost/plughost", Version: "v1.0.0"}}
	shared := &testhelpers.Lender{N: "shared"}
	var typedNil *testhelpers.Full
	tests := []struct {
		name  string
		plugs []plugins.Plugin
		want  []summary
	}{
		{
			name: "a plugin listed twice is scoped in both rows, once per command",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "a", Scope: []plugins.Plugin{shared, shared, nil}}},
				shared,
				shared,
			},
			want: []summary{
				{Name: "a", Command: "a", Version: "v1.0.0"},
				{Name: "shared", Version: "v1.0.0", ScopedBy: []string{"a"}},
				{Name: "shared", Version: "v1.0.0", ScopedBy: []string{"a"}},
			},
		},
		{
			name: "values of one type and name are one plugin",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "a", Scope: []plugins.Plugin{value("v")}}},
				&testhelpers.Full{Command: testhelpers.Command{N: "b", Scope: []plugins.Plugin{value("v"), value("w")}}},
				value("v"),
				value("v"),
				value("x"),
			},
			want: []summary{
				{Name: "a", Command: "a", Version: "v1.0.0"},
				{Name: "b", Command: "b", Version: "v1.0.0"},
				{Name: "v", Version: "v1.0.0", ScopedBy: []string{"a", "b"}},
				{Name: "v", Version: "v1.0.0", ScopedBy: []string{"a", "b"}},
				{Name: "x", Version: "v1.0.0"},
			},
		},
		{
			name: "the first to answer to a name shadows every later one",
			plugs: []plugins.Plugin{
				&testhelpers.Full{Command: testhelpers.Command{N: "a", Alias: []string{"run", "a"}}},
				&testhelpers.Command{N: "x/run"},
				&testhelpers.Full{Command: testhelpers.Command{N: "y", Cmd: "run", Alias: []string{"go"}}},
				&testhelpers.Command{N: "go"},
				&testhelpers.Command{N: "a"},
			},
			want: []summary{
				{Name: "a", Command: "a", Version: "v1.0.0"},
				{Name: "x/run", Command: "run", Version: "v1.0.0", ShadowedBy: "a"},
				{Name: "y", Command: "run", Version: "v1.0.0", ShadowedBy: "a"},
				{Name: "go", Command: "go", Version: "v1.0.0", ShadowedBy: "y"},
				{Name: "a", Command: "a", Version: "v1.0.0", ShadowedBy: "a"},
			},
		},
		{
			name:  "a nil plugin is one fault",
			plugs: []plugins.Plugin{typedNil},
			want: []summary{
				{Version: "v1.0.0", Errors: []string{"plugin of type *testhelpers.Full: bad plugin: a nil *testhelpers.Full is in the plugins"}},
			},
		},
		{
			name:  "a plugin's own version",
			plugs: []plugins.Plugin{&versioned{testhelpers.Command{N: "v"}}},
			want:  []summary{{Name: "v", Command: "v", Version: "v9.9.9"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rows := listing.Read(nil, bi, tt.plugs)
			listing.Relate(nil, rows)
			if diff := cmp.Diff(tt.want, summarize(rows)); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFeed(t *testing.T) {
	t.Parallel()
	self := &testhelpers.Command{N: "lister"}
	tests := []struct {
		name    string
		feeder  plugins.PluginFeeder
		want    int
		wantErr string
	}{
		{name: "no feeder", feeder: nil},
		{name: "a feeder", feeder: func() []plugins.Plugin { return []plugins.Plugin{self} }, want: 1},
		{
			name:    "a feeder that panics",
			feeder:  func() []plugins.Plugin { panic("no plugins") },
			wantErr: `reading the plugins: plugin "lister" (*testhelpers.Command): PluginFeeder: panic: no plugins`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			plugs, err := listing.Feed(nil, self, "lister", tt.feeder)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.wantErr, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if len(plugs) != tt.want {
				t.Errorf("got %d plugins, want %d", len(plugs), tt.want)
			}
		})
	}
}

// holder is a command whose sub-commands are itself and the plugins in
// subs.
type holder struct {
	testhelpers.Command
	subs []plugins.Plugin
}

func (h *holder) SubCommands() []plugins.Plugin { return append([]plugins.Plugin{h}, h.subs...) }

// place is where a test says a row is in the tree.
type place struct {
	Name   string
	Path   []string
	Parent int
	Errors int
}

func places(rows []listing.Row) []place {
	out := make([]place, len(rows))
	for i, r := range rows {
		out[i] = place{Name: r.Name, Path: r.Path, Parent: r.Parent, Errors: len(r.Errors)}
	}
	return out
}

func TestReadTree(t *testing.T) {
	t.Parallel()
	self := &holder{Command: testhelpers.Command{N: "self"}, subs: []plugins.Plugin{&testhelpers.Command{N: "x/leaf"}, value("lender")}}
	tests := []struct {
		name  string
		plugs []plugins.Plugin
		read  bool // Read rather than ReadTree
		want  []place
	}{
		{
			name: "paths and parents",
			plugs: []plugins.Plugin{
				&testhelpers.Parent{Full: testhelpers.Full{Command: testhelpers.Command{N: "db", Subs: []plugins.Plugin{
					&testhelpers.Parent{Full: testhelpers.Full{Command: testhelpers.Command{N: "db/schema", Cmd: "sc", Subs: []plugins.Plugin{&testhelpers.Command{N: "dump"}}}}},
					&testhelpers.Command{N: "migrate"},
				}}}},
				value("lender"),
				&testhelpers.Command{N: "greet"},
			},
			want: []place{
				{Name: "db", Path: []string{"db"}, Parent: -1},
				{Name: "db/schema", Path: []string{"db", "sc"}, Parent: 0},
				{Name: "dump", Path: []string{"db", "sc", "dump"}, Parent: 1},
				{Name: "migrate", Path: []string{"db", "migrate"}, Parent: 0},
				{Name: "lender", Parent: -1},
				{Name: "greet", Path: []string{"greet"}, Parent: -1},
			},
		},
		{
			name:  "a command that holds itself is not expanded below itself",
			plugs: []plugins.Plugin{self},
			want: []place{
				{Name: "self", Path: []string{"self"}, Parent: -1},
				{Name: "self", Path: []string{"self", "self"}, Parent: 0},
				{Name: "x/leaf", Path: []string{"self", "leaf"}, Parent: 0},
				{Name: "lender", Parent: 0},
			},
		},
		{
			name:  "Read lists no sub-commands, and no paths",
			plugs: []plugins.Plugin{self},
			read:  true,
			want:  []place{{Name: "self", Parent: -1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var rows []listing.Row
			if tt.read {
				rows = listing.Read(nil, nil, tt.plugs)
			} else {
				rows = listing.ReadTree(nil, nil, tt.plugs)
			}
			if diff := cmp.Diff(tt.want, places(rows)); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

// chain is a command whose one sub-command is a new chain, one level
// deeper.
type chain struct{ depth int }

func (c *chain) Name() string                         { return "c" }
func (c *chain) Main(context.Context, []string) error { return nil }
func (c *chain) SubCommands() []plugins.Plugin {
	if c.depth >= listing.MaxDepth {
		panic("SubCommands called below MaxDepth")
	}
	return []plugins.Plugin{&chain{depth: c.depth + 1}}
}

func TestReadTree_depth(t *testing.T) {
	t.Parallel()
	rows := listing.ReadTree(nil, nil, []plugins.Plugin{&chain{}})
	if diff := cmp.Diff(1+listing.MaxDepth, len(rows)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	last := rows[len(rows)-1]
	if diff := cmp.Diff(listing.MaxDepth+1, len(last.Path)); diff != "" {
		t.Errorf("length of the deepest path (-want +got):\n%s", diff)
	}
	for _, r := range rows {
		if len(r.Errors) > 0 {
			t.Errorf("row %q: %v", r.Path, r.Errors)
		}
	}
}

// The paths of rows share one array: appending to one must not change
// another.
func TestReadTree_pathsAreTheirOwn(t *testing.T) {
	t.Parallel()
	rows := listing.ReadTree(nil, nil, []plugins.Plugin{&testhelpers.Command{N: "a"}, &testhelpers.Command{N: "b"}})
	_ = append(rows[0].Path, "x")
	if diff := cmp.Diff([]string{"b"}, rows[1].Path); diff != "" {
		t.Errorf("second path (-want +got):\n%s", diff)
	}
}
