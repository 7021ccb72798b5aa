package cli

import (
	"fmt"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// resolved is a command line resolved to the command it names, the one
// walk that dispatch and help share (and completion will).
type resolved struct {
	at     []string         // the tool's name, then the command path
	cmd    *command         // the command; nil for the tool itself
	flags  []plugflag.Flag  // the command's flags, as this run built them
	subs   []plugins.Plugin // its sub-commands
	parent bool             // it is a SubCommander
	args   []string         // what is left for its Main
	dashed bool             // args came after "--"
	help   bool             // -h or --help was given, at any level
}

// resolve walks args: the host's flags, then the command the first
// argument left names, its flags, and so on down its sub-commands. Each
// command on the way is fed and has its flags built and parsed, so the
// values given are in the plugins' fields when it returns. Each level
// costs what its own flags and name cost, whatever the depth.
func (r *run) resolve(args []string) (*resolved, error) {
	res := &resolved{at: []string{r.h.Name()}}
	fs, help := rootFlags()
	rest, dashed, err := parse(fs, res.at, args, true)
	if err != nil {
		return nil, err
	}
	res.help = *help
	plugs := r.h.Plugins
	for len(rest) > 0 && !dashed {
		c, err := r.lookup(plugs, res.at, rest[0])
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
		flags, fs, help, err := r.commandFlags(c)
		if err != nil {
			return nil, err
		}
		rest, dashed, err = parse(fs, res.at, rest[1:], isParent)
		if err != nil {
			return nil, err
		}
		res.cmd, res.flags, res.subs, res.parent = &c, flags, subs, isParent
		res.help = res.help || *help
		if !isParent {
			break
		}
		plugs = subs
	}
	res.args, res.dashed = rest, dashed
	return res, nil
}

// main runs the tool: it resolves the command line, then runs the command
// it names, or shows help.
func (r *run) main(args []string) error {
	if err := r.cancelled(nil); err != nil {
		return err
	}
	res, err := r.resolve(args)
	if err != nil {
		return err
	}
	if res.cmd == nil && res.dashed && len(res.args) > 0 && !res.help {
		return &UsageError{Path: r.h.Name(), Err: fmt.Errorf("%w: %q comes after \"--\", so it is not a command", ErrUnknownCommand, res.args[0])}
	}
	if res.help || res.cmd == nil {
		return r.help(res.at[1:])
	}
	if err := r.cancelled(res.at); err != nil {
		return err
	}
	c := res.cmd
	err = r.call(c.node, "Main", func() error { return c.cmd.Main(r.ctx, res.args) })
	if err == nil {
		err = r.feed.late()
	}
	askedHelp, err := r.wrap(res.at, *c, err)
	if askedHelp {
		return r.help(res.at[1:])
	}
	return err
}

// wrap attributes an error command c returned to the command at path,
// unless it is the host's own and says where already, and reports whether
// the error asks for the command's help (flag.ErrHelp). Reading the error
// runs the plugin's code (Error, Unwrap, Is), so it is done under
// containment, and every walk of its chain is bounded.
func (r *run) wrap(at []string, c command, err error) (askedHelp bool, _ error) {
	if err == nil {
		return false, nil
	}
	out := err
	werr := r.call(c.node, "Error", func() error {
		_ = err.Error() // fmt would print a panic in it into the message
		switch {
		case isHelp(err):
			askedHelp = true
		case !says(err):
			out = fmt.Errorf("%s: %w", joinPath(at), err)
		}
		return nil
	})
	if werr != nil {
		return false, werr
	}
	return askedHelp, out
}
