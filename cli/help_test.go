package cli_test

import (
	"bytes"
	"context"
	"flag"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// hidden is a command that help never lists.
type hidden struct{ th.Command }

func (hidden) HidePlugin() {}

// helpHost is a tool with a command that has own, lent and shorthand
// flags, aliases and sub-commands, and a hidden command.
func helpHost(out *bytes.Buffer) *cli.Host {
	var level string
	d := deployFlags{Env: "staging", Count: 1}
	deploy := deployCmd(&d)
	deploy.Desc = "ship the current build"
	deploy.Alias = []string{"ship", "d"}
	deploy.Scope = []plugins.Plugin{lender("log", "level", &level), lender("cloud/aws", "region", new(string))}
	db := &th.Parent{}
	db.N, db.Desc = "db", "work with the database"
	db.Subs = []plugins.Plugin{
		&th.Full{Command: th.Command{N: "db/migrate", Desc: "apply migrations"}},
		&hidden{th.Command{N: "db/secret"}},
	}
	h := cli.New("tool")
	h.About = "a tool for tests"
	h.Stdout = out
	h.Plugins = append([]plugins.Plugin{deploy, db, &hidden{th.Command{N: "secret"}}}, h.Plugins...)
	return h
}

func TestHelpGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		golden string
		args   [][]string // every way of asking prints the same
	}{
		{"root.golden", [][]string{{}, {"-h"}, {"--help"}, {"help"}}},
		{"deploy.golden", [][]string{{"deploy", "-h"}, {"deploy", "--help"}, {"help", "deploy"}, {"--help", "deploy"},
			{"-h", "deploy"}, {"ship", "--help"}, {"deploy", "a", "--help"}, {"help", "d"}}},
		{"db.golden", [][]string{{"db", "-h"}, {"help", "db"}}},
		{"db_migrate.golden", [][]string{{"db", "migrate", "-h"}, {"help", "db", "migrate"}, {"db", "-h", "migrate"}}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			t.Parallel()
			var first string
			for i, args := range tt.args {
				var out bytes.Buffer
				if err := helpHost(&out).Main(context.Background(), args); err != nil {
					t.Fatalf("Main(%q) = %v", args, err)
				}
				if i == 0 {
					first = out.String()
					th.Golden(t, tt.golden, first)
				} else if out.String() != first {
					t.Errorf("Main(%q) printed other help than Main(%q):\n%s", args, tt.args[0], out.String())
				}
			}
		})
	}
}

func TestHelpLeavesHiddenOut(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	h := helpHost(&out)
	for _, args := range [][]string{{}, {"help", "db"}} {
		out.Reset()
		if err := h.Main(context.Background(), args); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "secret") {
			t.Errorf("help %q lists a hidden command:\n%s", args, out.String())
		}
	}
	// Hidden commands still run.
	if err := h.Main(context.Background(), []string{"secret"}); err != nil {
		t.Errorf("Main(secret) = %v", err)
	}
}

func TestHelpForUnknownCommand(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	err := helpHost(&out).Main(context.Background(), []string{"help", "deplo"})
	want := `tool: unknown command "deplo" (did you mean "deploy"?)`
	if err == nil || err.Error() != want || cli.ExitCode(err) != cli.ExitUsage {
		t.Errorf("help deplo = %v, want %s", err, want)
	}
}

func TestHelpWithoutHelpCommand(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	h := &cli.Host{Tool: "bare", Stdout: &out, Plugins: []plugins.Plugin{th.CommandFunc("x", nil)}}
	if err := h.Main(context.Background(), []string{"x", "--help"}); err != nil {
		t.Fatal(err)
	}
	th.Golden(t, "bare_x.golden", out.String())
}

func TestCommandAskingForHelp(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{
		th.CommandFunc("x", func(context.Context, []string) error { return flag.ErrHelp }),
	}}
	if err := h.Main(context.Background(), []string{"x"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "Usage:\n  tool x") {
		t.Errorf("a command returning flag.ErrHelp printed %q, want its help", out.String())
	}
}

func TestHelpWriteErrorIsReported(t *testing.T) {
	t.Parallel()
	h := cli.New("tool")
	h.Stdout = failWriter{}
	if err := h.Main(context.Background(), []string{"--help"}); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("help to a failing writer = %v, want the write error", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errClosed }

var errClosed = &closedErr{}

type closedErr struct{}

func (*closedErr) Error() string { return "write: stream closed" }

func TestHelpListsTheFirstOfEachName(t *testing.T) {
	t.Parallel()
	cmd := func(name, desc string) *th.Full {
		c := &th.Full{}
		c.N, c.Desc = name, desc
		return c
	}
	var out bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{
		cmd("zeta", "last by name"), cmd("dup", "the first dup"), &hidden{th.Command{N: "ghost"}},
		cmd("alpha", "first by name"), cmd("dup", "the second dup"), cmd("ghost", "shadowed by a hidden one"),
	}}
	if err := h.Main(context.Background(), []string{"--help"}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	got = got[strings.Index(got, "Commands:"):strings.Index(got, "\nFlags:")]
	want := "Commands:\n  alpha   first by name\n  dup     the first dup\n  zeta    last by name\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
}
