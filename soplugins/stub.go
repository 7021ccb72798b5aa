//go:build !(plughost_so && cgo && (linux || darwin || freebsd))

package soplugins

import (
	"context"

	"github.com/plughost/plughost/plugins"
)

// This build cannot load Go plugins: every call returns notBuilt().

func (l *Loader) load(context.Context, []string) ([]plugins.Plugin, error) {
	return nil, notBuilt()
}

func (l *Loader) report() Report { return Report{Err: notBuilt()} }

func build(context.Context, BuildOptions) (*Built, error) { return nil, notBuilt() }

// notBuilt is ErrNotBuilt, or, in a build with the tag but without cgo or
// on a system Go cannot load plugins on, an error that says so and is
// an ErrNotBuilt for errors.Is.
func notBuilt() error {
	if !tagged {
		return ErrNotBuilt
	}
	return &notBuiltError{"soplugins: built with the plughost_so tag, but Go loads plugins only with cgo (CGO_ENABLED=1 and a C compiler) on Linux, macOS or FreeBSD"}
}
