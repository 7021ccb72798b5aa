package plugprint_test

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins/plugprint"
)

func TestLine(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"plain", "deploy the app", "deploy the app"},
		{"empty", "", ""},
		{"letters and emoji", "grüße 👋 日本", "grüße 👋 日本"},
		{"newline", "a\nb", `a\nb`},
		{"carriage return and tab", "a\r\tb", `a\r\tb`},
		{"title and clear", "x\x1b]0;pwned\a\x1b[2J", `x\x1b]0;pwned\a\x1b[2J`},
		{"invalid UTF-8", "unknown colour \xff", `unknown colour \xff`},
		{"C1 control", "a\u0085b\u009bc", `a\u0085b\u009bc`},
		{"DEL", "a\x7fb", `a\x7fb`},
		{"line separator", "a\u2028b\u2029c", `a\u2028b\u2029c`},
		{"bidi override", "abc\u202edcb", `abc\u202edcb`},
		{"bidi isolate", "\u2066x\u2069", `\u2066x\u2069`},
		{"NUL", "a\x00b", `a\x00b`},
		{"truncated rune", "ok\xe2\x82", `ok\xe2\x82`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, plugprint.Line(tt.in)); diff != "" {
				t.Errorf("Line(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestLineDoesNotAllocateForPlainText(t *testing.T) {
	s := "deploy the application to an environment"
	if n := testing.AllocsPerRun(100, func() { _ = plugprint.Line(s) }); n != 0 {
		t.Errorf("Line allocates %v times for plain text, want 0", n)
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\x1b[2J", "\xff", "\u2028", "日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := plugprint.Line(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Line(%q) = %q, not valid UTF-8", s, got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\u202e' {
				t.Fatalf("Line(%q) = %q keeps %U", s, got, r)
			}
		}
		if plugprint.Line(got) != got {
			t.Fatalf("Line is not idempotent on %q", s)
		}
	})
}
