package cli

import (
	"github.com/plughost/plughost/plugins"
)

// The interfaces the host listens for. Each is checked on its own, so a
// plugin may implement any combination; see package plugins for when each
// is called.
type (
	Plugin       = plugins.Plugin
	Command      = plugins.Command
	NamedCommand = plugins.NamedCommand
	Aliaser      = plugins.Aliaser
	SubCommander = plugins.SubCommander
	Describer    = plugins.Describer
	Hider        = plugins.Hider
	Flagger      = plugins.Flagger
	PluginNeeder = plugins.PluginNeeder
	PluginScoper = plugins.PluginScoper
	HostNeeder   = plugins.HostNeeder
	StdinNeeder  = plugins.StdinNeeder
	StdoutNeeder = plugins.StdoutNeeder
	StderrNeeder = plugins.StderrNeeder
)
