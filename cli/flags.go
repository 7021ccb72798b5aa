package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/markbates/safe"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/spf13/pflag"
)

// flagInfo is one flag of a run, read from its plugin under safe.
type flagInfo struct {
	plugflag.Flag
	owner node   // the plugin that declared it
	def   string // the default: the value when the host first built the flag
	bool  bool   // takes no value
	typ   string // the kind of value, for help
	usage string // usage with any `name` quoting removed
}

// defaultKey names one flag of one plugin, to remember its default.
type defaultKey struct {
	plugin any
	flag   string
}

const helpUsage = "show help"

// rootFlags is the host's own flag set.
func (r *run) rootFlags() (*pflag.FlagSet, *bool) {
	fs := newFlagSet(r.h.Name())
	return fs, fs.BoolP("help", "h", false, helpUsage)
}

func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return fs
}

// commandFlags builds the flag set of command c, found at path at: its own
// flags, then those every non-command plugin in its scope lends it, then
// the host's --help (and -h, unless the command took it).
func (r *run) commandFlags(at []string, c command) (*pflag.FlagSet, *bool, []flagInfo, error) {
	own, err := r.gather(c.node, false)
	if err != nil {
		return nil, nil, nil, err
	}
	groups := [][]flagInfo{own}
	if s, ok := c.p.(plugins.PluginScoper); ok {
		var scope []plugins.Plugin
		if err := r.call(c.node, "ScopedPlugins", func() error { scope = s.ScopedPlugins(); return nil }); err != nil {
			return nil, nil, nil, err
		}
		for _, p := range scope {
			if _, ok := p.(plugins.Flagger); !ok {
				continue
			}
			if _, ok := p.(plugins.Command); ok {
				continue
			}
			n, err := r.meet(p)
			if err != nil {
				return nil, nil, nil, err
			}
			if err := r.feed(n); err != nil {
				return nil, nil, nil, err
			}
			lent, err := r.gather(n, true)
			if err != nil {
				return nil, nil, nil, err
			}
			groups = append(groups, lent)
		}
	}
	infos, err := merge(groups)
	if err != nil {
		return nil, nil, nil, &PluginError{Plugin: c.name, Type: c.typ(), Method: "Flags", Err: fmt.Errorf("%w: %w", ErrBadPlugin, err)}
	}

	fs := newFlagSet(strings.Join(at, " "))
	helpShort := "h"
	for i := range infos {
		f := &infos[i]
		switch {
		case f.Name == "help":
			return nil, nil, nil, &PluginError{Plugin: f.Plugin, Type: c.typ(), Method: "Flags", Err: fmt.Errorf("%w: flag --help belongs to the host", ErrBadPlugin)}
		case f.Shorthand == "h":
			helpShort = ""
		}
		pf := &pflag.Flag{Name: f.Name, Shorthand: f.Shorthand, Usage: f.usage, Value: &pvalue{r: r, f: f}, DefValue: f.def}
		if f.bool {
			pf.NoOptDefVal = "true"
		}
		fs.AddFlag(pf)
	}
	return fs, fs.BoolP("help", helpShort, false, helpUsage), infos, nil
}

// merge joins the flag groups of one command, reporting clashes.
func merge(groups [][]flagInfo) ([]flagInfo, error) {
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	infos := make([]flagInfo, 0, n)
	for _, g := range groups {
		infos = append(infos, g...)
	}
	flat := make([]plugflag.Flag, len(infos))
	for i := range infos {
		flat[i] = infos[i].Flag
	}
	// Merge keeps the order it is given, so infos lines up with it.
	if _, err := plugflag.Merge(flat); err != nil {
		return nil, err
	}
	return infos, nil
}

// gather reads the flags a plugin declares, its own or lent, and puts each
// back to its default.
func (r *run) gather(n node, lent bool) ([]flagInfo, error) {
	fl, ok := n.p.(plugins.Flagger)
	if !ok {
		return nil, nil
	}
	var out []flagInfo
	err := r.call(n, "Flags", func() error {
		fs := fl.Flags()
		flags, err := plugflag.Own(n.name, fs)
		if lent {
			flags, err = plugflag.Lent(n.name, fs)
		}
		if err != nil {
			return err
		}
		out = make([]flagInfo, len(flags))
		for i, f := range flags {
			out[i] = flagInfo{Flag: f, owner: n, bool: f.IsBool(), def: f.Default, typ: f.Type, usage: f.Usage}
		}
		return nil
	})
	var pe *PluginError
	if err != nil && !errors.As(err, &pe) {
		err = &PluginError{Plugin: n.name, Type: n.typ(), Method: "Flags", Err: fmt.Errorf("%w: %w", ErrBadPlugin, err)}
	}
	return out, err
}

// pvalue lends a plugin's flag.Value to pflag, under safe.
type pvalue struct {
	r   *run
	f   *flagInfo
	set bool
}

func (v *pvalue) String() string {
	var s string
	if safe.Run(func() { s = v.f.Value.String() }) != nil {
		return v.f.def
	}
	return s
}

func (v *pvalue) Type() string { return v.f.typ }

func (v *pvalue) Set(s string) error {
	return v.r.call(v.f.owner, "Set", func() error {
		return v.f.Value.Set(s)
	})
}

// parse parses a command's flags from args. With stop it stops at the first
// argument that is not a flag, since that names a sub-command. It returns
// what is left, and whether that came after "--".
func (r *run) parse(fs *pflag.FlagSet, at []string, args []string, stop bool) ([]string, bool, error) {
	fs.SetInterspersed(!stop)
	if err := singleDash(fs, args, stop); err != nil {
		return nil, false, &UsageError{Path: strings.Join(at, " "), Err: err}
	}
	if err := fs.Parse(args); err != nil {
		return nil, false, flagError(strings.Join(at, " "), fs, err)
	}
	return fs.Args(), fs.ArgsLenAtDash() == 0, nil
}

// singleDash finds what pflag would misread in args: a long flag written
// with one dash ("-output", which pflag reads as "-o utput"), and a flag
// starting "-test." (which pflag silently drops). It walks args as pflag
// does, so a flag's value is never taken for a flag.
func singleDash(fs *pflag.FlagSet, args []string, stop bool) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return nil
		case len(a) < 2 || a[0] != '-':
			if stop {
				return nil
			}
		case a[1] == '-':
			name, _, hasValue := strings.Cut(a[2:], "=")
			if f := fs.Lookup(name); f != nil && !hasValue && f.NoOptDefVal == "" {
				i++ // its value
			}
		default:
			body := a[1:]
			name, _, _ := strings.Cut(body, "=")
			if len(name) > 1 && fs.Lookup(name) != nil {
				return fmt.Errorf("%w %q: a long flag takes two dashes, as in %q", ErrUnknownFlag, a, "-"+a)
			}
			if strings.HasPrefix(body, "test.") {
				return fmt.Errorf("%w %q", ErrUnknownFlag, a)
			}
			for j := 0; j < len(body); j++ {
				f := fs.ShorthandLookup(body[j : j+1])
				if f == nil || f.NoOptDefVal != "" {
					if f == nil {
						break
					}
					continue
				}
				if j == len(body)-1 {
					i++ // "-o value"
				}
				break // "-ovalue" or "-o=value"
			}
		}
	}
	return nil
}

// flagError turns pflag's error into one that names the flag and the
// command, and says what would be right.
func flagError(where string, fs *pflag.FlagSet, err error) error {
	var (
		pe      *PluginError
		unknown *pflag.NotExistError
		needs   *pflag.ValueRequiredError
		invalid *pflag.InvalidValueError
		syntax  *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.As(err, &unknown):
		name := unknown.GetSpecifiedName()
		if short := unknown.GetSpecifiedShortnames(); short != "" {
			msg := fmt.Sprintf("%q", "-"+name)
			if short != name {
				msg += fmt.Sprintf(" in %q", "-"+short)
			}
			if isNumber(short) {
				msg += fmt.Sprintf(" (to pass %q as an argument, put it after \"--\")", "-"+short)
			}
			return &UsageError{Path: where, Err: fmt.Errorf("%w %s", ErrUnknownFlag, msg)}
		}
		msg := fmt.Sprintf("%q", "--"+name)
		if s := suggestFlag(fs, name); s != "" {
			msg += fmt.Sprintf(" (did you mean --%s?)", s)
		}
		return &UsageError{Path: where, Err: fmt.Errorf("%w %s", ErrUnknownFlag, msg)}
	case errors.As(err, &needs):
		return &UsageError{Path: where, Err: kindError{ErrBadFlagValue, fmt.Sprintf("flag --%s needs a value", needs.GetFlag().Name)}}
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		return &UsageError{Path: where, Err: kindError{ErrBadFlagValue, fmt.Sprintf("flag --%s: invalid value %q: %s", f.Name, invalid.GetValue(), want(f, errors.Unwrap(invalid)))}}
	case errors.As(err, &syntax):
		return &UsageError{Path: where, Err: fmt.Errorf("%w %q: a flag is -x or --name", ErrUnknownFlag, syntax.GetSpecifiedFlag())}
	}
	return &UsageError{Path: where, Err: err}
}

// want says what a flag takes, when its value only said "parse error".
func want(f *pflag.Flag, cause error) string {
	if cause == nil {
		return "not accepted"
	}
	msg := cause.Error()
	if msg != "parse error" && msg != "value out of range" {
		return msg
	}
	what := map[string]string{
		"int":      "want an integer",
		"uint":     "want a whole number, 0 or more",
		"float":    "want a number",
		"duration": "want a duration such as 90s or 1h30m",
		"bool":     "want true or false",
	}[f.Value.Type()]
	if f.NoOptDefVal == "true" && what == "" {
		what = "want true or false"
	}
	if what == "" {
		return msg
	}
	if msg == "value out of range" {
		what = "out of range: " + what
	}
	return what
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.") == ""
}

// suggestFlag returns the flag of fs closest to name, or "".
func suggestFlag(fs *pflag.FlagSet, name string) string {
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	best := closest(name, names)
	if len(best) == 0 {
		return ""
	}
	return best[0]
}
