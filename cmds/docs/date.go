package docs

import (
	"fmt"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins/plugprint"
)

// dateLayout is how a manual page's date is written, a form both mandoc
// and groff read.
const dateLayout = "2006-01-02"

// date is the day the manual pages carry, "" for none: see Render.
func (w *walk) date() (string, error) {
	if w.s.date != nil {
		if w.s.date.IsZero() {
			return "", nil
		}
		return w.s.date.UTC().Format(dateLayout), nil
	}
	if e, ok := w.src.(Enver); ok {
		var v string
		var set bool
		site := fault.Site{Plugin: w.src, Method: "Env"}
		if err := fault.Call(w.rec, &site, func() error { v, set = e.Env("SOURCE_DATE_EPOCH"); return nil }); err != nil {
			return "", err
		}
		if set && v != "" {
			secs, err := strconv.ParseInt(v, 10, 64)
			if err != nil || secs < 0 || secs > 253402300799 { // up to the year 9999
				return "", fmt.Errorf("%w: %q is not a number of seconds since 1970", ErrBadDate, plugprint.Line(v))
			}
			return time.Unix(secs, 0).UTC().Format(dateLayout), nil
		}
	}
	read := w.s.buildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok || bi == nil {
		return "", nil
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.time" {
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				return t.UTC().Format(dateLayout), nil
			}
		}
	}
	return "", nil
}
