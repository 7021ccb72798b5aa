package plugprint

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line returns s made safe to show on one line of a terminal: control
// bytes (newlines and tabs among them), escape sequences, invalid UTF-8,
// line and paragraph separators and the bidirectional overrides that can
// make text read other than it is are written as Go escapes ("\n", "\x1b",
// "\xff", "\u2028"). Everything else, letters of any script and emoji
// included, is kept. Text a plugin or a user wrote passes through Line on
// its way to a terminal; JSON output does not, since JSON escapes it.
func Line(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if c >= utf8.RuneSelf && !(r == utf8.RuneError && size == 1) && !unsafeRune(r) {
			i += size
			continue
		}
		break
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case unsafeRune(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports whether r must not reach a terminal as it is.
func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r == '\u2028', r == '\u2029': // line and paragraph separators
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f', // bidi marks
		r >= '\u202a' && r <= '\u202e', // bidi embeddings and overrides
		r >= '\u2066' && r <= '\u2069': // bidi isolates
		return true
	case r == '\ufeff': // a byte order mark inside text
		return true
	}
	return false
}
