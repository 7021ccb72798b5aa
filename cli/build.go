package cli

import (
	"fmt"
	"io"
	"strconv"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/spf13/pflag"
)

const (
	helpUsage    = "show help"
	versionUsage = "print the tool's name and version"
)

// helpFlag is the host's own --help, as help lists it.
func helpFlag(short string) plugflag.Flag {
	return plugflag.Flag{Name: "help", Shorthand: short, Usage: helpUsage}
}

// versionFlag is the host's own --version, offered before a command name.
func versionFlag() plugflag.Flag {
	return plugflag.Flag{Name: "version", Usage: versionUsage}
}

func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return fs
}

// flagSet is the flags of one level of a command line, as built for a run:
// the plugflag model help shows, and the pflag flags that parse them into
// the plugins' fields.
type flagSet struct {
	flags  []plugflag.Flag
	pflags []*pflag.Flag // pflags[i] parses flags[i]
	depths []int         // how many command names lead to the command flags[i] is of: 0 for a global flag
}

// add appends the flags one plugin declares for the command depth names
// down the path (0 for the tool's global flags).
func (s *flagSet) add(r *run, owner node, depth int, flags []plugflag.Flag) {
	for i := range flags {
		f := &flags[i]
		pf := &pflag.Flag{Name: f.Name, Shorthand: f.Shorthand, Usage: f.Usage, DefValue: f.Default, Hidden: f.Hidden,
			Value: &pvalue{r: r, f: f, owner: owner}}
		if f.Bool {
			pf.NoOptDefVal = "true"
		}
		s.flags, s.pflags, s.depths = append(s.flags, *f), append(s.pflags, pf), append(s.depths, depth)
	}
}

// globals builds the flags every GlobalFlagger among the host's plugins
// declares, once a run, unprefixed; two of one name are an error naming
// both plugins.
func (r *run) globals() (*flagSet, error) {
	if r.global != nil {
		return r.global, nil
	}
	s := &flagSet{}
	var groups [][]plugflag.Flag
	for _, p := range r.caps.globals {
		n, err := r.meet(p)
		if err != nil {
			return nil, err
		}
		if err := r.feedOne(n); err != nil {
			return nil, err
		}
		var flags []plugflag.Flag
		var bad error
		g := p.(plugins.GlobalFlagger)
		if err := r.call(n, "GlobalFlags", func() error { flags, bad = plugflag.Own(n.name, g.GlobalFlags()); return nil }); err != nil {
			return nil, err
		}
		if bad != nil {
			site := n.site("GlobalFlags")
			return nil, site.Fault(fmt.Errorf("%w: %w", ErrBadPlugin, bad))
		}
		groups = append(groups, flags)
		s.add(r, n, 0, flags)
	}
	if _, err := plugflag.Merge(groups...); err != nil {
		site := r.siteOf(nil, "GlobalFlags")
		return nil, site.Fault(fmt.Errorf("%w: %w", ErrBadPlugin, err))
	}
	r.global = s
	return s, nil
}

// level builds command c's own flags, then those every non-command Flagger
// in its scope lends it, merged (a clash is an error naming both plugins).
// It returns them and the scope.
func (r *run) level(c command, depth int) (*flagSet, []plugins.Plugin, error) {
	s := &flagSet{}
	own, err := r.declared(c.node, false)
	if err != nil {
		return nil, nil, err
	}
	groups := [][]plugflag.Flag{own}
	s.add(r, c.node, depth, own)
	var scope []plugins.Plugin
	if sc, ok := c.p.(plugins.PluginScoper); ok {
		if err := r.call(c.node, "ScopedPlugins", func() error { scope = sc.ScopedPlugins(); return nil }); err != nil {
			return nil, nil, err
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
				return nil, nil, err
			}
			if err := r.feedOne(n); err != nil {
				return nil, nil, err
			}
			lent, err := r.declared(n, true)
			if err != nil {
				return nil, nil, err
			}
			groups = append(groups, lent)
			s.add(r, n, depth, lent)
		}
	}
	if _, err := plugflag.Merge(groups...); err != nil {
		site := c.site("Flags")
		return nil, nil, site.Fault(fmt.Errorf("%w: %w", ErrBadPlugin, err))
	}
	return s, scope, nil
}

// parser returns the pflag set that parses one level: its own and lent
// flags, those it inherits from the commands above it, the global flags,
// and the host's --help (with -h, unless a flag took it), plus --version
// at the top. A clash between them is an error naming both plugins, and
// so is a --help of a plugin's own.
func (r *run) parser(name string, c *command, global *flagSet, levels ...*flagSet) (*pflag.FlagSet, *bool, error) {
	sets := append(levels[:len(levels):len(levels)], global)
	groups := make([][]plugflag.Flag, 0, len(sets))
	for _, s := range sets {
		groups = append(groups, s.flags)
	}
	if _, err := plugflag.Merge(groups...); err != nil {
		site := r.siteOf(c, "Flags")
		return nil, nil, site.Fault(fmt.Errorf("%w: %w", ErrBadPlugin, err))
	}
	fs := newFlagSet(name)
	helpShort := "h"
	for _, s := range sets {
		for i, f := range s.flags {
			switch {
			case f.Name == "help" || f.Name == "version" && c == nil:
				site := s.pflags[i].Value.(*pvalue).owner.site("Flags")
				return nil, nil, site.Fault(fmt.Errorf("%w: flag --%s belongs to the host", ErrBadPlugin, f.Name))
			case f.Shorthand == "h" && s == global:
				// -h is a command's to take, never the whole tool's.
				site := s.pflags[i].Value.(*pvalue).owner.site("GlobalFlags")
				return nil, nil, site.Fault(fmt.Errorf("%w: global flag -h belongs to the host", ErrBadPlugin))
			case f.Shorthand == "h":
				helpShort = ""
			}
			if fs.Lookup(f.Name) != nil { // a --no-NAME of another flag: pflag would panic
				site := s.pflags[i].Value.(*pvalue).owner.site("Flags")
				return nil, nil, site.Fault(fmt.Errorf("%w: flag --%s is also the negation of another flag", ErrBadPlugin, f.Name))
			}
			fs.AddFlag(s.pflags[i])
			if f.Negatable {
				if err := r.negation(fs, s.pflags[i]); err != nil {
					return nil, nil, err
				}
			}
		}
	}
	return fs, fs.BoolP("help", helpShort, false, helpUsage), nil
}

// siteOf is where a fault of command c's flags is put down: c, or the
// host at the top.
func (r *run) siteOf(c *command, method string) fault.Site {
	if c == nil {
		return fault.Site{Plugin: r.h, Name: r.h.Name(), Method: method}
	}
	return c.site(method)
}

// negation adds --no-NAME for a negatable boolean flag.
func (r *run) negation(fs *pflag.FlagSet, pf *pflag.Flag) error {
	name := "no-" + pf.Name
	if fs.Lookup(name) != nil {
		owner := pf.Value.(*pvalue).owner
		site := owner.site("Flags")
		return site.Fault(fmt.Errorf("%w: --%s of negatable --%s is taken by another flag", ErrBadPlugin, name, pf.Name))
	}
	fs.AddFlag(&pflag.Flag{Name: name, Usage: "set --" + pf.Name + " to false", Hidden: true, NoOptDefVal: "true",
		Value: &negated{pf}})
	return nil
}

// negated sets the flag it negates to the opposite of what it is given.
type negated struct{ of *pflag.Flag }

func (n *negated) String() string { return "false" }
func (n *negated) Type() string   { return "bool" }
func (n *negated) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	n.of.Changed = true
	return n.of.Value.Set(strconv.FormatBool(!b))
}

// declared reads the flags a plugin declares, its own or lent.
func (r *run) declared(n node, lent bool) ([]plugflag.Flag, error) {
	fl, ok := n.p.(plugins.Flagger)
	if !ok {
		return nil, nil
	}
	var flags []plugflag.Flag
	var bad error
	err := r.call(n, "Flags", func() error {
		fs := fl.Flags()
		if lent {
			flags, bad = plugflag.Lent(n.name, fs)
		} else {
			flags, bad = plugflag.Own(n.name, fs)
		}
		return nil
	})
	if err == nil && bad != nil {
		s := n.site("Flags")
		err = s.Fault(fmt.Errorf("%w: %w", ErrBadPlugin, bad))
	}
	return flags, err
}

// pvalue lends a plugin's flag.Value to pflag, calling it under
// containment.
type pvalue struct {
	r      *run
	f      *plugflag.Flag
	owner  node
	warned bool
}

func (v *pvalue) String() string {
	var s string
	if v.r.call(v.owner, "String", func() error { s = v.f.Value.String(); return nil }) != nil {
		return v.f.Default
	}
	return s
}

func (v *pvalue) Type() string {
	if v.f.Bool {
		return "bool"
	}
	return v.f.Type
}

func (v *pvalue) Set(s string) error {
	if v.f.Deprecated != "" && !v.warned {
		v.warned = true
		v.r.warn(fmt.Sprintf("flag --%s is deprecated: %s", v.f.Name, v.f.Deprecated))
	}
	return v.r.call(v.owner, "Set", func() error { return v.f.Value.Set(s) })
}
