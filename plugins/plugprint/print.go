package plugprint

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Help is everything the help of one command, or of the tool itself, shows.
type Help struct {
	// Path is the tool's name followed by the names of the commands that
	// lead to this one: ["mycli"] for the tool, ["mycli", "db", "migrate"].
	Path []string
	// Description is the one-line description.
	Description string
	// Aliases are the other names the command answers to.
	Aliases []string
	// Flags are the command's own flags, the host's -h among them.
	Flags []Flag
	// Lent are the flags other plugins lend the command, in the order they
	// are printed: grouped by Flag.Plugin.
	Lent []Flag
	// Commands are the commands below this one, sorted, hidden ones left out.
	Commands []Command
	// Runnable reports whether the command takes arguments of its own
	// rather than only sub-commands.
	Runnable bool
}

// Command is one line of a command listing.
type Command struct {
	Name        string
	Aliases     []string
	Description string
}

// Flag is one line of a flag listing.
type Flag struct {
	Name      string // long name, without dashes
	Shorthand string // one letter, or empty
	Type      string // the kind of value it takes ("string", "int"), empty for a boolean flag
	Usage     string
	Default   string // shown unless it is a zero value
	Plugin    string // the plugin that declared it
}

// Print writes h to w as help text and returns the first write error.
func Print(w io.Writer, h Help) error {
	ew := &errWriter{w: w}
	name := strings.Join(h.Path, " ")
	if h.Description != "" {
		fmt.Fprintf(ew, "%s - %s\n\n", name, h.Description)
	}

	fmt.Fprintf(ew, "Usage:\n")
	switch {
	case len(h.Commands) > 0 && h.Runnable:
		fmt.Fprintf(ew, "  %s [flags] [arguments]\n  %s COMMAND [flags]\n", name, name)
	case len(h.Commands) > 0:
		fmt.Fprintf(ew, "  %s [flags] COMMAND\n", name)
	default:
		fmt.Fprintf(ew, "  %s [flags] [arguments]\n", name)
	}

	if len(h.Aliases) > 0 {
		fmt.Fprintf(ew, "\nAliases:\n  %s\n", strings.Join(h.Aliases, ", "))
	}

	if len(h.Commands) > 0 {
		fmt.Fprintf(ew, "\nCommands:\n")
		tw := tabwriter.NewWriter(ew, 0, 0, 3, ' ', 0)
		for _, c := range h.Commands {
			desc := c.Description
			if len(c.Aliases) > 0 {
				desc = strings.TrimSpace(fmt.Sprintf("%s (aliases: %s)", desc, strings.Join(c.Aliases, ", ")))
			}
			fmt.Fprintf(tw, "  %s\t%s\n", c.Name, desc)
		}
		tw.Flush()
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
		fmt.Fprintf(ew, "\nFlags lent by %s:\n", h.Lent[i].Plugin)
		printFlags(ew, h.Lent[i:j])
		i = j
	}

	if len(h.Commands) > 0 {
		more := append([]string{h.Path[0], "help"}, h.Path[1:]...)
		fmt.Fprintf(ew, "\nRun \"%s COMMAND\" for more about a command.\n", strings.Join(more, " "))
	}
	return ew.err
}

func printFlags(w io.Writer, flags []Flag) {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, f := range flags {
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		if f.Type != "" {
			left += " " + f.Type
		}
		usage := f.Usage
		if !isZero(f.Default) {
			if f.Type == "string" {
				usage += fmt.Sprintf(" (default %q)", f.Default)
			} else {
				usage += fmt.Sprintf(" (default %s)", f.Default)
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\n", left, usage)
	}
	tw.Flush()
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
