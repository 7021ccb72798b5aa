package docs_test

import (
	"context"
	"strings"
	"testing"

	"github.com/plughost/plughost/cmds/docs"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

// FuzzEscape puts arbitrary text in every field a plugin writes and checks
// that the manual page holds only the renderer's own requests and escapes,
// and that no text closes a code block of the Markdown page early: every
// block the page opens is closed at its end.
func FuzzEscape(f *testing.F) {
	f.Add(".TH x", "'br\n\\fB", "  .SH y\n\n\x1b[2J", "<script>", "[x](javascript:1)", "`")
	f.Add("", "\n\n\n", "\t\t", "\xff\xfe", "\u202e", "```")
	f.Add("a\\", ".", "'", "-", "\"", "\\e")
	f.Fuzz(func(t *testing.T, desc, long, examples, usage, choice, def string) {
		h := plugprint.Help{
			Path:        []string{"tool"},
			Description: desc,
			Long:        long,
			Examples:    examples,
			Args:        usage,
			Aliases:     []string{choice},
			Flags: []plugflag.Flag{{Name: "x", Type: "string", Usage: usage, Default: def,
				Choices: []string{choice}, Env: choice, Value: value{}}},
			Lent:     []plugflag.Flag{{Name: "y", Usage: desc, Plugin: usage, Value: value{}}},
			Commands: []plugprint.Command{{Name: "sub", Description: desc, Group: long, Aliases: []string{def}}},
		}
		src := source{"": h, "sub": {Path: []string{"tool", "sub"}, Description: usage}}
		pages, err := docs.Render(context.Background(), src, docs.Man, day)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			checkRoff(t, p.File, p.Text)
		}
		pages, err = docs.Render(context.Background(), src, docs.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			open := 0 // the length of the fence of the open code block
			for _, l := range strings.Split(string(p.Text), "\n") {
				n := len(l)
				if n < 3 || strings.Trim(l, "`") != "" {
					continue
				}
				switch {
				case open == 0:
					open = n
				case n >= open:
					open = 0
				}
			}
			if open != 0 {
				t.Errorf("%s: a code block is left open:\n%s", p.File, p.Text)
			}
		}
	})
}
