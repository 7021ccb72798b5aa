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
		{name: "hexadecimal, as int flags read it", set: []string{"0x10"}, want: 16},
		{name: "octal, as int flags read it", set: []string{"010"}, want: 8},
		{name: "binary", set: []string{"0b11"}, want: 3},
		{name: "underscores", set: []string{"1_000"}, want: 1000},
		{name: "negative hexadecimal", start: 2, set: []string{"-0x1"}, want: 2, wantErr: true},
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
		{name: "the first value replaces the default", start: []string{"x", "y"}, set: []string{"a"}, want: []string{"a"}},
		{name: "later values add", start: []string{"x"}, set: []string{"a", "b"}, want: []string{"a", "b"}},
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

// TestStringsEachValueStartsOver: a new Value, as a new run's Flags
// returns, replaces what the variable holds on its first Set again.
func TestStringsEachValueStartsOver(t *testing.T) {
	t.Parallel()
	list := []string{"default"}
	for _, run := range [][]string{{"a", "b"}, {"c"}} {
		v := plugflag.Strings(&list)
		for _, s := range run {
			if err := v.Set(s); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(run, list); diff != "" {
			t.Errorf("after setting %q on a new Value (-want +got):\n%s", run, diff)
		}
	}
}

func TestStringsValue(t *testing.T) {
	t.Parallel()
	list := []string{"a", "b"}
	v := plugflag.Strings(&list)
	typ, ok := v.(interface{ Type() string })
	if !ok || typ.Type() != "string..." {
		t.Errorf("Type() = %v (ok %v); want %q", typ, ok, "string...")
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
