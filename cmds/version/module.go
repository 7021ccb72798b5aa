package version

import (
	"reflect"
	"runtime/debug"
	"strings"
)

// Module is where the Go type of a value comes from in one build.
type Module struct {
	// Package is the import path of the package that declares the type,
	// pointers followed (*deploy.Cmd is declared in package deploy); for
	// the main package, the path the build info gives it. It is empty for
	// a type no package declares, such as []string or a nil value.
	Package string
	// Path is the path of the module that holds Package: of the modules
	// the build info lists (its main module and its dependencies), the one
	// with the longest path that is Package or a parent of it. It is empty
	// when none is, as for the standard library.
	Path string
	// Version is the version of the module as built: its replacement's
	// when it was replaced (empty for a replacement by a local directory),
	// "(devel)" for a main module built from a working tree.
	Version string
	// Replace is the path of the module's replacement, or empty.
	Replace string
}

// ModuleOf returns where the type of v comes from in the build bi
// describes. A nil bi knows no modules, so only Package is filled in.
func ModuleOf(bi *debug.BuildInfo, v any) Module {
	return ModuleOfPackage(bi, packageOf(v))
}

// ModuleOfPackage returns where the package with import path pkg comes
// from in the build bi describes, as ModuleOf does for a type. Package
// "main" stands for the main package of the build.
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

// packageOf returns the import path of the package declaring v's type,
// following unnamed pointer types to what they point at.
func packageOf(v any) string {
	t := reflect.TypeOf(v)
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
