// Package config holds the config file formats a plughost tool reads flags
// from, as plugins: JSON (".json") and a plain key = value format
// (".conf"), and Flag, a --config global flag naming one more file. A
// tool opts in by prepending them and naming its files:
//
//	h.Plugins = append([]plugins.Plugin{&config.JSON{}, &config.Plain{}, &config.Flag{}}, h.Plugins...)
//	h.ConfigFiles = []string{".mycli.json", "/etc/mycli.conf"}
//
// In both formats the top level sets the tool's global flags and a section
// named after a command path sets that command's flags, its own and those
// lent to it:
//
//	{"debug": true, "greet": {"greeter": "pirate", "also": ["Ann", "Bo"]}}
//
//	debug = true
//	[greet]
//	greeter = pirate
//	also = Ann
//	also = Bo
//
// Other formats (YAML, TOML) are plugins of modules of their own, never a
// dependency of the host. This package imports the standard library and
// package plugins only.
package config
