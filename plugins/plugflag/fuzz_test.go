package plugflag_test

import (
	"errors"
	"flag"
	"path"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins/plugflag"
)

// typable is the rule for a flag name, written out again: a fuzz oracle
// must not share the code it checks.
func typable(name string) bool {
	if name == "" || name[0] == '-' || strings.Contains(name, "=") || !utf8.ValidString(name) {
		return false
	}
	for _, r := range name {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// FuzzLent lends up to three flags of any name from a plugin of any name.
// vars says which variable each flag is bound to, two bits a flag, so that
// one-letter flags can be shorthand twins of long ones.
func FuzzLent(f *testing.F) {
	f.Add("log", "level", "json", "l", uint8(0b00_01_00))
	f.Add("cloud/aws", "region", "r", "profile", uint8(0b01_00_00))
	f.Add("log", "v", "verbose", "V", uint8(0b00_00_00))
	f.Add("log", "v", "w", "x", uint8(0b00_00_00))
	f.Add("db/", "dsn", "d", "", uint8(0b00_00_00))
	f.Add("/", "x", "y", "z", uint8(0b10_01_00))
	f.Add("", "x", "y", "z", uint8(0b10_01_00))
	f.Add("a=b", "x", "y", "z", uint8(0b10_01_00))
	f.Add("tools/-x", "x", "y", "z", uint8(0b10_01_00))
	f.Add("foo", "bar-baz", "bar", "baz", uint8(0b10_01_00))
	f.Add("p", "-x", "a=b", "ok", uint8(0b10_01_00))
	f.Add("p", "dry run", "tab\there", "\x00", uint8(0b10_01_00))
	f.Add("p", "\x1b[31m", "caf\xe9", "\x80", uint8(0b10_01_00))
	f.Add("p", "é", "e", "\ufffd", uint8(0b00_00_00))
	f.Add("p", "x", "x", "x", uint8(0b10_01_00))
	f.Add("p", "", "", "", uint8(0))
	f.Add("p\x00q", "x", "y", "z", uint8(0))
	f.Add("日本/語", "名前", "n", "名", uint8(0))
	f.Fuzz(func(t *testing.T, plugin, n1, n2, n3 string, vars uint8) {
		var bound [3]string
		fs := flag.NewFlagSet("fuzz", flag.PanicOnError)
		declared := map[string]*string{} // name: its variable
		var names []string
		for i, name := range []string{n1, n2, n3} {
			if _, dup := declared[name]; dup {
				continue // the flag package cannot hold two flags of one name
			}
			p := &bound[min(int(vars>>(2*i))&3, 2)]
			// Declare under a safe name, then rename: the flag package
			// panics on some bad names, but a plugin can rename a flag.
			placeholder := "f" + strconv.Itoa(i)
			fs.StringVar(p, placeholder, "", "usage of "+name)
			fs.Lookup(placeholder).Name = name
			declared[name] = p
			names = append(names, name)
		}

		got, err := plugflag.Lent(plugin, fs)

		base := path.Base(plugin)
		bad := false
		for _, n := range names {
			bad = bad || !typable(n) || !typable(base+"-"+n)
		}
		if err != nil {
			if !errors.Is(err, plugflag.ErrBadFlag) {
				t.Fatalf("Lent(%q) error %v does not wrap ErrBadFlag", plugin, err)
			}
			if !strings.Contains(err.Error(), strconv.Quote(plugin)) {
				t.Errorf("error %q does not name plugin %q", err, plugin)
			}
			if !bad {
				t.Errorf("Lent(%q, %q) = %v; every name can be typed", plugin, names, err)
			}
			return
		}
		if bad {
			t.Fatalf("Lent(%q, %q) = %+v, nil; want ErrBadFlag", plugin, names, got)
		}

		// A one-letter flag bound to the variable of a long flag is its
		// twin and is not lent: per variable, as many as there are long
		// flags to pair with.
		short, long := map[*string]int{}, map[*string]int{}
		for _, n := range names {
			if len(n) == 1 {
				short[declared[n]]++
			} else {
				long[declared[n]]++
			}
		}
		twins := 0
		for p, n := range short {
			twins += min(n, long[p])
		}
		if len(got) != len(names)-twins {
			t.Errorf("Lent(%q, %q) lends %d flags; want %d (%d twins dropped)", plugin, names, len(got), len(names)-twins, twins)
		}

		seen := map[string]bool{}
		for _, fl := range got {
			name, ok := strings.CutPrefix(fl.Name, base+"-")
			if !ok {
				t.Errorf("lent flag %q does not start with %q", fl.Name, base+"-")
			} else if _, ok := declared[name]; !ok {
				t.Errorf("lent flag %q: %q is not a declared flag (declared %q)", fl.Name, name, names)
			}
			if seen[fl.Name] {
				t.Errorf("lent flag %q comes twice", fl.Name)
			}
			seen[fl.Name] = true
			if !typable(fl.Name) {
				t.Errorf("lent flag %q cannot be typed as --name", fl.Name)
			}
			// Usage is unquoted as the standard library does: a name in
			// backquotes is taken out of it.
			_, usage := flag.UnquoteUsage(&flag.Flag{Usage: "usage of " + name, Value: fl.Value})
			want := plugflag.Flag{Name: fl.Name, Usage: usage, Value: fl.Value, Plugin: plugin, Lent: true}
			if diff := cmp.Diff(want, fl, sameValue); diff != "" {
				t.Errorf("lent flag %q (-want +got):\n%s", fl.Name, diff)
			}
		}
		// Long flags are never twins: every one of them is lent.
		for _, n := range names {
			if len(n) > 1 && !seen[base+"-"+n] {
				t.Errorf("long flag %q is not lent as %q", n, base+"-"+n)
			}
		}
	})
}
