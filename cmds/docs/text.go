package docs

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

// page is what one page is rendered from.
type page struct {
	plugprint.Help
	format    Format
	s         *settings
	day       string
	file      string
	parent    *plugprint.Help // nil on the tool's page
	inherited []where         // where each of Help.Inherited is set
}

// A span is a piece of a sentence: prose, or a literal (a name, a value, a
// key) that a page sets apart. Both are escaped on the way out.
type span struct {
	text    string
	literal bool
}

func prose(s string) span { return span{text: s} }
func lit(s string) span   { return span{text: s, literal: true} }

// literals is the spans of words, each a literal, separated by ", ".
func literals(words []string) []span {
	var out []span
	for i, w := range words {
		if i > 0 {
			out = append(out, prose(", "))
		}
		out = append(out, lit(plugprint.Line(w)))
	}
	return out
}

// sentence is the spans of one sentence: head, the parts, and a full stop.
func sentence(head string, parts ...span) []span {
	return append(append([]span{prose(head)}, parts...), prose("."))
}

// exitCodes are the exit codes of every plughost tool, as cli.ExitCode
// maps errors to them.
func exitCodes() []struct{ code, meaning string } {
	return []struct{ code, meaning string }{
		{"0", "Success."},
		{"1", "A command failed, or a plugin is broken."},
		{"2", "A usage error: an unknown command or flag, a bad flag value, a missing required flag, or the wrong number of arguments."},
		{"130", "Interrupted (SIGINT), or the run's context was cancelled."},
		{"143", "Terminated (SIGTERM)."},
	}
}

// A flagGroup is flags under one heading: the command's own, those one
// plugin lends, those inherited from one command, or the global ones.
type flagGroup struct {
	heading string // "" for the command's own
	flags   []plugflag.Flag
	where   []where // where each flag is set in a config file
}

// flagGroups are the groups of flags the page lists, hidden and
// deprecated flags left out, and groups left empty by that too.
func (p *page) flagGroups() []flagGroup {
	own := where{section: strings.Join(p.Path[1:], " "), known: true}
	same := func(n int, w where) []where {
		out := make([]where, n)
		for i := range out {
			out[i] = w
		}
		return out
	}
	var groups []flagGroup
	add := func(heading string, flags []plugflag.Flag, at []where) {
		g := flagGroup{heading: heading}
		for i, f := range flags {
			if f.Hidden || f.Deprecated != "" {
				continue
			}
			g.flags, g.where = append(g.flags, f), append(g.where, at[i])
		}
		if len(g.flags) > 0 {
			groups = append(groups, g)
		}
	}
	add("", p.Flags, same(len(p.Flags), own))
	byPlugin := func(prefix string, flags []plugflag.Flag, at []where) {
		for i := 0; i < len(flags); {
			j := i
			for j < len(flags) && flags[j].Plugin == flags[i].Plugin {
				j++
			}
			add(prefix+flags[i].Plugin, flags[i:j], at[i:j])
			i = j
		}
	}
	byPlugin("Flags lent by ", p.Lent, same(len(p.Lent), own))
	byPlugin("Flags inherited from ", p.Inherited, p.inherited)
	add("Global flags", p.Global, same(len(p.Global), where{known: true}))
	return groups
}

// notes are the sentences that follow a flag's usage: its choices,
// whether it is required or its default, its variable and its key.
func (p *page) notes(f plugflag.Flag, at where) [][]span {
	var out [][]span
	if len(f.Choices) > 0 {
		out = append(out, sentence("One of: ", literals(f.Choices)...))
	}
	switch {
	case f.Required:
		out = append(out, []span{prose("Required.")})
	case f.Secret, isZero(f.Default):
	case f.Type == "string":
		out = append(out, sentence("Default: ", lit(plugprint.Line(fmt.Sprintf("%q", f.Default)))))
	default:
		out = append(out, sentence("Default: ", lit(plugprint.Line(f.Default))))
	}
	if f.Env != "" {
		out = append(out, sentence("Environment: ", lit(plugprint.Line(f.Env))))
	}
	// A flag without a Value is the host's own (--help, --version): no
	// file sets it.
	if !p.s.noKeys && f.Value != nil && at.known {
		if at.section == "" {
			out = append(out, sentence("Config file key: ", lit(plugprint.Line(f.Name)), prose(", at the top level")))
		} else {
			out = append(out, sentence("Config file key: ", lit(plugprint.Line(f.Name)), prose(", in section "), lit(plugprint.Line(at.section))))
		}
	}
	return out
}

// isZero reports whether a default is one help does not show.
func isZero(v string) bool {
	switch v {
	case "", "0", "false", "[]", "0s":
		return true
	}
	return false
}

// envFlags are the flags of the page read from the environment, each
// variable once, in the order the page lists them.
func (p *page) envFlags() []plugflag.Flag {
	var out []plugflag.Flag
	seen := map[string]bool{}
	for _, g := range p.flagGroups() {
		for _, f := range g.flags {
			if f.Env != "" && !seen[f.Env] {
				seen[f.Env] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// commandGroups are the page's sub-commands under their headings, as help
// lists them: those without a group first, then each group by name.
func (p *page) commandGroups() []struct {
	heading string
	cmds    []plugprint.Command
} {
	var heads []string
	for _, c := range p.Commands {
		if c.Group != "" && !slices.Contains(heads, c.Group) {
			heads = append(heads, c.Group)
		}
	}
	sort.Strings(heads)
	heads = append([]string{""}, heads...)
	var out []struct {
		heading string
		cmds    []plugprint.Command
	}
	for _, h := range heads {
		var cmds []plugprint.Command
		for _, c := range p.Commands {
			if c.Group == h {
				cmds = append(cmds, c)
			}
		}
		if len(cmds) > 0 {
			out = append(out, struct {
				heading string
				cmds    []plugprint.Command
			}{h, cmds})
		}
	}
	return out
}

// name is the page's command path as one types it, escaped.
func (p *page) name() string { return plugprint.Line(strings.Join(p.Path, " ")) }

// A block is a paragraph of text or a block of lines shown as they are.
type block struct {
	code  bool
	lines []string // escaped with plugprint.Line; a paragraph's trimmed
}

// blocks splits text a plugin wrote into paragraphs, separated by blank
// lines, and indented blocks, shown as they are less their common
// indentation. Tabs are expanded to every eighth column first, and each
// line goes through plugprint.Line, so no line holds a control byte.
func blocks(text string) []block {
	var out []block
	var cur *block
	blank := 0 // blank lines seen since the last line of cur
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(expandTabs(strings.TrimRight(l, "\r")), " ")
		l = strings.TrimRight(plugprint.Line(l), " ")
		if strings.TrimSpace(l) == "" {
			blank++
			continue
		}
		code := strings.HasPrefix(l, " ")
		if cur == nil || cur.code != code || (!code && blank > 0) {
			out = append(out, block{code: code})
			cur = &out[len(out)-1]
		} else if code {
			for range blank {
				cur.lines = append(cur.lines, "")
			}
		}
		blank = 0
		if !code {
			l = strings.TrimSpace(l)
		}
		cur.lines = append(cur.lines, l)
	}
	for i := range out {
		if out[i].code {
			out[i].lines = dedent(out[i].lines)
		}
	}
	return out
}

// examples is the page's examples as one block shown as it is, less the
// common indentation, or nil when it has none.
func examples(text string) []string {
	var lines []string
	for _, b := range blocks(text) {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, b.lines...)
	}
	return dedent(lines)
}

// dedent takes the indentation all non-empty lines share off each.
func dedent(lines []string) []string {
	common := -1
	for _, l := range lines {
		if l == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return lines
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			out[i] = l[common:]
		}
	}
	return out
}

// expandTabs replaces each tab with the spaces that reach the next
// multiple of eight columns.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// usageLines are the page's usage lines, each split into the command path
// and the rest: "tool deploy", "[flags] APP".
func (p *page) usageLines() [][2]string {
	name := p.name()
	var out [][2]string
	for _, l := range plugprint.UsageLines(p.Help) {
		if rest, ok := strings.CutPrefix(l, name); ok && name != "" {
			out = append(out, [2]string{name, strings.TrimPrefix(rest, " ")})
		} else {
			out = append(out, [2]string{"", l})
		}
	}
	return out
}

// flagTag is how a flag is named at the head of its entry: its names,
// "-e, --env" or "--[no-]color", and its type, "string" or "".
func flagTag(f plugflag.Flag) (names []string, typ string) {
	long := "--" + f.Name
	if f.Negatable {
		long = "--[no-]" + f.Name
	}
	if f.Shorthand != "" {
		names = append(names, "-"+f.Shorthand)
	}
	return append(names, long), f.Type
}

// oneLine is s, a one-line field a plugin wrote, as a page shows it:
// without white space at its ends, and through plugprint.Line.
func oneLine(s string) string { return plugprint.Line(strings.TrimSpace(s)) }
