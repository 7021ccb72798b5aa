package rebuild

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
)

// LockFormat is the format of the lock files this package writes.
const LockFormat = 1

// LockSuffix is what a binary's path is followed by to name its lock
// file: mycli's is mycli.plughost.lock.
const LockSuffix = ".plughost.lock"

// Lock records how a rebuilt binary was built, so that the same build can
// be made again, byte for byte (Builder.InstallLock, "tool plugins install
// --from-lock"): the module versions (go.mod) and their checksums (go.sum)
// of the temporary main module, the plugin modules it imports, the Go
// version and the environment and flags the build used. Install writes it
// beside the binary, as JSON with the keys below. A build from it is
// byte-identical when the go command is of the same version and every
// module replaced by a directory holds the same files.
type Lock struct {
	// Format is LockFormat.
	Format int `json:"format"`
	// Tool is the tool's name.
	Tool string `json:"tool"`
	// Module is the path of the temporary main module the binary was
	// built from.
	Module string `json:"module"`
	// HostPackage is the import path of the tool's package whose New
	// builds its host.
	HostPackage string `json:"host_package"`
	// MainPackage is the import path of the tool's own main package,
	// whose generated file lists the plugins the tool's source adds.
	MainPackage string `json:"main_package"`
	// File is the name of that generated file.
	File string `json:"file"`
	// ToolModule is the path of the tool's module, and ToolVersion the
	// version the binary was built with.
	ToolModule  string `json:"tool_module"`
	ToolVersion string `json:"tool_version"`
	// Plugins are the plugin modules the binary was built with, in the
	// order of their paths: those install added and those the tool's
	// source adds.
	Plugins []LockedPlugin `json:"plugins"`
	// GoVersion is the go command's version, as go env GOVERSION says it.
	GoVersion string `json:"go_version"`
	// Env holds the variables that change what go build makes, as
	// KEY=value, sorted: GOOS, GOARCH, CGO_ENABLED, GOFLAGS and the like.
	Env []string `json:"env"`
	// BuildFlags are the flags go build ran with.
	BuildFlags []string `json:"build_flags"`
	// GoMod and GoSum are the lines of the temporary module's go.mod and
	// go.sum files after the build.
	GoMod []string `json:"go_mod"`
	GoSum []string `json:"go_sum"`
}

// LockedPlugin is one plugin module of a Lock.
type LockedPlugin struct {
	Module
	// Version is the module's version in the build.
	Version string `json:"version"`
	// Installed is true for a plugin install added, false for one the
	// tool's source adds (its generated file lists it).
	Installed bool `json:"installed"`
}

// ReadLock reads the lock file at path. A file that is not a lock of
// LockFormat is an error wrapping ErrLock.
func ReadLock(path string) (*Lock, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, errorf(ErrLock, "cannot read the lock file: %w", err)
	}
	var l Lock
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, errorf(ErrLock, "%s is not a lock file: %v", path, err)
	}
	if l.Format != LockFormat {
		return nil, errorf(ErrLock, "%s is a lock file of format %d; this tool reads format %d", path, l.Format, LockFormat)
	}
	if l.HostPackage == "" || l.Module == "" || len(l.GoMod) == 0 {
		return nil, errorf(ErrLock, "%s is not a complete lock file", path)
	}
	for _, p := range l.Plugins {
		if _, err := sortModules([]Module{p.Module}); err != nil {
			return nil, errorf(ErrLock, "%s: %v", path, err)
		}
	}
	return &l, nil
}

// Marshal returns the lock as the JSON a lock file holds.
func (l *Lock) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(l, "", "\t")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// lines splits a file's text into lines without their line endings,
// dropping a last empty one.
func lines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

// unlines joins lines into a file's text.
func unlines(ls []string) string {
	if len(ls) == 0 {
		return ""
	}
	return strings.Join(ls, "\n") + "\n"
}
