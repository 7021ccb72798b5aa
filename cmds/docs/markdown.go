package docs

import (
	"bufio"
	"io"
	"net/url"
	"strings"

	"github.com/plughost/plughost/plugins/plugprint"
)

// markdown writes the page as CommonMark. Every piece of text a plugin
// wrote goes through mdText (or mdLine at the start of a line), and every
// literal through mdCode, so that none can add HTML, a link, an image or
// a heading to the page.
func (p *page) markdown(out io.Writer) {
	w := bufio.NewWriter(out)
	defer w.Flush()
	line := func(s string) { w.WriteString(strings.TrimRight(s, " ")); w.WriteByte('\n') }
	heading := func(level int, s string) {
		line("")
		line(strings.Repeat("#", level) + " " + s)
		line("")
	}

	line("# " + mdText(p.name()))
	line("")
	first := true
	paragraph := func() {
		if !first {
			line("")
		}
		first = false
	}
	if d := oneLine(p.Description); d != "" {
		paragraph()
		line(mdLine(d))
	}
	for _, b := range blocks(p.Long) {
		paragraph()
		mdBlock(line, b)
	}
	if len(p.Aliases) > 0 {
		paragraph()
		line(mdSpans(sentence("Aliases: ", literals(p.Aliases)...)))
	}

	heading(2, "Synopsis")
	var usage []string
	for _, u := range p.usageLines() {
		usage = append(usage, strings.TrimSpace(u[0]+" "+u[1]))
	}
	mdFence(line, usage)

	if groups := p.commandGroups(); len(groups) > 0 {
		heading(2, "Commands")
		for i, g := range groups {
			if g.heading != "" {
				if i > 0 {
					line("")
				}
				line("### " + mdText(plugprint.Line(g.heading)))
				line("")
			}
			for _, c := range g.cmds {
				item := mdLink(c.Name, append(p.Path[:len(p.Path):len(p.Path)], c.Name))
				var rest []string
				if d := oneLine(c.Description); d != "" {
					item += ": " + mdText(d)
				}
				if len(c.Aliases) > 0 {
					rest = append(rest, mdSpans(sentence("Aliases: ", literals(c.Aliases)...)))
				}
				mdItem(line, item, rest)
			}
		}
	}

	if groups := p.flagGroups(); len(groups) > 0 {
		heading(2, "Options")
		for i, g := range groups {
			if g.heading != "" {
				if i > 0 {
					line("")
				}
				line("### " + mdText(plugprint.Line(g.heading)))
				line("")
			}
			for j, f := range g.flags {
				names, typ := flagTag(f)
				tag := strings.Join(names, ", ")
				if typ != "" {
					tag += " " + typ
				}
				item := mdCode(plugprint.Line(tag))
				if u := oneLine(f.Usage); u != "" {
					item += ": " + mdText(u)
				}
				var rest []string
				for _, n := range p.notes(f, g.where[j]) {
					rest = append(rest, mdSpans(n))
				}
				mdItem(line, item, rest)
			}
		}
	}

	heading(2, "Exit status")
	for _, e := range exitCodes() {
		mdItem(line, mdCode(e.code)+": "+mdText(e.meaning), nil)
	}

	if env := p.envFlags(); len(env) > 0 {
		heading(2, "Environment")
		for _, f := range env {
			mdItem(line, mdCode(plugprint.Line(f.Env))+": "+mdSpans([]span{prose("sets "), lit(plugprint.Line("--" + f.Name)), prose(" when the command line does not.")}), nil)
		}
	}

	if len(p.s.files) > 0 {
		heading(2, "Files")
		line(mdText("The config files the tool reads flag values from, when they exist, most specific first: a value an earlier file gives wins."))
		line("")
		for _, f := range p.s.files {
			mdItem(line, mdCode(plugprint.Line(f)), nil)
		}
	}

	if ex := examples(p.Examples); len(ex) > 0 {
		heading(2, "Examples")
		mdFence(line, ex)
	}

	if p.parent != nil || len(p.Commands) > 0 {
		heading(2, "See also")
		if p.parent != nil {
			item := mdLink(strings.Join(p.parent.Path, " "), p.parent.Path)
			if d := oneLine(p.parent.Description); d != "" {
				item += ": " + mdText(d)
			}
			mdItem(line, item, nil)
		}
		for _, c := range p.Commands {
			path := append(p.Path[:len(p.Path):len(p.Path)], c.Name)
			item := mdLink(strings.Join(path, " "), path)
			if d := oneLine(c.Description); d != "" {
				item += ": " + mdText(d)
			}
			mdItem(line, item, nil)
		}
	}
}

// mdBlock writes a paragraph or a block shown as it is.
func mdBlock(line func(string), b block) {
	if b.code {
		mdFence(line, b.lines)
		return
	}
	for _, l := range b.lines {
		line(mdLine(l))
	}
}

// mdItem writes a list item: its first line, then each of rest on a line
// of its own, after a hard line break.
func mdItem(line func(string), first string, rest []string) {
	l := "- " + first
	for _, r := range rest {
		line(l + `\`)
		l = "  " + r
	}
	line(l)
}

// mdLink links to the page of path, with text as the link's text.
func mdLink(text string, path []string) string {
	file, _ := fileName(Markdown, path) // checked when the page was made
	return "[" + mdText(plugprint.Line(text)) + "](./" + url.PathEscape(file) + ")"
}

// mdFence writes lines, through plugprint.Line already, in a fenced code
// block whose fence is longer than any run of backticks in them.
func mdFence(line func(string), lines []string) {
	fence := strings.Repeat("`", max(3, longestRun(strings.Join(lines, "\n"), '`')+1))
	line(fence)
	for _, l := range lines {
		line(plugprint.Line(l))
	}
	line(fence)
}

// mdSpans escapes spans, literals as code.
func mdSpans(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.literal {
			b.WriteString(mdCode(s.text))
		} else {
			b.WriteString(mdText(s.text))
		}
	}
	return b.String()
}

// mdCode makes s, one line, a code span, whose text Markdown shows as it
// is: delimited by more backticks than any run of them in s, and set off
// by spaces when s starts or ends with one.
func mdCode(s string) string {
	s = plugprint.Line(s)
	if s == "" {
		return ""
	}
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return ticks + s + ticks
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != c {
			n = 0
			continue
		}
		n++
		longest = max(longest, n)
	}
	return longest
}

// mdSpecial are the characters mdText puts a backslash before: those that
// make emphasis, code, links, images, HTML, entities, tables,
// strikethrough, math, headings and block quotes, and those of MDX's
// expressions.
const mdSpecial = "\\`*_{}[]<>&|~$#"

// mdText escapes s, one line, for the inside of a line of Markdown. Every
// character of mdSpecial gets a backslash, and so do the ":" of "://" and
// the dot of "www.", of which GitHub would make a link.
func mdText(s string) string {
	s = plugprint.Line(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte(mdSpecial, c) >= 0 ||
			c == ':' && strings.HasPrefix(s[i+1:], "//") ||
			c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www") {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdLine escapes s, one line, for the start of a line of Markdown: as
// mdText does, and the character that would start a list, a heading
// underline or a thematic break ("-", "+", "=", "1." and "1)") too.
func mdLine(s string) string {
	s = mdText(strings.TrimLeft(plugprint.Line(s), " "))
	if s != "" && strings.IndexByte("-+=", s[0]) >= 0 {
		return `\` + s
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}
