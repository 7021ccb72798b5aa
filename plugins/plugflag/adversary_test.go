package plugflag_test

// Adversarial tests of package plugflag: a plugin author declares flags
// the way the README says, and oddly, and holds Own, Lent and Merge to
// what the README promises. A case the package fails is kept, marked
// with t.Skip("BUG: ...").

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins/plugflag"
)

// advRow is what a test compares of a Flag.
type advRow struct {
	Name, Shorthand string
	Lent            bool
}

func advRows(flags []plugflag.Flag) []advRow {
	var out []advRow
	for _, f := range flags {
		out = append(out, advRow{f.Name, f.Shorthand, f.Lent})
	}
	return out
}

// advStr is a string Value of the plugin's own type.
type advStr string

func (s *advStr) String() string {
	if s == nil {
		return ""
	}
	return string(*s)
}
func (s *advStr) Set(v string) error { *s = advStr(v); return nil }

// advZero is a Value with no state of its own: every one of them may have
// the same address.
type advZero struct{}

func (*advZero) String() string   { return "" }
func (*advZero) Set(string) error { return nil }

// advCfg is a Value whose first field is a string another flag binds.
type advCfg struct {
	Name string
	N    int
}

func (c *advCfg) String() string {
	if c == nil {
		return ""
	}
	return c.Name
}
func (c *advCfg) Set(v string) error { c.Name = v; return nil }

// TestAdversaryOwnPairsShorthands: "A one-letter flag bound to the same
// variable as a long flag becomes that flag's shorthand"; one bound to
// another variable is a flag of its own, offered as -x and --x; "A
// shorthand declared with a default other than its long flag's is an
// error."
func TestAdversaryOwnPairsShorthands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		bug     string
		declare func(fs *flag.FlagSet)
		want    []advRow
		wantErr error
	}{
		{name: "StringVar and StringVar", declare: func(fs *flag.FlagSet) {
			var s string
			fs.StringVar(&s, "env", "", "")
			fs.StringVar(&s, "e", "", "")
		}, want: []advRow{{"env", "e", false}}},
		{name: "OneOf and StringVar", declare: func(fs *flag.FlagSet) {
			var s string
			fs.Var(plugflag.OneOf(&s, "eu", "us"), "region", "")
			fs.StringVar(&s, "r", "", "")
		}, want: []advRow{{"region", "r", false}}},
		{name: "Required(String) and String", declare: func(fs *flag.FlagSet) {
			var s string
			fs.Var(plugflag.Required(plugflag.String(&s)), "app", "")
			fs.Var(plugflag.String(&s), "a", "")
		}, want: []advRow{{"app", "a", false}}},
		{name: "String and StringVar", declare: func(fs *flag.FlagSet) {
			var s string
			fs.Var(plugflag.String(&s), "app", "")
			fs.StringVar(&s, "a", "", "")
		}, want: []advRow{{"app", "a", false}}},
		{name: "Hidden(Deprecated(OneOf)) and Required(String)", declare: func(fs *flag.FlagSet) {
			var s string
			fs.Var(plugflag.Hidden(plugflag.Deprecated(plugflag.OneOf(&s, "x", ""), "no")), "mode", "")
			fs.Var(plugflag.Required(plugflag.String(&s)), "m", "")
		}, want: []advRow{{"mode", "m", false}}},
		{name: "a Value of the plugin's own string type and StringVar", declare: func(fs *flag.FlagSet) {
			var s string
			fs.Var((*advStr)(&s), "name", "")
			fs.StringVar(&s, "n", "", "")
		}, want: []advRow{{"name", "n", false}}},
		{name: "Strings and Strings", declare: func(fs *flag.FlagSet) {
			var l []string
			fs.Var(plugflag.Strings(&l), "tag", "")
			fs.Var(plugflag.Strings(&l), "t", "")
		}, want: []advRow{{"tag", "t", false}}},
		{name: "Count and Count", declare: func(fs *flag.FlagSet) {
			var n int
			fs.Var(plugflag.Count(&n), "verbose", "")
			fs.Var(plugflag.Count(&n), "v", "")
		}, want: []advRow{{"verbose", "v", false}}},
		{name: "Negatable(Bool) and BoolVar", declare: func(fs *flag.FlagSet) {
			b := true
			fs.Var(plugflag.Negatable(plugflag.Bool(&b)), "color", "")
			fs.BoolVar(&b, "c", true, "")
		}, want: []advRow{{"color", "c", false}}},
		{name: "a wrapped declared flag keeps its shorthand", declare: func(fs *flag.FlagSet) {
			var n int
			fs.IntVar(&n, "count", 0, "")
			fs.IntVar(&n, "c", 0, "")
			f := fs.Lookup("count")
			f.Value = plugflag.Required(plugflag.Hidden(f.Value))
		}, want: []advRow{{"count", "c", false}}},
		{name: "neighbouring fields are two variables", declare: func(fs *flag.FlagSet) {
			var p struct{ A, B string }
			fs.StringVar(&p.A, "alpha", "", "")
			fs.StringVar(&p.B, "b", "", "")
		}, want: []advRow{{"alpha", "", false}, {"b", "b", false}}},
		{name: "a struct Value and its first field are two variables", declare: func(fs *flag.FlagSet) {
			c := &advCfg{}
			fs.Var(c, "cfg", "")
			fs.StringVar(&c.Name, "c", "", "")
		}, want: []advRow{{"c", "c", false}, {"cfg", "", false}}},
		{name: "two stateless Values are two variables", declare: func(fs *flag.FlagSet) {
			fs.Var(new(advZero), "alpha", "")
			fs.Var(new(advZero), "b", "")
		}, want: []advRow{{"alpha", "", false}, {"b", "b", false}}},
		{name: "a typed-nil Value beside a one-letter flag", declare: func(fs *flag.FlagSet) {
			fs.Var((*advStr)(nil), "name", "")
			fs.Var((*advStr)(nil), "n", "")
		}, want: []advRow{{"n", "n", false}, {"name", "", false}}},
		{name: "shorthand with another default", declare: func(fs *flag.FlagSet) {
			var s string
			fs.Var(plugflag.OneOf(&s, "a", "b"), "mode", "")
			fs.StringVar(&s, "m", "b", "")
		}, wantErr: plugflag.ErrBadFlag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip("BUG: " + tt.bug)
			}
			t.Parallel()
			fs := flag.NewFlagSet("p", flag.ContinueOnError)
			tt.declare(fs)
			got, err := plugflag.Own("p", fs)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Own = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, advRows(got)); diff != "" {
				t.Errorf("Own (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAdversaryTraitsNest: the wrappers "nest, and wrap any declared flag
// (f := fs.Lookup("n"); f.Value = plugflag.Hidden(f.Value))"; Negatable is
// for a boolean; a custom Value may declare traits by its own methods.
func TestAdversaryTraitsNest(t *testing.T) {
	t.Parallel()
	type traits struct {
		Required, Hidden, Negatable bool
		Deprecated                  string
		Choices                     []string
	}
	tests := []struct {
		name string
		v    func() flag.Value
		want traits
	}{
		{"Required(Hidden(OneOf))", func() flag.Value {
			return plugflag.Required(plugflag.Hidden(plugflag.OneOf(new(string), "a", "b")))
		}, traits{Required: true, Hidden: true, Choices: []string{"a", "b"}}},
		{"Hidden(Required(OneOf))", func() flag.Value {
			return plugflag.Hidden(plugflag.Required(plugflag.OneOf(new(string), "a", "b")))
		}, traits{Required: true, Hidden: true, Choices: []string{"a", "b"}}},
		{"Deprecated(Required(Hidden(String)))", func() flag.Value {
			return plugflag.Deprecated(plugflag.Required(plugflag.Hidden(plugflag.String(new(string)))), "use --y")
		}, traits{Required: true, Hidden: true, Deprecated: "use --y"}},
		{"Required(Deprecated(String))", func() flag.Value {
			return plugflag.Required(plugflag.Deprecated(plugflag.String(new(string)), "use --y"))
		}, traits{Required: true, Deprecated: "use --y"}},
		{"Negatable(Required(Bool))", func() flag.Value {
			return plugflag.Negatable(plugflag.Required(plugflag.Bool(new(bool))))
		}, traits{Required: true, Negatable: true}},
		{"Required(Negatable(Bool))", func() flag.Value {
			return plugflag.Required(plugflag.Negatable(plugflag.Bool(new(bool))))
		}, traits{Required: true, Negatable: true}},
		{"Negatable(String) is not negatable", func() flag.Value {
			return plugflag.Negatable(plugflag.String(new(string)))
		}, traits{}},
		{"Hidden(Negatable(OneOf)) is not negatable", func() flag.Value {
			return plugflag.Hidden(plugflag.Negatable(plugflag.OneOf(new(string), "a")))
		}, traits{Hidden: true, Choices: []string{"a"}}},
		{"Required(Required(Required(String)))", func() flag.Value {
			return plugflag.Required(plugflag.Required(plugflag.Required(plugflag.String(new(string)))))
		}, traits{Required: true}},
		{"Hidden of a custom Value", func() flag.Value {
			return plugflag.Hidden(new(advStr))
		}, traits{Hidden: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := flag.NewFlagSet("p", flag.ContinueOnError)
			fs.Var(tt.v(), "x", "usage")
			// The same traits on a flag the standard library declared.
			var n int
			fs.IntVar(&n, "wrapped", 0, "usage")
			if strings.HasPrefix(tt.name, "Required(Hidden(OneOf))") {
				f := fs.Lookup("wrapped")
				f.Value = plugflag.Deprecated(plugflag.Required(plugflag.Hidden(f.Value)), "gone")
			}
			flags, err := plugflag.Own("p", fs)
			if err != nil || len(flags) != 2 {
				t.Fatalf("Own = %v, %v", flags, err)
			}
			i := slices.IndexFunc(flags, func(f plugflag.Flag) bool { return f.Name == "x" })
			f := flags[i]
			got := traits{f.Required, f.Hidden, f.Negatable, f.Deprecated, f.Choices}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("traits (-want +got):\n%s", diff)
			}
			if strings.HasPrefix(tt.name, "Required(Hidden(OneOf))") {
				w := flags[1-i]
				if !w.Required || !w.Hidden || w.Deprecated != "gone" || w.Type != "int" {
					t.Errorf("the wrapped IntVar: %+v, want required, hidden, deprecated, of type int", w)
				}
			}
		})
	}
}

// TestAdversaryUntypableFlags: ErrBadFlag reports "a flag that cannot be
// offered on a command line: an empty name, a name with white space,
// control bytes, "=" or a leading "-", or a nil Value. A lent flag's name
// is checked once prefixed." Never a panic.
func TestAdversaryUntypableFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		plugin string
		lent   bool
		mutate func(f *flag.Flag) // on a declared flag "ok"
	}{
		{"empty name", "p", false, func(f *flag.Flag) { f.Name = "" }},
		{"leading dash", "p", false, func(f *flag.Flag) { f.Name = "-x" }},
		{"equals", "p", false, func(f *flag.Flag) { f.Name = "a=b" }},
		{"space", "p", false, func(f *flag.Flag) { f.Name = "a b" }},
		{"tab", "p", false, func(f *flag.Flag) { f.Name = "a\tb" }},
		{"escape", "p", false, func(f *flag.Flag) { f.Name = "a\x1b[2J" }},
		{"line separator", "p", false, func(f *flag.Flag) { f.Name = "a\u2028b" }},
		{"no-break space", "p", false, func(f *flag.Flag) { f.Name = "a\u00a0b" }},
		{"C1 control", "p", false, func(f *flag.Flag) { f.Name = "a\u0085b" }},
		{"invalid UTF-8", "p", false, func(f *flag.Flag) { f.Name = "a\xffb" }},
		{"nil Value", "p", false, func(f *flag.Flag) { f.Value = nil }},
		{"nil Value lent", "p", true, func(f *flag.Flag) { f.Value = nil }},
		{"lent by a plugin named with =", "a=b", true, func(*flag.Flag) {}},
		{"lent by a plugin whose base starts with -", "cloud/-x", true, func(*flag.Flag) {}},
		{"lent by a plugin whose base holds a space", "cloud/a b", true, func(*flag.Flag) {}},
		{"lent by a plugin whose base holds an escape", "cloud/a\x1b", true, func(*flag.Flag) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, short := range []bool{false, true} {
				fs := flag.NewFlagSet("p", flag.ContinueOnError)
				var s string
				fs.StringVar(&s, "ok", "", "")
				if short {
					fs.StringVar(&s, "o", "", "") // a shorthand to pair
				}
				tt.mutate(fs.Lookup("ok"))
				var err error
				func() {
					defer func() {
						if v := recover(); v != nil {
							err = fmt.Errorf("panicked: %v", v)
						}
					}()
					if tt.lent {
						_, err = plugflag.Lent(tt.plugin, fs)
					} else {
						_, err = plugflag.Own(tt.plugin, fs)
					}
				}()
				if !errors.Is(err, plugflag.ErrBadFlag) {
					t.Errorf("with a shorthand %v: %v, want ErrBadFlag", short, err)
				}
			}
		})
	}
}

// TestAdversaryLentDropsShorthands: a lent flag is "renamed
// <plugin>-<flag> where <plugin> is the part of its name after the last
// /", "Shorthands are dropped", and the parsed value lands in the lending
// plugin's own field.
func TestAdversaryLentDropsShorthands(t *testing.T) {
	t.Parallel()
	var region string
	var n int
	fs := flag.NewFlagSet("aws", flag.ContinueOnError)
	fs.StringVar(&region, "region", "eu", "")
	fs.StringVar(&region, "r", "eu", "")
	fs.Var(plugflag.Count(&n), "h", "a one-letter flag of its own")
	got, err := plugflag.Lent("cloud/aws", fs)
	if err != nil {
		t.Fatal(err)
	}
	want := []advRow{{"aws-h", "", true}, {"aws-region", "", true}}
	if diff := cmp.Diff(want, advRows(got)); diff != "" {
		t.Errorf("Lent (-want +got):\n%s", diff)
	}
	for _, f := range got {
		if f.Name == "aws-region" {
			if err := f.Value.Set("us"); err != nil || region != "us" {
				t.Errorf("Set = %v; the plugin's field is %q, want us", err, region)
			}
		}
	}
	if fs.Lookup("region") == nil || fs.Lookup("aws-region") != nil {
		t.Errorf("Lent changed the plugin's own flag set")
	}
}

// TestAdversaryMergeIsOrderFree: "Lent flags merge the same way for every
// order", and a clash is "an error naming both plugins and the flag".
func TestAdversaryMergeIsOrderFree(t *testing.T) {
	t.Parallel()
	flagsOf := func(plugin string, lent bool, names ...string) []plugflag.Flag {
		fs := flag.NewFlagSet(plugin, flag.ContinueOnError)
		for _, n := range names {
			fs.String(n, "", "")
		}
		var out []plugflag.Flag
		var err error
		if lent {
			out, err = plugflag.Lent(plugin, fs)
		} else {
			out, err = plugflag.Own(plugin, fs)
		}
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	groups := [][]plugflag.Flag{
		flagsOf("deploy", false, "foo-bar", "x", "aws-region"),
		flagsOf("foo", true, "bar-baz", "q"),
		flagsOf("a/foo-bar", true, "baz"),
		flagsOf("cloud/aws", true, "region", "zone"),
		flagsOf("other/aws", true, "zone"),
	}
	var first string
	var perm func(k int)
	perm = func(k int) {
		if k == len(groups) {
			_, err := plugflag.Merge(groups...)
			if !errors.Is(err, plugflag.ErrDuplicateFlag) {
				t.Fatalf("Merge = %v, want ErrDuplicateFlag", err)
			}
			if first == "" {
				first = err.Error()
				for _, want := range []string{`"`, "--"} {
					if !strings.Contains(first, want) {
						t.Errorf("Merge = %q, want it to name both plugins and the flag", first)
					}
				}
			} else if err.Error() != first {
				t.Errorf("Merge in another order = %q, want %q", err.Error(), first)
			}
			return
		}
		for i := k; i < len(groups); i++ {
			groups[k], groups[i] = groups[i], groups[k]
			perm(k + 1)
			groups[k], groups[i] = groups[i], groups[k]
		}
	}
	perm(0)
	if strings.Count(first, `"`) != 4 {
		t.Errorf("Merge = %q, want two plugins named", first)
	}
}

// TestAdversaryValuesAsDocumented: Count "counts (-vvv is 3, --verbose=5
// is 5)"; Strings "collects ... given values replace the default" and
// "takes each value whole (--also Bob,Cid is one name)"; the values are
// plain flag.Values, so the standard library parses them.
func TestAdversaryValuesAsDocumented(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want any
		bad  bool
	}{
		{"count thrice", []string{"-v", "-v", "-v"}, 3, false},
		{"count set", []string{"-v", "-v=5"}, 5, false},
		{"count word", []string{"-v=many"}, 0, true},
		{"strings replace the default", []string{"-tag", "a", "-tag", "b"}, []string{"a", "b"}, false},
		{"strings whole", []string{"-tag", "Bob,Cid", "-tag", `"q"`, "-tag", "line\nbreak"}, []string{"Bob,Cid", `"q"`, "line\nbreak"}, false},
		{"strings empty", []string{"-tag="}, []string{""}, false},
		{"strings none keep the default", nil, []string{"default"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n := 0
			tags := []string{"default"}
			fs := flag.NewFlagSet("p", flag.ContinueOnError)
			fs.SetOutput(new(strings.Builder))
			fs.Var(plugflag.Count(&n), "v", "")
			fs.Var(plugflag.Strings(&tags), "tag", "")
			err := fs.Parse(tt.args)
			if (err != nil) != tt.bad {
				t.Fatalf("Parse(%q) = %v, want an error: %v", tt.args, err, tt.bad)
			}
			if tt.bad {
				return
			}
			var got any = n
			if _, ok := tt.want.([]string); ok {
				got = tags
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}
