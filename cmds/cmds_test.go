package cmds_test

import (
	"os/exec"
	"strings"
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
		if _, ok := p.(plugins.ArgsUsager); !ok {
			t.Errorf("%T does not say what arguments it takes", p)
		}
		names = append(names, p.Name())
	}
	if diff := cmp.Diff([]string{"help", "version", "plugins"}, names); diff != "" {
		t.Errorf("built-ins (-want +got):\n%s", diff)
	}
	// Each call gives new values: hosts share no plugin.
	if cmds.Plugins()[0] == cmds.Plugins()[0] {
		t.Errorf("Plugins returned the same value twice")
	}
}

// TestPluginsDoNotLinkHere keeps info opt-in: a tool on cmds.Plugins does
// not link gobuffalo/here, which compiles regular expressions as it
// initializes.
func TestPluginsDoNotLinkHere(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var got []string
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/gobuffalo/") || pkg == "github.com/plughost/plughost/cmds/info" {
			got = append(got, pkg)
		}
	}
	if diff := cmp.Diff([]string(nil), got); diff != "" {
		t.Errorf("package cmds depends on (-want +got):\n%s", diff)
	}
}
