//go:build plughost_so && !(cgo && (linux || darwin || freebsd))

package soplugins_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/plughost/plughost/soplugins"
)

// TestTagWithoutCgo checks that a build with the tag but without cgo (or
// for Windows) says so, and is still an ErrNotBuilt.
func TestTagWithoutCgo(t *testing.T) {
	t.Parallel()
	_, err := (&soplugins.Loader{}).Load(context.Background(), t.TempDir())
	if !errors.Is(err, soplugins.ErrNotBuilt) || !strings.Contains(err.Error(), "built with the plughost_so tag, but Go loads plugins only with cgo") {
		t.Errorf("Load: %v", err)
	}
	_, err = soplugins.Build(context.Background(), soplugins.BuildOptions{})
	if !errors.Is(err, soplugins.ErrNotBuilt) {
		t.Errorf("Build: %v", err)
	}
}
