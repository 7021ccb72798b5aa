// Package delegate lets a project's own build of a tool take over from
// the installed one. A project extends a plughost tool by writing its own
// main package, cmd/<tool> by default, that imports the tool's plugins
// and adds its own; anyone who then runs the installed tool anywhere in
// that project's Go module runs the project's build instead, with the
// same arguments, streams and environment, and gets its exit status.
//
// It is opt-in: the tool's main calls Run before it builds its host, and
// a tool that does not links none of this package (the host itself never
// starts a process):
//
//	func main() {
//		if code, ok := delegate.Run(delegate.Options{
//			Tool: "mycli", Args: os.Args, Getwd: os.Getwd,
//			Environ: os.Environ, LookupEnv: os.LookupEnv, Executable: os.Executable,
//		}); ok {
//			os.Exit(code)
//		}
//		os.Exit(cli.Run(context.Background(), newHost(), os.Args[1:]))
//	}
//
// # When it delegates
//
// Run looks for the first go.mod from the working directory up. It hands
// over when that module requires github.com/plughost/plughost (or
// Options.Module, or is it), and its main package for the tool exists
// (Options.Main, default cmd/<tool>, holds a non-test .go file). It never
// hands over when <TOOL>_NO_DELEGATE is set to a true value (the user's
// escape hatch; <TOOL> is the tool's name in upper case, see
// Options.EnvPrefix), nor when GO111MODULE=off. Find reports the project,
// or why there is none, without building anything.
//
// # No loops
//
// The project binary gets <TOOL>_DELEGATED=1 in its environment, and a
// process that has it never delegates. A binary whose build info names
// the project's main package as its own never delegates either, nor one
// that runs from the cache: the project binary run directly, under any
// name and in any directory, runs its own commands. A consequence: a
// command of the project binary that runs "mycli" again as a subprocess
// gets the installed binary, with the marker; it should run its own
// executable (os.Executable) instead.
//
// # The cache
//
// The project binary is built once with "go build -o", in the module's
// root, with the environment Run was given, for the platform the running
// binary was built for (GOOS and GOARCH in the environment are left to
// the project binary, which may be asked to cross-compile). It is kept in
// Options.CacheDir, by default <user cache dir>/plughost/<tool>, in a
// directory per project (<base name of the root>-<digest>) that holds the
// binary of the last build under its key, a memo of file digests, the
// inputs of the last build, and a lock. A build takes the lock (flock on
// Unix), so that two shells building at once build once: the second
// waits, then finds the binary. A cache directory that cannot be written
// is no error: each run builds into a temporary directory, runs the binary
// as a child, and removes it.
//
// The key is a digest of every input of the build, computed without the
// go command, so that a cache hit starts no process but the project
// binary:
//
//   - go.mod, go.sum, vendor/modules.txt, the files GOFLAGS=-modfile
//     names, and the go.work and go.work.sum in effect ($GOWORK, or found
//     from the working directory up; none under GOWORK=off);
//   - every file go build may read (.go but tests, cgo's .c, .h, .cc,
//     .cpp, .m, .f, assembly .s and .S, .syso, .swig) in every directory
//     of the module, of each directory a replace directive of go.mod or
//     go.work names, and of each module go.work uses, skipping what the
//     go command never builds (testdata, names starting with "." or "_",
//     nested modules), vendor and node_modules;
//   - the files the //go:embed directives of those Go files match (every
//     file of a matched directory);
//   - the go command found on PATH, by its GOROOT's VERSION file (or, if
//     it has none, its path, size and modification time);
//   - the environment that changes what go build produces: GOFLAGS (and
//     so build tags), GOEXPERIMENT, GOTOOLCHAIN, GOROOT, GOWORK,
//     GO111MODULE, GOENV and the go env file's contents, GOAMD64 and the
//     other architecture levels, GOFIPS140, CGO_ENABLED, CC, CXX, FC,
//     PKG_CONFIG and the CGO_*FLAGS;
//   - the main package, the module root, the platform, and the key's
//     format version.
//
// That is a superset of the packages the main package imports from the
// module: a change anywhere in the module's Go code rebuilds. Modules
// from the module cache need no hashing: go.sum fixes their contents. Not
// covered: system C libraries and headers outside the module that cgo
// uses, a change of the C compiler found on PATH, hand edits to vendored
// code (vendor/modules.txt is covered), Go packages under node_modules,
// directories reached through symbolic links, and the version control
// state stamped into the binary (its revision is that of its build).
//
// A hit costs the stats of those files and directories and a read of the
// memo, which keeps each file's digest by path, size, modification time,
// inode and change time, so that only files changed since a run before
// are read (a file changed in the last two seconds is read each time, as
// its times could hide a second change).
//
// # Running it
//
// On Unix Run replaces its process with the project binary
// (syscall.Exec): signals, the terminal and the exit status reach it
// directly. Elsewhere, with Options.NoExec, or for a binary built into a
// temporary directory, it runs the binary as a child and returns its exit
// status (128 plus the signal's number when a signal killed it). While the
// child runs, Run catches SIGINT, SIGTERM, SIGHUP and SIGQUIT and relays
// them, but not those a terminal sends its whole foreground process group
// (Ctrl-C), which reach the child already; on Windows the console gives
// Ctrl-C to the child, and Run only waits.
//
// A build that fails prints the go command's output and makes Run return
// exit code 1. Run never falls back to the running binary's own commands,
// which would quietly do something other than the project means. It
// never runs go mod tidy or changes the project: the go command itself
// may, under GOFLAGS=-mod=mod.
//
// # Seeing it
//
// With <TOOL>_DEBUG_DELEGATE=1 Run says on stderr why it does not
// delegate, which binary runs, and why it rebuilt ("first build", "go.sum
// changed", "cmd/mycli/main.go changed (and 2 more)", "GOFLAGS changed",
// "the go command changed"). Without it, Run prints nothing but a failed
// build, and a line when it builds with stderr on a terminal, so that a
// first run's wait is explained.
package delegate
