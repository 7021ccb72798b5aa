package cli_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// elsewhere finds commands named "ext-<words>" as PATH plugins are, the
// longest match first, and counts how often it is asked.
type elsewhere struct {
	names  []string // "foo", "foo-bar"
	got    *[]string
	asked  int
	listed int
}

// external is a found command: it passes its arguments through.
type external struct {
	name string
	got  *[]string
}

func (e *external) Name() string     { return e.name }
func (e *external) PassArgs()        {}
func (e *external) CmdGroup() string { return "Commands found elsewhere" }
func (e *external) Main(_ context.Context, args []string) error {
	*e.got = append([]string{e.name}, args...)
	return nil
}

func (f *elsewhere) Name() string { return "elsewhere" }
func (f *elsewhere) FindCommand(words []string) (plugins.Command, int) {
	f.asked++
	for n := len(words); n > 0; n-- {
		joined := strings.Join(words[:n], "-")
		for _, name := range f.names {
			if name == joined {
				return &external{name: words[n-1], got: f.got}, n
			}
		}
	}
	return nil, 0
}
func (f *elsewhere) ListCommands() []plugins.Plugin {
	f.listed++
	var out []plugins.Plugin
	for _, name := range f.names {
		out = append(out, &external{name: name, got: f.got})
	}
	return out
}

func TestCommandFinders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args  []string
		want  []string
		asked int
	}{
		{[]string{"foo", "x", "--y"}, []string{"foo", "x", "--y"}, 1},
		{[]string{"foo", "bar", "-h"}, []string{"bar", "-h"}, 1},
		{[]string{"local"}, []string{"local"}, 0},
	}
	for _, tt := range tests {
		var got []string
		f := &elsewhere{names: []string{"foo", "foo-bar", "local"}, got: &got}
		h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
			th.CommandFunc("local", func(context.Context, []string) error { got = []string{"local"}; return nil }), f,
		}}
		if err := h.Main(context.Background(), tt.args); err != nil {
			t.Fatalf("%q: %v", tt.args, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" || f.asked != tt.asked || f.listed != 0 {
			t.Errorf("%q ran (-want +got):\n%s (finder asked %d times, listed %d; want %d, 0)", tt.args, diff, f.asked, f.listed, tt.asked)
		}
	}
}

func TestCommandFindersInHelpAndErrors(t *testing.T) {
	t.Parallel()
	var got []string
	var out bytes.Buffer
	f := &elsewhere{names: []string{"foo", "local"}, got: &got}
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{th.CommandFunc("local", nil), f}}
	if err := h.Main(context.Background(), []string{"--help"}); err != nil {
		t.Fatal(err)
	}
	th.Golden(t, "finder_help.golden", out.String())
	err := h.Main(context.Background(), []string{"nope"})
	if !errors.Is(err, cli.ErrUnknownCommand) {
		t.Errorf("an unknown command with a finder = %v, want ErrUnknownCommand", err)
	}
}
