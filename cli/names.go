package cli

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// validName reports whether s can be typed on a command line as a name: it
// is not empty, holds no white space, control bytes or invalid UTF-8, and
// does not start with "-", which would make it a flag ("-x", "--help",
// "--", "-5").
func validName(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == 0x7f {
			return false
		} else if c >= utf8.RuneSelf {
			return strings.IndexFunc(s[i:], func(r rune) bool {
				return unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError
			}) < 0
		}
	}
	return true
}

const untypable = "is empty, holds white space or starts with \"-\""

// meet reads a plugin's name, once, and checks it.
func (r *run) meet(p plugins.Plugin) (node, error) {
	n := node{p: p}
	if fault.IsNil(p) {
		s := n.site("")
		return n, s.Fault(nil)
	}
	err := r.call(n, "Name", func() error {
		n.name = p.Name()
		return nil
	})
	if err != nil {
		return n, err
	}
	if !validName(n.name) {
		bad := n.name
		n.name = ""
		s := n.site("Name")
		return n, s.Fault(fmt.Errorf("%w: name %q %s", ErrBadPlugin, bad, untypable))
	}
	return n, nil
}

// base is the default command name: the last element of a plugin's name.
func base(name string) string {
	if i := strings.LastIndexByte(name, '/'); i < 0 && name != "" {
		return name
	} else if i >= 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return path.Base(name)
}

// check vets a command the run is about to use or list: a plugin that is
// nil, or whose names could not be typed, is an error naming it.
func (r *run) check(c *command) error {
	s := c.site("")
	switch {
	case fault.IsNil(c.p):
		return s.Fault(nil)
	case !validName(c.name):
		s.Name, s.Method = "", "Name"
		return s.Fault(fmt.Errorf("%w: name %q %s", ErrBadPlugin, c.name, untypable))
	case !validName(c.cmdName):
		s.Method = "CmdName"
		return s.Fault(fmt.Errorf("%w: command name %q %s", ErrBadPlugin, c.cmdName, untypable))
	}
	if !c.aliased {
		if a, ok := c.p.(plugins.Aliaser); ok {
			if err := r.call(c.node, "CmdAliases", func() error { c.aliases = a.CmdAliases(); return nil }); err != nil {
				return err
			}
		}
		c.aliased = true
	}
	for _, alias := range c.aliases {
		if !validName(alias) {
			s.Method = "CmdAliases"
			return s.Fault(fmt.Errorf("%w: alias %q %s", ErrBadPlugin, alias, untypable))
		}
	}
	return nil
}
