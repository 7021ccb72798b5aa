package main

import "github.com/plughost/plughost/plugins"

// The interfaces this tool's plugins listen for, beside those of package
// plugins.
type (
	PluginNeeder = plugins.PluginNeeder
	PluginScoper = plugins.PluginScoper
	StdoutNeeder = plugins.StdoutNeeder

	// Greeter is this tool's own extension point: one way of greeting.
	// The greet command uses the Greeter whose GreeterName its --greeter
	// flag names; a tool built on this one can prepend another.
	Greeter interface {
		plugins.Plugin
		GreeterName() string
		Greet(name string) string
	}
)
