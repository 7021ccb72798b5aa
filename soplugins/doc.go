// Package soplugins loads plughost plugins from Go plugin files (.so,
// built with go build -buildmode=plugin), so that a tool can gain
// commands without being rebuilt, and builds such files for a tool.
//
// It works only in a build with the plughost_so tag and cgo, on Linux,
// macOS or FreeBSD:
//
//	go build -tags plughost_so ./cmd/mytool
//
// Any other build gets a stub: every call returns ErrNotBuilt, and
// neither package plugin nor cgo is linked, so the default build of a
// tool stays static and starts fast.
//
// # Writing a plugin
//
// A plugin is a main package that exports one function, which returns its
// plugins, fresh values each call:
//
//	package main
//
//	func Plugins() []plugins.Plugin { return []plugins.Plugin{&Hello{}} }
//
//	func main() {}
//
// The plugins are ordinary plughost plugins: commands, flags, hooks.
//
// # Building it for a tool
//
// A .so loads only into a program built with the same Go toolchain, the
// same build settings and the same version of every package both hold
// (the plugin package's documentation). Build runs go build
// -buildmode=plugin with the tool's own settings, read from its build
// info (-race, -trimpath, -tags, -gcflags, CGO_ENABLED, GOOS, GOARCH,
// GOEXPERIMENT, GOAMD64...), and checks the result against the tool
// before it keeps it. A tool can offer the same to its users with Cmd:
//
//	mytool so-plugins build --out ~/.mytool/plugins ./hello
//
// Run in the plugin's module, which must require the same versions of
// the modules it shares with the tool (Build does not rewrite go.mod; it
// refuses a build whose versions differ, saying which).
//
// Build writes two files:
//
//	hello_go1.26.8_linux_amd64.so    NAME_GOVERSION_GOOS_GOARCH.so
//	hello_go1.26.8_linux_amd64.json  its manifest
//
// One directory can hold builds of a plugin for several Go versions and
// platforms; a tool loads only the one for its own. The manifest records
// how the file was built (from the build info the linker wrote into it)
// and its Sequence: the time of the build, in nanoseconds. The sequence
// is in the manifest rather than the name so that a rebuild replaces the
// file of the same name (by rename, so that a running tool keeps its
// copy), and a directory never holds two builds of a NAME for one
// platform. Across directories (a system's, a user's) the build of the
// highest sequence wins.
//
// # Loading
//
// A tool loads its plugin directories with one Loader for the whole
// process and prepends what it returns, as for any plugins:
//
//	loader := &soplugins.Loader{}
//	plugs, err := loader.Load(ctx, "/usr/lib/mytool/plugins", userDir)
//	h.Plugins = append(plugs, h.Plugins...)
//
// For each NAME, Load skips the builds for another Go version or
// platform and all but the newest of the rest, then compares that one's
// manifest with the tool's build info and, when they differ, refuses it in
// words ("built with -race; this tool without", "example.com/dep v1.2.0
// here, v1.3.0 in the plugin") rather than letting the Go runtime say
// "plugin was built with a different version of package sync/atomic".
// Only then does it open the file, under the same containment as every
// call into a plugin: a panic in the plugin's init is a *cli.PluginError
// wrapping cli.ErrPanic, naming the file.
//
// A NAME that does not load becomes a command that says why: "mytool
// hello" fails with the reason (exit code 1), its description in the
// help says "not loaded: ...", and every other command works. Loader.Report
// lists what was loaded, skipped and failed; the so-plugins command (Cmd)
// prints it, and its description counts it in "mytool plugins".
//
// Load refuses a .so that is writable by every user, in a directory
// writable by every user, or owned by another user than the tool's or
// root: loading it runs its code in the tool's process.
//
// # Limits
//
//   - Linux, macOS and FreeBSD only, and only with cgo (CGO_ENABLED=1 and a
//     C compiler at build time).
//   - The same Go version, build settings and module versions as the tool.
//     A module built from source, at version (devel), has no version to
//     compare: if its code differs, the Go runtime refuses the file, and
//     Load reports the runtime's words with a hint. A test binary's build
//     info lists no dependencies, so under go test only the main module
//     is compared; go test -coverpkg instruments shared packages and
//     breaks loading altogether.
//   - No unloading, and no reloading: a .so is opened at most once in a
//     process; one rebuilt since is loaded by the next process (Report
//     says so). A process loads one build of a NAME.
//   - A plugin's init runs in the tool's process: a panic is contained, a
//     hang is bounded by Load's context, but os.Exit or log.Fatal ends the
//     tool, and the race detector does not see races in plugin code.
//   - One Loader per process. The Go runtime blocks forever a second
//     plugin.Open of a file whose init panicked; a Loader remembers every
//     file it opened and never opens a failed one again, returning the
//     remembered error instead. plughost keeps no package-level state, so
//     the record is the Loader's: a second Loader does not know, and its
//     open of that file blocks until its context ends (its goroutine stays
//     blocked). Keep the Loader beside the process's other one-offs, in
//     main, and hand it to whatever builds hosts.
//
// For plugins distributed apart from the tool, prefer executables on PATH
// (package pathplugins): they need no matching build.
package soplugins
