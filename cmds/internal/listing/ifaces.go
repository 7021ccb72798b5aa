package listing

import "github.com/plughost/plughost/plugins"

// The interfaces a listing checks each plugin for, each on its own. The
// commands that list plugins alias them in their own ifaces.go, where a
// plugin author reads them.
type (
	// Command gives a row a command name and a place in shadowing.
	Command = plugins.Command
	// NamedCommand gives the command name, unless CmdName is empty.
	NamedCommand = plugins.NamedCommand
	// Aliaser gives more names a command answers to, which may shadow a
	// later command.
	Aliaser = plugins.Aliaser
	// SubCommander, on a command, has ReadTree list its sub-commands
	// below it; Read names it only.
	SubCommander = plugins.SubCommander
	// Describer gives the description.
	Describer = plugins.Describer
	// Hider marks a row hidden.
	Hider = plugins.Hider
	// Flagger is named only.
	Flagger = plugins.Flagger
	// ArgsUsager is named only.
	ArgsUsager = plugins.ArgsUsager
	// PluginNeeder is named only.
	PluginNeeder = plugins.PluginNeeder
	// PluginScoper, on a command, puts the command in the ScopedBy of each
	// plugin its ScopedPlugins holds.
	PluginScoper = plugins.PluginScoper
	// HostNeeder is named only.
	HostNeeder = plugins.HostNeeder
	// StdinNeeder is named only.
	StdinNeeder = plugins.StdinNeeder
	// StdoutNeeder is named only.
	StdoutNeeder = plugins.StdoutNeeder
	// StderrNeeder is named only.
	StderrNeeder = plugins.StderrNeeder
)

// versioner is version.Versioner, which this package cannot name, as
// package version imports it: a plugin that knows its own version. Its
// PluginVersion, when not empty, is the row's Version.
type versioner interface {
	PluginVersion() string
}
