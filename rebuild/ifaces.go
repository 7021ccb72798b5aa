package rebuild

import (
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
)

// PluginsFunc is the one thing a plugin module exports: a function named
// Plugins, in a package of the module (its root package, or its only
// package that has one), returning the module's plugins. The generated
// file calls it once per run of the tool, when the tool's main builds its
// host, and prepends what it returns, in the order it returns them, to
// the host's plugins. A plugin module registers nothing in init:
//
//	package greetings
//
//	func Plugins() []plugins.Plugin {
//		return []plugins.Plugin{&Hello{}, &Goodbye{}}
//	}
type PluginsFunc = func() []plugins.Plugin

// HostFunc is what a rebuildable tool's host package exports as New: it
// builds the tool's host, its plugins in it, reading the environment only
// through lookupEnv. install's generated main calls it once, with
// os.LookupEnv, and prepends the plugins of the plugin modules and a Cmd
// to the host's plugins before it runs the host. examples/mycli/tool.New
// is one.
type HostFunc = func(lookupEnv func(string) (string, bool)) *cli.Host

// The interfaces the commands of this package listen for, each checked on
// its own.
//
// Cmd, the plugins command, listens for PluginNeeder, to get the plugins
// it lists (without one it lists none); HostNeeder, to get the host whose
// name is the tool's (without one, the name of the running binary); and
// StdoutNeeder, for the listing (without one, os.Stdout). Add, Remove,
// Upgrade and Install listen for StdoutNeeder, for their report, and
// StderrNeeder, for the go command's output with --verbose (without them,
// os.Stdout and os.Stderr). All of them embed plugins.Streams, so they are
// StdinNeeders too, and read nothing.
type (
	// PluginNeeder is fed to Cmd, for the listing.
	PluginNeeder = plugins.PluginNeeder
	// HostNeeder is fed to Cmd, for the tool's name.
	HostNeeder = plugins.HostNeeder
	// StdoutNeeder is fed to every command.
	StdoutNeeder = plugins.StdoutNeeder
	// StderrNeeder is fed to every command.
	StderrNeeder = plugins.StderrNeeder
)
