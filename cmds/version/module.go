package version

import (
	"reflect"
	"runtime/debug"

	"github.com/plughost/plughost/cmds/internal/listing"
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
	return ModuleOfPackage(bi, listing.PackageOf(reflect.TypeOf(v)))
}

// ModuleOfPackage returns where the package with import path pkg comes
// from in the build bi describes, as ModuleOf does for a type. Package
// "main" stands for the main package of the build.
func ModuleOfPackage(bi *debug.BuildInfo, pkg string) Module {
	return Module(listing.ModuleOfPackage(bi, pkg))
}
