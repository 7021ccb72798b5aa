package soplugins

// Manifest describes one .so: Build writes it beside the file, as
// NAME_GOVERSION_GOOS_GOARCH.json, and a Loader reads it before it opens
// the .so, to refuse in words a build the Go runtime would refuse with
// "plugin was built with a different version of package sync/atomic".
//
// Every field but Name, Sequence and Size comes from the build info the
// linker wrote into the .so (what "go version -m" shows), so it says how
// the file was really built.
type Manifest struct {
	// Name is the NAME of the file name.
	Name string `json:"name"`
	// Sequence orders builds of one NAME, newest highest: Build uses the
	// time of the build in nanoseconds since 1970 (UTC). Of the builds of
	// a NAME that suit a tool, a Loader loads only the one of the highest
	// Sequence.
	Sequence int64 `json:"sequence"`
	// Size is the size of the .so in bytes: a manifest of another size
	// describes another build (one was replaced without the other).
	Size int64 `json:"size"`
	// Package is the import path of the plugin's main package.
	Package string `json:"package"`
	// GoVersion is the Go toolchain that built it ("go1.26.8").
	GoVersion string `json:"go_version"`
	// GOOS and GOARCH are the platform it was built for.
	GOOS   string `json:"goos"`
	GOARCH string `json:"goarch"`
	// Cgo is CGO_ENABLED=1.
	Cgo bool `json:"cgo"`
	// Race is -race.
	Race bool `json:"race"`
	// Trimpath is -trimpath.
	Trimpath bool `json:"trimpath"`
	// Tags are the build tags (-tags), sorted.
	Tags []string `json:"tags"`
	// Settings are the other build settings that change compiled code,
	// as the build info names them: -asan, -msan, -gcflags, -asmflags,
	// -compiler, -pgo, and the GO variables but GOOS and GOARCH
	// (GOEXPERIMENT, GOAMD64, GOARM64 and the like).
	Settings map[string]string `json:"settings,omitempty"`
	// Main is the module of the main package.
	Main Module `json:"main"`
	// Deps are the other modules linked into it.
	Deps []Module `json:"deps"`
}

// Module is a module of a build, as runtime/debug.Module describes it.
type Module struct {
	Path    string `json:"path"`
	Version string `json:"version"`
	// Sum is the module's checksum ("h1:..."); empty for a main module
	// or a replacement by a directory.
	Sum     string  `json:"sum,omitempty"`
	Replace *Module `json:"replace,omitempty"`
}
