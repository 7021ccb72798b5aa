package plugprint

import (
	"bufio"
	"fmt"
	"io"
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
	// Aliases are the other names the command answers to.
	Aliases []string
	// Flags are the command's own flags, the host's -h among them.
	Flags []plugflag.Flag
	// Lent are the flags other plugins lend the command, in the order they
	// are printed: grouped by Flag.Plugin.
	Lent []plugflag.Flag
	// Commands are the commands below this one, sorted, hidden ones left out.
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
	// ShadowedBy is the name of the command that runs when Name is typed,
	// for a command listed as shadowed.
	ShadowedBy string
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

	fmt.Fprintf(ew, "Usage:\n")
	switch {
	case len(h.Commands) > 0 && h.Runnable:
		fmt.Fprintf(ew, "  %s\n  %s\n", words(name, "[flags] [arguments]"), words(name, "COMMAND [flags]"))
	case len(h.Commands) > 0:
		fmt.Fprintf(ew, "  %s\n", words(name, "[flags] COMMAND"))
	default:
		fmt.Fprintf(ew, "  %s\n", words(name, "[flags] [arguments]"))
	}

	if len(h.Aliases) > 0 {
		fmt.Fprintf(ew, "\nAliases:\n  %s\n", Line(strings.Join(h.Aliases, ", ")))
	}

	if len(h.Commands) > 0 {
		fmt.Fprintf(ew, "\nCommands:\n")
		table(ew, len(h.Commands), func(i int) string { return h.Commands[i].Name }, func(i int) string {
			return h.Commands[i].about()
		})
	}

	if len(h.Shadowed) > 0 {
		fmt.Fprintf(ew, "\nShadowed commands (the name runs another command):\n")
		table(ew, len(h.Shadowed), func(i int) string { return h.Shadowed[i].Name }, func(i int) string {
			c := h.Shadowed[i]
			return words(c.about(), fmt.Sprintf("(runs %s)", c.ShadowedBy))
		})
	}

	if len(h.Flags) > 0 {
		fmt.Fprintf(ew, "\nFlags:\n")
		printFlags(ew, h.Flags)
	}

	for i := 0; i < len(h.Lent); {
		j := i
		for j < len(h.Lent) && h.Lent[j].Plugin == h.Lent[i].Plugin {
			j++
		}
		fmt.Fprintf(ew, "\nFlags lent by %s:\n", Line(h.Lent[i].Plugin))
		printFlags(ew, h.Lent[i:j])
		i = j
	}

	if len(h.Commands) > 0 {
		more := words(name, "COMMAND --help")
		if h.HelpCommand && len(h.Path) > 0 {
			more = Line(strings.Join(append([]string{h.Path[0], "help"}, h.Path[1:]...), " ")) + " COMMAND"
		}
		fmt.Fprintf(ew, "\nRun \"%s\" for more about a command.\n", more)
	}
	return ew.err
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
		l := "    --" + f.Name
		if f.Shorthand != "" {
			l = "-" + f.Shorthand + ", --" + f.Name
		}
		if f.Type != "" {
			l += " " + f.Type
		}
		return l
	}
	right := func(i int) string {
		f := flags[i]
		switch {
		case isZero(f.Default):
			return f.Usage
		case f.Type == "string":
			return words(f.Usage, fmt.Sprintf("(default %q)", f.Default))
		}
		return words(f.Usage, fmt.Sprintf("(default %s)", f.Default))
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
