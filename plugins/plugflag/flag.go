package plugflag

import (
	"flag"
	"fmt"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Flag is one flag as a command offers it.
type Flag struct {
	// Name is the long name, used as --Name. For a lent flag it carries the
	// lending plugin's prefix.
	Name string
	// Shorthand is the one-letter name used as -S, or empty.
	Shorthand string
	// Usage is the help text, with the `name` quoting of the standard
	// library's flag.UnquoteUsage taken out.
	Usage string
	// Type names the kind of value the flag takes, for help: "string",
	// "int", "duration", the Value's own Type() when it has one, or empty
	// for a flag that takes no value (IsBool).
	Type string
	// Default is what the flag's variable held when the plugin declared it:
	// the flag.Flag's DefValue, which the standard library reads from the
	// Value as it is declared. Help shows it.
	Default string
	// Value is the plugin's own value: setting it sets the plugin's field.
	Value flag.Value
	// Plugin is the name of the plugin that declared the flag.
	Plugin string
	// Lent reports whether the flag is lent by a plugin other than the
	// command it is offered on.
	Lent bool
	// Bool reports whether the flag takes no value on the command line
	// (--verbose rather than --verbose=true), as the standard library
	// decides: its Value has an IsBoolFlag method that returns true. Own
	// and Lent read it once, as they read the flag.
	Bool bool

	// The traits the host reads from the Value's methods (see Required,
	// OneOf, Hidden, Deprecated and Negatable):

	// Required flags must be given.
	Required bool
	// Choices are the values a OneOf flag takes.
	Choices []string
	// Hidden flags are parsed but not listed.
	Hidden bool
	// Deprecated, when not empty, says what to use instead.
	Deprecated string
	// Negatable boolean flags also answer to --no-Name.
	Negatable bool
	// Secret flags never show their value.
	Secret bool

	// Env is the environment variable the flag is also read from, as the
	// host derives it for a tool that reads flags from the environment;
	// empty otherwise. Help shows it.
	Env string
}

// isBoolValue asks v, as the standard library does.
func isBoolValue(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// Own returns the flags a command declares in fs, sorted by name. A
// one-letter flag bound to the same variable as a long flag becomes that
// flag's shorthand; a one-letter flag with no such twin is offered as
// both -x and --x. A nil fs declares no flags.
func Own(plugin string, fs *flag.FlagSet) ([]Flag, error) {
	return collect(plugin, fs, false)
}

// Lent returns the flags a plugin lends to the commands that scope it, each
// renamed "<base>-<name>" where base is the last slash-separated element of
// the plugin's name, with shorthands dropped and Lent set; help groups them
// under the plugin's name. The plugin's own *flag.Flag values are not
// changed. A
// renamed flag that cannot be typed as --name (the plugin's name holds "="
// or its last element starts with "-") is reported as ErrBadFlag.
func Lent(plugin string, fs *flag.FlagSet) ([]Flag, error) {
	return collect(plugin, fs, true)
}

func collect(plugin string, fs *flag.FlagSet, lent bool) ([]Flag, error) {
	if fs == nil {
		return nil, nil
	}
	var all []*flag.Flag
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil {
			return
		}
		if err = check(plugin, f); err == nil {
			all = append(all, f)
		}
	})
	if err != nil {
		return nil, err
	}

	// A one-letter flag that shares its variable with a long flag is that
	// flag's shorthand. VisitAll is sorted, so the pairing is stable.
	var short map[*flag.Flag]string
	var twin map[*flag.Flag]bool
	for _, s := range all {
		if len(s.Name) != 1 {
			continue
		}
		if short == nil {
			short, twin = map[*flag.Flag]string{}, map[*flag.Flag]bool{}
		}
		for _, l := range all {
			if len(l.Name) > 1 && short[l] == "" && sameVar(s.Value, l.Value) {
				if s.DefValue != l.DefValue {
					return nil, fmt.Errorf("%w: plugin %q: shorthand -%s is declared with default %q, --%s with %q: give both the same",
						ErrBadFlag, plugin, s.Name, s.DefValue, l.Name, l.DefValue)
				}
				short[l] = s.Name
				twin[s] = true
				break
			}
		}
	}

	prefix := ""
	if lent {
		prefix = path.Base(plugin) + "-"
	}
	out := make([]Flag, 0, len(all))
	for _, f := range all {
		if twin[f] {
			continue
		}
		nf := Flag{
			Name:    prefix + f.Name,
			Default: f.DefValue,
			Value:   f.Value,
			Plugin:  plugin,
			Lent:    lent,
		}
		nf.Bool = isBoolValue(f.Value)
		nf.Type, nf.Usage = typeOf(f)
		readTraits(&nf)
		switch {
		case lent:
			if err := checkName(plugin, nf.Name); err != nil {
				return nil, err
			}
		case short[f] != "":
			nf.Shorthand = short[f]
		case len(f.Name) == 1:
			nf.Shorthand = f.Name
		}
		out = append(out, nf)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// check reports a flag that no command line could set.
func check(plugin string, f *flag.Flag) error {
	if f.Value == nil {
		return fmt.Errorf("%w: plugin %q: flag %q has a nil Value", ErrBadFlag, plugin, f.Name)
	}
	if f.Name == "" {
		return fmt.Errorf("%w: plugin %q: a flag has an empty name", ErrBadFlag, plugin)
	}
	return checkName(plugin, f.Name)
}

// checkName reports a non-empty flag name that cannot be typed as --name:
// a lent flag's name is checked again once the plugin's name prefixes it.
func checkName(plugin, name string) error {
	if strings.HasPrefix(name, "-") || strings.ContainsRune(name, '=') ||
		strings.IndexFunc(name, badRune) >= 0 {
		return fmt.Errorf("%w: plugin %q: flag name %q cannot be typed as --name", ErrBadFlag, plugin, name)
	}
	return nil
}

func badRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar
}

// typeOf names the kind of value f takes and returns its usage with any
// `name` quoting taken out. A flag that takes no value has no type, unless
// its Value names one other than "bool" (Count's "count").
func typeOf(f *flag.Flag) (typ, usage string) {
	typ, usage = flag.UnquoteUsage(f)
	t, typed := f.Value.(interface{ Type() string })
	if isBoolValue(f.Value) {
		if typed && t.Type() != "bool" {
			return t.Type(), usage
		}
		return "", usage
	}
	if typed {
		typ = t.Type()
	}
	return typ, usage
}

// readTraits fills in the traits f's Value declares by its methods.
func readTraits(f *Flag) {
	f.Required = is[requirer](f.Value, requirer.IsRequired)
	f.Hidden = is[hider](f.Value, hider.IsHidden)
	f.Negatable = is[negator](f.Value, negator.IsNegatable) && f.Bool
	f.Secret = is[secreter](f.Value, secreter.IsSecret)
	if d, ok := f.Value.(deprecator); ok {
		f.Deprecated = d.Deprecation()
	}
	if c, ok := f.Value.(chooser); ok {
		f.Choices = c.Choices()
	}
}

// sameVar reports whether two values are bound to one variable: the
// standard library's BoolVar, StringVar and the like, and Count, are a
// pointer to the variable itself; Strings says what it is bound to.
//
// Values of different types may be bound to one variable (the standard
// library's StringVar and OneOf both to a *string, a plugin's own
// *MyString too), so pointers are compared by address and by what they
// point to: a *Config and a pointer to its first field share an address,
// not a variable.
func sameVar(a, b flag.Value) bool {
	va, vb := boundTo(a), boundTo(b)
	if va.Kind() != reflect.Pointer || vb.Kind() != reflect.Pointer || va.IsNil() || vb.IsNil() {
		return false
	}
	ea, eb := va.Type().Elem(), vb.Type().Elem()
	if va.Pointer() != vb.Pointer() || ea.Kind() != eb.Kind() || ea.Size() != eb.Size() || ea.Size() == 0 {
		return false // values of no size may share an address, not a variable
	}
	// One variable under a value that takes none and one that takes one
	// (an int and a count) is two flags: the long one's value could not
	// take what the short one is given.
	return isBoolValue(a) == isBoolValue(b)
}

func boundTo(v flag.Value) reflect.Value {
	if b, ok := v.(interface{ boundTo() any }); ok {
		return reflect.ValueOf(b.boundTo())
	}
	return reflect.ValueOf(v)
}

// Merge joins the flags of one command, its own first, then each lender's,
// and reports two flags of one name or one shorthand as ErrDuplicateFlag
// naming both plugins. Whatever the order of the groups, the same conflict
// is reported.
func Merge(groups ...[]Flag) ([]Flag, error) {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	out := make([]Flag, 0, n)
	for _, g := range groups {
		out = append(out, g...)
	}
	// Most flag sets have no clash: find that out cheaply first.
	first := make(map[string]bool, n)
	clash := false
	for _, f := range out {
		clash = clash || first[f.Name] || f.Shorthand != "" && first["-"+f.Shorthand]
		first[f.Name] = true
		if f.Shorthand != "" {
			first["-"+f.Shorthand] = true
		}
	}
	if !clash {
		return out, nil
	}
	// Every pair of plugins that declare one name (or one plugin that
	// declares it twice) is a conflict, and the least of them is reported,
	// so that the report does not depend on the order of the groups.
	var least string
	names := map[string][]string{} // name: the plugins that declare it
	shorts := map[string][]string{}
	note := func(seen map[string][]string, key, flag, plugin string) {
		ps := seen[key]
		for _, p := range ps {
			if c := conflict(flag, p, plugin); least == "" || c < least {
				least = c
			}
		}
		if !slices.Contains(ps, plugin) {
			seen[key] = append(ps, plugin)
		}
	}
	for _, f := range out {
		note(names, f.Name, "--"+f.Name, f.Plugin)
		if f.Shorthand != "" {
			note(shorts, f.Shorthand, "-"+f.Shorthand, f.Plugin)
		}
	}
	if least != "" {
		return nil, fmt.Errorf("%w: %s", ErrDuplicateFlag, least)
	}
	return out, nil
}

func conflict(flag, pa, pb string) string {
	if pb < pa {
		pa, pb = pb, pa
	}
	if pa == pb {
		return fmt.Sprintf("%s is declared twice by plugin %q", flag, pa)
	}
	return fmt.Sprintf("%s is declared by both plugin %q and plugin %q", flag, pa, pb)
}
