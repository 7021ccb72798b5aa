package soplugins

import (
	"context"
	"io"
	"runtime/debug"
)

// BuildOptions say what Build builds, and where.
type BuildOptions struct {
	// Dir is the directory go build runs in: the module that holds
	// Package. "" means the process's working directory, as for
	// exec.Cmd.
	Dir string
	// Package is the plugin's main package, as go build takes it
	// ("./hello", "example.com/hello"). It exports the plugins function:
	// func Plugins() []plugins.Plugin.
	Package string
	// Name is the NAME of the file name; "" means the last element of
	// Package. It holds letters, digits, '.', '-' and '_', and starts
	// with a letter or digit: a Loader gives a NAME that fails to load a
	// placeholder command of that name.
	Name string
	// Out is the directory the .so and its manifest are written to; it
	// is created if need be.
	Out string
	// BuildInfo reads the build info of the tool the plugin is for; nil
	// means runtime/debug.ReadBuildInfo: the running program's.
	BuildInfo func() (*debug.BuildInfo, bool)
	// Env is go build's environment: pass os.Environ(). Build sets the
	// tool's CGO_ENABLED, GOOS, GOARCH, GOEXPERIMENT and architecture
	// level (GOAMD64 and the like) on top of it. The go command is looked
	// up in its PATH. A nil Env is an error, since go needs at least a
	// PATH and a cache directory.
	Env []string
	// Go is the go command; "" means "go".
	Go string
	// Sequence is the manifest's Sequence; 0 means the time of the build
	// in nanoseconds since 1970.
	Sequence int64
	// Stderr gets go build's output as it runs; nil keeps it for the
	// error of a failed build only.
	Stderr io.Writer
}

// Built is what Build wrote.
type Built struct {
	// Path is the .so: Out/NAME_GOVERSION_GOOS_GOARCH.so.
	Path string
	// ManifestPath is its manifest: the same name, ending in .json.
	ManifestPath string
	// Manifest is what the manifest holds.
	Manifest Manifest
}

// Build builds a .so plugin for a tool, with the tool's own build
// settings, and writes its manifest beside it.
//
// It reads the tool's build info and runs go build -buildmode=plugin with
// the same -race, -msan, -asan, -trimpath, -tags, -gcflags, -asmflags and
// -pgo, and the same CGO_ENABLED, GOOS, GOARCH, GOEXPERIMENT and
// architecture level; it refuses to start when the go command is of
// another Go version than the tool. Once built, it reads the build info
// the linker wrote into the .so and checks it as a Loader would: a build
// the tool would not load (above all one whose module versions differ
// from the tool's: Build does not change the plugin module's
// requirements) is removed, and the error is a *MismatchError saying how.
//
// The .so and the manifest are written under temporary names and renamed
// into place, so that a process that has the old file open is not
// disturbed; the new build has the newer Sequence.
func Build(ctx context.Context, opts BuildOptions) (*Built, error) {
	return build(ctx, opts)
}
