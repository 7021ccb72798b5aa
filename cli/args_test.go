package cli_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// argsHost is a tool with deploy (flags of every kind) under a parent.
func argsHost(d *deployFlags, got *[]ran) *cli.Host {
	db := &th.Parent{Full: *recorder("db", got)}
	db.Subs = []plugins.Plugin{deployCmd(d), recorder("db/seed", got)}
	h := cli.New("tool")
	h.Stdout = &bytes.Buffer{}
	h.Plugins = append([]plugins.Plugin{deployCmd(d), db}, h.Plugins...)
	return h
}

func TestArguments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want deployFlags // when err is nil
		err  error
		msg  string // part of the error
	}{
		{"empty argv shows help", []string{}, deployFlags{}, nil, ""},
		{"nested forwarding is exact", []string{"db", "deploy", "a", "--count=2", "-", "b"}, deployFlags{Count: 2, Args: []string{"a", "-", "b"}}, nil, ""},
		{"flags after positionals", []string{"deploy", "a", "b", "--env", "x"}, deployFlags{Env: "x", Args: []string{"a", "b"}}, nil, ""},
		{"after -- nothing is a flag", []string{"deploy", "--", "--count=2", "-h", "--"}, deployFlags{Args: []string{"--count=2", "-h", "--"}}, nil, ""},
		{"-- after a value", []string{"deploy", "--env", "--", "x"}, deployFlags{Env: "--", Args: []string{"x"}}, nil, ""},
		{"negative after --", []string{"deploy", "--", "-5"}, deployFlags{Args: []string{"-5"}}, nil, ""},
		{"negative value", []string{"deploy", "--count", "-5"}, deployFlags{Count: -5, Args: []string{}}, nil, ""},
		{"bool=false", []string{"deploy", "--dry-run=false"}, deployFlags{Args: []string{}}, nil, ""},
		{"empty value", []string{"deploy", "--env="}, deployFlags{Args: []string{}}, nil, ""},
		{"cluster with a value", []string{"deploy", "-ve", "out"}, deployFlags{Verbose: 1, Env: "out", Args: []string{}}, nil, ""},
		{"cluster with a joined value", []string{"deploy", "-vvenv"}, deployFlags{Verbose: 2, Env: "nv", Args: []string{}}, nil, ""},
		{"value that looks long", []string{"deploy", "--env", "-count"}, deployFlags{Env: "-count", Args: []string{}}, nil, ""},

		{"negative without --", []string{"deploy", "-5"}, deployFlags{}, cli.ErrUnknownFlag, `put it after "--"`},
		{"three dashes", []string{"deploy", "---x"}, deployFlags{}, cli.ErrUnknownFlag, `"---x"`},
		{"empty name", []string{"deploy", "--=x"}, deployFlags{}, cli.ErrUnknownFlag, `"--=x"`},
		{"single-dash long flag", []string{"deploy", "-count", "3"}, deployFlags{}, cli.ErrUnknownFlag, `"-count": a long flag takes two dashes, as in "--count"`},
		{"single-dash long flag with =", []string{"deploy", "-env=x"}, deployFlags{}, cli.ErrUnknownFlag, `as in "--env=x"`},
		{"-test. is not dropped", []string{"deploy", "-test.v"}, deployFlags{}, cli.ErrUnknownFlag, `"-test.v"`},
		{"unknown at depth 1", []string{"dpeloy"}, deployFlags{}, cli.ErrUnknownCommand, `tool: unknown command "dpeloy" (did you mean "deploy"?)`},
		{"unknown at depth 2", []string{"db", "dpeloy"}, deployFlags{}, cli.ErrUnknownCommand, `tool db: unknown command "dpeloy" (did you mean "deploy"?)`},
		{"NUL", []string{"de\x00ploy"}, deployFlags{}, cli.ErrUnknownCommand, `"de\x00ploy"`},
		{"ESC", []string{"deploy", "--\x1b[31m"}, deployFlags{}, cli.ErrUnknownFlag, `"--\x1b[31m"`},
		{"invalid UTF-8", []string{"\xff\xfe"}, deployFlags{}, cli.ErrUnknownCommand, `"\xff\xfe"`},
		{"empty command", []string{""}, deployFlags{}, cli.ErrUnknownCommand, `unknown command ""`},
		{"dot command", []string{"."}, deployFlags{}, cli.ErrUnknownCommand, `unknown command "."`},
		{"bad value", []string{"deploy", "--count=\x1b"}, deployFlags{}, cli.ErrBadFlagValue, `"\x1b": want an integer`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var d deployFlags
			var got []ran
			err := argsHost(&d, &got).Main(context.Background(), tt.args)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Main(%q) = %v, want %v", tt.args, err, tt.err)
			}
			if err != nil {
				msg := err.Error()
				if !strings.Contains(msg, tt.msg) || strings.ContainsAny(msg, "\n\x00\x1b") || !utf8.ValidString(msg) {
					t.Errorf("Main(%q) = %q, want one clean line containing %s", tt.args, msg, tt.msg)
				}
				if d.Args != nil || len(got) > 0 {
					t.Errorf("Main(%q) failed but ran a command", tt.args)
				}
				return
			}
			if diff := cmp.Diff(tt.want, d); diff != "" {
				t.Errorf("Main(%q) (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestHelpInEveryPosition(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-h"}, {"--help"}, {"help"}, {"-h", "deploy"}, {"deploy", "-h"}, {"deploy", "x", "--help"},
		{"deploy", "--count=1", "-h"}, {"db", "-h"}, {"db", "deploy", "-h"}, {"db", "-h", "deploy"}, {"help", "db", "deploy"},
		{"deploy", "-vh"},
	} {
		var d deployFlags
		var got []ran
		h := argsHost(&d, &got)
		var out bytes.Buffer
		h.Stdout = &out
		if err := h.Main(context.Background(), args); err != nil {
			t.Errorf("Main(%q) = %v", args, err)
			continue
		}
		if !strings.Contains(out.String(), "Usage:") || d.Args != nil || len(got) > 0 {
			t.Errorf("Main(%q) printed %q and ran %v, want help only", args, out.String(), got)
		}
	}
}

func TestHugeArguments(t *testing.T) {
	t.Parallel()
	var d deployFlags
	var got []ran
	h := argsHost(&d, &got)
	big := strings.Repeat("x", 1<<20)
	if err := h.Main(context.Background(), []string{"deploy", "--env", big, big}); err != nil {
		t.Fatal(err)
	}
	if d.Env != big || len(d.Args) != 1 || d.Args[0] != big {
		t.Errorf("a 1 MiB argument did not arrive whole")
	}
	many := make([]string, 100_000)
	for i := range many {
		many[i] = "a"
		if i%2 == 1 {
			many[i] = "--tag=t"
		}
	}
	if err := h.Main(context.Background(), append([]string{"deploy"}, many...)); err != nil {
		t.Fatal(err)
	}
	if len(d.Args) != 50_000 || len(d.Tags) != 50_000 {
		t.Errorf("100,000 arguments: got %d positionals and %d tags, want 50,000 each", len(d.Args), len(d.Tags))
	}
}
