package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

// isHelp reports whether err asks for help (flag.ErrHelp), reading at
// most fault.MaxChain errors of its chain.
func isHelp(err error) bool { return fault.Is(err, flag.ErrHelp) }

// says reports whether err is the host's own and names where it happened.
func says(err error) bool {
	if _, ok := fault.As[*PluginError](err); ok {
		return true
	}
	_, ok := fault.As[*UsageError](err)
	return ok
}

// help shows the help of the command at path, through the tool's own help
// command when it has one, so that overriding "help" changes -h too.
func (r *run) help(path []string) error {
	c, ok, err := r.find(r.h.Plugins, "help")
	if err != nil {
		return err
	}
	if !ok {
		return r.hostHelp(path)
	}
	if err := r.feedOne(c.node); err != nil {
		return err
	}
	err = r.call(c.node, "Main", func() error { return c.cmd.Main(r.ctx, path) })
	askedHelp, err := r.wrap(&resolved{at: []string{r.h.Name(), c.cmdName}, cmd: &c}, err)
	if askedHelp {
		// The help command itself asks for help: print it directly.
		return r.hostHelp(path)
	}
	return err
}

// hostHelp prints help itself, naming the tool in an error that does not
// say where it happened.
func (r *run) hostHelp(path []string) error {
	err := r.printHelp(path)
	if err != nil && !says(err) {
		err = fmt.Errorf("%s: %w", r.h.Name(), err)
	}
	return err
}

// printHelp resolves path as a command line and prints the help of the
// command it names, or of the tool.
func (r *run) printHelp(path []string) error {
	h, err := r.helpOf(path)
	if err != nil {
		return err
	}
	if err := plugprint.Print(r.out, h); err != nil {
		return fmt.Errorf("writing help: %w", err)
	}
	return nil
}

// HelpOf returns what the help of the command that path names, or of the
// tool for an empty path, shows: the one model help, manual pages and
// other documentation are rendered from. It resolves path as a run does,
// feeding the plugins on it, and calls no command.
func (h *Host) HelpOf(ctx context.Context, path []string) (plugprint.Help, error) {
	r := h.newRun(ctx, io.Discard)
	var help plugprint.Help
	err := <-r.guard(func() error {
		if err := r.cancelled(nil); err != nil {
			return err
		}
		var err error
		help, err = r.helpOf(path)
		return err
	})
	return help, err
}

// helpOf is HelpOf within a run.
func (r *run) helpOf(path []string) (plugprint.Help, error) {
	res, err := r.resolve(path)
	if err != nil {
		return plugprint.Help{}, err
	}
	h := plugprint.Help{Path: res.at}
	plugs, err := r.topPlugins()
	if err != nil {
		return h, err
	}
	if res.cmd != nil {
		plugs = res.subs
		if err := r.commandHelp(&h, res); err != nil {
			return h, err
		}
	} else {
		h.Description = r.h.About
		h.Flags = append([]plugflag.Flag{helpFlag("h"), versionFlag()}, res.global.flags...)
	}
	if res.cmd == nil || res.parent {
		if h.Commands, h.Shadowed, err = r.listing(plugs); err != nil {
			return h, err
		}
	}
	if res.cmd == nil {
		// The tool's own listing says whether "help" is a command.
		for _, c := range h.Commands {
			h.HelpCommand = h.HelpCommand || c.Name == "help" || slices.Contains(c.Aliases, "help")
		}
	} else {
		h.HelpCommand = r.hasHelp()
	}
	if r.h.EnvPrefix != "" && r.h.LookupEnv != nil {
		for _, flags := range [][]plugflag.Flag{h.Flags, h.Lent, h.Inherited, h.Global} {
			for i := range flags {
				if f := &flags[i]; f.Value != nil { // the host's own --help and --version have none
					f.Env = envName(r.h.EnvPrefix, f.Name)
				}
			}
		}
	}
	return h, nil
}

// hasHelp reports whether a command answers to "help", for help to say
// how to ask for more.
func (r *run) hasHelp() bool {
	_, ok, _ := r.find(r.h.Plugins, "help")
	return ok
}

// commandHelp fills h with what the command res names shows.
func (r *run) commandHelp(h *plugprint.Help, res *resolved) error {
	c := res.cmd
	_, takesArgs := c.p.(plugins.ArgsUsager)
	h.Aliases, h.Runnable = c.aliases, !res.parent || takesArgs
	for _, text := range []struct {
		to     *string
		method string
		read   func() (string, bool)
	}{
		{&h.Description, "Description", func() (string, bool) {
			d, ok := c.p.(plugins.Describer)
			return textOf(ok, d, plugins.Describer.Description)
		}},
		{&h.Long, "LongDescription", func() (string, bool) {
			d, ok := c.p.(plugins.LongDescriber)
			return textOf(ok, d, plugins.LongDescriber.LongDescription)
		}},
		{&h.Examples, "CmdExamples", func() (string, bool) {
			d, ok := c.p.(plugins.Exampler)
			return textOf(ok, d, plugins.Exampler.CmdExamples)
		}},
	} {
		if err := r.call(c.node, text.method, func() error { *text.to, _ = text.read(); return nil }); err != nil {
			return err
		}
	}
	h.Args = "[arguments]"
	if usage, declared, err := r.argsUsage(*c); err != nil {
		return err
	} else if declared {
		h.Args = usage
	}
	helpShort := "h"
	for _, s := range []*flagSet{res.own, res.inherited, res.global} {
		for _, f := range s.flags {
			if f.Shorthand == "h" {
				helpShort = ""
			}
		}
	}
	for _, f := range res.own.flags {
		if f.Lent {
			h.Lent = append(h.Lent, f)
		} else {
			h.Flags = append(h.Flags, f)
		}
	}
	h.Flags = append(h.Flags, helpFlag(helpShort))
	sort.SliceStable(h.Lent, func(i, j int) bool { return h.Lent[i].Plugin < h.Lent[j].Plugin })
	h.Inherited, h.Global = res.inherited.flags, res.global.flags
	return nil
}

// textOf returns method(v) when ok, for reading an optional text; named
// apart from run.call, which contains what it runs.
func textOf[T any](ok bool, v T, method func(T) string) (string, bool) {
	if !ok {
		return "", false
	}
	return method(v), true
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

// answer is one name a command answers to, for the listing.
type answer struct {
	name  string
	row   int32 // the command's place in the slice
	alias bool
}

// listing lists the visible commands in plugs as a user who types their
// names gets them: each name goes to the first command in the slice that
// answers to it, by command name or alias, as dispatch finds it. A
// command whose name an earlier command's alias takes is listed as
// shadowed, since typing it runs the other. A command whose name an
// earlier command's name takes is left out: that is how prepending
// overrides, and the plugins command shows it. Every command is checked,
// and the fault of the one with the least name is reported, so a bad
// plugin is reported the same whatever the order of the slice.
func (r *run) listing(plugs []plugins.Plugin) (rows, shadowed []plugprint.Command, _ error) {
	var (
		all     = make([]plugprint.Command, 0, len(plugs))
		hidden  = make([]bool, 0, len(plugs))
		answers = make([]answer, 0, len(plugs))
		bad     *command
	)
	err := r.scan(plugs, func(s *scanner) bool {
		_, hide := s.cur.p.(plugins.Hider)
		i := int32(len(all))
		c := plugprint.Command{Name: s.cur.cmdName, Aliases: s.aliases()}
		if !hide {
			c.Description = s.description()
			c.Group = s.group()
		}
		answers = append(answers, answer{name: s.cur.cmdName, row: i})
		for _, a := range c.Aliases {
			answers = append(answers, answer{name: a, row: i, alias: true})
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
		return nil, nil, err
	}
	if bad != nil {
		return nil, nil, r.check(bad)
	}
	// Sort the names by name, then by place in the slice: the first of
	// each name is the command dispatch runs for it.
	sort.Sort(byName(answers))
	listed := make([]bool, len(all))
	var shadows []int32                // rows whose name an earlier alias takes
	var lostAliases map[int32][]string // aliases an earlier command takes
	for k := 0; k < len(answers); {
		win := answers[k]
		j := k + 1
		for ; j < len(answers) && answers[j].name == win.name; j++ {
			lost := answers[j]
			switch {
			case lost.row == win.row:
			case lost.alias:
				if lostAliases == nil {
					lostAliases = map[int32][]string{}
				}
				lostAliases[lost.row] = append(lostAliases[lost.row], lost.name)
			case win.alias && !hidden[lost.row]:
				all[lost.row].ShadowedBy = all[win.row].Name
				shadows = append(shadows, lost.row)
			}
		}
		listed[win.row] = listed[win.row] || !win.alias && !hidden[win.row]
		k = j
	}
	for row, lost := range lostAliases {
		all[row].Aliases = slices.DeleteFunc(slices.Clone(all[row].Aliases), func(a string) bool { return slices.Contains(lost, a) })
	}
	for _, row := range shadows {
		shadowed = append(shadowed, all[row])
	}
	// Put the listed rows in the order of their names, in place, rather
	// than copying every row: order holds them first, then the rest.
	order := make([]int32, 0, len(all))
	placed := make([]bool, len(all))
	for _, a := range answers {
		if !a.alias && listed[a.row] && !placed[a.row] {
			placed[a.row] = true // a command answers to its name once
			order = append(order, a.row)
		}
	}
	n := len(order)
	for i := range all {
		if !placed[i] {
			order = append(order, int32(i))
		}
	}
	permute(all, order)
	return all[:n], shadowed, nil
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

// byName sorts answers by name, then by place in the slice, a command's
// name before its alias. It is a sort.Interface rather than a
// slices.SortFunc so that the binary holds one sort, the sort package's.
type byName []answer

func (b byName) Len() int      { return len(b) }
func (b byName) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func (b byName) Less(i, j int) bool {
	x, y := &b[i], &b[j]
	if x.name != y.name {
		return x.name < y.name
	}
	if x.row != y.row {
		return x.row < y.row
	}
	return !x.alias && y.alias
}
