package plugprint

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/plughost/plughost/plugins/plugflag"
)

// Help is everything the help of one command, or of the tool itself, shows.
// Print escapes every string in it (see Line), so it may hold whatever a
// plugin or a user wrote.
type Help struct {
	// Path is the tool's name followed by the names of the commands that
	// lead to this one: ["mycli"] for the tool, ["mycli", "db", "migrate"].
	Path []string
	// Description is the one-line description.
	Description string
	// Long is the longer description, paragraphs separated by blank lines.
	Long string
	// Args is the positional part of the usage line: "[arguments]" for a
	// command that does not say, "APP [ENV]" for one that does, "" for
	// none.
	Args string
	// Examples are lines showing the command's use.
	Examples string
	// Aliases are the other names the command answers to.
	Aliases []string
	// Flags are the command's own flags, the host's -h among them; at the
	// top, the tool's flags, global ones included.
	Flags []plugflag.Flag
	// Lent are the flags other plugins lend the command, in the order they
	// are printed: grouped by Flag.Plugin.
	Lent []plugflag.Flag
	// Inherited are the own flags of the commands above this one, which
	// it accepts too, grouped by Flag.Plugin.
	Inherited []plugflag.Flag
	// Global are the tool's global flags, which every command accepts.
	Global []plugflag.Flag
	// Commands are the commands below this one, sorted, hidden ones left
	// out; a Command's Group puts it under a heading of its own.
	Commands []Command
	// Shadowed are commands below this one that typing their name does not
	// run, because an earlier command answers to it (ShadowedBy).
	Shadowed []Command
	// Runnable reports whether the command takes arguments of its own
	// rather than only sub-commands.
	Runnable bool
	// HelpCommand reports whether the tool has a help command, for the
	// last line to say how to ask for more: "tool help COMMAND", else
	// "tool COMMAND --help".
	HelpCommand bool
}

// Command is one line of a command listing.
type Command struct {
	Name        string
	Aliases     []string
	Description string
	// Group is the heading the command is listed under; empty for the
	// first, "Commands".
	Group string
	// ShadowedBy is the name of the command that runs when Name is typed,
	// for a command listed as shadowed.
	ShadowedBy string
}

// UsageLines returns the usage lines of h, as help shows them: one for a
// command that runs or only holds sub-commands, two for one that does
// both. They are escaped.
func UsageLines(h Help) []string {
	name := Line(strings.Join(h.Path, " "))
	args := Line(h.Args)
	switch {
	case len(h.Commands) > 0 && h.Runnable:
		return []string{words(name, "[flags]", args), words(name, "COMMAND [flags]")}
	case len(h.Commands) > 0:
		return []string{words(name, "[flags] COMMAND")}
	}
	return []string{words(name, "[flags]", args)}
}

// Print writes h to w as help text and returns the first write error.
func Print(w io.Writer, h Help) error {
	ew := &errWriter{w: w}
	name := Line(strings.Join(h.Path, " "))
	if h.Description != "" {
		head := Line(h.Description)
		if name != "" {
			head = name + " - " + head
		}
		fmt.Fprintf(ew, "%s\n\n", head)
	}
	if h.Long != "" {
		paragraphs(ew, h.Long, "")
		fmt.Fprintln(ew)
	}

	fmt.Fprintf(ew, "Usage:\n")
	for _, l := range UsageLines(h) {
		fmt.Fprintf(ew, "  %s\n", l)
	}

	if len(h.Aliases) > 0 {
		fmt.Fprintf(ew, "\nAliases:\n  %s\n", Line(strings.Join(h.Aliases, ", ")))
	}

	if h.Examples != "" {
		fmt.Fprintf(ew, "\nExamples:\n")
		paragraphs(ew, h.Examples, "  ")
	}

	printCommands(ew, h.Commands)

	if len(h.Shadowed) > 0 {
		fmt.Fprintf(ew, "\nShadowed commands (the name runs another command):\n")
		table(ew, len(h.Shadowed), func(i int) string { return h.Shadowed[i].Name }, func(i int) string {
			c := h.Shadowed[i]
			return words(c.about(), fmt.Sprintf("(runs %s)", c.ShadowedBy))
		})
	}

	section(ew, "Flags", h.Flags)
	byPlugin(ew, "Flags lent by ", h.Lent)
	byPlugin(ew, "Flags inherited from ", h.Inherited)
	section(ew, "Global flags", h.Global)

	if len(h.Commands) > 0 {
		more := words(name, "COMMAND --help")
		if h.HelpCommand && len(h.Path) > 0 {
			more = Line(strings.Join(append([]string{h.Path[0], "help"}, h.Path[1:]...), " ")) + " COMMAND"
		}
		fmt.Fprintf(ew, "\nRun \"%s\" for more about a command.\n", more)
	}
	return ew.err
}

// printCommands lists commands, those without a group first under
// "Commands", then each group, in order of name, under its own heading.
func printCommands(w io.Writer, cmds []Command) {
	groups := []string{""}
	for _, c := range cmds {
		if c.Group != "" && !slices.Contains(groups, c.Group) {
			groups = append(groups, c.Group)
		}
	}
	sort.Strings(groups[1:])
	var in []int // the rows of one group, when there are groups
	for _, g := range groups {
		rows := func(i int) Command { return cmds[i] }
		n := len(cmds)
		if len(groups) > 1 {
			in = in[:0]
			for i, c := range cmds {
				if c.Group == g {
					in = append(in, i)
				}
			}
			rows, n = func(i int) Command { return cmds[in[i]] }, len(in)
		}
		if n == 0 {
			continue
		}
		heading := "Commands"
		if g != "" {
			heading = Line(g)
		}
		fmt.Fprintf(w, "\n%s:\n", heading)
		table(w, n, func(i int) string { return rows(i).Name }, func(i int) string { c := rows(i); return c.about() })
	}
}

// paragraphs writes text a line at a time, each escaped and indented,
// with white space at the end of a line left out.
func paragraphs(w io.Writer, text, indent string) {
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		l = strings.TrimRight(Line(strings.TrimRight(l, "\r")), " ")
		if l == "" {
			fmt.Fprintln(w)
			continue
		}
		fmt.Fprintf(w, "%s%s\n", indent, l)
	}
}

// section writes the listed flags under a heading, if any is listed.
func section(w io.Writer, heading string, flags []plugflag.Flag) {
	if shown := listed(flags); len(shown) > 0 {
		fmt.Fprintf(w, "\n%s:\n", Line(heading))
		printFlags(w, shown)
	}
}

// byPlugin writes flags grouped by the plugin that declared them.
func byPlugin(w io.Writer, heading string, flags []plugflag.Flag) {
	for i := 0; i < len(flags); {
		j := i
		for j < len(flags) && flags[j].Plugin == flags[i].Plugin {
			j++
		}
		section(w, heading+flags[i].Plugin, flags[i:j])
		i = j
	}
}

// listed leaves out the flags help does not show: hidden and deprecated
// ones.
func listed(flags []plugflag.Flag) []plugflag.Flag {
	for _, f := range flags {
		if f.Hidden || f.Deprecated != "" {
			return slices.DeleteFunc(slices.Clone(flags), func(f plugflag.Flag) bool { return f.Hidden || f.Deprecated != "" })
		}
	}
	return flags
}

// about is a listed command's description and aliases.
func (c Command) about() string {
	if len(c.Aliases) == 0 {
		return c.Description
	}
	return words(c.Description, fmt.Sprintf("(aliases: %s)", strings.Join(c.Aliases, ", ")))
}

func printFlags(w io.Writer, flags []plugflag.Flag) {
	left := func(i int) string {
		f := flags[i]
		long := "--" + f.Name
		if f.Negatable {
			long = "--[no-]" + f.Name
		}
		l := "    " + long
		if f.Shorthand != "" {
			l = "-" + f.Shorthand + ", " + long
		}
		if f.Type != "" {
			l += " " + f.Type
		}
		return l
	}
	right := func(i int) string {
		f := flags[i]
		notes := []string{f.Usage}
		if len(f.Choices) > 0 {
			notes = append(notes, fmt.Sprintf("(one of: %s)", strings.Join(f.Choices, ", ")))
		}
		if f.Env != "" {
			notes = append(notes, "(env "+f.Env+")")
		}
		switch {
		case f.Required:
			notes = append(notes, "(required)")
		case f.Secret, isZero(f.Default):
		case f.Type == "string":
			notes = append(notes, fmt.Sprintf("(default %q)", f.Default))
		default:
			notes = append(notes, fmt.Sprintf("(default %s)", f.Default))
		}
		return words(notes...)
	}
	table(w, len(flags), left, right)
}

// table writes n rows indented by two spaces, the right cells aligned
// three spaces past the widest left cell, with no white space left at the
// end of a line. It writes a line at a time through one buffer, so a
// listing of ten thousand commands is neither built in memory first nor
// ten thousand writes.
func table(w io.Writer, n int, left, right func(i int) string) {
	width := 0
	for i := range n {
		width = max(width, utf8.RuneCountInString(Line(left(i))))
	}
	bw := bufio.NewWriter(w)
	for i := range n {
		l := Line(left(i))
		bw.WriteString("  ")
		r := strings.TrimRight(Line(right(i)), " ")
		if r == "" {
			bw.WriteString(strings.TrimRight(l, " "))
			bw.WriteByte('\n')
			continue
		}
		bw.WriteString(l)
		for range width + 3 - utf8.RuneCountInString(l) {
			bw.WriteByte(' ')
		}
		bw.WriteString(r)
		bw.WriteByte('\n')
	}
	bw.Flush() // the error stays in w, an errWriter
}

// words joins the non-empty ones of ws with spaces.
func words(ws ...string) string {
	var out []string
	for _, w := range ws {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func isZero(v string) bool {
	switch v {
	case "", "0", "false", "[]", "0s":
		return true
	}
	return false
}

// errWriter keeps the first write error and writes nothing after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	e.err = err
	return n, err
}
