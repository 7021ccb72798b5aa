// Package info is the info command, a built-in a tool opts into: "tool
// info" prints what one needs to know to report a problem with the tool:
// the Go version it was built with, the platform, the path of the running
// executable, and the tool's own main package and module (path and
// version), as the Go toolchain stamped them into the binary
// (runtime/debug.ReadBuildInfo).
//
// cmds.Plugins leaves it out, so that a tool that does not want it does
// not link github.com/gobuffalo/here, which --dir uses. A tool opts in by
// prepending it to its host's plugins:
//
//	h := cli.New("mytool")
//	h.Plugins = append([]plugins.Plugin{&info.Cmd{}}, h.Plugins...)
//
// With --dir it describes the Go module of that directory instead (its
// path, root directory, go.mod and go directive), found with here. With
// --json it prints one JSON object, a Report.
//
// The command takes no arguments. It says so through ArgsUsage, so that
// the host refuses them as a usage error; Main called from code refuses
// them too, with an error wrapping plugins.ErrUsage and
// ErrUnexpectedArgument.
//
// --dir runs the go command, so it needs the Go toolchain on PATH; without
// it, or outside a module, info still prints the rest and says what it
// could not find ("module  unknown: the go command is not on PATH").
// Beware that here changes the process's working directory while it runs
// the go command (here.Dir calls os.Chdir, and puts it back after): do not
// run info --dir at the same time as code that depends on the working
// directory, tests included.
package info
