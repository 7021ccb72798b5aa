package cli

import (
	"fmt"
	"strings"

	"github.com/plughost/plughost/internal/fault"
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
	cur  command
	site fault.Site
}

// scan calls fn with each command in plugs, its Name and command name
// read, until fn returns true. Scanning is the one part of a run whose cost
// grows with the number of plugins, so the whole loop runs under one
// containment rather than one per plugin, and names are checked only where
// a command is used (check).
func (r *run) scan(plugs []plugins.Plugin, fn func(s *scanner) (stop bool)) error {
	s := &scanner{}
	return fault.Call(r.record, &s.site, func() error {
		for _, p := range plugs {
			c, ok := p.(plugins.Command)
			if !ok {
				continue
			}
			s.cur = command{node: node{p: p}, cmd: c}
			s.site = fault.Site{Plugin: p, Method: "Name"}
			s.cur.name = p.Name()
			s.site.Name = s.cur.name
			s.cur.cmdName = base(s.cur.name)
			if nc, ok := p.(plugins.NamedCommand); ok {
				s.site.Method = "CmdName"
				if name := nc.CmdName(); name != "" {
					s.cur.cmdName = name
				}
			}
			s.site.Method = ""
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
		s.site.Method = "CmdAliases"
		s.cur.aliases = a.CmdAliases()
		s.site.Method = ""
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
	s.site.Method = "Description"
	desc := d.Description()
	s.site.Method = ""
	return desc
}

// group reads the current command's group, within a scan.
func (s *scanner) group() string {
	g, ok := s.cur.p.(plugins.Grouper)
	if !ok {
		return ""
	}
	s.site.Method = "CmdGroup"
	group := g.CmdGroup()
	s.site.Method = ""
	return group
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

// lookup finds the command name at path at, or says what there is
// instead.
func (r *run) lookup(plugs []plugins.Plugin, at []string, name string) (command, error) {
	c, ok, err := r.find(plugs, name)
	if err != nil || ok {
		return c, err
	}
	suggestions, err := r.suggest(plugs, name)
	if err != nil {
		return c, err
	}
	msg := fmt.Sprintf("%q", name)
	if s := suggestions; len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", orList(s))
	}
	return command{}, &UsageError{Path: strings.Join(at, " "), Err: fmt.Errorf("%w %s", ErrUnknownCommand, msg)}
}

// subCommands returns the sub-commands of a command that has them.
func (r *run) subCommands(c command) ([]plugins.Plugin, bool, error) {
	sc, ok := c.p.(plugins.SubCommander)
	if !ok {
		return nil, false, nil
	}
	var subs []plugins.Plugin
	err := r.call(c.node, "SubCommands", func() error {
		subs = sc.SubCommands()
		return nil
	})
	return subs, true, err
}
