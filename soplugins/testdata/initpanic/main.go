// Command initpanic is a Go plugin for the soplugins tests whose
// initialization panics, so that plugin.Open panics; a second
// plugin.Open of the same file would block forever.
package main

import "github.com/plughost/plughost/plugins"

// The blank variable's initializer runs when the plugin is opened.
var _ = boom()

func boom() int { panic("boom in init") }

// Plugins is never reached.
func Plugins() []plugins.Plugin { return nil }

func main() {}
