// Package output is how the built-in commands print: a report as JSON or
// as text, written in one piece, and text made safe for a terminal.
//
// It is the one place text a plugin or a user wrote leaves the built-ins
// for a terminal: every cell of a text table goes through Cell, every other
// line a built-in prints through Line. JSON output is left exact, as JSON
// escapes it.
package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/plughost/plughost/plugins/plugprint"
)

// Print writes v to w: indented JSON when asJSON, else what text writes.
// The whole report is built first and written with one Write, so a failed
// write is reported and nothing is half printed; a short write with no
// error is reported as io.ErrShortWrite.
func Print(w io.Writer, asJSON bool, v any, text func(io.Writer)) error {
	var buf bytes.Buffer
	if asJSON {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
	} else {
		text(&buf)
	}
	n, err := w.Write(buf.Bytes())
	if err == nil && n < buf.Len() {
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
// is what text/tabwriter would write, in two passes over the cells and one
// Write. The cells of rows are escaped in place: rows are the caller's to
// give away.
func Table(w io.Writer, header []string, rows [][]string) {
	if header != nil {
		rows = append([][]string{slices.Clone(header)}, rows...)
	}
	cells := 0
	for _, row := range rows {
		cells += len(row)
	}
	// The first pass escapes each cell and measures it.
	var widths, padded []int         // per column: the widest cell, and how many cells are padded
	runes := make([]int32, 0, cells) // per padded cell, in order: its width
	size := 0                        // of the output in bytes, less the padding
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
			}
			m := &last[i]
			if row[i] != m.in {
				m.in = row[i]
				m.out, m.n = cell(row[i])
			}
			n := m.n
			row[i] = m.out
			size += len(row[i])
			if i == len(row)-1 {
				break
			}
			if i == len(widths) {
				widths, padded = append(widths, 0), append(padded, 0)
			}
			widths[i] = max(widths[i], n)
			padded[i]++
			runes = append(runes, int32(n))
			size -= n // a padded cell takes its column's width, not its own
		}
		size++ // the newline
	}
	widest := 0
	for i, n := range widths {
		widest = max(widest, n)
		size += padded[i] * (n + 2)
	}
	pad := strings.Repeat(" ", widest+2)

	// The second writes the output, sized exactly.
	var out []byte
	if b, ok := w.(*bytes.Buffer); ok {
		// Print's buffer: write in place rather than copy.
		b.Grow(size)
		out = b.AvailableBuffer()
	} else {
		out = make([]byte, 0, size)
	}
	k := 0 // the next padded cell
	for _, row := range rows {
		for i, c := range row {
			out = append(out, c...)
			if i < len(row)-1 {
				out = append(out, pad[:widths[i]+2-int(runes[k])]...)
				k++
			}
		}
		out = append(out, '\n')
	}
	w.Write(out)
}
