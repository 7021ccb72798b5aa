// Package output is what the built-in commands share to print: a report as
// JSON or as text, written in one piece, and table cells kept to one line.
package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Print writes v to w, nil meaning os.Stdout: indented JSON when asJSON,
// else what text writes. The whole report is built first and written with
// one Write, so a failed write is reported and nothing is half printed.
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
	if w == nil {
		w = os.Stdout
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// Cell makes s fit one table cell: "-" when empty, and on one line.
func Cell(s string) string {
	if s == "" {
		return "-"
	}
	return strings.Join(strings.Fields(s), " ")
}
