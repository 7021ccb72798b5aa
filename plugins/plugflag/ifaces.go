package plugflag

import "flag"

// Resetter is a flag.Value that collects what it is given, such as Strings.
// Setting such a value twice adds to it, so it cannot be put back to its
// default by setting the default again. The host calls Reset(default)
// before every run, and Reset("") just before a run first sets it, so that
// values given on the command line replace the default instead of adding
// to it.
type Resetter interface {
	flag.Value
	Reset(value string) error
}
