// Package output is how the built-in commands print: a report as JSON or
// as text, written in one piece, and text made safe for a terminal.
//
// It is the one place text a plugin or a user wrote leaves the built-ins
// for a terminal: every cell of a text table goes through Cell, every other
// line a built-in prints through Line. JSON output is left exact, as JSON
// escapes it; JSON writes it as encoding/json would, without linking it.
package output

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/plughost/plughost/plugins/plugprint"
)

// Print writes a report to w: the JSON value json writes when asJSON,
// else what text writes. The whole report is built first and written
// with one Write, so a failed write is reported and nothing is half
// printed; a short write with no error is reported as io.ErrShortWrite.
func Print(w io.Writer, asJSON bool, json func(*JSON), text func(io.Writer)) error {
	var out []byte
	if asJSON {
		var j JSON
		json(&j)
		out = j.Bytes()
	} else {
		var buf bytes.Buffer
		text(&buf)
		out = buf.Bytes()
	}
	n, err := w.Write(out)
	if err == nil && n < len(out) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// Line makes s safe to print on one line of a terminal, as
// plugprint.Line does: control bytes, escape sequences, invalid UTF-8 and
// line separators become Go escapes. Everything else is kept, spaces
// included, so a path reads as it is.
func Line(s string) string { return plugprint.Line(s) }

// Cell makes s fit one table cell: runs of white space (newlines and tabs
// among them) made one space, the rest through Line, and "-" when nothing
// is left.
func Cell(s string) string {
	s, _ = cell(s)
	return s
}

// cell is Cell, returning the width of the cell in runes too.
func cell(s string) (string, int) {
	if plain(s) {
		if s == "" {
			return "-", 1
		}
		return s, len(s)
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-", 1
	}
	s = Line(s)
	return s, utf8.RuneCountInString(s)
}

// plain reports whether Cell would keep s as it is: printable ASCII with
// single spaces between words. It is the common case, checked in one pass
// without allocating.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c < 0x20 || c >= 0x7f:
			return false
		}
	}
	return true
}

// Pairs writes one line per pair: its label, padded with spaces to two
// more than the widest label, in runes, then its value through Line. It
// is what text/tabwriter writes for "label\tvalue" lines, padding 2, in
// one Write. Labels are the caller's own text, written as they are.
func Pairs(w io.Writer, pairs [][2]string) {
	width := 0
	for _, p := range pairs {
		width = max(width, utf8.RuneCountInString(p[0]))
	}
	var out []byte
	for _, p := range pairs {
		out = append(out, p[0]...)
		for n := utf8.RuneCountInString(p[0]); n < width+2; n++ {
			out = append(out, ' ')
		}
		out = append(out, Line(p[1])...)
		out = append(out, '\n')
	}
	w.Write(out)
}

// Rows returns n rows of cols empty cells each, for Table, backed by one
// array: a table of many rows costs two allocations.
func Rows(n, cols int) [][]string {
	flat := make([]string, n*cols)
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = flat[i*cols : (i+1)*cols : (i+1)*cols]
	}
	return rows
}

// Table writes header, unless it is nil, and rows as aligned columns two
// spaces apart, one line each, every cell through Cell. A column is as wide
// as its widest cell, in runes; the last cell of a line is not padded. This
// is what text/tabwriter would write, in a few passes over the cells and
// one Write. The cells of rows are escaped in place: rows are the caller's to
// give away.
func Table(w io.Writer, header []string, rows [][]string) {
	FitTable(w, 0, header, rows)
}

// Ellipsis ends a cell FitTable cut.
const Ellipsis = "…"

// FitTable is Table for a terminal width columns wide: when its lines would
// be wider than width runes, the widest columns are cut to one width, the
// widest that lets every line fit, and each cell wider than its column is
// cut at a rune boundary, ending in Ellipsis. The room a cut leaves over
// widens the first cut columns by a rune each. Header cells are cut like
// the rest. A width of 0 cuts nothing, as Table does. A width too small
// for a rune a column and two between them gives longer lines, each
// column cut to one rune.
func FitTable(w io.Writer, width int, header []string, rows [][]string) {
	if header != nil {
		rows = append([][]string{slices.Clone(header)}, rows...)
	}
	cells := 0
	for _, row := range rows {
		cells += len(row)
	}
	// The first pass escapes each cell and measures it.
	runes := make([]int32, 0, cells) // per cell, in order: its width
	var widest []int                 // per column: its widest cell, the last of a line included
	// Rows often repeat the cell above (a type, a module): each column
	// remembers its last cell, to escape and measure it once.
	type memo struct {
		in, out string
		n       int
	}
	var last []memo
	for _, row := range rows {
		for i := range row {
			if i == len(last) {
				last = append(last, memo{in: "-", out: "-", n: 1})
				widest = append(widest, 0)
			}
			m := &last[i]
			if row[i] != m.in {
				m.in = row[i]
				m.out, m.n = cell(row[i])
			}
			row[i] = m.out
			runes = append(runes, int32(m.n))
			widest[i] = max(widest[i], m.n)
		}
	}

	// Then, if the lines are too wide, the cells wider than their
	// column's cap are cut.
	if caps := fit(widest, width); caps != nil {
		k := 0
		for _, row := range rows {
			for i := range row {
				if int(runes[k]) > caps[i] {
					var n int
					row[i], n = cut(row[i], caps[i])
					runes[k] = int32(n)
				}
				k++
			}
		}
	}

	// Columns are padded to their widest cell that is not the last of its
	// line; the output is sized exactly.
	var widths []int
	k := 0
	for _, row := range rows {
		for i := range row[:max(len(row)-1, 0)] {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], int(runes[k+i]))
		}
		k += len(row)
	}
	most := 0
	for _, n := range widths {
		most = max(most, n)
	}
	size := 0
	k = 0
	for _, row := range rows {
		for i, c := range row {
			size += len(c)
			if i < len(row)-1 {
				// A padded cell takes its column's width, not its own.
				size += widths[i] + 2 - int(runes[k])
			}
			k++
		}
		size++ // the newline
	}
	pad := strings.Repeat(" ", most+2)

	// The last pass writes the output.
	var out []byte
	if b, ok := w.(*bytes.Buffer); ok {
		// Print's buffer: write in place rather than copy.
		b.Grow(size)
		out = b.AvailableBuffer()
	} else {
		out = make([]byte, 0, size)
	}
	k = 0
	for _, row := range rows {
		for i, c := range row {
			out = append(out, c...)
			if i < len(row)-1 {
				out = append(out, pad[:widths[i]+2-int(runes[k])]...)
			}
			k++
		}
		out = append(out, '\n')
	}
	w.Write(out)
}

// fit returns the width to cut each column to for lines of at most width
// runes, columns two apart, given each column's widest cell; or nil when
// the lines fit uncut, or width is 0. Every column wider than one cap is
// cut to it, the cap being the widest that lets the lines fit but never
// below one rune; what that leaves over widens the first cut columns by a
// rune each.
func fit(widest []int, width int) []int {
	if width <= 0 || len(widest) == 0 {
		return nil
	}
	budget := width - 2*(len(widest)-1)
	total := 0
	for _, n := range widest {
		total += n
	}
	if total <= budget {
		return nil
	}
	// Going up the columns from the narrowest, the cap is found at the
	// first column that, with every wider one, does not fit at its own
	// width: what is left is shared between them.
	sorted := slices.Clone(widest)
	slices.Sort(sorted) // the instantiation fmt.Errorf has already
	limit, used := 0, 0
	for i, n := range sorted {
		rest := len(sorted) - i
		if used+rest*n > budget {
			limit = (budget - used) / rest
			break
		}
		used += n
	}
	limit = max(limit, 1)
	caps := make([]int, len(widest))
	left := budget
	for i, n := range widest {
		caps[i] = min(n, limit)
		left -= caps[i]
	}
	for i, n := range widest {
		if left <= 0 {
			break
		}
		if n > limit {
			caps[i]++
			left--
		}
	}
	return caps
}

// cut shortens s, a cell as cell returns it and wider than n runes, to n
// runes or fewer, ending it in Ellipsis after the last rune kept; white
// space before the ellipsis is dropped. It returns the cut cell and its
// width in runes.
func cut(s string, n int) (string, int) {
	if n <= 1 {
		return Ellipsis, 1
	}
	end, kept := len(s), 0
	for i := range s {
		if kept == n-1 {
			end = i
			break
		}
		kept++
	}
	head := strings.TrimRight(s[:end], " ")
	return head + Ellipsis, utf8.RuneCountInString(head) + 1
}

// Cut shortens s to at most n runes as FitTable cuts a cell: at a rune
// boundary, ending in Ellipsis. A shorter s is returned as it is; s is not
// escaped, so give it what Cell or Line returned.
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	s, _ = cut(s, n)
	return s
}
