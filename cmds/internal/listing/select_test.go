package listing_test

import (
	"context"
	"flag"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/internal/listing"
	"github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// everything implements every interface a listing names.
type everything struct{}

func (*everything) Name() string                                        { return "everything" }
func (*everything) WithPlugins(plugins.PluginFeeder)                    {}
func (*everything) ScopedPlugins() []plugins.Plugin                     { return nil }
func (*everything) Main(context.Context, []string) error                { return nil }
func (*everything) CmdName() string                                     { return "" }
func (*everything) CmdAliases() []string                                { return nil }
func (*everything) SubCommands() []plugins.Plugin                       { return nil }
func (*everything) Description() string                                 { return "" }
func (*everything) HidePlugin()                                         {}
func (*everything) Flags() *flag.FlagSet                                { return nil }
func (*everything) SetStdin(io.Reader)                                  {}
func (*everything) SetStdout(io.Writer)                                 {}
func (*everything) SetStderr(io.Writer)                                 {}
func (*everything) WithHost(plugins.Command)                            {}
func (*everything) GlobalFlags() *flag.FlagSet                          { return nil }
func (*everything) ArgsUsage() string                                   { return "" }
func (*everything) PassArgs()                                           {}
func (*everything) BeforeRun(context.Context, []string, []string) error { return nil }
func (*everything) AfterRun(context.Context, []string, []string, error) error {
	return nil
}
func (*everything) LongDescription() string { return "" }
func (*everything) CmdExamples() string     { return "" }
func (*everything) CmdGroup() string        { return "" }
func (*everything) ConfigFormat() string    { return ".conf" }
func (*everything) ParseConfig([]byte, func(section, key, value string, line int) error) error {
	return nil
}
func (*everything) ConfigFiles() []string                                   { return nil }
func (*everything) WithSources(func(string) string)                         {}
func (*everything) CompleteArgs(context.Context, []string, string) []string { return nil }
func (*everything) CompleteValue(context.Context, string) []string          { return nil }
func (*everything) Selection() (kind, picked string, available []string)    { return "", "", nil }
func (*everything) PluginVersion() string                                   { return "" }

// hooks is a plugin of the interfaces a run calls around a command.
type hooks struct{ value }

func (hooks) BeforeRun(context.Context, []string, []string) error       { return nil }
func (hooks) AfterRun(context.Context, []string, []string, error) error { return nil }
func (hooks) GlobalFlags() *flag.FlagSet                                { return nil }

func TestInterfaces(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		plug plugins.Plugin
		want []string
	}{
		{
			name: "every one, in package plugins' order, Versioner last, ValueCompleter left out",
			plug: &everything{},
			want: []string{
				"PluginNeeder", "PluginScoper", "Command", "NamedCommand", "Aliaser", "SubCommander",
				"Describer", "Hider", "Flagger", "StdinNeeder", "StdoutNeeder", "StderrNeeder",
				"HostNeeder", "GlobalFlagger", "ArgsUsager", "ArgsPasser", "BeforeRunner", "AfterRunner",
				"LongDescriber", "Exampler", "Grouper", "ConfigParser", "ConfigFiler", "SourceNeeder",
				"ArgsCompleter", "Selector", "Versioner",
			},
		},
		{name: "none but Plugin", plug: value("v"), want: []string{}},
		{name: "a command", plug: &testhelpers.Command{N: "c"}, want: []string{"Command"}},
		{name: "hooks", plug: hooks{"h"}, want: []string{"GlobalFlagger", "BeforeRunner", "AfterRunner"}},
		{name: "a selector", plug: &selector{Command: testhelpers.Command{N: "s"}}, want: []string{"Command", "Selector"}},
		{name: "a nil plugin", plug: nil, want: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rows := listing.Read(nil, nil, []plugins.Plugin{tt.plug})
			if diff := cmp.Diff(tt.want, rows[0].Interfaces); diff != "" {
				t.Errorf("interfaces (-want +got):\n%s", diff)
			}
		})
	}
}

// selector is a command whose flag picks a greeter.
type selector struct {
	testhelpers.Command
	kind, picked string
	available    []string
	panics       bool
	calls        int
}

func (s *selector) Selection() (kind, picked string, available []string) {
	s.calls++
	if s.panics {
		panic("no selection")
	}
	return s.kind, s.picked, s.available
}

func TestReadSelections(t *testing.T) {
	t.Parallel()
	type result struct {
		Selection *listing.Selection
		Errors    []string
		Calls     int
	}
	tests := []struct {
		name string
		plug plugins.Plugin
		want result
	}{
		{
			name: "a selector",
			plug: &selector{Command: testhelpers.Command{N: "greet"}, kind: "greeter", picked: "plain", available: []string{"plain", "pirate", "formal"}},
			want: result{Selection: &listing.Selection{Kind: "greeter", Picked: "plain", Available: []string{"plain", "pirate", "formal"}}, Calls: 1},
		},
		{
			name: "an empty selection is kept as it is",
			plug: &selector{Command: testhelpers.Command{N: "greet"}},
			want: result{Selection: &listing.Selection{}, Calls: 1},
		},
		{
			name: "a selector that panics",
			plug: &selector{Command: testhelpers.Command{N: "greet"}, panics: true},
			want: result{Errors: []string{`plugin "greet" (*listing_test.selector): Selection: panic: no selection`}, Calls: 1},
		},
		{
			name: "not a selector",
			plug: &testhelpers.Command{N: "c"},
		},
		{
			name: "a nil selector is at fault once",
			plug: (*selector)(nil),
			want: result{Errors: []string{"plugin of type *listing_test.selector: bad plugin: a nil *listing_test.selector is in the plugins"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rows := listing.Read(nil, nil, []plugins.Plugin{tt.plug})
			listing.ReadSelections(nil, rows)
			got := result{Selection: rows[0].Selection}
			for _, err := range rows[0].Errors {
				got.Errors = append(got.Errors, err.Error())
			}
			if s, ok := tt.plug.(*selector); ok && s != nil {
				got.Calls = s.calls
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("selection (-want +got):\n%s", diff)
			}
		})
	}
}
