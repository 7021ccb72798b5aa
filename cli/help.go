package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// PrintHelp writes to w the help of the command that path names (the names
// of a command and its sub-commands), or of the tool for an empty path.
// The help command prints through it; see package cmds/help.
func (h *Host) PrintHelp(ctx context.Context, w io.Writer, path []string) error {
	r := h.newRun(ctx, w)
	return <-r.guard(func() error { return r.printHelp(path) })
}

// help shows the help of the command at path, through the tool's own help
// command when it has one, so that overriding "help" changes -h too.
func (r *run) help(path []string) error {
	c, ok, err := r.find(r.h.Plugins, "help")
	if err != nil {
		return err
	}
	if !ok {
		return r.printHelp(path)
	}
	if err := r.feed(c.node); err != nil {
		return err
	}
	err = r.call(c.node, "Main", func() error { return c.cmd.Main(r.ctx, path) })
	askedHelp, err := r.wrap([]string{r.h.Name(), c.cmdName}, c, err)
	if askedHelp {
		// The help command itself asks for help: print it directly.
		return r.printHelp(path)
	}
	return err
}

func (r *run) printHelp(path []string) error {
	at := []string{r.h.Name()}
	h := plugprint.Help{Path: at, Description: r.h.About, Flags: []plugprint.Flag{{Name: "help", Shorthand: "h", Usage: helpUsage}}}
	plugs := r.h.Plugins
	var c command
	for i, name := range path {
		var err error
		if c, err = r.lookup(plugs, at, name); err != nil {
			return err
		}
		at = append(at, c.cmdName)
		subs, isParent, err := r.subCommands(c)
		if err != nil {
			return err
		}
		plugs = subs
		if !isParent || i == len(path)-1 {
			if err := r.commandHelp(&h, at, c, isParent); err != nil {
				return err
			}
			break
		}
	}
	if len(path) == 0 || plugs != nil {
		var err error
		if h.Commands, err = r.listing(plugs); err != nil {
			return err
		}
	}
	if err := plugprint.Print(r.stdout, h); err != nil {
		return fmt.Errorf("%s: writing help: %w", r.h.Name(), err)
	}
	return nil
}

// commandHelp fills h with what command c, found at path at, shows.
func (r *run) commandHelp(h *plugprint.Help, at []string, c command, isParent bool) error {
	h.Path, h.Aliases, h.Runnable = at, c.aliases, !isParent
	if err := r.feed(c.node); err != nil {
		return err
	}
	desc, err := r.describe(c.node)
	if err != nil {
		return err
	}
	h.Description = desc
	_, _, infos, err := r.commandFlags(at, c)
	if err != nil {
		return err
	}
	h.Flags = h.Flags[:0]
	helpShort := "h"
	for _, f := range infos {
		pf := plugprint.Flag{Name: f.Name, Shorthand: f.Shorthand, Type: f.typ, Usage: f.usage, Default: f.def, Plugin: f.Plugin}
		if f.Shorthand == "h" {
			helpShort = ""
		}
		if f.Lent {
			h.Lent = append(h.Lent, pf)
		} else {
			h.Flags = append(h.Flags, pf)
		}
	}
	h.Flags = append(h.Flags, plugprint.Flag{Name: "help", Shorthand: helpShort, Usage: helpUsage})
	sort.SliceStable(h.Lent, func(i, j int) bool { return h.Lent[i].Plugin < h.Lent[j].Plugin })
	return nil
}

// describe reads a plugin's description.
func (r *run) describe(n node) (string, error) {
	d, ok := n.p.(plugins.Describer)
	if !ok {
		return "", nil
	}
	var s string
	err := r.call(n, "Description", func() error { s = d.Description(); return nil })
	return s, err
}

// listing lists the visible commands in plugs: the first of each name,
// sorted. Every command is checked, and the fault of the one with the least
// name is reported, so a bad plugin is reported the same whatever the order
// of the slice.
func (r *run) listing(plugs []plugins.Plugin) ([]plugprint.Command, error) {
	all := make([]plugprint.Command, 0, len(plugs))
	var hidden []bool
	var bad *command
	err := r.scan(plugs, func(s *scanner) bool {
		_, hide := s.cur.p.(plugins.Hider)
		c := plugprint.Command{Name: s.cur.cmdName}
		if !hide {
			c.Aliases = s.aliases()
			c.Description = s.description()
		}
		if r.check(&s.cur) != nil && (bad == nil || s.cur.cmdName < bad.cmdName) {
			cur := s.cur
			bad = &cur
		}
		all = append(all, c)
		hidden = append(hidden, hide)
		return false
	})
	if err != nil {
		return nil, err
	}
	if bad != nil {
		return nil, r.check(bad)
	}
	// Sort by name, then by place in the slice, so the first of each name
	// is the one dispatch would run.
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		return cmp.Or(strings.Compare(all[i].Name, all[j].Name), cmp.Compare(i, j))
	})
	// Drop hidden and shadowed rows, marking them by an empty name, then
	// put the rest in order in place, rather than copying every row.
	prev := ""
	for k, i := range order {
		shadowed := k > 0 && all[i].Name == prev
		prev = all[i].Name
		if hidden[i] || shadowed {
			all[i].Name = ""
		}
	}
	permute(all, order)
	return slices.DeleteFunc(all, func(c plugprint.Command) bool { return c.Name == "" }), nil
}

// permute puts rows[order[k]] at rows[k] for every k, in place, by
// following the cycles of order; it leaves order spent.
func permute(rows []plugprint.Command, order []int32) {
	for start := range rows {
		if order[start] < 0 {
			continue
		}
		saved := rows[start]
		k := start
		for {
			from := int(order[k])
			order[k] = -1
			if from == start {
				rows[k] = saved
				break
			}
			rows[k] = rows[from]
			k = from
		}
	}
}
