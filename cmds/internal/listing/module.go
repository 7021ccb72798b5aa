package listing

import (
	"reflect"
	"runtime/debug"
	"strings"
)

// Module is where a Go package comes from in one build. Package version
// documents it for its users as version.Module, which has the same fields.
type Module struct {
	// Package is the import path of the package; for the main package,
	// the path the build info gives it.
	Package string
	// Path is the path of the module that holds Package, or empty.
	Path string
	// Version is the module's version as built: its replacement's when it
	// was replaced, "(devel)" for a main module built from a working tree.
	Version string
	// Replace is the path of the module's replacement, or empty.
	Replace string
}

// ModuleOfPackage returns where the package with import path pkg comes
// from in the build bi describes: of the modules bi lists (its main module
// and its dependencies), the one with the longest path that is pkg or a
// parent of it. Package "main" stands for the main package of the build. A
// nil bi knows no modules, so only Package is filled in.
func ModuleOfPackage(bi *debug.BuildInfo, pkg string) Module {
	m := Module{Package: pkg}
	if bi == nil || m.Package == "" {
		return m
	}
	if m.Package == "main" && bi.Path != "" {
		// Go calls every main package "main"; the build info knows its
		// import path.
		m.Package = bi.Path
	}
	best := -1
	consider := func(mod *debug.Module) {
		if mod == nil || mod.Path == "" || len(mod.Path) <= best || !within(m.Package, mod.Path) {
			return
		}
		best = len(mod.Path)
		m.Path, m.Version, m.Replace = mod.Path, mod.Version, ""
		if r := mod.Replace; r != nil {
			m.Version, m.Replace = r.Version, r.Path
		}
	}
	consider(&bi.Main)
	for _, d := range bi.Deps {
		consider(d)
	}
	return m
}

// PackageOf returns the import path of the package declaring the type t,
// following unnamed pointer types to what they point at (*deploy.Cmd is
// declared in package deploy). It is empty for a type no package declares,
// such as []string, or a nil t.
func PackageOf(t reflect.Type) string {
	for t != nil && t.Name() == "" && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return ""
	}
	return t.PkgPath()
}

// within reports whether package pkg is in the module at path mod.
func within(pkg, mod string) bool {
	return pkg == mod || strings.HasPrefix(pkg, mod+"/")
}
