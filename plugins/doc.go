// Package plugins is the vocabulary shared by a plughost tool and every
// plugin written for it.
//
// A plugin is any value with a Name. Everything else a plugin can do is an
// interface of one or two methods that it may implement: run as a command
// (Command), name that command (NamedCommand, Aliaser), hold sub-commands
// (SubCommander), describe itself (Describer), stay out of help (Hider),
// declare flags (Flagger), reach other plugins (PluginNeeder, PluginScoper),
// reach the host running it (HostNeeder) and receive the tool's streams
// (StdinNeeder, StdoutNeeder, StderrNeeder). Real tools add flags of the
// whole tool (GlobalFlagger), declared arguments (ArgsUsager), commands
// that parse their own (ArgsPasser), hooks around a command (BeforeRunner,
// AfterRunner), longer help (LongDescriber, Exampler, Grouper), config
// files (ConfigParser, ConfigFiler), where values came from
// (SourceNeeder), shell completion (ArgsCompleter, ValueCompleter),
// commands from outside the binary (CommandFinder) and a choice among
// implementations (Selector, with Pick and Picks). A command wraps
// ErrUsage to say it was used wrongly.
//
// Two helpers serve every plugin: Streams, embedded, makes a plugin a
// needer of all three streams and falls back to the process's own when it
// was never fed; Select and Scope pick the plugins of one capability from a
// slice, the tool's own interfaces included.
//
// A plugin value serves one run: the host writes into it what the command
// line sets and what the needer setters give, and nothing else. A tool
// builds a fresh host, with fresh plugins, for a fresh run.
//
// The host (package cli) discovers each capability on its own with a type
// assertion, so a plugin may implement any combination. Each interface's
// comment says when the host calls it and which plugins answer.
//
// Naming: give a plugin a short, command-line friendly name ("deploy"). A
// package holding several plugins separates the package from the plugin with
// a slash ("db/migrate", "db/seed"); the default command name is the part
// after the last slash.
//
// This package imports the standard library only, and always will.
package plugins
