package soplugins_test

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestWithoutTheTagNoPluginNorCgo checks what the package links: without
// the plughost_so tag, neither package plugin nor cgo (so a default build
// stays static and needs no C compiler); with it and cgo, package plugin.
func TestWithoutTheTagNoPluginNorCgo(t *testing.T) {
	t.Parallel()
	deps := func(t *testing.T, env []string, args ...string) []string {
		t.Helper()
		cmd := exec.Command("go", append(append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, args...), ".")...)
		// No -tags from the environment's GOFLAGS.
		cmd.Env = append(os.Environ(), append([]string{"GOFLAGS=-mod=readonly"}, env...)...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		return strings.Fields(string(out))
	}
	for _, env := range [][]string{{"CGO_ENABLED=1"}, {"CGO_ENABLED=0"}} {
		got := deps(t, env)
		for _, pkg := range []string{"plugin", "runtime/cgo"} {
			if slices.Contains(got, pkg) {
				t.Errorf("with %s and without the tag, the package depends on %s", env[0], pkg)
			}
		}
	}
	if got := deps(t, []string{"CGO_ENABLED=1"}, "-tags", "plughost_so"); !slices.Contains(got, "plugin") {
		t.Errorf("with the tag and cgo, the package does not depend on plugin: %v", got)
	}
}
