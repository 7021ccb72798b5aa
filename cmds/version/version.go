package version

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/plughost/plughost/cmds/internal/listing"
	"github.com/plughost/plughost/cmds/internal/output"
	"github.com/plughost/plughost/cmds/internal/usage"
	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// Cmd is the version command. Its zero value works: with no host it names
// the tool after its main package, and with no stdout fed it prints to
// os.Stdout.
type Cmd struct {
	// Streams are where the command prints: it writes to Stdout only.
	plugins.Streams
	// JSON prints one JSON object instead of text (--json).
	JSON bool
	// Plugins also lists the tool's plugins, hidden ones left out, with the
	// package, module and version each comes from (--plugins).
	Plugins bool
	// BuildInfo reads the build info the version comes from; nil means
	// runtime/debug.ReadBuildInfo. A false second result, or a nil first,
	// means the binary has none: the version is then "(unknown)".
	BuildInfo func() (*debug.BuildInfo, bool)

	host   plugins.Command
	feeder plugins.PluginFeeder
}

// Name returns "version".
func (c *Cmd) Name() string { return "version" }

// Description describes the command for listings.
func (c *Cmd) Description() string { return "print the version of the tool" }

// ArgsUsage returns "": the command takes no arguments, and the host
// refuses any before it calls Main.
func (c *Cmd) ArgsUsage() string { return "" }

// WithHost remembers the host, to name the tool after it and, when it is a
// ToolVersioner, to ask it the tool's version.
func (c *Cmd) WithHost(h plugins.Command) { c.host = h }

// WithPlugins remembers where to find the plugins --plugins lists.
func (c *Cmd) WithPlugins(f plugins.PluginFeeder) { c.feeder = f }

// Flags returns a new flag set bound to the command's fields, their
// current values as defaults.
func (c *Cmd) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.JSON, "json", c.JSON, "print a JSON object")
	fs.BoolVar(&c.Plugins, "plugins", c.Plugins, "also list each plugin and the module it comes from")
	return fs
}

// Main prints the version. It takes no arguments: called with one, as
// from code without a host, it returns a usage error wrapping both
// plugins.ErrUsage and ErrUnexpectedArgument.
//
// Every call into another plugin's code (the host's Name and ToolVersion,
// the feeder, and with --plugins the methods of each plugin listed) runs
// under the fault recorder the host puts in ctx, if any, so that a plugin
// calling runtime.Goexit is blamed for it. With --plugins, a plugin whose
// methods panic is listed with the error in its row rather than failing
// the listing: the listing is where one goes to find such a plugin. Main
// fails only on an argument, a host or feeder that panics (a
// *cli.PluginError wrapping cli.ErrPanic), or a write error.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if err := usage.NoArgs(ErrUnexpectedArgument, args); err != nil {
		return err
	}
	r, err := c.report(fault.RecorderOf(ctx))
	if err != nil {
		return err
	}
	return output.Print(c.Stdout(), c.JSON, r.json, r.text)
}

// report is what the command prints. Its JSON has the keys the json
// method writes, in that order.
type report struct {
	Name string
	// Version is the host's ToolVersion when it is not empty, else the
	// main module's version as built.
	Version   string
	GoVersion string
	Revision  string
	Time      string
	Modified  *bool // null in the JSON when the build did not record it
	// Plugins is nil, and left out of the JSON, unless --plugins asked for
	// it; then it is listed even when empty.
	Plugins *[]pluginVersion
}

// pluginVersion is one row of the --plugins listing.
type pluginVersion struct {
	Name    string
	Package string
	Module  string
	Version string
	Replace string
	Error   string
}

// json writes r as one JSON object.
func (r report) json(j *output.JSON) {
	j.BeginObject()
	j.Key("name").String(r.Name)
	j.Key("version").String(r.Version)
	j.Key("go_version").String(r.GoVersion)
	j.Key("revision").String(r.Revision)
	j.Key("time").String(r.Time)
	if r.Modified != nil {
		j.Key("modified").Bool(*r.Modified)
	} else {
		j.Key("modified").Null()
	}
	if r.Plugins != nil {
		j.Key("plugins").BeginArray()
		for _, p := range *r.Plugins {
			j.BeginObject()
			j.Key("name").String(p.Name)
			j.Key("package").String(p.Package)
			j.Key("module").String(p.Module)
			j.Key("version").String(p.Version)
			j.Key("replace").String(p.Replace)
			j.Key("error").String(p.Error)
			j.EndObject()
		}
		j.EndArray()
	}
	j.EndObject()
}

// report reads what the command prints: the build info, the host's name
// and version and, with --plugins, the plugins, calling the host and
// plugins under fault.Call with rec.
func (c *Cmd) report(rec fault.Recorder) (report, error) {
	read := c.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok {
		bi = nil
	}
	r := report{Version: "(unknown)"}
	if bi != nil {
		r.Version, r.GoVersion = bi.Main.Version, bi.GoVersion
		if r.Version == "" {
			r.Version = "(devel)"
		}
		r.Name = toolName(bi.Path)
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				r.Revision = s.Value
			case "vcs.time":
				r.Time = s.Value
			case "vcs.modified":
				m := s.Value == "true"
				r.Modified = &m
			}
		}
	}
	if c.host != nil {
		var name string
		site := fault.Site{Plugin: c.host, Method: "Name"}
		err := fault.Call(rec, &site, func() error {
			name = c.host.Name()
			return nil
		})
		if err != nil {
			return r, fmt.Errorf("naming the tool: %w", err)
		}
		if name != "" {
			r.Name = name
		}
		if tv, ok := c.host.(ToolVersioner); ok {
			var v string
			site := fault.Site{Plugin: c.host, Name: name, Method: "ToolVersion"}
			err := fault.Call(rec, &site, func() error {
				v = tv.ToolVersion()
				return nil
			})
			if err != nil {
				return r, fmt.Errorf("reading the tool's version: %w", err)
			}
			if v != "" {
				r.Version = v
			}
		}
	}
	if c.Plugins {
		rows, err := c.plugins(rec, bi)
		if err != nil {
			return r, err
		}
		r.Plugins = &rows
	}
	return r, nil
}

// plugins lists the visible plugins the feeder returns, in its order, read
// as the plugins command reads them.
func (c *Cmd) plugins(rec fault.Recorder, bi *debug.BuildInfo) ([]pluginVersion, error) {
	plugs, err := listing.Feed(rec, c, c.Name(), c.feeder)
	if err != nil {
		return nil, err
	}
	visible := make([]plugins.Plugin, 0, len(plugs))
	for _, p := range plugs {
		if _, ok := p.(Hider); !ok {
			visible = append(visible, p)
		}
	}
	rows := listing.Read(rec, bi, visible)
	out := make([]pluginVersion, len(rows))
	for i := range rows {
		row := &rows[i]
		out[i] = pluginVersion{
			Name:    row.Name,
			Package: row.Module.Package,
			Module:  row.Module.Path,
			Version: row.Version,
			Replace: row.Module.Replace,
		}
		for j, err := range row.Errors {
			if j > 0 {
				out[i].Error += "; "
			}
			out[i].Error += err.Error()
		}
	}
	return out, nil
}

// toolName names the tool after its main package, as go build names the
// binary: the last element of its path, or the one before a major version
// suffix. A main package named on go run's command line has no name.
func toolName(pkg string) string {
	if pkg == "" || pkg == "command-line-arguments" {
		return ""
	}
	dir, base := lastElem(pkg)
	if isMajor(base) && dir != "" {
		_, base = lastElem(dir)
	}
	return base
}

// lastElem splits an import path before its last element. It is
// path.Dir and path.Base for a clean path, without path.Clean, which an
// import path does not need.
func lastElem(pkg string) (dir, base string) {
	i := strings.LastIndexByte(pkg, '/')
	if i < 0 {
		return "", pkg
	}
	return pkg[:i], pkg[i+1:]
}

// isMajor reports whether a path element is a major version suffix: "v2".
func isMajor(s string) bool {
	return len(s) > 1 && s[0] == 'v' && strings.Trim(s[1:], "0123456789") == ""
}

// text writes r as text, followed by the plugin table when it has one.
// What the host or a plugin wrote is escaped on the way.
func (r report) text(w io.Writer) {
	if r.Name != "" {
		fmt.Fprintf(w, "%s version %s\n", output.Line(r.Name), output.Line(r.Version))
	} else {
		fmt.Fprintf(w, "version %s\n", output.Line(r.Version))
	}
	var facts [][2]string
	if r.Revision != "" {
		facts = append(facts, [2]string{"  revision", r.Revision})
	}
	if r.Time != "" {
		facts = append(facts, [2]string{"  time", r.Time})
	}
	if r.Modified != nil {
		facts = append(facts, [2]string{"  modified", strconv.FormatBool(*r.Modified)})
	}
	if r.GoVersion != "" {
		facts = append(facts, [2]string{"  go", r.GoVersion})
	}
	output.Pairs(w, facts)
	if r.Plugins == nil {
		return
	}
	if len(*r.Plugins) == 0 {
		fmt.Fprintf(w, "\nno plugins\n")
		return
	}
	errs := false
	for _, p := range *r.Plugins {
		errs = errs || p.Error != ""
	}
	header := []string{"PLUGIN", "PACKAGE", "MODULE", "VERSION"}
	if errs {
		header = append(header, "ERROR")
	}
	cells := output.Rows(len(*r.Plugins), len(header))
	for i, p := range *r.Plugins {
		mod := p.Module
		if p.Replace != "" {
			mod += " => " + p.Replace
		}
		copy(cells[i], []string{p.Name, p.Package, mod, p.Version})
		if errs {
			cells[i][len(header)-1] = p.Error
		}
	}
	fmt.Fprintln(w)
	output.Table(w, header, cells)
}
