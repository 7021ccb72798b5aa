// Package plugins is the vocabulary shared by a plughost tool and every
// plugin written for it.
//
// A plugin is any value with a Name. Everything else a plugin can do is an
// interface of one or two methods that it may implement: run as a command
// (Command), name that command (NamedCommand, Aliaser), hold sub-commands
// (SubCommander), describe itself (Describer), stay out of help (Hider),
// declare flags (Flagger), reach other plugins (PluginNeeder, PluginScoper)
// and receive the tool's streams (StdinNeeder, StdoutNeeder, StderrNeeder).
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
