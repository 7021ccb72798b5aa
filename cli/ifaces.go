package cli

import "github.com/plughost/plughost/plugins"

// The interfaces the host listens for. Each is checked on its own, so a
// plugin may implement any combination; see package plugins for when each
// is called.
type (
	Plugin        = plugins.Plugin
	Command       = plugins.Command
	NamedCommand  = plugins.NamedCommand
	Aliaser       = plugins.Aliaser
	SubCommander  = plugins.SubCommander
	Describer     = plugins.Describer
	LongDescriber = plugins.LongDescriber
	Exampler      = plugins.Exampler
	Grouper       = plugins.Grouper
	Hider         = plugins.Hider
	Flagger       = plugins.Flagger
	GlobalFlagger = plugins.GlobalFlagger
	ArgsUsager    = plugins.ArgsUsager
	ArgsPasser    = plugins.ArgsPasser
	BeforeRunner  = plugins.BeforeRunner
	AfterRunner   = plugins.AfterRunner
	PluginNeeder  = plugins.PluginNeeder
	PluginScoper  = plugins.PluginScoper
	HostNeeder    = plugins.HostNeeder
	StdinNeeder   = plugins.StdinNeeder
	StdoutNeeder  = plugins.StdoutNeeder
	StderrNeeder  = plugins.StderrNeeder
)

// On a flag's flag.Value the host also reads the traits package plugflag's
// wrappers declare, by method: IsRequired() bool, Choices() []string,
// IsHidden() bool, Deprecation() string and IsNegatable() bool.
