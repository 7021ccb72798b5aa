package cli

import (
	"fmt"
	"io"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/spf13/pflag"
)

const helpUsage = "show help"

// helpFlag is the host's own --help, as help lists it.
func helpFlag(short string) plugflag.Flag {
	return plugflag.Flag{Name: "help", Shorthand: short, Usage: helpUsage}
}

// rootFlags is the host's own flag set.
func rootFlags() (*pflag.FlagSet, *bool) {
	fs := newFlagSet("")
	return fs, fs.BoolP("help", "h", false, helpUsage)
}

func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return fs
}

// commandFlags builds the flags of command c: its own, then those every
// non-command Flagger in its scope lends it, merged (a clash is an error
// naming both plugins). It returns them, as help shows them, and the flag
// set that parses them, with the host's --help (and -h, unless the command
// took it).
func (r *run) commandFlags(c command) ([]plugflag.Flag, *pflag.FlagSet, *bool, error) {
	own, err := r.declared(c.node, false)
	if err != nil {
		return nil, nil, nil, err
	}
	groups := [][]plugflag.Flag{own}
	owners := []node{c.node}
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
			if err := r.feedOne(n); err != nil {
				return nil, nil, nil, err
			}
			lent, err := r.declared(n, true)
			if err != nil {
				return nil, nil, nil, err
			}
			groups, owners = append(groups, lent), append(owners, n)
		}
	}
	flags, err := plugflag.Merge(groups...)
	if err != nil {
		s := c.site("Flags")
		return nil, nil, nil, s.Fault(fmt.Errorf("%w: %w", ErrBadPlugin, err))
	}

	fs := newFlagSet(c.cmdName)
	helpShort := "h"
	k := 0 // Merge keeps the order of the groups: flags[k] is of groups[g]
	for g, group := range groups {
		for range group {
			f := &flags[k]
			k++
			switch {
			case f.Name == "help":
				s := owners[g].site("Flags")
				return nil, nil, nil, s.Fault(fmt.Errorf("%w: flag --help belongs to the host", ErrBadPlugin))
			case f.Shorthand == "h":
				helpShort = ""
			}
			pf := &pflag.Flag{Name: f.Name, Shorthand: f.Shorthand, Usage: f.Usage, Value: &pvalue{r: r, f: f, owner: owners[g]}, DefValue: f.Default}
			if f.IsBool() {
				pf.NoOptDefVal = "true"
			}
			fs.AddFlag(pf)
		}
	}
	return flags, fs, fs.BoolP("help", helpShort, false, helpUsage), nil
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
	r     *run
	f     *plugflag.Flag
	owner node
}

func (v *pvalue) String() string {
	var s string
	if v.r.call(v.owner, "String", func() error { s = v.f.Value.String(); return nil }) != nil {
		return v.f.Default
	}
	return s
}

func (v *pvalue) Type() string { return v.f.Type }

func (v *pvalue) Set(s string) error {
	return v.r.call(v.owner, "Set", func() error { return v.f.Value.Set(s) })
}
