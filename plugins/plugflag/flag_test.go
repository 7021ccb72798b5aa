package plugflag_test

import (
	"errors"
	"flag"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/plughost/plughost/plugins/plugflag"
)

// sameValue compares flag values by identity: a Flag must carry the
// plugin's own Value, not a copy of it. Type and Default, which
// TestTypeAndDefault checks, are left out.
var sameValue = cmp.Options{cmpopts.IgnoreFields(plugflag.Flag{}, "Type", "Default", "Bool"), sameVariable}

var sameVariable = cmp.Comparer(func(a, b flag.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() {
		return false
	}
	switch va.Kind() {
	case reflect.Func, reflect.Map, reflect.Slice:
		return va.Pointer() == vb.Pointer()
	}
	return va.Type().Comparable() && a == b
})

// newSet returns an empty flag set whose mistakes panic rather than print.
func newSet() *flag.FlagSet { return flag.NewFlagSet("test", flag.PanicOnError) }

// valueOf returns the Value declared in fs under name.
func valueOf(fs *flag.FlagSet) func(name string) flag.Value {
	return func(name string) flag.Value { return fs.Lookup(name).Value }
}

// snapshot is what a plugin's flag set holds, to show it is left alone.
type snapshot struct{ Name, Usage, DefValue string }

func snap(fs *flag.FlagSet) []snapshot {
	var out []snapshot
	fs.VisitAll(func(f *flag.Flag) { out = append(out, snapshot{f.Name, f.Usage, f.DefValue}) })
	return out
}

func TestOwn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		declare func(fs *flag.FlagSet)
		want    func(v func(string) flag.Value) []plugflag.Flag
	}{
		{
			name: "BoolVar twin becomes shorthand",
			declare: func(fs *flag.FlagSet) {
				var b bool
				fs.BoolVar(&b, "verbose", false, "say more")
				fs.BoolVar(&b, "v", false, "say more (short)")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{{Name: "verbose", Shorthand: "v", Usage: "say more", Value: v("verbose"), Plugin: "deploy"}}
			},
		},
		{
			name: "StringVar twin becomes shorthand",
			declare: func(fs *flag.FlagSet) {
				var s string
				fs.StringVar(&s, "e", "dev", "")
				fs.StringVar(&s, "env", "dev", "where to")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{{Name: "env", Shorthand: "e", Usage: "where to", Value: v("env"), Plugin: "deploy"}}
			},
		},
		{
			name: "IntVar twin becomes shorthand",
			declare: func(fs *flag.FlagSet) {
				var n int
				fs.IntVar(&n, "count", 1, "how many")
				fs.IntVar(&n, "n", 1, "how many")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{{Name: "count", Shorthand: "n", Usage: "how many", Value: v("count"), Plugin: "deploy"}}
			},
		},
		{
			name: "Count twin becomes shorthand",
			declare: func(fs *flag.FlagSet) {
				var n int
				fs.Var(plugflag.Count(&n), "verbose", "say more")
				fs.Var(plugflag.Count(&n), "v", "")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{{Name: "verbose", Shorthand: "v", Usage: "say more", Value: v("verbose"), Plugin: "deploy"}}
			},
		},
		{
			name: "Strings twin becomes shorthand",
			declare: func(fs *flag.FlagSet) {
				var tags []string
				fs.Var(plugflag.Strings(&tags), "tag", "tag it")
				fs.Var(plugflag.Strings(&tags), "t", "")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{{Name: "tag", Shorthand: "t", Usage: "tag it", Value: v("tag"), Plugin: "deploy"}}
			},
		},
		{
			name: "lone one-letter flag is its own shorthand",
			declare: func(fs *flag.FlagSet) {
				fs.Bool("q", false, "be quiet")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{{Name: "q", Shorthand: "q", Usage: "be quiet", Value: v("q"), Plugin: "deploy"}}
			},
		},
		{
			name: "two one-letter flags on one long flag: one pairs, one stays",
			declare: func(fs *flag.FlagSet) {
				var b bool
				fs.BoolVar(&b, "verbose", false, "say more")
				fs.BoolVar(&b, "v", false, "")
				fs.BoolVar(&b, "V", false, "also say more")
			},
			// VisitAll is sorted and "V" < "v": "V" pairs, "v" stays.
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "v", Shorthand: "v", Value: v("v"), Plugin: "deploy"},
					{Name: "verbose", Shorthand: "V", Usage: "say more", Value: v("verbose"), Plugin: "deploy"},
				}
			},
		},
		{
			name: "flags bound to different variables are not paired",
			declare: func(fs *flag.FlagSet) {
				var a, b bool
				fs.BoolVar(&a, "verbose", false, "say more")
				fs.BoolVar(&b, "v", false, "show the version")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "v", Shorthand: "v", Usage: "show the version", Value: v("v"), Plugin: "deploy"},
					{Name: "verbose", Usage: "say more", Value: v("verbose"), Plugin: "deploy"},
				}
			},
		},
		{
			name: "one variable under different kinds of value is not paired",
			declare: func(fs *flag.FlagSet) {
				var n int
				fs.IntVar(&n, "level", 0, "how loud")
				fs.Var(plugflag.Count(&n), "l", "louder")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "l", Shorthand: "l", Usage: "louder", Value: v("l"), Plugin: "deploy"},
					{Name: "level", Usage: "how loud", Value: v("level"), Plugin: "deploy"},
				}
			},
		},
		{
			name: "flag.Func values are never paired",
			declare: func(fs *flag.FlagSet) {
				fn := func(string) error { return nil }
				fs.Func("file", "read a file", fn)
				fs.Func("f", "read a file", fn)
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "f", Shorthand: "f", Usage: "read a file", Value: v("f"), Plugin: "deploy"},
					{Name: "file", Usage: "read a file", Value: v("file"), Plugin: "deploy"},
				}
			},
		},
		{
			name: "sorted by name",
			declare: func(fs *flag.FlagSet) {
				fs.String("zone", "", "")
				fs.Int("attempts", 3, "")
				fs.Bool("m", false, "")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "attempts", Value: v("attempts"), Plugin: "deploy"},
					{Name: "m", Shorthand: "m", Value: v("m"), Plugin: "deploy"},
					{Name: "zone", Value: v("zone"), Plugin: "deploy"},
				}
			},
		},
		{
			name:    "empty set",
			declare: func(fs *flag.FlagSet) {},
			want:    func(v func(string) flag.Value) []plugflag.Flag { return []plugflag.Flag{} },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newSet()
			tt.declare(fs)
			before := snap(fs)
			got, err := plugflag.Own("deploy", fs)
			if err != nil {
				t.Fatalf("Own: %v", err)
			}
			if diff := cmp.Diff(tt.want(valueOf(fs)), got, sameValue); diff != "" {
				t.Errorf("Own (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, snap(fs)); diff != "" {
				t.Errorf("Own changed the plugin's flags (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilFlagSet(t *testing.T) {
	t.Parallel()
	for _, collect := range []struct {
		name string
		fn   func(string, *flag.FlagSet) ([]plugflag.Flag, error)
	}{{"Own", plugflag.Own}, {"Lent", plugflag.Lent}} {
		got, err := collect.fn("deploy", nil)
		if err != nil || len(got) != 0 {
			t.Errorf("%s(nil) = %v, %v; want no flags, no error", collect.name, got, err)
		}
	}
}

func TestLent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		plugin  string
		declare func(fs *flag.FlagSet)
		want    func(v func(string) flag.Value) []plugflag.Flag
	}{
		{
			name:   "renamed with the plugin's name, usage marked",
			plugin: "log",
			declare: func(fs *flag.FlagSet) {
				fs.String("level", "info", "how much to log")
				fs.Bool("json", false, "log as JSON")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "log-json", Usage: "log as JSON", Value: v("json"), Plugin: "log", Lent: true},
					{Name: "log-level", Usage: "how much to log", Value: v("level"), Plugin: "log", Lent: true},
				}
			},
		},
		{
			name:   "prefix is the last element of the plugin's name",
			plugin: "cloud/aws",
			declare: func(fs *flag.FlagSet) {
				fs.String("region", "", "where")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "aws-region", Usage: "where", Value: v("region"), Plugin: "cloud/aws", Lent: true},
				}
			},
		},
		{
			name:   "shorthand twin disappears",
			plugin: "log",
			declare: func(fs *flag.FlagSet) {
				var n int
				fs.Var(plugflag.Count(&n), "verbose", "say more")
				fs.Var(plugflag.Count(&n), "v", "say more")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "log-verbose", Usage: "say more", Value: v("verbose"), Plugin: "log", Lent: true},
				}
			},
		},
		{
			name:   "lone one-letter flag loses its shorthand",
			plugin: "log",
			declare: func(fs *flag.FlagSet) {
				fs.Bool("q", false, "be quiet")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "log-q", Usage: "be quiet", Value: v("q"), Plugin: "log", Lent: true},
				}
			},
		},
		{
			name:   "empty usage",
			plugin: "log",
			declare: func(fs *flag.FlagSet) {
				fs.Bool("trace", false, "")
			},
			want: func(v func(string) flag.Value) []plugflag.Flag {
				return []plugflag.Flag{
					{Name: "log-trace", Value: v("trace"), Plugin: "log", Lent: true},
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newSet()
			tt.declare(fs)
			before := snap(fs)
			want := tt.want(valueOf(fs))
			// Lending twice must give the same flags: the plugin's set is
			// read, never renamed in place.
			for i := range 2 {
				got, err := plugflag.Lent(tt.plugin, fs)
				if err != nil {
					t.Fatalf("Lent #%d: %v", i+1, err)
				}
				if diff := cmp.Diff(want, got, sameValue); diff != "" {
					t.Errorf("Lent #%d (-want +got):\n%s", i+1, diff)
				}
				if diff := cmp.Diff(before, snap(fs)); diff != "" {
					t.Errorf("Lent #%d changed the plugin's flags (-want +got):\n%s", i+1, diff)
				}
			}
		})
	}
}

func TestBadFlag(t *testing.T) {
	t.Parallel()
	// Some bad names cannot be declared through the flag package, which
	// panics on them; a plugin can still rename a flag it declared.
	renamed := func(name string) func(fs *flag.FlagSet) {
		return func(fs *flag.FlagSet) {
			fs.Bool("ok", false, "")
			fs.Bool("placeholder", false, "")
			fs.Lookup("placeholder").Name = name
		}
	}
	declared := func(name string) func(fs *flag.FlagSet) {
		return func(fs *flag.FlagSet) {
			fs.Bool("ok", false, "")
			fs.Bool(name, false, "")
		}
	}
	tests := []struct {
		name    string
		declare func(fs *flag.FlagSet)
	}{
		{"nil Value", func(fs *flag.FlagSet) {
			fs.Bool("ok", false, "")
			fs.Bool("broken", false, "")
			fs.Lookup("broken").Value = nil
		}},
		{"empty name", declared("")},
		{"equals sign", renamed("a=b")},
		{"leading dash", renamed("-x")},
		{"leading double dash", renamed("--x")},
		{"space", declared("dry run")},
		{"tab", declared("dry\trun")},
		{"newline", declared("dry\n")},
		{"NUL byte", declared("a\x00b")},
		{"escape byte", declared("\x1b[31mred")},
		{"DEL byte", declared("del\x7f")},
		{"no-break space", declared("dry\u00a0run")},
		{"invalid UTF-8", declared("caf\xe9")},
		{"lone continuation byte", declared("\x80")},
	}
	for _, tt := range tests {
		for _, collect := range []struct {
			name string
			fn   func(string, *flag.FlagSet) ([]plugflag.Flag, error)
		}{{"Own", plugflag.Own}, {"Lent", plugflag.Lent}} {
			t.Run(collect.name+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				fs := newSet()
				tt.declare(fs)
				got, err := collect.fn("cloud/aws", fs)
				if !errors.Is(err, plugflag.ErrBadFlag) {
					t.Fatalf("%s = %v, %v; want an error wrapping ErrBadFlag", collect.name, got, err)
				}
				if !strings.Contains(err.Error(), strconv.Quote("cloud/aws")) {
					t.Errorf("error %q does not name the plugin", err)
				}
				if got != nil {
					t.Errorf("%s returned flags beside its error: %v", collect.name, got)
				}
			})
		}
	}
}

// TestLentBadPrefix: a lent flag's name is checked once renamed, since the
// plugin's name can make a good flag name one that cannot be typed.
func TestLentBadPrefix(t *testing.T) {
	t.Parallel()
	for _, plugin := range []string{"a=b", "tools/-x", "-"} {
		t.Run(plugin, func(t *testing.T) {
			t.Parallel()
			fs := newSet()
			fs.Bool("dry-run", false, "")
			got, err := plugflag.Lent(plugin, fs)
			if !errors.Is(err, plugflag.ErrBadFlag) {
				t.Fatalf("Lent = %v, %v; want an error wrapping ErrBadFlag", got, err)
			}
			if !strings.Contains(err.Error(), strconv.Quote(plugin)) {
				t.Errorf("error %q does not name the plugin", err)
			}
			// The command's own flags are not renamed, so Own takes them.
			if _, err := plugflag.Own(plugin, fs); err != nil {
				t.Errorf("Own: %v", err)
			}
		})
	}
}

func TestIsBool(t *testing.T) {
	t.Parallel()
	var n int
	var tags []string
	fs := newSet()
	fs.Bool("b", false, "")
	fs.String("s", "", "")
	fs.BoolFunc("f", "", func(string) error { return nil })
	fs.Var(plugflag.Count(&n), "c", "")
	fs.Var(plugflag.Strings(&tags), "t", "")
	got, err := plugflag.Own("p", fs)
	if err != nil {
		t.Fatal(err)
	}
	isBool := map[string]bool{}
	for _, f := range got {
		isBool[f.Name] = f.Bool
	}
	want := map[string]bool{"b": true, "s": false, "f": true, "c": true, "t": false}
	if diff := cmp.Diff(want, isBool); diff != "" {
		t.Errorf("IsBool (-want +got):\n%s", diff)
	}
}

func TestMerge(t *testing.T) {
	t.Parallel()
	// lend is what Lent returns for plugin lending flags named names.
	lend := func(plugin string, names ...string) []plugflag.Flag {
		fs := newSet()
		for _, n := range names {
			fs.Bool(n, false, "")
		}
		flags, err := plugflag.Lent(plugin, fs)
		if err != nil {
			panic(err) // a mistake in the table, not in Merge
		}
		return flags
	}
	tests := []struct {
		name    string
		groups  [][]plugflag.Flag
		wantErr string
	}{
		{
			name: "no clash",
			groups: [][]plugflag.Flag{
				{{Name: "env", Shorthand: "e", Plugin: "deploy"}, {Name: "verbose", Shorthand: "v", Plugin: "deploy"}},
				lend("log", "level", "json"),
				lend("cloud/aws", "region"),
			},
		},
		{
			name: "long name and shorthand live apart",
			groups: [][]plugflag.Flag{
				{{Name: "e", Shorthand: "e", Plugin: "deploy"}},
				{{Name: "exclude", Shorthand: "x", Plugin: "filter"}, {Name: "x", Plugin: "filter"}},
			},
		},
		{name: "no groups"},
		{name: "empty groups", groups: [][]plugflag.Flag{nil, {}, nil}},
		{
			name: "name across plugins",
			groups: [][]plugflag.Flag{
				{{Name: "log-level", Plugin: "deploy"}},
				lend("log", "level"),
			},
			wantErr: `duplicate flag: --log-level is declared by both plugin "deploy" and plugin "log"`,
		},
		{
			name: "name within one plugin",
			groups: [][]plugflag.Flag{
				{{Name: "env", Plugin: "deploy"}, {Name: "env", Plugin: "deploy"}},
				lend("log", "level"),
			},
			wantErr: `duplicate flag: --env is declared twice by plugin "deploy"`,
		},
		{
			name: "one plugin in two groups",
			groups: [][]plugflag.Flag{
				lend("log", "level"),
				lend("log", "level"),
			},
			wantErr: `duplicate flag: --log-level is declared twice by plugin "log"`,
		},
		{
			name: "shorthand",
			groups: [][]plugflag.Flag{
				{{Name: "env", Shorthand: "e", Plugin: "deploy"}},
				{{Name: "exclude", Shorthand: "e", Plugin: "filter"}},
			},
			wantErr: `duplicate flag: -e is declared by both plugin "deploy" and plugin "filter"`,
		},
		{
			name: "prefix collision",
			groups: [][]plugflag.Flag{
				lend("foo", "bar-baz"),
				lend("foo-bar", "baz"),
			},
			wantErr: `duplicate flag: --foo-bar-baz is declared by both plugin "foo" and plugin "foo-bar"`,
		},
		{
			name: "three plugins on one name",
			groups: [][]plugflag.Flag{
				{{Name: "foo-bar-baz", Plugin: "tool"}},
				lend("foo", "bar-baz"),
				lend("foo-bar", "baz"),
			},
			wantErr: `duplicate flag: --foo-bar-baz is declared by both plugin "foo" and plugin "foo-bar"`,
		},
		{
			name: "three plugins on one shorthand",
			groups: [][]plugflag.Flag{
				{{Name: "verbose", Shorthand: "v", Plugin: "c"}},
				{{Name: "version", Shorthand: "v", Plugin: "b"}},
				{{Name: "vault", Shorthand: "v", Plugin: "a"}},
			},
			wantErr: `duplicate flag: -v is declared by both plugin "a" and plugin "b"`,
		},
		{
			name: "several clashes",
			groups: [][]plugflag.Flag{
				{{Name: "env", Shorthand: "e", Plugin: "deploy"}, {Name: "zone", Plugin: "deploy"}},
				{{Name: "exclude", Shorthand: "e", Plugin: "filter"}, {Name: "zone", Plugin: "filter"}},
				lend("log", "level"),
				lend("log", "level"),
			},
			wantErr: `duplicate flag: --log-level is declared twice by plugin "log"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, order := range permutations(len(tt.groups)) {
				groups := make([][]plugflag.Flag, len(order))
				var want []plugflag.Flag
				for i, g := range order {
					groups[i] = tt.groups[g]
					want = append(want, tt.groups[g]...)
				}
				got, err := plugflag.Merge(groups...)
				if tt.wantErr == "" {
					if err != nil {
						t.Errorf("order %v: Merge: %v", order, err)
					}
					if diff := cmp.Diff(want, got, sameValue, cmpEmpty); diff != "" {
						t.Errorf("order %v: Merge (-want +got):\n%s", order, diff)
					}
					continue
				}
				if !errors.Is(err, plugflag.ErrDuplicateFlag) {
					t.Errorf("order %v: Merge = %v, %v; want an error wrapping ErrDuplicateFlag", order, got, err)
					continue
				}
				if diff := cmp.Diff(tt.wantErr, err.Error()); diff != "" {
					t.Errorf("order %v: Merge error (-want +got):\n%s", order, diff)
				}
				if got != nil {
					t.Errorf("order %v: Merge returned flags beside its error: %v", order, got)
				}
			}
		})
	}
}

// cmpEmpty treats a nil slice and an empty one alike.
var cmpEmpty = cmp.FilterValues(func(a, b []plugflag.Flag) bool {
	return len(a) == 0 && len(b) == 0
}, cmp.Comparer(func(a, b []plugflag.Flag) bool { return true }))

// permutations returns every order of 0..n-1.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// TestTypeAndDefault: a flag carries what help shows, read when the plugin
// declared it: the kind of value it takes and its default.
func TestTypeAndDefault(t *testing.T) {
	t.Parallel()
	var (
		s    = "eu"
		n    = 3
		b    = true
		d    = 90 * time.Second
		c    = 2
		tags = []string{"a", "b,c"}
		f    = 1.5
	)
	fs := newSet()
	fs.StringVar(&s, "region", s, "the `zone` to use")
	fs.IntVar(&n, "count", n, "how many")
	fs.BoolVar(&b, "force", b, "force it")
	fs.DurationVar(&d, "wait", d, "how long")
	fs.Var(plugflag.Count(&c), "verbose", "say more")
	fs.Var(plugflag.Strings(&tags), "tag", "a tag")
	fs.Float64Var(&f, "ratio", f, "a ratio")
	s, n = "changed after declaring", 99 // the default is what was declared
	got, err := plugflag.Own("deploy", fs)
	if err != nil {
		t.Fatal(err)
	}
	type view struct{ Name, Type, Default, Usage string }
	var views []view
	for _, fl := range got {
		views = append(views, view{fl.Name, fl.Type, fl.Default, fl.Usage})
	}
	want := []view{
		{"count", "int", "3", "how many"},
		{"force", "", "true", "force it"},
		{"ratio", "float", "1.5", "a ratio"},
		{"region", "zone", "eu", "the zone to use"},
		{"tag", "string...", `a,"b,c"`, "a tag"},
		{"verbose", "count", "2", "say more"},
		{"wait", "duration", "1m30s", "how long"},
	}
	if diff := cmp.Diff(want, views); diff != "" {
		t.Errorf("Own (-want +got):\n%s", diff)
	}
}
