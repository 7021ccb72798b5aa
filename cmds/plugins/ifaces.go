package plugins

import (
	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/plugins"
)

// The interfaces the plugins command listens for, each checked on its own.
//
// On itself it listens for PluginNeeder, to get the plugins it lists
// (without one it lists none), and StdoutNeeder, to get the writer it
// prints to (without one, os.Stdout). It is a StdinNeeder and a
// StderrNeeder too, as it embeds plugins.Streams, but reads neither.
//
// On every plugin it lists it checks each of them and names those it finds
// in the plugin's row, in the order they are declared here (package
// plugins' order, but for Versioner, last; ValueCompleter, a flag.Value's,
// is left out). Some also fill a column of their own, read once per
// run under the fault recorder of the command's context; a panic goes in
// the row of the plugin that panicked.
type (
	// PluginNeeder is named, and fed to the command itself.
	PluginNeeder = plugins.PluginNeeder
	// PluginScoper, on a command, gives the scoped-by column of each plugin
	// its ScopedPlugins holds.
	PluginScoper = plugins.PluginScoper
	// Command gives a row a command name and path, and a place in
	// shadowing among the commands of its parent.
	Command = plugins.Command
	// NamedCommand gives the command name, unless CmdName is empty.
	NamedCommand = plugins.NamedCommand
	// Aliaser gives more names a command answers to, which may shadow a
	// later command.
	Aliaser = plugins.Aliaser
	// SubCommander, on a command, has its sub-commands listed below it,
	// each read as the tool's own plugins are and named by its command
	// path: SubCommands is called once per run on each listed command that
	// implements it, down to 8 levels deep, and not on a sub-command that
	// is one of the commands above it (the same pointer, or a value of the
	// same type and name), which is listed but not expanded again.
	SubCommander = plugins.SubCommander
	// Describer gives the description column.
	Describer = plugins.Describer
	// Hider marks a row hidden.
	Hider = plugins.Hider
	// Flagger is named only.
	Flagger = plugins.Flagger
	// StdinNeeder is named only.
	StdinNeeder = plugins.StdinNeeder
	// StdoutNeeder is named, and fed to the command itself.
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
	// Selector shows which implementation the plugin picks and which it
	// could: Selection is called once per run on each listed row whose
	// plugin implements it. The default table starts the row's
	// description with "[greeter: plain of plain, pirate, formal]", --wide
	// adds a SELECTION column, and --json a "selection" object of "kind",
	// "picked" and "available" (null for a plugin that is not a Selector,
	// or whose Selection panicked).
	Selector = plugins.Selector
	// Versioner gives the version column, when PluginVersion is not
	// empty; else it is the version of the plugin's module. The version
	// command's --plugins shows the same.
	Versioner = version.Versioner
)
