package clitest

import "github.com/plughost/plughost/plugins"

// The interfaces Conform listens for: it feeds a plugin through the
// needers and calls every method of the rest that the plugin implements.
// The fake plugins of this package (plugins.go) implement them too, one
// adapter each, and Run's Sources option is a SourceNeeder and a
// BeforeRunner. plugins.Command, which Conform calls Main on, has no alias
// here: Command is the constructor of a fake command.
type (
	Plugin        = plugins.Plugin
	NamedCommand  = plugins.NamedCommand
	Aliaser       = plugins.Aliaser
	SubCommander  = plugins.SubCommander
	Describer     = plugins.Describer
	LongDescriber = plugins.LongDescriber
	Exampler      = plugins.Exampler
	Grouper       = plugins.Grouper
	ArgsUsager    = plugins.ArgsUsager
	Flagger       = plugins.Flagger
	GlobalFlagger = plugins.GlobalFlagger
	PluginScoper  = plugins.PluginScoper
	PluginNeeder  = plugins.PluginNeeder
	HostNeeder    = plugins.HostNeeder
	StdinNeeder   = plugins.StdinNeeder
	StdoutNeeder  = plugins.StdoutNeeder
	StderrNeeder  = plugins.StderrNeeder
	SourceNeeder  = plugins.SourceNeeder
)
