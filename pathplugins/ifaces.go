package pathplugins

import "github.com/plughost/plughost/plugins"

// The interfaces of package plugins this package implements and listens
// for, each checked on its own by the host.
//
// A Finder is a CommandFinder, and listens for nothing but HostNeeder: the
// host it is fed gives the tool's name when Finder.Tool is empty. It is a
// Describer too, for the plugins listing.
//
// A found *Executable is a Command, NamedCommand (its last word), ArgsPasser
// (the executable parses its own arguments), Describer (its
// self-description, path and warnings), LongDescriber, Grouper (the
// Finder's Heading), and StdinNeeder, StdoutNeeder and StderrNeeder (it
// embeds plugins.Streams): the streams it is fed are the plugin's. A
// *CompletingExecutable is all that and an ArgsCompleter.
//
// A *Group is a Command, NamedCommand, Describer, Grouper and
// SubCommander.
type (
	// CommandFinder is what a Finder is: the host asks it for a command
	// when none of its plugins answers to a command line's first word,
	// and for a list when it lists commands.
	CommandFinder = plugins.CommandFinder
	// HostNeeder: a Finder fed a host takes the host's name as the
	// tool's when its Tool is empty.
	HostNeeder = plugins.HostNeeder
	// Command: the found commands and groups run.
	Command = plugins.Command
	// NamedCommand: a found command answers to the last word that names
	// it, which is what the command line typed.
	NamedCommand = plugins.NamedCommand
	// ArgsPasser: a found command gets its arguments as typed.
	ArgsPasser = plugins.ArgsPasser
	// ArgsCompleter: a *CompletingExecutable completes its arguments by
	// running what the plugin declared for it.
	ArgsCompleter = plugins.ArgsCompleter
	// SubCommander: a *Group's sub-commands are the words that may follow.
	SubCommander = plugins.SubCommander
	// Describer: a found command's description is its self-description,
	// path and warnings.
	Describer = plugins.Describer
	// LongDescriber: a found command's help says what running it does.
	LongDescriber = plugins.LongDescriber
	// Grouper: found commands are listed under the Finder's Heading.
	Grouper = plugins.Grouper
	// StdinNeeder: a found command's standard input is the plugin's.
	StdinNeeder = plugins.StdinNeeder
	// StdoutNeeder: a found command's standard output is the plugin's.
	StdoutNeeder = plugins.StdoutNeeder
	// StderrNeeder: a found command's standard error is the plugin's, and
	// where it warns before running it.
	StderrNeeder = plugins.StderrNeeder
)

var (
	_ CommandFinder = (*Finder)(nil)
	_ HostNeeder    = (*Finder)(nil)
	_ Describer     = (*Finder)(nil)

	_ NamedCommand  = (*Executable)(nil)
	_ ArgsPasser    = (*Executable)(nil)
	_ Describer     = (*Executable)(nil)
	_ LongDescriber = (*Executable)(nil)
	_ Grouper       = (*Executable)(nil)
	_ StdinNeeder   = (*Executable)(nil)
	_ StdoutNeeder  = (*Executable)(nil)
	_ StderrNeeder  = (*Executable)(nil)
	_ ArgsCompleter = (*CompletingExecutable)(nil)

	_ NamedCommand = (*Group)(nil)
	_ SubCommander = (*Group)(nil)
	_ Describer    = (*Group)(nil)
	_ Grouper      = (*Group)(nil)
)
