package cli

import (
	"fmt"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/spf13/pflag"
)

// resolved is a command line resolved to the command it names, the one
// walk that dispatch and help share (and completion will).
type resolved struct {
	at        []string         // the tool's name, then the command path
	cmd       *command         // the command; nil for the tool itself
	own       *flagSet         // its own flags and those lent to it
	inherited *flagSet         // the own flags of the commands above it
	global    *flagSet         // the flags of the tool's GlobalFlaggers
	subs      []plugins.Plugin // its sub-commands
	parent    bool             // it is a SubCommander
	passed    bool             // it is an ArgsPasser: args are as typed
	args      []string         // what is left for its Main
	dashed    bool             // args came after "--"
	help      bool             // -h or --help was given, at any level
	version   bool             // --version was given before a command
	scopes    []plugins.Plugin // the plugins the path's commands scope
}

// capabilities are what the host's own plugins offer every command:
// global flags and hooks. Finding them is a type assertion a plugin,
// without reading a name, so it costs next to nothing beside the scan
// that finds the command.
type capabilities struct {
	globals []plugins.Plugin // GlobalFlaggers
	hooks   []plugins.Plugin // BeforeRunners and AfterRunners
	filers  []plugins.Plugin // ConfigFilers
	parsers []plugins.Plugin // ConfigParsers
	finders []plugins.Plugin // CommandFinders
}

func (r *run) capabilities() *capabilities {
	if r.caps != nil {
		return r.caps
	}
	c := &capabilities{}
	for _, p := range r.h.Plugins {
		if _, ok := p.(plugins.GlobalFlagger); ok {
			c.globals = append(c.globals, p)
		}
		if isHook(p) {
			c.hooks = append(c.hooks, p)
		}
		if _, ok := p.(plugins.ConfigFiler); ok {
			c.filers = append(c.filers, p)
		}
		if _, ok := p.(plugins.ConfigParser); ok {
			c.parsers = append(c.parsers, p)
		}
		if _, ok := p.(plugins.CommandFinder); ok {
			c.finders = append(c.finders, p)
		}
	}
	r.caps = c
	return c
}

func isHook(p plugins.Plugin) bool {
	_, before := p.(plugins.BeforeRunner)
	_, after := p.(plugins.AfterRunner)
	return before || after
}

// resolve walks args: the host's flags and the global ones, then the
// command the first argument left names, its flags, and so on down its
// sub-commands. Each command on the way is fed and has its flags built and
// parsed, so the values given are in the plugins' fields when it returns.
// Each level costs what its own flags and name cost, whatever the depth.
func (r *run) resolve(args []string) (*resolved, error) {
	res := &resolved{at: []string{r.h.Name()}, inherited: &flagSet{}}
	r.capabilities()
	global, err := r.globals()
	if err != nil {
		return nil, err
	}
	res.global = global
	fs, help, err := r.parser("", nil, global)
	if err != nil {
		return nil, err
	}
	version := fs.Bool("version", false, versionUsage)
	rest, dashed, err := parse(fs, res.at, args, true)
	if err != nil {
		return nil, err
	}
	res.help, res.version = *help, *version
	if len(rest) == 0 && !dashed && !res.help && !res.version && r.h.DefaultCommand != "" {
		rest = []string{r.h.DefaultCommand}
	}
	plugs := r.h.Plugins
	var above *flagSet // the own flags of the command above, once past it
	for len(rest) > 0 && !dashed && !res.version {
		if above != nil {
			res.inherited = res.inherited.with(above, false)
		}
		c, err := r.lookup(plugs, res.at, rest[0])
		if err != nil && len(res.at) == 1 {
			var n int
			if c, n, err = r.findElsewhere(rest, err); err == nil {
				// The words that name it, but the last, are the path's.
				res.at = append(res.at, rest[:n-1]...)
				rest = rest[n-1:]
			}
		}
		if err != nil {
			return nil, err
		}
		res.at = append(res.at, c.cmdName)
		if err := r.feedOne(c.node); err != nil {
			return nil, err
		}
		subs, isParent, err := r.subCommands(c)
		if err != nil {
			return nil, err
		}
		own, scope, err := r.level(c, len(res.at)-1)
		if err != nil {
			return nil, err
		}
		res.cmd, res.own, res.subs, res.parent = &c, own, subs, isParent
		res.scopes = append(res.scopes, scope...)
		if _, ok := c.p.(plugins.ArgsPasser); ok {
			res.passed, rest, dashed = true, rest[1:], false
			break
		}
		fs, help, err := r.parser(c.cmdName, &c, global, own, res.inherited)
		if err != nil {
			return nil, err
		}
		rest, dashed, err = parse(fs, res.at, rest[1:], isParent)
		if err != nil {
			return nil, err
		}
		res.help = res.help || *help
		if !isParent {
			break
		}
		if _, takesArgs := c.p.(plugins.ArgsUsager); takesArgs && len(rest) > 0 && !dashed {
			if _, isSub, err := r.find(subs, rest[0]); err != nil {
				return nil, err
			} else if !isSub {
				// Its own Main runs: what follows is its arguments, with
				// its flags among them.
				rest, dashed, err = parse(fs, res.at, rest, false)
				if err != nil {
					return nil, err
				}
				res.parent = false
				break
			}
		}
		above, plugs = own, subs
	}
	res.args, res.dashed = rest, dashed
	return res, nil
}

// findElsewhere asks the host's CommandFinders for the command the words
// name, when none of its plugins answers to the first; notFound is the
// error to return when no finder has it either. It returns the command
// and how many words name it.
func (r *run) findElsewhere(words []string, notFound error) (command, int, error) {
	for _, p := range r.caps.finders {
		n, err := r.meet(p)
		if err != nil {
			return command{}, 0, err
		}
		if err := r.feedOne(n); err != nil {
			return command{}, 0, err
		}
		var found plugins.Command
		var used int
		if err := r.call(n, "FindCommand", func() error { found, used = p.(plugins.CommandFinder).FindCommand(words); return nil }); err != nil {
			return command{}, 0, err
		}
		if found == nil || fault.IsNil(found) {
			continue
		}
		if used < 1 || used > len(words) {
			site := n.site("FindCommand")
			return command{}, 0, site.Fault(fmt.Errorf("%w: found a command named by %d of %d words", ErrBadPlugin, used, len(words)))
		}
		c, ok, err := r.find([]plugins.Plugin{found}, words[used-1])
		if err != nil {
			return command{}, 0, err
		}
		if !ok {
			site := n.site("FindCommand")
			return command{}, 0, site.Fault(fmt.Errorf("%w: found a command that does not answer to %q", ErrBadPlugin, words[used-1]))
		}
		return c, used, nil
	}
	return command{}, 0, notFound
}

// topPlugins are the plugins the tool's own listing shows: the host's,
// then those its CommandFinders can find, which the host's shadow.
func (r *run) topPlugins() ([]plugins.Plugin, error) {
	r.capabilities()
	if len(r.caps.finders) == 0 {
		return r.h.Plugins, nil
	}
	plugs := append([]plugins.Plugin(nil), r.h.Plugins...)
	for _, p := range r.caps.finders {
		n, err := r.meet(p)
		if err != nil {
			return nil, err
		}
		if err := r.feedOne(n); err != nil {
			return nil, err
		}
		var found []plugins.Plugin
		if err := r.call(n, "ListCommands", func() error { found = p.(plugins.CommandFinder).ListCommands(); return nil }); err != nil {
			return nil, err
		}
		plugs = append(plugs, found...)
	}
	return plugs, nil
}

// with returns s and the flags of t, lent ones only if lent, as a new set.
func (s *flagSet) with(t *flagSet, lent bool) *flagSet {
	out := &flagSet{
		flags:  append([]plugflag.Flag(nil), s.flags...),
		pflags: append([]*pflag.Flag(nil), s.pflags...),
		depths: append([]int(nil), s.depths...),
	}
	for i, f := range t.flags {
		if f.Lent && !lent {
			continue
		}
		out.flags, out.pflags, out.depths = append(out.flags, f), append(out.pflags, t.pflags[i]), append(out.depths, t.depths[i])
	}
	return out
}
