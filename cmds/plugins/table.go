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

// jsonRows writes rows as a JSON array of objects, one per row, with
// every key always present: lists are empty rather than null.
func jsonRows(j *output.JSON, rows []listing.Row) {
	j.BeginArray()
	for _, r := range rows {
		j.BeginObject()
		j.Key("name").String(r.Name)
		j.Key("command").String(r.Command) // empty for a plugin that is not a command
		j.Key("path").Strings(r.Path)      // the command path; empty for a plugin that is not a command
		j.Key("type").String(r.Type)
		j.Key("package").String(r.Module.Package)
		j.Key("module").String(r.Module.Path)
		j.Key("module_version").String(r.Module.Version)
		j.Key("module_replace").String(r.Module.Replace)
		j.Key("version").String(r.Version) // PluginVersion, or else the module's
		j.Key("description").String(r.Description)
		j.Key("interfaces").Strings(r.Interfaces)
		j.Key("scoped_by").Strings(r.ScopedBy)
		j.Key("shadowed_by").String(r.ShadowedBy)
		j.Key("hidden").Bool(r.Hidden)
		if sel := r.Selection; sel != nil {
			j.Key("selection").BeginObject()
			j.Key("kind").String(sel.Kind)
			j.Key("picked").String(sel.Picked)
			j.Key("available").Strings(sel.Available)
			j.EndObject()
		} else {
			j.Key("selection").Null() // not a Selector, or its Selection failed
		}
		j.Key("errors").BeginArray()
		for _, err := range r.Errors {
			j.String(err.Error())
		}
		j.EndArray()
		j.EndObject()
	}
	j.EndArray()
}

// messages returns the text of each error.
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
// shadows it, and its description, each cell escaped and cut to fit. A
// selector's description starts with its selection in brackets, so that
// a cut keeps what it picks. The errors of the plugins' methods follow
// the table, one line each, after the label of the plugin's row (cut to
// labelWidth), cut to fit too: --wide and --json show them whole.
func table(w io.Writer, rows []listing.Row) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no plugins")
		return
	}
	header := []string{"NAME", "COMMAND", "VERSION", "HIDDEN", "SHADOWED BY", "DESCRIPTION"}
	cells := output.Rows(len(rows), len(header))
	errs := 0
	for i, r := range rows {
		desc := r.Description
		if r.Selection != nil {
			desc = "[" + selection(r.Selection) + "] " + desc
		}
		copy(cells[i], []string{r.Name, path(r), r.Version, hidden(r), r.ShadowedBy, desc})
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
// plugin, every cell escaped and none cut. A SELECTION column is added when
// a plugin is a selector, and an ERRORS column when a plugin's method
// failed.
func wideTable(w io.Writer, rows []listing.Row) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no plugins")
		return
	}
	sels, errs := false, false
	for _, r := range rows {
		sels = sels || r.Selection != nil
		errs = errs || len(r.Errors) > 0
	}
	header := []string{"NAME", "COMMAND", "TYPE", "MODULE", "VERSION", "HIDDEN", "SHADOWED BY", "SCOPED BY", "INTERFACES", "DESCRIPTION"}
	selCol := len(header)
	if sels {
		header = append(header, "SELECTION")
	}
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
		if sels && r.Selection != nil {
			cells[i][selCol] = selection(r.Selection)
		}
		if errs {
			cells[i][len(header)-1] = strings.Join(messages(r.Errors), "; ")
		}
	}
	output.Table(w, header, cells)
}

// selection is the text of what a selector picks:
// "greeter: plain of plain, pirate, formal", "-" standing in for an empty
// name or list.
func selection(s *listing.Selection) string {
	avail := strings.Join(s.Available, ", ")
	return orDash(s.Kind) + ": " + orDash(s.Picked) + " of " + orDash(avail)
}

// orDash is s, or "-" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
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
