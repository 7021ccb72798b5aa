package config

import "github.com/plughost/plughost/plugins"

// What this package's plugins are to the host.
type (
	// ConfigParser is what JSON and Plain are.
	ConfigParser = plugins.ConfigParser
	// GlobalFlagger and ConfigFiler are what Flag is.
	GlobalFlagger = plugins.GlobalFlagger
	ConfigFiler   = plugins.ConfigFiler
)

var (
	_ ConfigParser  = JSON{}
	_ ConfigParser  = Plain{}
	_ GlobalFlagger = (*Flag)(nil)
	_ ConfigFiler   = (*Flag)(nil)
)
