package cli

import (
	"fmt"
	"path"
	"strings"

	"github.com/plughost/plughost/plugins"
)

// command is a command the run has found, with the names it answers to.
type command struct {
	node
	cmd     plugins.Command
	cmdName string   // CmdName, or else the last element of Name
	aliases []string // read once asked for
	aliased bool     // aliases have been read
}

// scanner is where a scan is in a slice of plugins, to put a fault down to
// the plugin and method being read.
type scanner struct {
	cur    command
	method string
}

// scan calls fn with each command in plugs, its Name and command name
// read, until fn returns true. Scanning is the one part of a run whose cost
// grows with the number of plugins, so the whole loop runs under one
// recover rather than one per plugin, and names are checked only where a
// command is used (check).
func (r *run) scan(plugs []plugins.Plugin, fn func(s *scanner) (stop bool)) error {
	s := &scanner{}
	return r.callAt(&s.cur.node, &s.method, func() error {
		for _, p := range plugs {
			c, ok := p.(plugins.Command)
			if !ok {
				continue
			}
			s.cur = command{node: node{p: p}, cmd: c}
			s.method = "Name"
			s.cur.name = p.Name()
			s.cur.cmdName = base(s.cur.name)
			if nc, ok := p.(plugins.NamedCommand); ok {
				s.method = "CmdName"
				if name := nc.CmdName(); name != "" {
					s.cur.cmdName = name
				}
			}
			s.method = ""
			if fn(s) {
				return nil
			}
		}
		return nil
	})
}

// aliases reads the current command's aliases, within a scan.
func (s *scanner) aliases() []string {
	if a, ok := s.cur.p.(plugins.Aliaser); ok && !s.cur.aliased {
		s.method = "CmdAliases"
		s.cur.aliases = a.CmdAliases()
		s.method = ""
	}
	s.cur.aliased = true
	return s.cur.aliases
}

// description reads the current command's description, within a scan.
func (s *scanner) description() string {
	d, ok := s.cur.p.(plugins.Describer)
	if !ok {
		return ""
	}
	s.method = "Description"
	desc := d.Description()
	s.method = ""
	return desc
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

// find returns the first command in plugs that answers to name, by its
// command name or an alias, checked.
func (r *run) find(plugs []plugins.Plugin, name string) (command, bool, error) {
	if !validName(name) {
		return command{}, false, nil
	}
	var found command
	ok := false
	err := r.scan(plugs, func(s *scanner) bool {
		if s.cur.cmdName != name {
			hit := false
			for _, a := range s.aliases() {
				hit = hit || a == name
			}
			if !hit {
				return false
			}
		}
		found, ok = s.cur, true
		return true
	})
	if err == nil && ok {
		err = r.check(&found)
	}
	return found, ok && err == nil, err
}

// check vets a command the run is about to use or list: a plugin that is
// nil, or whose names could not be typed, is an error naming it.
func (r *run) check(c *command) error {
	if isNil(c.p) {
		return fault(c.node, "", nil)
	}
	if !validName(c.name) {
		return &PluginError{Type: c.typ(), Method: "Name", Err: fmt.Errorf("%w: name %q is empty or holds white space", ErrBadPlugin, c.name)}
	}
	if !validName(c.cmdName) {
		return &PluginError{Plugin: c.name, Type: c.typ(), Method: "CmdName", Err: fmt.Errorf("%w: command name %q holds white space", ErrBadPlugin, c.cmdName)}
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
			return &PluginError{Plugin: c.name, Type: c.typ(), Method: "CmdAliases", Err: fmt.Errorf("%w: alias %q is empty or holds white space", ErrBadPlugin, alias)}
		}
	}
	return nil
}
