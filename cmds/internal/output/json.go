package output

import (
	"strconv"
	"unicode/utf8"
)

// JSON builds one JSON value, a piece at a time, as encoding/json's Encoder
// writes it with SetEscapeHTML(false) and SetIndent("", "  "): each member
// of an object and element of an array on a line of its own, indented two
// spaces a level, a key followed by ": ", an empty object or array as {} or
// [], and a newline after the value. Object keys stay in the order they are
// written. Strings are escaped as RFC 8259 asks and encoding/json does: `"`
// and `\` with a backslash; control bytes as \b, \f, \n, \r, \t or \u00XX;
// the line separators U+2028 and U+2029 as \u2028 and \u2029, as
// JavaScript needs; each byte of invalid UTF-8 as \ufffd. Everything else
// is kept as it is, <, > and & included.
//
// It is what the built-ins print --json with, in place of encoding/json,
// which would add its reflection-driven encoders to every tool. Its zero
// value is ready to use. It checks nothing: the caller writes one value,
// and a Key before each member of an object, none in an array.
type JSON struct {
	buf      []byte
	depth    int  // how many objects and arrays are open
	empty    bool // the innermost open object or array has no member yet
	afterKey bool // a key was just written: its value follows on its line
}

// Bytes returns the value written, followed by a newline.
func (j *JSON) Bytes() []byte {
	out := make([]byte, 0, len(j.buf)+1)
	out = append(out, j.buf...)
	return append(out, '\n')
}

// Key writes the key of an object's next member, whose value the next
// call writes; it returns j, for that call:
//
//	j.Key("name").String(name)
func (j *JSON) Key(k string) *JSON {
	j.next()
	j.buf = appendString(j.buf, k)
	j.buf = append(j.buf, ':', ' ')
	j.afterKey = true
	return j
}

// BeginObject starts an object, which EndObject ends.
func (j *JSON) BeginObject() { j.begin('{') }

// EndObject ends the innermost open object.
func (j *JSON) EndObject() { j.end('}') }

// BeginArray starts an array, which EndArray ends.
func (j *JSON) BeginArray() { j.begin('[') }

// EndArray ends the innermost open array.
func (j *JSON) EndArray() { j.end(']') }

// String writes s as a JSON string, escaped.
func (j *JSON) String(s string) {
	j.next()
	j.buf = appendString(j.buf, s)
}

// Strings writes ss as an array of strings: an empty array when ss is
// empty or nil, never null.
func (j *JSON) Strings(ss []string) {
	j.BeginArray()
	for _, s := range ss {
		j.String(s)
	}
	j.EndArray()
}

// Bool writes true or false.
func (j *JSON) Bool(b bool) {
	j.next()
	j.buf = strconv.AppendBool(j.buf, b)
}

// Int writes n as a JSON number.
func (j *JSON) Int(n int64) {
	j.next()
	j.buf = strconv.AppendInt(j.buf, n, 10)
}

// Null writes null.
func (j *JSON) Null() {
	j.next()
	j.buf = append(j.buf, "null"...)
}

// next starts a value or a key: after the comma that ends the member
// before it, if any, on a new line; or on the line of the key it is the
// value of.
//
// It is kept out of line: the methods that call it are inlined into their
// callers, and a report makes dozens of calls, each of which would
// otherwise hold a copy of it (14 KB more in a tool's binary).
//
//go:noinline
func (j *JSON) next() {
	switch {
	case j.afterKey:
		j.afterKey = false
		return
	case j.depth == 0:
		return
	case !j.empty:
		j.buf = append(j.buf, ',')
	}
	j.empty = false
	j.newline()
}

func (j *JSON) begin(c byte) {
	j.next()
	j.buf = append(j.buf, c)
	j.depth++
	j.empty = true
}

// end closes an object or array: on a line of its own, unless it is
// empty. The one it is a member of is not empty.
func (j *JSON) end(c byte) {
	j.depth--
	if !j.empty {
		j.newline()
	}
	j.buf = append(j.buf, c)
	j.empty = false
}

// newline starts a line indented for the depth.
func (j *JSON) newline() {
	j.buf = append(j.buf, '\n')
	for range j.depth {
		j.buf = append(j.buf, ' ', ' ')
	}
}

const hex = "0123456789abcdef"

// appendString appends s to dst as a JSON string, escaped as
// encoding/json escapes it with SetEscapeHTML(false).
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // the first byte of s not yet appended
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
