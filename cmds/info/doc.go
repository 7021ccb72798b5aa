// Package info is the built-in info command: "tool info" prints what one
// needs to know to report a problem with the tool, or to see which module
// it works on: the Go version it was built with, the platform, the path of
// the running executable, and the Go module of a directory (its path,
// root directory, go.mod and go directive), found with
// github.com/gobuffalo/here.
//
// The directory is Cmd.Dir (--dir), or, when that is empty, the root of
// the module holding the working directory, as here.Current finds it.
// With --json it prints one JSON object, a Report.
//
// Finding the module runs the go command, so info needs the Go toolchain
// on PATH; without it, or outside a module, info still prints the rest and
// says what it could not find. Beware that here changes the process's
// working directory while it runs the go command (here.Dir calls
// os.Chdir, and puts it back after): do not run info at the same time as
// code that depends on the working directory, tests included.
package info
