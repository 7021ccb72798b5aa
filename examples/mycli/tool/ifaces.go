package tool

import "github.com/plughost/plughost/plugins"

// The interfaces this tool's plugins listen for, beside those of package
// plugins.
type (
	PluginNeeder  = plugins.PluginNeeder
	PluginScoper  = plugins.PluginScoper
	StdoutNeeder  = plugins.StdoutNeeder
	GlobalFlagger = plugins.GlobalFlagger
	BeforeRunner  = plugins.BeforeRunner
	AfterRunner   = plugins.AfterRunner
	ArgsUsager    = plugins.ArgsUsager
	ArgsPasser    = plugins.ArgsPasser
	Selector      = plugins.Selector

	// Greeter is this tool's own extension point: one way of greeting.
	// The greet command uses the Greeter its --greeter flag names by the
	// last element of its Name ("greeter/pirate" is "pirate"); a tool
	// built on this one can prepend another.
	Greeter interface {
		plugins.Plugin
		Greet(name string) string
	}
)
