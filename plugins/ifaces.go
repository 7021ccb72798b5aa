package plugins

import (
	"context"
	"flag"
	"io"
)

// Plugin is the one thing every plugin implements. Name identifies the
// plugin in help, in the plugins listing and in every error the host
// reports about it. It must be non-empty and hold no white space. The host
// reads it once each time it looks through the plugins, before feeding
// them, so it should be a constant.
type Plugin interface {
	Name() string
}

// PluginFeeder returns the plugins of the host running the tool, as they
// stand when it is called, each fed for the run that gave the feeder: a
// plugin added to the host during the run is fed before it is returned,
// and one whose needer setters panicked is left out (the run then fails
// with that fault). The slice is the caller's own copy: sorting or
// overwriting it does not change the host. Many goroutines of a command
// may call it at once.
//
// A feeder serves the run it was given in. Called after that run returned,
// it returns the plugins as they stand without feeding them, so that no
// plugin is handed a finished run's streams. Called from inside the
// plugin's own needer setters, it returns them without waiting for
// feeding to finish.
type PluginFeeder func() []Plugin

// PluginNeeder is a plugin that wants to reach the other plugins of the
// tool. The host calls WithPlugins once per run, before it first calls the
// plugin's Flags, ScopedPlugins, SubCommands or Main, and before a feeder
// returns it; a plugin the run never uses is not fed. Setters should only
// store what they are given.
type PluginNeeder interface {
	WithPlugins(PluginFeeder)
}

// PluginScoper narrows the plugins a command works with. The host calls
// ScopedPlugins once per run on the command it dispatches to (and on each
// command along the way to it), to find the plugins that lend it flags.
// A command that is not a PluginScoper has an empty scope.
type PluginScoper interface {
	ScopedPlugins() []Plugin
}

// Command is a plugin the user runs by name. The host calls Main once per
// run, on the one command the arguments name, after parsing its flags: args
// holds only what is left after the flags. The ctx is the one given to the
// host; Main should return when it is done.
type Command interface {
	Plugin
	Main(ctx context.Context, args []string) error
}

// NamedCommand names the command a plugin runs as. Without it the command
// name is the last slash-separated element of Name ("db/migrate" runs as
// "migrate"). Among the plugins of one slice, the first to answer to a name
// wins, so a prepended plugin overrides a later one.
type NamedCommand interface {
	Plugin
	CmdName() string
}

// Aliaser gives a command other names it also answers to. A plugin's own
// command name takes precedence over its aliases, and both over any later
// plugin in the slice.
type Aliaser interface {
	Plugin
	CmdAliases() []string
}

// SubCommander is a command with sub-commands. When the host dispatches to
// it and arguments remain after its flags, the first of them must name one
// of SubCommands, found the same way as a top-level command; the host then
// dispatches to that, to any depth. SubCommands is called once per run, when
// the host first needs it.
type SubCommander interface {
	SubCommands() []Plugin
}

// Describer gives the one-line description shown in help and listings.
type Describer interface {
	Description() string
}

// Hider keeps a plugin out of help and listings. A hidden command still runs
// when named. The host never calls HidePlugin: implementing it is the mark.
type Hider interface {
	HidePlugin()
}

// Flagger declares a plugin's flags as a standard library flag set whose
// values are bound to the plugin's exported fields, each field's current
// value as the flag's default. The host calls Flags once per run for each
// plugin whose flags the run needs: the commands on the dispatched path,
// and every non-command Flagger in their scope, which lend theirs prefixed
// with the lending plugin's name; help calls it to show the flags. Return a
// new set each time; the host parses it, never the plugin, and writes into
// the fields only what the command line sets.
type Flagger interface {
	Plugin
	Flags() *flag.FlagSet
}

// StdinNeeder receives the standard input of the host. The host calls
// SetStdin once per run, before it first uses the plugin.
type StdinNeeder interface {
	SetStdin(io.Reader)
}

// StdoutNeeder receives the standard output of the host. The host calls
// SetStdout once per run, before it first uses the plugin.
type StdoutNeeder interface {
	SetStdout(io.Writer)
}

// StderrNeeder receives the standard error of the host. The host calls
// SetStderr once per run, before it first uses the plugin.
type StderrNeeder interface {
	SetStderr(io.Writer)
}

// HostNeeder is a plugin that wants the host running it: a Command whose
// Name is the tool's name and whose Main runs the tool with other arguments.
// The host calls WithHost once per run, before it first uses the plugin,
// beside WithPlugins. Hosts may offer more through interfaces of their own
// (the help command asks its host to print help this way).
type HostNeeder interface {
	WithHost(Command)
}

// GlobalFlagger declares flags of the whole tool (--debug, --config,
// -C dir, --no-color), bound to the plugin's exported fields. Every
// GlobalFlagger in the host's plugins contributes its flags, unprefixed:
// the host calls GlobalFlags once per run that parses a command line, and
// accepts them before the command name and after it, on every command at
// any depth. Root help lists them with the tool's flags, and every
// command's help as global flags. A global flag of the same name as a
// command's own, inherited or lent flag is an error naming both plugins.
type GlobalFlagger interface {
	Plugin
	GlobalFlags() *flag.FlagSet
}

// ArgsUsager says what positional arguments a command takes, as the
// usage line shows them: "APP [ENV] [FILE...]". A bare word is one
// required argument, [WORD] one optional, and a trailing "..." on the last
// word makes it repeat (FILE... one or more, [FILE...] zero or more); ""
// means none. The host reads it when it shows help and before it calls
// Main, which it does not when the count is wrong: too few or too many
// arguments is a usage error showing the usage line. A command that is not
// an ArgsUsager takes any arguments.
//
// A SubCommander that is also an ArgsUsager runs its own Main when its
// first argument names none of its sub-commands ("deploy web" beside
// "deploy status").
type ArgsUsager interface {
	ArgsUsage() string
}

// ArgsPasser is a command that parses its own arguments, as one that hands
// them to another program does. The host parses none of its flags, -h and
// --help included, and gives Main every argument after the command's name
// as typed; global flags before the command name are still the host's.
// "tool help CMD" still shows its help. The host never calls PassArgs:
// implementing it is the mark.
type ArgsPasser interface {
	PassArgs()
}

// BeforeRunner runs code before a command without the command knowing it.
// The host calls BeforeRun once every flag of the command line is parsed
// and just before the command's Main, on each BeforeRunner among the
// host's plugins and in the scopes of the commands on the path, in that
// order; the first error stops the run, and Main is not called. path is
// the command path without the tool's name (["deploy", "status"]) and args
// the command line as typed, so a hook can read the command's arguments.
type BeforeRunner interface {
	BeforeRun(ctx context.Context, path, args []string) error
}

// AfterRunner runs code after a command. Once a run has reached its
// before-hooks, the host calls AfterRun on each AfterRunner of the same
// plugins in reverse order, always: after Main returned, failed or
// panicked, or after a before-hook failed, with that error (nil for
// success). What the hooks return is joined to the run's error, never
// swallowed.
type AfterRunner interface {
	AfterRun(ctx context.Context, path, args []string, err error) error
}

// LongDescriber gives the longer description a command's help and its
// manual page show below the one-line one: paragraphs separated by blank
// lines.
type LongDescriber interface {
	LongDescription() string
}

// Exampler gives examples of a command's use, one or more lines, which
// help shows under "Examples".
type Exampler interface {
	CmdExamples() string
}

// Grouper puts a command in a named group, under which the listing of its
// parent (the tool's help, for a top-level command) shows it: kubectl-sized
// tools group "Basic commands", "Deploy commands" and so on. Commands
// without a group are listed first.
type Grouper interface {
	CmdGroup() string
}

// ConfigParser reads one format of config file, for flags from config
// files. The host asks the ConfigParser among its plugins whose
// ConfigFormat is a file's extension (".json", ".conf") to parse it, once
// a run, and calls set for each value in the order of the file: section is
// the command path the value is for, its names joined by spaces ("" for
// the tool's global flags, "greeters show"), key the flag's name without
// dashes, and line the line it is on. An error from set (an unknown key)
// should be returned as it is. The first ConfigParser of a format wins.
type ConfigParser interface {
	ConfigFormat() string
	ParseConfig(data []byte, set func(section, key, value string, line int) error) error
}

// ConfigFiler names config files to read: a --config global flag's plugin
// is one. The host calls ConfigFiles once a run, after the flags before
// the command name are parsed; its files come before the host's own
// (Host.ConfigFiles), most specific first: a value from an earlier file
// wins.
type ConfigFiler interface {
	ConfigFiles() []string
}

// SourceNeeder wants to know where each of its flags' values came from.
// The host gives it, when it feeds it, a function that returns, for a
// flag's name as the command line types it (without dashes), one of
// "command line", "env NAME", "file PATH:LINE" or "default". The
// function answers for the run that fed it, once its flags are parsed.
type SourceNeeder interface {
	WithSources(func(flag string) string)
}

// ArgsCompleter completes a command's positional arguments for shell
// completion. The host calls CompleteArgs when a TAB asks for an argument
// of the command, after resolving the words before it as a run would (so
// the flags typed are in the plugin's fields), with those arguments and
// the word being completed, and a ctx with a deadline. Each candidate is
// "value" or "value\tdescription"; the shell filters them by the word.
// A command that is not an ArgsCompleter gets the shell's file completion,
// unless its ArgsUsage is "".
type ArgsCompleter interface {
	CompleteArgs(ctx context.Context, args []string, toComplete string) []string
}

// ValueCompleter is a flag.Value that completes its own values, for shell
// completion, as ArgsCompleter does a command's arguments. A flag of fixed
// choices (plugflag.OneOf) completes them without it.
type ValueCompleter interface {
	CompleteValue(ctx context.Context, toComplete string) []string
}

// Selector is a plugin with a flag that picks one implementation of an
// interface of the tool's own by name (see Pick and Picks):
// Selection says what kind of plugin it picks ("greeter"), which it picks
// now, and which the tool has. The plugins command calls it, once a run,
// to show each selector's choice.
type Selector interface {
	Selection() (kind, picked string, available []string)
}

// CommandFinder supplies commands the host's plugins do not have, such as
// executables on PATH. When no plugin answers to the first word of a
// command line, the host asks each CommandFinder among its plugins, in
// order, with the words from there on: FindCommand returns a command and
// how many of the words name it ("tool foo bar" may find tool-foo-bar, 2),
// or nil. The first finder to find one wins; compiled-in commands always
// win over it. ListCommands returns every command it can find, for the
// tool's help, completion and the plugins listing: the host calls it only
// when it lists commands, never for a run that names a compiled-in one.
type CommandFinder interface {
	FindCommand(words []string) (Command, int)
	ListCommands() []Plugin
}
