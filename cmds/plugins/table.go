package plugins

import (
	"fmt"
	"io"
	"strings"

	"github.com/plughost/plughost/cmds/internal/listing"
	"github.com/plughost/plughost/cmds/internal/output"
)

// row is one plugin of the listing as JSON. Every key is always present;
// lists are empty rather than null.
type row struct {
	Name          string   `json:"name"`
	Command       string   `json:"command"` // empty for a plugin that is not a command
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

// table writes rows as an aligned table, one line per plugin, every cell
// escaped. An ERRORS column is added when a plugin's method failed.
func table(w io.Writer, rows []listing.Row) {
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
		hidden := ""
		if r.Hidden {
			hidden = "yes"
		}
		if !sameSlice(r.Interfaces, ifaces) {
			ifaces, joined = r.Interfaces, strings.Join(r.Interfaces, ",")
		}
		copy(cells[i], []string{
			r.Name, r.Command, r.Type, mod, r.Version, hidden, r.ShadowedBy,
			strings.Join(r.ScopedBy, ","), joined, r.Description,
		})
		if errs {
			cells[i][len(header)-1] = strings.Join(messages(r.Errors), "; ")
		}
	}
	output.Table(w, header, cells)
}

// sameSlice reports whether a and b are one slice: the same elements in
// the same memory.
func sameSlice(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
