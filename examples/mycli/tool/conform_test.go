package tool

import (
	"testing"

	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/plugins"
)

// TestPluginsConform checks each of mycli's own plugins against what
// every host expects of a plugin. It does not run in parallel: Conform
// watches the process's streams and goroutines.
func TestPluginsConform(t *testing.T) {
	for _, newPlugin := range []func() plugins.Plugin{
		func() plugins.Plugin { return &Greet{} },
		func() plugins.Plugin { return &Emoji{} },
		func() plugins.Plugin { return Plain{} },
		func() plugins.Plugin { return Pirate{} },
		func() plugins.Plugin { return Formal{} },
		func() plugins.Plugin { return &Greeters{} },
		func() plugins.Plugin { return &Welcome{} },
		func() plugins.Plugin { return &Version{} },
		func() plugins.Plugin { return &Sleep{} },
		func() plugins.Plugin { return &Debug{} },
		func() plugins.Plugin { return &Echo{} },
		func() plugins.Plugin { return &Remind{When: "soon"} },
	} {
		clitest.Conform(t, newPlugin)
	}
}
