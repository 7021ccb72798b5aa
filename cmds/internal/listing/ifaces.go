package listing

import "github.com/plughost/plughost/plugins"

// The interfaces a listing checks each plugin for, each on its own, in the
// order package plugins declares them: a row's Interfaces names those a
// plugin implements in this order, and Versioner last. The commands that
// list plugins alias them in their own ifaces.go, where a plugin author
// reads them. (ValueCompleter is left out: it is a flag.Value's, not a
// plugin's.)
type (
	// PluginNeeder is named only.
	PluginNeeder = plugins.PluginNeeder
	// PluginScoper, on a command, puts the command in the ScopedBy of each
	// plugin its ScopedPlugins holds.
	PluginScoper = plugins.PluginScoper
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
	// StdinNeeder is named only.
	StdinNeeder = plugins.StdinNeeder
	// StdoutNeeder is named only.
	StdoutNeeder = plugins.StdoutNeeder
	// StderrNeeder is named only.
	StderrNeeder = plugins.StderrNeeder
	// HostNeeder is named only.
	HostNeeder = plugins.HostNeeder
	// GlobalFlagger is named only.
	GlobalFlagger = plugins.GlobalFlagger
	// ArgsUsager is named only.
	ArgsUsager = plugins.ArgsUsager
	// ArgsPasser is named only.
	ArgsPasser = plugins.ArgsPasser
	// BeforeRunner is named only.
	BeforeRunner = plugins.BeforeRunner
	// AfterRunner is named only.
	AfterRunner = plugins.AfterRunner
	// LongDescriber is named only.
	LongDescriber = plugins.LongDescriber
	// Exampler is named only.
	Exampler = plugins.Exampler
	// Grouper is named only.
	Grouper = plugins.Grouper
	// ConfigParser is named only.
	ConfigParser = plugins.ConfigParser
	// ConfigFiler is named only.
	ConfigFiler = plugins.ConfigFiler
	// SourceNeeder is named only.
	SourceNeeder = plugins.SourceNeeder
	// ArgsCompleter is named only.
	ArgsCompleter = plugins.ArgsCompleter
	// Selector gives a row its Selection, when ReadSelections is asked
	// for it; Read and ReadTree name it only.
	Selector = plugins.Selector
)

// versioner is version.Versioner, which this package cannot name, as
// package version imports it: a plugin that knows its own version. Its
// PluginVersion, when not empty, is the row's Version.
type versioner interface {
	PluginVersion() string
}
