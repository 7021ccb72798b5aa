package soplugins

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// Cmd is the so-plugins command, which a tool can opt into. It prints what
// its Loader's last Load found: each .so loaded (with the plugins it
// gave), skipped and failed, with why. Its description, in the tool's help
// and "tool plugins", counts them. Its sub-command, build, builds a .so
// for the tool. Without the plughost_so tag its Main returns ErrNotBuilt.
type Cmd struct {
	// Streams are where it prints: Main writes to Stdout.
	plugins.Streams
	// Loader is the tool's Loader; nil is one that loaded nothing.
	Loader *Loader
	// Build is the build sub-command.
	Build BuildCmd
}

// Name returns "so-plugins".
func (c *Cmd) Name() string { return "so-plugins" }

// Description counts what the Loader's last Load found, and names the
// NAMEs loaded and failed: "Go .so plugins: 2 loaded (deploy, lint), 3
// skipped, 1 failed (fmt)".
func (c *Cmd) Description() string {
	r := c.report()
	if errors.Is(r.Err, ErrNotBuilt) {
		return "Go .so plugins: this build cannot load them"
	}
	return fmt.Sprintf("Go .so plugins: %d loaded%s, %d skipped, %d failed%s",
		len(r.Loaded), someNames(r.Loaded), len(r.Skipped), len(r.Failed), someNames(r.Failed))
}

// maxNamed is how many NAMEs a description names per list.
const maxNamed = 4

// someNames is " (a, b)" for the NAMEs of es, the first maxNamed of
// them, or "" for none.
func someNames(es []Entry) string {
	var names []string
	for _, e := range es {
		if e.Name == "" {
			continue
		}
		if len(names) == maxNamed {
			names = append(names, "…")
			break
		}
		names = append(names, e.Name)
	}
	if len(names) == 0 {
		return ""
	}
	return " (" + strings.Join(names, ", ") + ")"
}

// LongDescription says where the list comes from.
func (c *Cmd) LongDescription() string {
	return "Lists the Go plugins (.so files) the tool found in its plugin directories: those loaded, with the plugins each gave; those skipped (built for another Go version or platform, or older than another build of the same NAME), and those that failed, with why. A .so is named NAME_GOVERSION_GOOS_GOARCH.so and has a manifest beside it; the build sub-command makes both."
}

// ArgsUsage returns "": the command takes no arguments.
func (c *Cmd) ArgsUsage() string { return "" }

// SubCommands returns the build sub-command.
func (c *Cmd) SubCommands() []plugins.Plugin { return []plugins.Plugin{&c.Build} }

func (c *Cmd) report() Report {
	if c.Loader == nil {
		return (&Loader{}).Report()
	}
	return c.Loader.Report()
}

// Main prints the report, one .so a line: what became of it, its NAME,
// its path, and its sequence and plugins, or why it was skipped or
// failed. It returns the Report's Err, if any (ErrNotBuilt without the
// tag).
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: so-plugins takes no arguments, got %q", plugins.ErrUsage, args[0])
	}
	r := c.report()
	if r.Err != nil {
		return r.Err
	}
	tw := tabwriter.NewWriter(c.Stdout(), 0, 4, 2, ' ', 0)
	row := func(state string, e Entry, detail string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", state, plugprint.Line(e.Name), plugprint.Line(e.Path), plugprint.Line(detail))
	}
	fmt.Fprintln(tw, "STATE\tNAME\tFILE\tDETAIL")
	for _, e := range r.Loaded {
		detail := "sequence " + strconv.FormatInt(e.Sequence, 10) + ", plugins " + joinNames(e.Plugins)
		if e.Reason != "" {
			detail += "; " + e.Reason
		}
		row("loaded", e, detail)
	}
	for _, e := range r.Skipped {
		row("skipped", e, e.Reason)
	}
	for _, e := range r.Failed {
		row("failed", e, why(e.Err))
	}
	return tw.Flush()
}

func joinNames(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	return strings.Join(names, ", ")
}

// why is err's text without the plugin and file a LoadError or a
// PluginError names first.
func why(err error) string {
	var le *LoadError
	var pe *fault.PluginError
	switch {
	case errors.As(err, &le):
		return fault.Message(le.Err)
	case errors.As(err, &pe) && pe.Method != "":
		return pe.Method + ": " + fault.Message(pe.Err)
	case errors.As(err, &pe):
		return fault.Message(pe.Err)
	}
	return fault.Message(err)
}

// BuildCmd is so-plugins' build sub-command: "tool so-plugins build --out
// DIR PACKAGE" runs Build, which builds the main package PACKAGE as a .so
// for the tool, with the tool's own build settings, into DIR, with its
// manifest. Without the plughost_so tag its Main returns ErrNotBuilt.
type BuildCmd struct {
	// Streams are where it prints: go build's output goes to Stderr,
	// the file written to Stdout.
	plugins.Streams
	// Out is the directory written to (--out); the tool's plugin
	// directory is a good default.
	Out string
	// PluginName is the NAME of the file (--name); "" means the
	// package's last element.
	PluginName string
	// Environ returns go build's environment: the tool's main passes
	// os.Environ. Nil is an error when the command runs.
	Environ func() []string
	// BuildInfo reads the tool's build info; nil means
	// runtime/debug.ReadBuildInfo.
	BuildInfo func() (*debug.BuildInfo, bool)
}

// Name returns "build".
func (c *BuildCmd) Name() string { return "build" }

// Description describes the command for listings.
func (c *BuildCmd) Description() string {
	return "build a Go plugin (.so) for this tool, with its build settings"
}

// ArgsUsage returns "PACKAGE": the main package to build, as go build
// takes it.
func (c *BuildCmd) ArgsUsage() string { return "PACKAGE" }

// Flags binds --out and --name to Out and PluginName.
func (c *BuildCmd) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.Out, "out", c.Out, "the directory to write the .so and its manifest to")
	fs.StringVar(&c.PluginName, "name", c.PluginName, "the plugin's NAME in the file name (default: the package's last element)")
	return fs
}

// Main builds the package args names and prints the path of the .so.
func (c *BuildCmd) Main(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: want one PACKAGE, got %d arguments", plugins.ErrUsage, len(args))
	}
	if c.Out == "" {
		return fmt.Errorf("%w: --out DIR is required", plugins.ErrUsage)
	}
	var env []string
	if c.Environ != nil {
		env = c.Environ()
	}
	b, err := Build(ctx, BuildOptions{Package: args[0], Name: c.PluginName, Out: c.Out, Env: env, BuildInfo: c.BuildInfo, Stderr: c.Stderr()})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.Stdout(), "wrote %s (sequence %d)\n", b.Path, b.Manifest.Sequence)
	return err
}
