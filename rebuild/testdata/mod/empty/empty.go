// Package empty is a plugin module for the tests of package rebuild whose
// Plugins function returns none, so that a binary built with it lists no
// plugin of it.
package empty

import "github.com/plughost/plughost/plugins"

// Plugins returns no plugins.
func Plugins() []plugins.Plugin { return nil }
