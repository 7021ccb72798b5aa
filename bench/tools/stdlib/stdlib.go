// Package stdlib is the same tool as package floor on the standard library
// alone: a map from command name to a constructor, and package flag for the
// one command a run dispatches to. Its flags are Go style (-name, and
// --name too), with no GNU-style shorthand grouping.
package stdlib

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/plughost/plughost/bench/internal/spec"
)

// entry is a command as the tool holds it before it runs: a description
// for help and a constructor.
type entry struct {
	desc string
	new  func(name string) command
}

// command is a constructed command: it binds its flags, then runs.
type command interface {
	bind(fs *flag.FlagSet)
	run(w io.Writer, args []string) error
}

// Run runs the tool with n generated commands and the big one.
func Run(n int, args []string, stdout, stderr io.Writer) int {
	cmds := make(map[string]entry, n+1)
	for _, name := range spec.Names(n) {
		cmds[name] = entry{desc: spec.Description, new: newGen}
	}
	cmds[spec.Big] = entry{desc: "a command with many flags", new: newBig}

	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		if err := help(stdout, cmds); err != nil {
			fmt.Fprintln(stderr, "tool:", err)
			return 1
		}
		return 0
	}
	e, ok := cmds[args[0]]
	if !ok {
		names := make([]string, 0, len(cmds))
		for name := range cmds {
			names = append(names, name)
		}
		fmt.Fprintf(stderr, "tool: unknown command %q%s\n", args[0], spec.DidYouMean(spec.Suggest(args[0], names)))
		return 2
	}
	c := e.new(args[0])
	fs := flag.NewFlagSet("tool "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.bind(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := c.run(stdout, fs.Args()); err != nil {
		fmt.Fprintln(stderr, "tool:", err)
		return 1
	}
	return 0
}

// help lists the commands, sorted, with their descriptions.
func help(w io.Writer, cmds map[string]entry) error {
	names := make([]string, 0, len(cmds))
	width := 0
	for name := range cmds {
		names = append(names, name)
		width = max(width, len(name))
	}
	sort.Strings(names)
	bw := bufio.NewWriter(w)
	bw.WriteString("Usage:\n  tool COMMAND [flags]\n\nCommands:\n")
	for _, name := range names {
		bw.WriteString("  ")
		bw.WriteString(name)
		for range width - len(name) + 3 {
			bw.WriteByte(' ')
		}
		bw.WriteString(cmds[name].desc)
		bw.WriteByte('\n')
	}
	bw.WriteString("\nFlags:\n  -h, --help   show help\n")
	return bw.Flush()
}

type gen struct {
	name  string
	str   string
	force bool
	count int
}

func newGen(name string) command { return &gen{name: name} }

func (g *gen) bind(fs *flag.FlagSet) {
	fs.StringVar(&g.str, spec.FlagString, "", "a string")
	fs.BoolVar(&g.force, spec.FlagBool, false, "a bool")
	fs.IntVar(&g.count, spec.FlagInt, 0, "an int")
}

func (g *gen) run(w io.Writer, args []string) error {
	return spec.Report(w, g.name, g.str, g.force, g.count, args)
}

// big declares the 300 flags the lenders scenario lends on plughost.
type big struct{ l [spec.Lenders]gen }

func newBig(string) command { return &big{} }

func (b *big) bind(fs *flag.FlagSet) {
	for j := range b.l {
		p := spec.LenderName(j) + "-"
		fs.StringVar(&b.l[j].str, p+spec.FlagString, "", "a string")
		fs.BoolVar(&b.l[j].force, p+spec.FlagBool, false, "a bool")
		fs.IntVar(&b.l[j].count, p+spec.FlagInt, 0, "an int")
	}
}

func (b *big) run(w io.Writer, args []string) error {
	l := b.l[spec.Lenders/2]
	return spec.Report(w, spec.Big, l.str, l.force, l.count, args)
}
