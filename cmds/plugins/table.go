package plugins

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/plughost/plughost/cmds/internal/output"
)

// table writes rows as an aligned table, one line per plugin. An ERRORS
// column is added when a plugin panicked.
func table(w io.Writer, rows []row) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no plugins")
		return
	}
	errs := false
	for _, r := range rows {
		errs = errs || len(r.Errors) > 0
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "NAME\tCOMMAND\tTYPE\tMODULE\tHIDDEN\tSHADOWED BY\tSCOPED BY\tINTERFACES\tDESCRIPTION")
	if errs {
		fmt.Fprint(tw, "\tERRORS")
	}
	fmt.Fprintln(tw)
	for _, r := range rows {
		mod := r.Module
		if mod != "" && r.ModuleVersion != "" {
			mod += "@" + r.ModuleVersion
		}
		if r.ModuleReplace != "" {
			mod += " => " + r.ModuleReplace
		}
		hidden := ""
		if r.Hidden {
			hidden = "yes"
		}
		cells := []string{
			r.Name, r.Command, r.Type, mod, hidden, r.ShadowedBy,
			strings.Join(r.ScopedBy, ","), strings.Join(r.Interfaces, ","), r.Description,
		}
		if errs {
			cells = append(cells, strings.Join(r.Errors, "; "))
		}
		for i, c := range cells {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, output.Cell(c))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}
