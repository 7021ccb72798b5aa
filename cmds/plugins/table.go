package plugins

import (
	"fmt"
	"io"
	"strings"

	"github.com/plughost/plughost/cmds/internal/listing"
	"github.com/plughost/plughost/cmds/internal/output"
)

const (
	// width is the width of the terminal the default table fits, in
	// runes.
	width = 100
	// labelWidth is as much of a plugin's label as a line of the errors
	// below the default table shows, to leave the error itself room.
	labelWidth = 30
)

// row is one plugin of the listing as JSON. Every key is always present;
// lists are empty rather than null.
type row struct {
	Name          string   `json:"name"`
	Command       string   `json:"command"` // empty for a plugin that is not a command
	Path          []string `json:"path"`    // the command path; empty for a plugin that is not a command
	Type          string   `json:"type"`
	Package       string   `json:"package"`
	Module        string   `json:"module"`
	ModuleVersion string   `json:"module_version"`
	ModuleReplace string   `json:"module_replace"`
	Version       string   `json:"version"` // PluginVersion, or else the module's
	Description   string   `json:"description"`
	Interfaces    []string `json:"interfaces"`
	ScopedBy      []string `json:"scoped_by"`
	ShadowedBy    string   `json:"shadowed_by"`
	Hidden        bool     `json:"hidden"`
	Errors        []string `json:"errors"`
}

// jsonRows returns rows as the JSON array prints them.
func jsonRows(rows []listing.Row) []row {
	out := make([]row, len(rows))
	for i, r := range rows {
		out[i] = row{
			Name:          r.Name,
			Command:       r.Command,
			Path:          r.Path,
			Type:          r.Type,
			Package:       r.Module.Package,
			Module:        r.Module.Path,
			ModuleVersion: r.Module.Version,
			ModuleReplace: r.Module.Replace,
			Version:       r.Version,
			Description:   r.Description,
			Interfaces:    r.Interfaces,
			ScopedBy:      r.ScopedBy,
			ShadowedBy:    r.ShadowedBy,
			Hidden:        r.Hidden,
			Errors:        messages(r.Errors),
		}
		if out[i].Path == nil {
			out[i].Path = []string{}
		}
		if out[i].ScopedBy == nil {
			out[i].ScopedBy = []string{}
		}
	}
	return out
}

// messages returns the text of each error, in an empty rather than nil
// slice.
func messages(errs []error) []string {
	out := make([]string, 0, len(errs))
	for _, err := range errs {
		out = append(out, err.Error())
	}
	return out
}

// table writes rows as a table that fits a terminal width columns wide,
// one line per plugin, with the columns that say which plugin runs as
// what: its name, command path, version, whether it is hidden, what
// shadows it, and its description, each cell escaped and cut to fit. The
// errors of the plugins' methods follow the table, one line each, after
// the label of the plugin's row (cut to labelWidth), cut to fit too:
// --wide and --json show them whole.
func table(w io.Writer, rows []listing.Row) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no plugins")
		return
	}
	header := []string{"NAME", "COMMAND", "VERSION", "HIDDEN", "SHADOWED BY", "DESCRIPTION"}
	cells := output.Rows(len(rows), len(header))
	errs := 0
	for i, r := range rows {
		copy(cells[i], []string{r.Name, path(r), r.Version, hidden(r), r.ShadowedBy, r.Description})
		errs += len(r.Errors)
	}
	output.FitTable(w, width, header, cells)
	if errs == 0 {
		return
	}
	fmt.Fprintln(w, "\nErrors:")
	for _, r := range rows {
		label := output.Cut(output.Cell(r.Label()), labelWidth)
		for _, err := range r.Errors {
			line := "  " + label + ": " + output.Cell(err.Error())
			fmt.Fprintln(w, output.Cut(line, width))
		}
	}
}

// wideTable writes rows as an aligned table of every column, one line per
// plugin, every cell escaped and none cut. An ERRORS column is added when
// a plugin's method failed.
func wideTable(w io.Writer, rows []listing.Row) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no plugins")
		return
	}
	errs := false
	for _, r := range rows {
		errs = errs || len(r.Errors) > 0
	}
	header := []string{"NAME", "COMMAND", "TYPE", "MODULE", "VERSION", "HIDDEN", "SHADOWED BY", "SCOPED BY", "INTERFACES", "DESCRIPTION"}
	if errs {
		header = append(header, "ERRORS")
	}
	// Rows of one type share their interfaces, joined once.
	cells := output.Rows(len(rows), len(header))
	var ifaces []string
	var joined string
	for i, r := range rows {
		mod := r.Module.Path
		if r.Module.Replace != "" {
			mod += " => " + r.Module.Replace
		}
		if !sameSlice(r.Interfaces, ifaces) {
			ifaces, joined = r.Interfaces, strings.Join(r.Interfaces, ",")
		}
		copy(cells[i], []string{
			r.Name, path(r), r.Type, mod, r.Version, hidden(r), r.ShadowedBy,
			strings.Join(r.ScopedBy, ","), joined, r.Description,
		})
		if errs {
			cells[i][len(header)-1] = strings.Join(messages(r.Errors), "; ")
		}
	}
	output.Table(w, header, cells)
}

// path is the COMMAND cell of a row: its command path, words apart; for a
// tool's own command, its command name.
func path(r listing.Row) string {
	if len(r.Path) == 1 {
		return r.Path[0]
	}
	return strings.Join(r.Path, " ")
}

// hidden is the HIDDEN cell of a row.
func hidden(r listing.Row) string {
	if r.Hidden {
		return "yes"
	}
	return ""
}

// sameSlice reports whether a and b are one slice: the same elements in
// the same memory.
func sameSlice(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
