package plugins_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins"
)

type greeter interface {
	plugins.Plugin
	Greet() string
}

type named struct{ name, says string }

func (n named) Name() string  { return n.name }
func (n named) Greet() string { return n.says }

type other struct{}

func (other) Name() string { return "greeter/robot" }

func TestPickAndPicks(t *testing.T) {
	t.Parallel()
	plugs := []plugins.Plugin{
		named{"mine/pirate", "arr"}, other{}, named{"greeter/plain", "hello"}, named{"greeter/pirate", "ahoy"}, named{"formal", "good day"},
	}
	if diff := cmp.Diff([]string{"pirate", "plain", "formal"}, plugins.Picks[greeter](plugs)); diff != "" {
		t.Errorf("Picks (-want +got):\n%s", diff)
	}
	for name, want := range map[string]string{"pirate": "arr", "plain": "hello", "formal": "good day"} {
		g, ok := plugins.Pick[greeter](plugs, name)
		if !ok || g.Greet() != want {
			t.Errorf("Pick(%q) = %v, %v; want the one saying %q", name, g, ok, want)
		}
	}
	if _, ok := plugins.Pick[greeter](plugs, "robot"); ok {
		t.Errorf("Pick picked a plugin that is not a greeter")
	}
	if _, ok := plugins.Pick[greeter](nil, "plain"); ok {
		t.Errorf("Pick picked from no plugins")
	}
}

func TestSelectScopeAndNilFeeder(t *testing.T) {
	t.Parallel()
	plugs := []plugins.Plugin{named{"a", ""}, other{}, named{"b", ""}}
	if got := len(plugins.Select[greeter](plugs)); got != 2 {
		t.Errorf("Select found %d greeters, want 2", got)
	}
	if got := plugins.Scope[greeter](plugs); len(got) != 2 || got[1].Name() != "b" {
		t.Errorf("Scope = %v", got)
	}
	var f plugins.PluginFeeder
	if f.Plugins() != nil {
		t.Errorf("a nil feeder's Plugins is not nil")
	}
}
