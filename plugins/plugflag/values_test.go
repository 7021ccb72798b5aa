package plugflag_test

import (
	"flag"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins/plugflag"
)

func TestCountSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		start   int
		set     []string
		want    int
		wantErr bool // on the last Set; the count must not change
	}{
		{name: "true counts one", set: []string{"true"}, want: 1},
		{name: "true thrice", set: []string{"true", "true", "true"}, want: 3},
		{name: "true adds to the start", start: 2, set: []string{"true"}, want: 3},
		{name: "number sets", start: 2, set: []string{"5"}, want: 5},
		{name: "number then true", set: []string{"5", "true"}, want: 6},
		{name: "zero", start: 4, set: []string{"0"}, want: 0},
		{name: "false resets", start: 4, set: []string{"true", "false"}, want: 0},
		{name: "negative", start: 2, set: []string{"-1"}, want: 2, wantErr: true},
		{name: "word", start: 2, set: []string{"many"}, want: 2, wantErr: true},
		{name: "empty", start: 2, set: []string{""}, want: 2, wantErr: true},
		{name: "fraction", start: 2, set: []string{"1.5"}, want: 2, wantErr: true},
		{name: "too big", start: 2, set: []string{"99999999999999999999999"}, want: 2, wantErr: true},
		{name: "space", start: 2, set: []string{" 3"}, want: 2, wantErr: true},
		{name: "capital True", start: 2, set: []string{"True"}, want: 2, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n := tt.start
			v := plugflag.Count(&n)
			for i, s := range tt.set {
				err := v.Set(s)
				last := i == len(tt.set)-1
				if last && tt.wantErr {
					if err == nil {
						t.Errorf("Set(%q) = nil; want an error", s)
					}
					continue
				}
				if err != nil {
					t.Fatalf("Set(%q): %v", s, err)
				}
			}
			if n != tt.want {
				t.Errorf("count = %d; want %d", n, tt.want)
			}
		})
	}
}

// TestCountParse drives Count through the standard library's parser,
// which asks IsBoolFlag whether -v takes a value.
func TestCountParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want int
		rest []string
	}{
		{name: "none", args: nil, want: 0},
		{name: "once", args: []string{"-v"}, want: 1},
		{name: "thrice", args: []string{"-v", "-v", "--v"}, want: 3},
		{name: "joined value", args: []string{"-v=5", "-v"}, want: 6},
		{name: "takes no separate value", args: []string{"-v", "7"}, want: 1, rest: []string{"7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var n int
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.Var(plugflag.Count(&n), "v", "say more")
			if err := fs.Parse(tt.args); err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if n != tt.want {
				t.Errorf("count = %d; want %d", n, tt.want)
			}
			if diff := cmp.Diff(tt.rest, fs.Args(), cmpEmptyStrings); diff != "" {
				t.Errorf("arguments left (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCountValue(t *testing.T) {
	t.Parallel()
	n := 3
	v := plugflag.Count(&n)
	type view struct {
		String string
		IsBool bool
		Get    any
	}
	got := view{String: v.String()}
	if b, ok := v.(interface{ IsBoolFlag() bool }); ok {
		got.IsBool = b.IsBoolFlag()
	}
	if g, ok := v.(flag.Getter); ok {
		got.Get = g.Get()
	}
	if diff := cmp.Diff(view{String: "3", IsBool: true, Get: 3}, got); diff != "" {
		t.Errorf("Count(&3) (-want +got):\n%s", diff)
	}
	if _, ok := v.(plugflag.Resetter); ok {
		t.Errorf("Count is a Resetter; setting its default again already puts it back")
	}
	n = 0
	if s := v.String(); s != "0" {
		t.Errorf("String() = %q after the variable changed to 0; want %q", s, "0")
	}
}

func TestStringsSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		start []string
		set   []string
		want  []string
	}{
		{name: "appends", set: []string{"a", "b"}, want: []string{"a", "b"}},
		{name: "appends to the default", start: []string{"x"}, set: []string{"a"}, want: []string{"x", "a"}},
		{name: "keeps commas whole", set: []string{"a,b"}, want: []string{"a,b"}},
		{name: "keeps empty strings", set: []string{"", ""}, want: []string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.start
			v := plugflag.Strings(&got)
			for _, s := range tt.set {
				if err := v.Set(s); err != nil {
					t.Fatalf("Set(%q): %v", s, err)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("after Set (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStringsRoundTrip: Reset(String()) gives back what String showed,
// which is how the host puts a Strings flag back to its default.
func TestStringsRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		list []string
		text string // what String shows, in help
	}{
		{name: "none", list: nil, text: ""},
		{name: "one", list: []string{"a"}, text: "a"},
		{name: "two", list: []string{"a", "b"}, text: "a,b"},
		{name: "comma", list: []string{"a,b", "c"}, text: `"a,b",c`},
		{name: "double quote", list: []string{`say "hi"`}, text: `"say ""hi"""`},
		{name: "lone quote", list: []string{`"`, `'`}, text: `"""",'`},
		{name: "quote and comma", list: []string{`a",b`}, text: `"a"",b"`},
		{name: "leading space", list: []string{" a", "b "}, text: `" a",b `},
		{name: "newline", list: []string{"one\ntwo"}, text: "\"one\ntwo\""},
		{name: "carriage return and newline", list: []string{"one\r\ntwo"}, text: "\"one\r\ntwo\""},
		{name: "trailing newline", list: []string{"a\n"}, text: "\"a\n\""},
		{name: "one empty string", list: []string{""}, text: `""`},
		{name: "two empty strings", list: []string{"", ""}, text: ","},
		{name: "empty string last", list: []string{"a", ""}, text: "a,"},
		{name: "backslash dot", list: []string{`\.`}, text: `"\."`},
		{name: "hash", list: []string{"#a"}, text: "#a"},
		{name: "unicode", list: []string{"café", "日本"}, text: "café,日本"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			list := append([]string(nil), tt.list...)
			v := plugflag.Strings(&list)
			text := v.String()
			if diff := cmp.Diff(tt.text, text); diff != "" {
				t.Errorf("String() (-want +got):\n%s", diff)
			}
			r, ok := v.(plugflag.Resetter)
			if !ok {
				t.Fatalf("Strings is not a Resetter")
			}
			if err := v.Set("added on the command line"); err != nil {
				t.Fatalf("Set: %v", err)
			}
			if err := r.Reset(text); err != nil {
				t.Fatalf("Reset(%q): %v", text, err)
			}
			if diff := cmp.Diff(tt.list, list, cmpEmptyStrings); diff != "" {
				t.Errorf("after Reset(%q) (-want +got):\n%s", text, diff)
			}
		})
	}
}

func TestStringsReset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		reset   string
		want    []string
		wantErr bool
	}{
		{name: "empty empties", reset: "", want: nil},
		{name: "list", reset: "x,y", want: []string{"x", "y"}},
		{name: "unterminated quote", reset: `"a,b`, wantErr: true},
		{name: "text after a closing quote", reset: `"a"b`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			list := []string{"default"}
			r := plugflag.Strings(&list).(plugflag.Resetter)
			err := r.Reset(tt.reset)
			if tt.wantErr {
				if err == nil {
					t.Errorf("Reset(%q) = nil, list %q; want an error", tt.reset, list)
				}
				return
			}
			if err != nil {
				t.Fatalf("Reset(%q): %v", tt.reset, err)
			}
			if diff := cmp.Diff(tt.want, list, cmpEmptyStrings); diff != "" {
				t.Errorf("after Reset(%q) (-want +got):\n%s", tt.reset, diff)
			}
		})
	}
}

func TestStringsValue(t *testing.T) {
	t.Parallel()
	list := []string{"a", "b"}
	v := plugflag.Strings(&list)
	typ, ok := v.(interface{ Type() string })
	if !ok || typ.Type() != "strings" {
		t.Errorf("Type() = %v (ok %v); want %q", typ, ok, "strings")
	}
	if b, ok := v.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		t.Errorf("Strings is a boolean flag; it must take a value")
	}
	g, ok := v.(flag.Getter)
	if !ok {
		t.Fatalf("Strings is not a flag.Getter")
	}
	got, ok := g.Get().([]string)
	if !ok {
		t.Fatalf("Get() = %T; want []string", g.Get())
	}
	if diff := cmp.Diff([]string{"a", "b"}, got); diff != "" {
		t.Errorf("Get() (-want +got):\n%s", diff)
	}
	got[0] = "changed"
	_ = append(got[:1], "grown")
	if diff := cmp.Diff([]string{"a", "b"}, list); diff != "" {
		t.Errorf("changing what Get returned changed the flag's variable (-want +got):\n%s", diff)
	}
}

// TestStringsParse drives Strings through the standard library's parser.
func TestStringsParse(t *testing.T) {
	t.Parallel()
	var tags []string
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(plugflag.Strings(&tags), "tag", "tag the release")
	if err := fs.Parse([]string{"-tag", "a,b", "--tag=c", "-tag", ""}); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if diff := cmp.Diff([]string{"a,b", "c", ""}, tags); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
}

// cmpEmptyStrings treats a nil slice and an empty one alike.
var cmpEmptyStrings = cmp.FilterValues(func(a, b []string) bool {
	return len(a) == 0 && len(b) == 0
}, cmp.Comparer(func(a, b []string) bool { return true }))
