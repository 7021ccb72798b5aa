package output_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/internal/output"
)

// encode returns v as the built-ins printed --json before they had
// output.JSON, and as it must still print it: through encoding/json's
// Encoder, HTML left alone, indented two spaces.
func encode(t testing.TB, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// object is a JSON object for encoding/json that keeps its keys in order,
// as output.JSON does.
type object []member

type member struct {
	key   string
	value any
}

// MarshalJSON writes o compact; the Encoder indents it with the rest.
func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(m.key); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(m.value); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func TestJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		write func(j *output.JSON)
		want  string
		same  any // what encoding/json writes the same from; nil to skip
	}{
		{
			name:  "a string",
			write: func(j *output.JSON) { j.String("deploy") },
			want:  "\"deploy\"\n",
			same:  "deploy",
		},
		{
			name:  "escapes",
			write: func(j *output.JSON) { j.String("\"\\\b\f\n\r\t\x00\x1b\x1f\x7f") },
			want:  `"\"\\\b\f\n\r\t\u0000\u001b\u001f` + "\x7f\"\n",
			same:  "\"\\\b\f\n\r\t\x00\x1b\x1f\x7f",
		},
		{
			name:  "HTML is left alone",
			write: func(j *output.JSON) { j.String("<a href='x'>&amp;</a>") },
			want:  "\"<a href='x'>&amp;</a>\"\n",
			same:  "<a href='x'>&amp;</a>",
		},
		{
			name:  "line separators are escaped, other runes kept",
			write: func(j *output.JSON) { j.String("a\u2028b\u2029c\u0085é世") },
			want:  `"a\u2028b\u2029c` + "\u0085é世\"\n",
			same:  "a\u2028b\u2029c\u0085é世",
		},
		{
			name:  "each byte of invalid UTF-8 is U+FFFD, a real one kept",
			write: func(j *output.JSON) { j.String("a\xff\xc3b\xe2\x80\ufffd") },
			want:  `"a\ufffd\ufffdb\ufffd\ufffd` + "\ufffd\"\n",
			same:  "a\xff\xc3b\xe2\x80\ufffd",
		},
		{
			name: "scalars",
			write: func(j *output.JSON) {
				j.BeginArray()
				j.Bool(true)
				j.Bool(false)
				j.Null()
				j.Int(0)
				j.Int(-42)
				j.Int(1 << 62)
				j.EndArray()
			},
			want: "[\n  true,\n  false,\n  null,\n  0,\n  -42,\n  4611686018427387904\n]\n",
			same: []any{true, false, nil, 0, -42, 1 << 62},
		},
		{
			name: "empty object and arrays",
			write: func(j *output.JSON) {
				j.BeginObject()
				j.Key("a").Strings(nil)
				j.Key("b").Strings([]string{})
				j.Key("c").BeginObject()
				j.EndObject()
				j.EndObject()
			},
			want: "{\n  \"a\": [],\n  \"b\": [],\n  \"c\": {}\n}\n",
			same: object{{"a", []string{}}, {"b", []string{}}, {"c", object{}}},
		},
		{
			name:  "an empty top-level array",
			write: func(j *output.JSON) { j.Strings(nil) },
			want:  "[]\n",
			same:  []string{},
		},
		{
			name: "keys in the order written, escaped",
			write: func(j *output.JSON) {
				j.BeginObject()
				j.Key("z").String("1")
				j.Key("a\n\"b\"").String("2")
				j.Key("").Bool(true)
				j.EndObject()
			},
			want: "{\n  \"z\": \"1\",\n  \"a\\n\\\"b\\\"\": \"2\",\n  \"\": true\n}\n",
			same: object{{"z", "1"}, {"a\n\"b\"", "2"}, {"", true}},
		},
		{
			name: "nesting",
			write: func(j *output.JSON) {
				j.BeginArray()
				j.BeginObject()
				j.Key("name").String("db")
				j.Key("path").Strings([]string{"db", "migrate"})
				j.Key("selection").BeginObject()
				j.Key("kind").String("greeter")
				j.Key("available").Strings([]string{"plain"})
				j.EndObject()
				j.Key("n").Null()
				j.EndObject()
				j.BeginArray()
				j.EndArray()
				j.BeginObject()
				j.EndObject()
				j.EndArray()
			},
			want: `[
  {
    "name": "db",
    "path": [
      "db",
      "migrate"
    ],
    "selection": {
      "kind": "greeter",
      "available": [
        "plain"
      ]
    },
    "n": null
  },
  [],
  {}
]
`,
			same: []any{
				object{
					{"name", "db"},
					{"path", []string{"db", "migrate"}},
					{"selection", object{{"kind", "greeter"}, {"available", []string{"plain"}}}},
					{"n", nil},
				},
				[]any{},
				object{},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var j output.JSON
			tt.write(&j)
			got := string(j.Bytes())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("JSON (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(encode(t, tt.same), got); diff != "" {
				t.Errorf("JSON against encoding/json's (-want +got):\n%s", diff)
			}
		})
	}
}

// Bytes can be called twice, and writing on after it does not change what
// it returned.
func TestJSON_bytes(t *testing.T) {
	t.Parallel()
	var j output.JSON
	j.BeginArray()
	j.String("a")
	first := j.Bytes()
	j.String("b")
	j.EndArray()
	if diff := cmp.Diff("[\n  \"a\"\n", string(first)); diff != "" {
		t.Errorf("first Bytes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("[\n  \"a\",\n  \"b\"\n]\n", string(j.Bytes())); diff != "" {
		t.Errorf("second Bytes (-want +got):\n%s", diff)
	}
}

// FuzzJSONString checks that a string, as a value and as a key, is
// written as encoding/json writes it.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{
		"", "deploy", `"\`, "\x00\x01\x08\x0c\x1b\x1f\x7f", "\b\f\n\r\t", "<>&",
		"\u2028\u2029", "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\ufffd", "é世🎉", "\x80\xbf",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var j output.JSON
		j.BeginObject()
		j.Key(s).Strings([]string{s, s})
		j.EndObject()
		if diff := cmp.Diff(encode(t, map[string][]string{s: {s, s}}), string(j.Bytes())); diff != "" {
			t.Errorf("JSON of %q (-encoding/json +output.JSON):\n%s", s, diff)
		}
	})
}

// FuzzJSON checks that values of any shape are written as encoding/json
// writes them: ops says what to write, and strs holds the strings.
func FuzzJSON(f *testing.F) {
	f.Add([]byte{0, 2, 3, 1, 1, 5, 2, 4, 6, 0, 0, 0}, "name\xffdb\u2028<&>")
	f.Add([]byte{1, 1, 1, 0, 1, 0, 0, 0}, "")
	f.Add([]byte{0, 1, 9, 0, 1, 16, 1, 1, 2, 8, 0, 0, 0}, "abc\"def\\\n")
	f.Fuzz(func(t *testing.T, ops []byte, strs string) {
		g := &gen{ops: ops, strs: strs}
		var j output.JSON
		want := g.value(&j, 0)
		if diff := cmp.Diff(encode(t, want), string(j.Bytes())); diff != "" {
			t.Errorf("JSON (-encoding/json +output.JSON):\n%s", diff)
		}
	})
}

// gen writes a value to an output.JSON as its ops say, and returns the
// same value for encoding/json.
type gen struct {
	ops  []byte
	strs string
}

func (g *gen) op() byte {
	if len(g.ops) == 0 {
		return 0
	}
	b := g.ops[0]
	g.ops = g.ops[1:]
	return b
}

// str takes the next few bytes of strs, without regard for runes.
func (g *gen) str() string {
	n := min(int(g.op()%16), len(g.strs))
	s := g.strs[:n]
	g.strs = g.strs[n:]
	return s
}

// more reports whether an object or array has another member.
func (g *gen) more() bool { return len(g.ops) > 0 && g.op()%4 != 0 }

func (g *gen) value(j *output.JSON, depth int) any {
	if len(g.ops) == 0 {
		j.Null()
		return nil
	}
	op := g.op()
	if depth >= 8 {
		op = 2 // no deeper
	}
	switch op % 7 {
	case 0:
		o := object{}
		j.BeginObject()
		for g.more() {
			k := g.str()
			o = append(o, member{k, g.value(j.Key(k), depth+1)})
		}
		j.EndObject()
		return o
	case 1:
		a := []any{}
		j.BeginArray()
		for g.more() {
			a = append(a, g.value(j, depth+1))
		}
		j.EndArray()
		return a
	case 2:
		s := g.str()
		j.String(s)
		return s
	case 3:
		j.Bool(op&8 != 0)
		return op&8 != 0
	case 4:
		n := int64(op) * -0x0102030405060708
		j.Int(n)
		return n
	case 5:
		ss := make([]string, g.op()%4)
		for i := range ss {
			ss[i] = g.str()
		}
		j.Strings(ss)
		return ss
	default:
		j.Null()
		return nil
	}
}
