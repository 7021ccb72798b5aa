package completion_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// directiveLine is the last line __complete prints, whatever happens.
var directiveLine = regexp.MustCompile(`(?:^|\n):-?[0-9]+\n$`)

// FuzzComplete completes arbitrary words, one a line of the input, the
// last being the word under the cursor: __complete never fails, prints
// one candidate a line with at most one tab and nothing a terminal would
// act on, and always ends with a directive line.
func FuzzComplete(f *testing.F) {
	for _, seed := range []string{
		"", "gr", "hi", "sec", "greet\n", "greet\n--", "greet\n--aws-", "greet\n--greeter\n",
		"greet\n--greeter=p", "greet\n--colour\n", "greet\n--colour=", "greet\n--\n--sh",
		"greeters\n", "greeters\nshow\n", "greeters\nshow\n--\n", "greeters\n--format\n",
		"boom\n", "gret\n", "greet\n--nope\n", "--\n", "-h\n--help\n--version\n",
		"completion\n", "__complete\n__complete\n", "evil\n\x1b[2J", "greet\n-\n",
		"greet\n--greeter\n--greeter\n", "\xff\n\x00", "greeters\nshow\nplain\n",
	} {
		f.Add(seed, false)
	}
	f.Add("gr", true)
	f.Fuzz(func(t *testing.T, line string, noDesc bool) {
		h, stdout, _ := newHost()
		cmd := "__complete"
		if noDesc {
			cmd = "__completeNoDesc"
		}
		args := append([]string{cmd}, strings.Split(line, "\n")...)
		if err := h.Main(context.Background(), args); err != nil {
			t.Fatalf("Main(%q) = %v", args, err)
		}
		out := stdout.String()
		if !directiveLine.MatchString(out) {
			t.Fatalf("Main(%q) printed %q: no directive line at the end", args, out)
		}
		if !utf8.ValidString(out) {
			t.Errorf("Main(%q) printed invalid UTF-8: %q", args, out)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		for _, l := range lines[:len(lines)-1] {
			if l == "" || l[0] == '\t' || strings.Count(l, "\t") > 1 || noDesc && strings.Contains(l, "\t") {
				t.Errorf("Main(%q) printed the candidate %q", args, l)
			}
			for _, r := range l {
				if r < 0x20 && r != '\t' || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u202e' {
					t.Errorf("Main(%q) printed %U in %q", args, r, l)
				}
			}
		}
	})
}
