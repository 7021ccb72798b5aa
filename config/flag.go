package config

import "flag"

// Flag is the global flag --config, naming one more config file, read
// before the host's own: a value it gives wins over theirs. A file it
// names must exist.
type Flag struct {
	File string // --config
}

// Name returns "config".
func (f *Flag) Name() string { return "config" }

// GlobalFlags declares --config.
func (f *Flag) GlobalFlags() *flag.FlagSet {
	fs := flag.NewFlagSet(f.Name(), flag.ContinueOnError)
	fs.StringVar(&f.File, "config", f.File, "read flags from `file` too (.json or .conf)")
	return fs
}

// ConfigFiles returns the file --config names, if any.
func (f *Flag) ConfigFiles() []string {
	if f.File == "" {
		return nil
	}
	return []string{f.File}
}
