// Package version is the built-in version command: "tool version" prints
// the version of the tool as the Go toolchain stamped it into the binary
// (runtime/debug.ReadBuildInfo): the main module's version, or "(devel)"
// for a build from a working tree, and the version control revision, time
// and modified flag when the build recorded them. A host that knows the
// tool's version better (a ToolVersioner, as cli.Host is when its Version
// is set) has its version printed in place of the main module's.
//
// The command takes no arguments. It says so through ArgsUsage, so that
// the host refuses them as a usage error; Main called from code refuses
// them too, with an error wrapping plugins.ErrUsage and
// ErrUnexpectedArgument.
//
// With --plugins it also lists each plugin of the tool, hidden ones left
// out, with the Go package its type is declared in and the module and
// version that package was built from. A plugin that implements Versioner
// reports its own version instead. The rows are the plugins command's,
// read the same way: a plugin whose methods panic is listed with the
// panic in its row, and what plugins wrote is escaped in the text table.
// With --json it prints one JSON object, strings exact.
//
// The command runs without a host too:
//
//	err := (&version.Cmd{JSON: true}).Main(ctx, nil)
//
// prints to os.Stdout, naming the tool after its main package.
//
// ModuleOf, the lookup from a value to the module its type comes from, and
// ModuleOfPackage, the same from an import path, are exported for other
// listings.
package version
