package docs

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/plughost/plughost/plugins/plugprint"
)

// man writes the page as roff, with the man(7) macros. Every text line
// goes through roffLine and every macro argument through roffArg: no
// text a plugin wrote can start a line with a control character or hold
// an escape.
func (p *page) man(out io.Writer) {
	w := bufio.NewWriter(out)
	defer w.Flush()
	line := func(s string) { w.WriteString(s); w.WriteByte('\n') }
	text := func(spans ...span) { fill(line, roffSpans(spans)) }

	line(`.\" Rendered by plughost from the tool's help: edit the tool, not this page.`)
	title := strings.ToUpper(strings.Join(p.Path, "-"))
	th := ".TH " + roffArg(title) + ` 1 "` + p.day + `"` // the day is digits and hyphens
	line(th + " " + roffArg(plugprint.Line(p.Path[0])))

	line(".SH NAME")
	desc := oneLine(p.Description)
	if desc == "" {
		desc = p.name()
	}
	line(roffLine(roff(strings.Join(p.Path, "-")) + ` \- ` + roff(desc)))

	line(".SH SYNOPSIS")
	for i, u := range p.usageLines() {
		if i > 0 {
			line(".br")
		}
		s := roff(u[1])
		if u[0] != "" {
			s = strings.TrimSuffix(`\fB`+roff(u[0])+`\fR `+s, " ")
		}
		line(roffLine(s))
	}

	line(".SH DESCRIPTION")
	first := true // nothing is written under the heading yet
	paragraph := func() {
		if !first {
			line(".PP") // never right after .SH, where it means nothing
		}
		first = false
	}
	if d := oneLine(p.Description); d != "" {
		paragraph()
		text(prose(d))
	}
	for _, b := range blocks(p.Long) {
		if b.code {
			first = false
			manCode(line, b.lines)
			continue
		}
		paragraph()
		for _, l := range b.lines {
			fill(line, roff(l))
		}
	}
	if len(p.Aliases) > 0 {
		paragraph()
		text(sentence("Aliases: ", literals(p.Aliases)...)...)
	}
	if first {
		text(prose("The " + p.name() + " command."))
	}

	if groups := p.commandGroups(); len(groups) > 0 {
		line(".SH COMMANDS")
		for _, g := range groups {
			if g.heading != "" {
				line(".SS " + roffArg(plugprint.Line(g.heading)))
			}
			for _, c := range g.cmds {
				line(".TP")
				text(lit(plugprint.Line(c.Name)))
				body := [][]span{}
				if d := oneLine(c.Description); d != "" {
					body = append(body, []span{prose(d)})
				}
				if len(c.Aliases) > 0 {
					body = append(body, sentence("Aliases: ", literals(c.Aliases)...))
				}
				body = append(body, sentence("See ", manRef(append(p.Path[:len(p.Path):len(p.Path)], c.Name))...))
				manLines(line, body)
			}
		}
	}

	if groups := p.flagGroups(); len(groups) > 0 {
		line(".SH OPTIONS")
		for _, g := range groups {
			if g.heading != "" {
				line(".SS " + roffArg(plugprint.Line(g.heading)))
			}
			for i, f := range g.flags {
				line(".TP")
				names, typ := flagTag(f)
				var tag []string
				for _, n := range names {
					tag = append(tag, `\fB`+roff(plugprint.Line(n))+`\fR`)
				}
				s := strings.Join(tag, ", ")
				if typ != "" {
					s += ` \fI` + roff(plugprint.Line(typ)) + `\fR`
				}
				line(roffLine(s))
				var body [][]span
				if u := oneLine(f.Usage); u != "" {
					body = append(body, []span{prose(u)})
				}
				manLines(line, append(body, p.notes(f, g.where[i])...))
			}
		}
	}

	line(".SH EXIT STATUS")
	for _, e := range exitCodes() {
		line(".TP")
		text(lit(e.code))
		text(prose(e.meaning))
	}

	if env := p.envFlags(); len(env) > 0 {
		line(".SH ENVIRONMENT")
		for _, f := range env {
			line(".TP")
			text(lit(plugprint.Line(f.Env)))
			text(prose("Sets "), lit(plugprint.Line("--"+f.Name)), prose(" when the command line does not."))
		}
	}

	if len(p.s.files) > 0 {
		line(".SH FILES")
		text(prose("The config files the tool reads flag values from, when they exist, most specific first: a value an earlier file gives wins."))
		line(".RS 4")
		for i, f := range p.s.files {
			if i > 0 {
				line(".br")
			}
			line(roffLine(`\fI` + roff(plugprint.Line(f)) + `\fR`))
		}
		line(".RE")
	}

	if ex := examples(p.Examples); len(ex) > 0 {
		line(".SH EXAMPLES")
		manCode(line, ex)
	}

	var refs [][]string
	if p.parent != nil {
		refs = append(refs, p.parent.Path)
	}
	for _, c := range p.Commands {
		refs = append(refs, append(p.Path[:len(p.Path):len(p.Path)], c.Name))
	}
	if len(refs) > 0 {
		line(".SH SEE ALSO")
		for i, r := range refs {
			s := roffSpans(manRef(r))
			if i < len(refs)-1 {
				s += ","
			}
			line(roffLine(s))
		}
	}
}

// manRef is a reference to the manual page of path: tool-deploy(1).
func manRef(path []string) []span {
	return []span{lit(plugprint.Line(strings.Join(path, "-"))), prose("(1)")}
}

// manCode writes lines shown as they are, indented.
func manCode(line func(string), lines []string) {
	line(".RS 4")
	line(".EX")
	for _, l := range lines {
		line(roffLine(roff(l)))
	}
	line(".EE")
	line(".RE")
}

// manLines writes sentences one to a line, each on a line of its own in
// the output too.
func manLines(line func(string), sentences [][]span) {
	for i, s := range sentences {
		if i > 0 {
			line(".br")
		}
		fill(line, roffSpans(s))
	}
}

// maxLine is the length past which fill breaks a line of text, as mandoc's
// style checks ask.
const maxLine = 80

// fill writes s, escaped, as lines of text of at most maxLine bytes where
// its words allow: the formatter fills them into one paragraph again.
func fill(line func(string), s string) {
	cur := ""
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > maxLine {
			line(roffLine(cur))
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		line(roffLine(cur))
	}
}

// roffSpans escapes spans, literals in bold.
func roffSpans(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.literal {
			b.WriteString(`\fB` + roff(s.text) + `\fR`)
		} else {
			b.WriteString(roff(s.text))
		}
	}
	return b.String()
}

// roff escapes s, one line with no control bytes (through plugprint.Line),
// for roff: a backslash is written \e, so that no escape sequence
// survives; a hyphen \-, the minus sign, so that an option copied from
// the page works; and every other rune outside ASCII \[uXXXX], so that
// the page is ASCII whatever the reader's locale.
func roff(s string) string {
	s = plugprint.Line(s) // a no-op on what Line returned
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r >= utf8.RuneSelf:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// roffLine makes s, escaped, a text line: white space at its end taken
// off, and \& put before a leading "." or "'", which would make it a
// request or macro.
func roffLine(s string) string {
	s = strings.TrimRight(s, " ")
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

// roffArg quotes s, one line, as a macro argument.
func roffArg(s string) string {
	return `"` + strings.ReplaceAll(roff(s), `"`, `\(dq`) + `"`
}
