//go:build unix

package pathplugins_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/pathplugins"
	"github.com/plughost/plughost/plugins"
)

func TestCompletion(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{
		"mycli-comp":             "fixture",
		"mycli_complete-comp":    "fixture",
		"mycli-foo-bar":          "fixture",
		"mycli_complete-foo-bar": "fixture",
		"mycli-described":        "described",
		"mycli-plain":            "fixture",
	})
	f := newFinder(dir)
	tests := []struct {
		name   string
		words  []string
		args   []string
		word   string
		helper string
		want   []string
	}{
		{"kubectl's helper", []string{"comp"}, []string{"a b", "--x"}, "wo", dir + "/mycli_complete-comp",
			[]string{"alpha\tthe first", "arg:a b", "arg:--x", "arg:wo"}},
		{"a helper of two words", []string{"foo", "bar"}, nil, "", dir + "/mycli_complete-foo-bar",
			[]string{"alpha\tthe first", "arg:"}},
		{"cobra, declared", []string{"described"}, []string{"a"}, "b", "",
			[]string{"one\tthe first", "arg:a", "arg:b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := f.FindCommand(tt.words)
			cc, ok := c.(*pathplugins.CompletingExecutable)
			if !ok {
				t.Fatalf("found %T, want a *CompletingExecutable", c)
			}
			if cc.Helper != tt.helper {
				t.Errorf("helper %q, want %q", cc.Helper, tt.helper)
			}
			got := cc.CompleteArgs(t.Context(), tt.args, tt.word)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("candidates (-want +got):\n%s", diff)
			}
			if ran(cc.Path) != (tt.helper == "") {
				t.Errorf("the command itself ran: %v, want %v", ran(cc.Path), tt.helper == "")
			}
		})
	}

	// A plugin that declared nothing is not a completer: the shell
	// completes files, and the plugin never runs.
	c, _ := f.FindCommand([]string{"plain"})
	if _, ok := c.(plugins.ArgsCompleter); ok {
		t.Errorf("an undeclared plugin is a completer (%T)", c)
	}
	if ran(dir + "/mycli-plain") {
		t.Error("the undeclared plugin ran")
	}
}

func TestCompletionRespectsDepth(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-comp": "fixture", "mycli_complete-comp": "fixture"})
	c, _ := newFinder(dir, "MYCLI_PLUGIN_DEPTH=5").FindCommand([]string{"comp"})
	if got := c.(plugins.ArgsCompleter).CompleteArgs(t.Context(), nil, ""); got != nil {
		t.Errorf("completed %q beyond the depth", got)
	}
	if ran(dir + "/mycli_complete-comp") {
		t.Error("the helper ran")
	}
}
