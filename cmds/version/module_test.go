package version_test

import (
	"bytes"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/internal/testhelpers"
)

// pointsTo is a named pointer type: its own package declares it.
type pointsTo *bytes.Buffer

func TestModuleOf(t *testing.T) {
	t.Parallel()
	bi := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/plughost/plughost", Version: "(devel)"},
		Deps: []*debug.Module{
			{Path: "github.com/plughost/plughost/internal", Version: "v0.3.0"},
			{Path: "github.com/plughost/plug", Version: "v9.9.9"},
			{Path: "github.com/google/go-cmp", Version: "v0.6.0", Replace: &debug.Module{Path: "github.com/fork/go-cmp", Version: "v0.6.1"}},
			{Path: "github.com/plughost/plughost/cmds", Version: "v1.0.0", Replace: &debug.Module{Path: "../cmds"}},
		},
	}
	const self = "github.com/plughost/plughost/cmds/version_test"
	var nilCmd *version.Cmd
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		v    any
		want version.Module
	}{
		{
			name: "main module",
			bi:   &debug.BuildInfo{Main: bi.Main},
			v:    &version.Cmd{},
			want: version.Module{Package: "github.com/plughost/plughost/cmds/version", Path: "github.com/plughost/plughost", Version: "(devel)"},
		},
		{
			name: "longest prefix wins",
			bi:   bi,
			v:    &testhelpers.Command{},
			want: version.Module{Package: "github.com/plughost/plughost/internal/testhelpers", Path: "github.com/plughost/plughost/internal", Version: "v0.3.0"},
		},
		{
			name: "prefix only at a slash",
			bi: &debug.BuildInfo{Deps: []*debug.Module{
				{Path: "github.com/plughost/plug", Version: "v9.9.9"},
			}},
			v:    &version.Cmd{},
			want: version.Module{Package: "github.com/plughost/plughost/cmds/version"},
		},
		{
			name: "replaced by a module",
			bi:   bi,
			v:    cmp.Options{},
			want: version.Module{Package: "github.com/google/go-cmp/cmp", Path: "github.com/google/go-cmp", Version: "v0.6.1", Replace: "github.com/fork/go-cmp"},
		},
		{
			name: "replaced by a directory",
			bi:   bi,
			v:    nilCmd,
			want: version.Module{Package: "github.com/plughost/plughost/cmds/version", Path: "github.com/plughost/plughost/cmds", Replace: "../cmds"},
		},
		{
			name: "value type",
			bi:   bi,
			v:    named("x"),
			want: version.Module{Package: self, Path: "github.com/plughost/plughost/cmds", Replace: "../cmds"},
		},
		{
			name: "pointer to pointer",
			bi:   bi,
			v:    new(*version.Cmd),
			want: version.Module{Package: "github.com/plughost/plughost/cmds/version", Path: "github.com/plughost/plughost/cmds", Replace: "../cmds"},
		},
		{
			name: "named pointer type",
			bi:   bi,
			v:    pointsTo(nil),
			want: version.Module{Package: self, Path: "github.com/plughost/plughost/cmds", Replace: "../cmds"},
		},
		{
			name: "standard library",
			bi:   bi,
			v:    &bytes.Buffer{},
			want: version.Module{Package: "bytes"},
		},
		{
			name: "unnamed type",
			bi:   bi,
			v:    []string{},
			want: version.Module{},
		},
		{
			name: "nil",
			bi:   bi,
			v:    nil,
			want: version.Module{},
		},
		{
			name: "no build info",
			bi:   nil,
			v:    &version.Cmd{},
			want: version.Module{Package: "github.com/plughost/plughost/cmds/version"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := version.ModuleOf(tt.bi, tt.v)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ModuleOf (-want +got):\n%s", diff)
			}
		})
	}
}

func TestModuleOfPackage(t *testing.T) {
	t.Parallel()
	bi := &debug.BuildInfo{
		Path: "example.com/tool/cmd/tool",
		Main: debug.Module{Path: "example.com/tool", Version: "v1.0.0"},
		Deps: []*debug.Module{{Path: "example.com/lib", Version: "v0.2.0"}},
	}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		pkg  string
		want version.Module
	}{
		{name: "main package", bi: bi, pkg: "main", want: version.Module{Package: "example.com/tool/cmd/tool", Path: "example.com/tool", Version: "v1.0.0"}},
		{name: "main package of go run", bi: &debug.BuildInfo{}, pkg: "main", want: version.Module{Package: "main"}},
		{name: "module root", bi: bi, pkg: "example.com/lib", want: version.Module{Package: "example.com/lib", Path: "example.com/lib", Version: "v0.2.0"}},
		{name: "package in a dependency", bi: bi, pkg: "example.com/lib/x/y", want: version.Module{Package: "example.com/lib/x/y", Path: "example.com/lib", Version: "v0.2.0"}},
		{name: "unknown", bi: bi, pkg: "example.com/library", want: version.Module{Package: "example.com/library"}},
		{name: "empty", bi: bi, pkg: "", want: version.Module{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := version.ModuleOfPackage(tt.bi, tt.pkg)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ModuleOfPackage (-want +got):\n%s", diff)
			}
		})
	}
}
