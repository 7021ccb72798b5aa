package clitest_test

import (
	"context"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// completeTool has a command with a flag of choices and an argument
// completer.
func completeTool() *cli.Host {
	var when string
	remind := &struct {
		*clitest.Cmd
		clitest.CompleteArgsFunc
	}{Cmd: clitest.Command("remind", nil)}
	remind.Short = "remind someone"
	remind.FlagsFunc = func(fs *flag.FlagSet) {
		fs.Var(plugflag.OneOf(&when, "now", "soon", "later"), "when", "when to remind them")
	}
	remind.CompleteArgsFunc = func(ctx context.Context, args []string, toComplete string) []string {
		var out []string
		for _, who := range []string{"Ann", "Bo", "Cy"} {
			if strings.HasPrefix(who, toComplete) {
				out = append(out, who+"\ta person")
			}
		}
		return out
	}
	return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{remind, clitest.Command("report", nil)}}
}

func TestComplete(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		words []string
		want  []string // the values, descriptions left out
		dir   int
	}{
		{"commands", []string{"re"}, []string{"remind", "report"}, cli.CompNoFileComp},
		{"no words", nil, []string{"remind", "report"}, cli.CompNoFileComp},
		{"choices", []string{"remind", "--when", "l"}, []string{"later"}, cli.CompNoFileComp},
		{"arguments", []string{"remind", "B"}, []string{"Bo"}, cli.CompNoFileComp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := clitest.Complete(t, completeTool, tt.words...)
			if diff := cmp.Diff(tt.want, got.Values()); diff != "" {
				t.Errorf("tool %q<TAB> (-want +got):\n%s", tt.words, diff)
			}
			if got.Directive&tt.dir != tt.dir {
				t.Errorf("tool %q<TAB>: directive %b, want the bits %b", tt.words, got.Directive, tt.dir)
			}
		})
	}
}

func TestCompleteAfterAMistake(t *testing.T) {
	t.Parallel()
	got := clitest.Complete(t, completeTool, "remnid", "")
	if !errors.Is(got.Err, cli.ErrUnknownCommand) || len(got.Candidates) > 0 || got.Directive&cli.CompError == 0 {
		t.Errorf("completing after an unknown command: %+v, want no candidates, CompError and the error", got)
	}
}

func TestCompleteKeepsDescriptions(t *testing.T) {
	t.Parallel()
	got := clitest.Complete(t, completeTool, "remind", "A")
	if diff := cmp.Diff([]string{"Ann\ta person"}, got.Candidates); diff != "" {
		t.Errorf("candidates (-want +got):\n%s", diff)
	}
}
