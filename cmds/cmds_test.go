package cmds_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds"
	"github.com/plughost/plughost/plugins"
)

func TestPluginsAreZeroValueCommands(t *testing.T) {
	t.Parallel()
	var names []string
	for _, p := range cmds.Plugins() {
		if _, ok := p.(plugins.Command); !ok {
			t.Errorf("%T is not a command", p)
		}
		if _, ok := p.(plugins.Describer); !ok {
			t.Errorf("%T has no description", p)
		}
		names = append(names, p.Name())
	}
	if diff := cmp.Diff([]string{"help", "version", "plugins", "info"}, names); diff != "" {
		t.Errorf("built-ins (-want +got):\n%s", diff)
	}
	// Each call gives new values: hosts share no plugin.
	if cmds.Plugins()[0] == cmds.Plugins()[0] {
		t.Errorf("Plugins returned the same value twice")
	}
}
