package info

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/gobuffalo/here"
	"github.com/plughost/plughost/cmds/internal/output"
	"github.com/plughost/plughost/cmds/internal/usage"
	"github.com/plughost/plughost/plugins"
)

// Cmd is the info command. Its zero value works: it describes the tool's
// own module and prints to os.Stdout.
type Cmd struct {
	// Streams are where the command prints: it writes to Stdout only.
	plugins.Streams
	// JSON prints one JSON object, a Report, instead of text (--json).
	JSON bool
	// Dir is the directory whose module to describe (--dir); a file stands
	// for its directory. Empty means the tool's own module, as its build
	// info records it.
	Dir string
	// Here finds the package and module of Dir, made absolute; nil means
	// here.Dir. It is not called when Dir is empty.
	Here func(dir string) (here.Info, error)
	// BuildInfo reads the build info the tool's own module comes from when
	// Dir is empty; nil means runtime/debug.ReadBuildInfo.
	BuildInfo func() (*debug.BuildInfo, bool)
	// Executable returns the path of the running executable; nil means
	// os.Executable.
	Executable func() (string, error)
}

// Report is what the info command prints, and the object --json writes:
// its fields in order, under the keys of their json tags, as
// encoding/json would marshal it. Each key is always present; a value that
// could not be found, or that does not apply, is empty, and why is in
// Errors.
type Report struct {
	// GoVersion is the version of Go the tool was built with.
	GoVersion string `json:"go_version"`
	// GOOS and GOARCH are the platform the tool was built for.
	GOOS   string `json:"goos"`
	GOARCH string `json:"goarch"`
	// Executable is the path of the running executable.
	Executable string `json:"executable"`
	// Package is the import path of the tool's main package, when Dir is
	// empty.
	Package string `json:"package"`
	// Dir is the directory described, Cmd.Dir made absolute; empty when
	// the report is of the tool's own module.
	Dir string `json:"dir"`
	// Module is the path of the module: the tool's own, or the one holding
	// Dir. It is empty outside a module.
	Module string `json:"module"`
	// ModuleVersion is the version of the tool's own module, "(devel)" for
	// a build from a working tree; empty for Dir's.
	ModuleVersion string `json:"module_version"`
	// ModuleDir is the root directory of Dir's module.
	ModuleDir string `json:"module_dir"`
	// GoMod is the path of the go.mod of Dir's module.
	GoMod string `json:"go_mod"`
	// GoDirective is the Go version the go.mod of Dir's module asks for.
	GoDirective string `json:"go_directive"`
	// Errors says what could not be found, and why.
	Errors []string `json:"errors"`
}

// Name returns "info".
func (c *Cmd) Name() string { return "info" }

// Description describes the command for listings.
func (c *Cmd) Description() string {
	return "print the Go version, platform, executable and module of the tool"
}

// ArgsUsage returns "": the command takes no arguments, and the host
// refuses any before it calls Main.
func (c *Cmd) ArgsUsage() string { return "" }

// Flags returns a new flag set bound to the command's fields, their
// current values as defaults.
func (c *Cmd) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.JSON, "json", c.JSON, "print a JSON object")
	fs.StringVar(&c.Dir, "dir", c.Dir, "describe the module of `directory` instead of the tool's own")
	return fs
}

// Main prints the report. It takes no arguments: called with one, as
// from code without a host, it returns a usage error wrapping both
// plugins.ErrUsage and ErrUnexpectedArgument.
//
// What cannot be found (the executable, or the module, as when the go
// command is missing) is said in the report and does not fail the command;
// being outside a module is no error at all. Main fails on an argument, a
// Dir that does not exist, a cancelled ctx, a write error, or when neither
// the executable nor the module could be found (ErrNothingRead, after
// printing the report).
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if err := usage.NoArgs(ErrUnexpectedArgument, args); err != nil {
		return err
	}
	dir := c.Dir
	if dir != "" {
		var err error
		if dir, err = filepath.Abs(dir); err != nil {
			return fmt.Errorf("directory %q: %w", c.Dir, err)
		}
		if _, err := os.Stat(dir); err != nil {
			return fmt.Errorf("directory %q: %w", c.Dir, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	r := Report{GoVersion: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, Errors: []string{}}
	exe := c.Executable
	if exe == nil {
		exe = os.Executable
	}
	var exeErr, modErr error
	if r.Executable, exeErr = exe(); exeErr != nil {
		r.Executable = ""
		r.Errors = append(r.Errors, "executable: "+strings.TrimSpace(exeErr.Error()))
	}
	if dir == "" {
		modErr = c.own(&r)
	} else {
		modErr = c.module(&r, dir)
	}
	if modErr != nil {
		r.Errors = append(r.Errors, "module: "+strings.TrimSpace(modErr.Error()))
	}

	if err := output.Print(c.Stdout(), c.JSON, r.json, func(w io.Writer) { r.text(w, exeErr, modErr) }); err != nil {
		return err
	}
	if exeErr != nil && modErr != nil {
		return fmt.Errorf("%w: %w; %w", ErrNothingRead, exeErr, modErr)
	}
	return nil
}

// json writes r as one JSON object, as encoding/json marshals it, but for
// a nil Errors, written as [] (Main never leaves it nil).
func (r Report) json(j *output.JSON) {
	j.BeginObject()
	j.Key("go_version").String(r.GoVersion)
	j.Key("goos").String(r.GOOS)
	j.Key("goarch").String(r.GOARCH)
	j.Key("executable").String(r.Executable)
	j.Key("package").String(r.Package)
	j.Key("dir").String(r.Dir)
	j.Key("module").String(r.Module)
	j.Key("module_version").String(r.ModuleVersion)
	j.Key("module_dir").String(r.ModuleDir)
	j.Key("go_mod").String(r.GoMod)
	j.Key("go_directive").String(r.GoDirective)
	j.Key("errors").Strings(r.Errors)
	j.EndObject()
}

// own fills in the tool's own main package and module, from its build
// info.
func (c *Cmd) own(r *Report) error {
	read := c.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok || bi == nil {
		return ErrNoBuildInfo
	}
	r.Package = bi.Path
	if bi.Main.Path == "" {
		return nil // not built in module mode
	}
	r.Module, r.ModuleVersion = bi.Main.Path, bi.Main.Version
	if r.ModuleVersion == "" {
		r.ModuleVersion = "(devel)"
	}
	return nil
}

// module fills in the module of dir, found with here.
func (c *Cmd) module(r *Report, dir string) error {
	find := c.Here
	if find == nil {
		find = here.Dir
	}
	r.Dir = dir
	i, err := find(dir)
	if errors.Is(err, exec.ErrNotFound) {
		return noGoError{err}
	}
	if err != nil {
		return fmt.Errorf("directory %q: %w", dir, err)
	}
	// Outside a module here reports the pseudo-module go list uses for
	// files named on its command line.
	r.Dir = i.Dir
	m := i.Module
	if m.Path == "" || m.Path == "command-line-arguments" {
		return nil
	}
	r.Module, r.ModuleDir, r.GoMod, r.GoDirective = m.Path, m.Dir, m.GoMod, m.GoVersion
	return nil
}

// noGoError is a module that could not be found because the go command is
// missing. It says only that; it wraps ErrNoGo and what running it
// returned.
type noGoError struct{ err error }

func (e noGoError) Error() string   { return ErrNoGo.Error() }
func (e noGoError) Unwrap() []error { return []error{ErrNoGo, e.err} }

// text writes r as one aligned line per fact, each escaped for a terminal;
// a fact that could not be found says why.
func (r Report) text(w io.Writer, exeErr, modErr error) {
	var facts [][2]string
	line := func(label, value string) { facts = append(facts, [2]string{label, value}) }
	line("go", r.GoVersion)
	line("platform", r.GOOS+"/"+r.GOARCH)
	if exeErr != nil {
		line("executable", "unknown: "+output.Cell(exeErr.Error()))
	} else {
		line("executable", r.Executable)
	}
	if r.Package != "" {
		line("package", r.Package)
	}
	if r.Dir != "" {
		line("dir", r.Dir)
	}
	switch {
	case modErr != nil:
		line("module", "unknown: "+output.Cell(modErr.Error()))
	case r.Module == "" && r.Dir == "":
		line("module", "none: the tool was not built in a Go module")
	case r.Module == "":
		line("module", "none: not in a Go module")
	case r.Dir == "":
		line("module", r.Module)
		line("version", r.ModuleVersion)
	default:
		line("module", r.Module)
		line("module dir", r.ModuleDir)
		line("go.mod", r.GoMod)
		line("go directive", r.GoDirective)
	}
	output.Pairs(w, facts)
}
