package info

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/gobuffalo/here"
	"github.com/plughost/plughost/cmds/internal/output"
)

// Cmd is the info command. Its zero value works: it describes the module
// of the working directory and prints to os.Stdout.
type Cmd struct {
	// JSON prints one JSON object, a Report, instead of text (--json).
	JSON bool
	// Dir is the directory whose module to describe (--dir); a file stands
	// for its directory. Empty means the module holding the working
	// directory.
	Dir string
	// Here finds the package and module of a directory, given Dir made
	// absolute; nil means here.Dir, or here.Current when Dir is empty.
	Here func(dir string) (here.Info, error)
	// Executable returns the path of the running executable; nil means
	// os.Executable.
	Executable func() (string, error)

	stdout io.Writer
}

// Report is what the info command prints, and the object --json writes.
// Each key is always present; a value that could not be found is empty,
// and why is in Errors.
type Report struct {
	// GoVersion is the version of Go the tool was built with.
	GoVersion string `json:"go_version"`
	// GOOS and GOARCH are the platform the tool was built for.
	GOOS   string `json:"goos"`
	GOARCH string `json:"goarch"`
	// Executable is the path of the running executable.
	Executable string `json:"executable"`
	// Dir is the directory described: Cmd.Dir made absolute, or the root
	// of the current module.
	Dir string `json:"dir"`
	// Module is the path of the module holding Dir, empty outside one.
	Module string `json:"module"`
	// ModuleDir is the module's root directory.
	ModuleDir string `json:"module_dir"`
	// GoMod is the path of the module's go.mod.
	GoMod string `json:"go_mod"`
	// GoDirective is the Go version the go.mod asks for.
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

// SetStdout sets where the command prints; nil means os.Stdout.
func (c *Cmd) SetStdout(w io.Writer) { c.stdout = w }

// Flags returns a new flag set bound to the command's fields, their
// current values as defaults.
func (c *Cmd) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.JSON, "json", c.JSON, "print a JSON object")
	fs.StringVar(&c.Dir, "dir", c.Dir, "describe the module of `directory` instead of the current one")
	return fs
}

// Main prints the report. It takes no arguments.
//
// What cannot be found (the executable, or the module, as when the go
// command is missing) is said in the report and does not fail the command;
// being outside a module is no error at all. Main fails on an argument, a
// Dir that does not exist, a cancelled ctx, a write error, or when neither
// the executable nor the module could be found (ErrNothingRead, after
// printing the report).
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w %q", ErrUnexpectedArgument, args[0])
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
	if modErr = c.module(&r, dir); modErr != nil {
		r.Errors = append(r.Errors, "module: "+strings.TrimSpace(modErr.Error()))
	}

	if err := output.Print(c.stdout, c.JSON, r, func(w io.Writer) { r.text(w, exeErr, modErr) }); err != nil {
		return err
	}
	if exeErr != nil && modErr != nil {
		return fmt.Errorf("%w: %w; %w", ErrNothingRead, exeErr, modErr)
	}
	return nil
}

// module fills in the directory and module of r, for dir or, when it is
// empty, for the current module.
func (c *Cmd) module(r *Report, dir string) error {
	find := c.Here
	if find == nil {
		find = func(dir string) (here.Info, error) {
			if dir == "" {
				return here.Current()
			}
			return here.Dir(dir)
		}
	}
	i, err := find(dir)
	if err != nil {
		if dir != "" {
			r.Dir = dir
			return fmt.Errorf("directory %q: %w", dir, err)
		}
		return fmt.Errorf("current module: %w", err)
	}
	// Outside a module here reports the pseudo-module go list uses for
	// files named on its command line; and here.Current, which looks
	// for the module root, finds none to describe.
	m := i.Module
	if m.Path == "" || m.Path == "command-line-arguments" {
		if dir != "" {
			r.Dir = i.Dir
		}
		return nil
	}
	r.Dir, r.Module, r.ModuleDir, r.GoMod, r.GoDirective = i.Dir, m.Path, m.Dir, m.GoMod, m.GoVersion
	return nil
}

// text writes r as one aligned line per fact; a fact that could not be
// found says why.
func (r Report) text(w io.Writer, exeErr, modErr error) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", label, value) }
	line("go", r.GoVersion)
	line("platform", r.GOOS+"/"+r.GOARCH)
	if exeErr != nil {
		line("executable", "unknown: "+oneLine(exeErr))
	} else {
		line("executable", r.Executable)
	}
	if r.Dir != "" {
		line("dir", r.Dir)
	}
	switch {
	case modErr != nil:
		line("module", "unknown: "+oneLine(modErr))
	case r.Module == "":
		line("module", "none: not in a Go module")
	default:
		line("module", r.Module)
		line("module dir", r.ModuleDir)
		line("go.mod", r.GoMod)
		line("go directive", r.GoDirective)
	}
	tw.Flush()
}

// oneLine returns the text of err on one line: the go command's errors
// carry its standard error, lines and all.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
