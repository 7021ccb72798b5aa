package cli_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// FuzzDispatch runs arbitrary command lines, NUL-separated, against a fixed
// set of flagless commands. Whatever the input: no panic, a command that
// runs is a registered one, it was named by the first argument (and the
// second, for a sub-command), and it gets exactly the arguments after its
// name, less the first "--".
func FuzzDispatch(f *testing.F) {
	for _, seed := range []string{
		"", "a", "a\x00x", "al\x00--\x00-x", "c\x00-", "p", "p\x00s\x00x", "p\x00--\x00s", "-h\x00a",
		"--help", "a\x00--", "help\x00p\x00s", "\x00", ".", "p\x00\x00", "a\x00-5", "--\x00a", "-\x00a",
		"p\x00s\x00--\x00--", "a\x00\xff", "p\x00-h\x00s", "ap",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		argv := strings.Split(line, "\x00")
		if line == "" {
			argv = nil
		}
		var got []ran
		a := recorder("a", &got)
		a.Alias = []string{"al"}
		p := &th.Parent{Full: *recorder("p", &got)}
		p.Subs = []plugins.Plugin{recorder("p/s", &got)}
		h := cli.New("tool")
		h.Stdout, h.Stderr = &bytes.Buffer{}, &bytes.Buffer{}
		h.Plugins = append([]plugins.Plugin{a, recorder("b/c", &got), p}, h.Plugins...)

		err := h.Main(context.Background(), argv)
		if len(got) == 0 {
			return
		}
		if err != nil {
			t.Fatalf("Main(%q) ran %v and failed: %v", argv, got, err)
		}
		if len(got) != 1 {
			t.Fatalf("Main(%q) ran %v, want one command", argv, got)
		}
		strip := func(args []string) []string {
			out := []string{}
			dashed := false
			for _, s := range args {
				if s == "--" && !dashed {
					dashed = true
					continue
				}
				out = append(out, s)
			}
			return out
		}
		var want ran
		switch argv[0] {
		case "a", "al":
			want = ran{"a", strip(argv[1:])}
		case "c":
			want = ran{"b/c", strip(argv[1:])}
		case "p":
			if len(argv) > 1 && argv[1] == "s" {
				want = ran{"p/s", strip(argv[2:])}
			} else {
				want = ran{"p", strip(argv[1:])}
			}
		default:
			t.Fatalf("Main(%q) ran %v, but %q names no command", argv, got, argv[0])
		}
		if want.Cmd != got[0].Cmd || !slices.Equal(want.Args, got[0].Args) {
			t.Fatalf("Main(%q) ran %v, want %v", argv, got[0], want)
		}
	})
}

// FuzzFlagMerge lends arbitrary flag names from plugins of arbitrary
// names to one command. Whatever the names: no panic, and either an error
// naming a plugin, or help that lists every flag once under its prefixed
// name.
func FuzzFlagMerge(f *testing.F) {
	for _, seed := range [][4]string{
		{"foo", "bar-baz", "foo-bar", "baz"},
		{"a/log", "level", "b/log", "level"},
		{"x", "help", "y", "h"},
		{"x", "version", "y", "v"},
		{"p", "", "q", "a=b"},
		{"p", "has space", "q", "\x1b"},
		{"", "x", "q", "y"},
		{"dup", "x", "dup", "x"},
		{"a b", "x", "q", "y"},
		{"p", "-x", "q", "--y"},
		{"p", "\xff", "q", "ok"},
		{"צ--0", "0", "0", "0"}, // a flag name inside another: the check counts whole names
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	f.Fuzz(func(t *testing.T, p1, f1, p2, f2 string) {
		mk := func(plugin, name string) *th.Lender {
			return &th.Lender{N: plugin, FlagsFn: func() *flag.FlagSet {
				fs := flag.NewFlagSet(plugin, flag.ContinueOnError)
				fs.SetOutput(io.Discard) // flag prints before it panics on a bad name
				fs.String(name, "", "u")
				return fs
			}}
		}
		cmd := &th.Full{}
		cmd.N = "cmd"
		cmd.Scope = []plugins.Plugin{mk(p1, f1), mk(p2, f2)}
		var out bytes.Buffer
		h := &cli.Host{Tool: "tool", Stdout: &out, Plugins: []plugins.Plugin{cmd}}
		err := h.Main(context.Background(), []string{"cmd", "--help"})
		if err != nil {
			var pe *cli.PluginError
			if !errors.As(err, &pe) {
				t.Fatalf("lending %q/%q and %q/%q: %v is not a *cli.PluginError", p1, f1, p2, f2, err)
			}
			return
		}
		help := out.String()
		for _, l := range [][2]string{{p1, f1}, {p2, f2}} {
			name := plugprint.Line("--" + path.Base(l[0]) + "-" + l[1])
			if n := flagLines(help, name); n != 1 {
				t.Fatalf("lending %q/%q and %q/%q: help lists %s %d times:\n%s", p1, f1, p2, f2, name, n, help)
			}
		}
	})
}

// flagLines counts the lines of help that list the flag name: its first
// field, after the indent, is the whole name. A name that holds another
// flag's name, or a usage that mentions it, does not count.
func flagLines(help, name string) int {
	n := 0
	for _, line := range strings.Split(help, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == name {
			n++
		}
	}
	return n
}
