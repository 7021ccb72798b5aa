package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/plughost/plughost/plugins/plugprint"
)

// printVersion answers --version: the tool's name and version, from
// Host.Version, else from the main module the build info records.
func (r *run) printVersion() error {
	v := r.h.Version
	if v == "" {
		v = "(unknown)"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	if _, err := fmt.Fprintf(r.out, "%s version %s\n", plugprint.Line(r.h.Name()), plugprint.Line(v)); err != nil {
		return fmt.Errorf("%s: writing the version: %w", r.h.Name(), err)
	}
	return nil
}
