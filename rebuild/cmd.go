package rebuild

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"

	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

// Cmd is the plugins command of a tool that can take plugin modules:
// prepended to the host's plugins, it answers to "plugins" before the
// built-in listing, which its own Main runs ("tool plugins", with --json
// and --wide), and it has the sub-commands add, remove, upgrade and
// install. Its fields are what it needs from the process, which the
// tool's main gives it; each defaults to none, and a sub-command that
// needs one it was not given says so.
//
//	h.Plugins = append([]plugins.Plugin{&rebuild.Cmd{
//		HostPackage: "example.com/mytool/tool",
//		Environ:     os.Environ,
//		Getwd:       os.Getwd,
//		Executable:  os.Executable,
//	}}, h.Plugins...)
type Cmd struct {
	// Streams are where the command prints.
	plugins.Streams
	// JSON makes the listing print JSON (--json), as the built-in's does.
	JSON bool
	// Wide makes the listing print every column (--wide).
	Wide bool
	// BuildInfo reads the running binary's build info, for the listing's
	// module columns and for install; nil means runtime/debug.ReadBuildInfo.
	BuildInfo func() (*debug.BuildInfo, bool)

	// HostPackage is the import path of the tool's package whose New
	// builds its host (see HostFunc), which install imports. Without it,
	// install refuses.
	HostPackage string
	// MainPackage is the import path of the tool's main package, where
	// add writes the generated file; empty means the main package the
	// build info names.
	MainPackage string
	// File is the name of the generated file; empty means DefaultFile.
	File string

	// Environ returns the environment the go command runs in: main passes
	// os.Environ. Nil means none, and add, remove, upgrade and install
	// refuse.
	Environ func() []string
	// Getwd returns the working directory, where add, remove and upgrade
	// find the tool's source: main passes os.Getwd. Nil means none.
	Getwd func() (string, error)
	// Executable returns the path of the running binary, which install
	// replaces: main passes os.Executable. Nil means none.
	Executable func() (string, error)

	feeder plugins.PluginFeeder
	host   plugins.Command
}

// Name returns "plugins".
func (c *Cmd) Name() string { return "plugins" }

// Description describes the command for listings.
func (c *Cmd) Description() string {
	return "list every plugin of the tool; add, remove, upgrade or install plugin modules"
}

// LongDescription says what the sub-commands do.
func (c *Cmd) LongDescription() string {
	return "Without a sub-command, lists every plugin of the tool, hidden ones too.\n\n" +
		"In the tool's source tree, add, remove and upgrade change which plugin modules it is built with: " +
		"they run go get and rewrite the generated file " + c.file() + " beside the tool's main, and leave go.mod and go.sum for review.\n\n" +
		"install rebuilds the installed binary with more plugin modules and replaces it, keeping the old one beside it, " +
		"and writes a lock file from which install --from-lock makes the same binary again."
}

// WithPlugins remembers where to find the plugins to list.
func (c *Cmd) WithPlugins(f plugins.PluginFeeder) { c.feeder = f }

// WithHost remembers the host, whose name is the tool's.
func (c *Cmd) WithHost(h plugins.Command) { c.host = h }

// Flags returns a new flag set with the listing's flags, bound to JSON
// and Wide.
func (c *Cmd) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.JSON, "json", c.JSON, "print a JSON array")
	fs.BoolVar(&c.Wide, "wide", c.Wide, "print every column of the table, uncut")
	return fs
}

// Main runs the built-in listing, cmds/plugins.Cmd, with the command's
// flags, streams and plugins.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	l := &cmdplugins.Cmd{JSON: c.JSON, Wide: c.Wide, BuildInfo: c.BuildInfo}
	l.SetStdout(c.Stdout())
	l.WithPlugins(c.feeder)
	return l.Main(ctx, args)
}

// SubCommands returns add, remove, upgrade and install, new each call,
// configured by c.
func (c *Cmd) SubCommands() []plugins.Plugin {
	return []plugins.Plugin{&Add{Parent: c}, &Remove{Parent: c}, &Upgrade{Parent: c}, &Install{Parent: c}}
}

// file is the generated file's name.
func (c *Cmd) file() string {
	if c.File != "" {
		return c.File
	}
	return DefaultFile
}

// tool is the tool's name.
func (c *Cmd) tool() string {
	if c.host != nil {
		if n := c.host.Name(); n != "" {
			return n
		}
	}
	if c.Executable != nil {
		if exe, err := c.Executable(); err == nil {
			return strings.TrimSuffix(filepath.Base(exe), ".exe")
		}
	}
	return "tool"
}

// buildInfo reads the running binary's build info.
func (c *Cmd) buildInfo() *debug.BuildInfo {
	read := c.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	if bi, ok := read(); ok {
		return bi
	}
	return nil
}

// environ returns the environment, or an error when main gave none.
func (c *Cmd) environ() ([]string, error) {
	if c == nil || c.Environ == nil {
		return nil, errorf(ErrNotConfigured, "the tool's main does not pass the environment (rebuild.Cmd.Environ): the go command cannot run")
	}
	return c.Environ(), nil
}

// wd returns the working directory, or "" when main gave none.
func (c *Cmd) wd() (string, error) {
	if c.Getwd == nil {
		return "", nil
	}
	return c.Getwd()
}

// project returns the Project the sub-commands of the source tree run.
func (c *Cmd) project(log io.Writer) (*Project, error) {
	env, err := c.environ()
	if err != nil {
		return nil, err
	}
	dir, err := c.wd()
	if err != nil {
		return nil, err
	}
	main := c.MainPackage
	if main == "" {
		if bi := c.buildInfo(); bi != nil && !strings.HasPrefix(bi.Main.Path, ModulePrefix) {
			main = bi.Path
		}
	}
	return &Project{Dir: dir, MainPackage: main, File: c.File, Env: env, Log: log}, nil
}

// printReport prints what a Project method did.
func (c *Cmd) printReport(w io.Writer, rep *Report) error {
	var lines []string
	for _, ch := range rep.Changes {
		lines = append(lines, ch.String())
	}
	if rep.File != "" {
		lines = append(lines, fmt.Sprintf("wrote %s: review it, go.mod and go.sum, then rebuild %s", c.rel(rep.File), c.tool()))
	}
	for _, n := range rep.Notes {
		lines = append(lines, "note: "+n)
	}
	return printLines(w, lines)
}

// printLines writes each line to w, escaped for a terminal: a path or a
// name may hold anything.
func printLines(w io.Writer, lines []string) error {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(plugprint.Line(l))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// rel returns path relative to the working directory when it is below
// it.
func (c *Cmd) rel(path string) string {
	if dir, err := c.wd(); err == nil && dir != "" {
		if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
	}
	return path
}

// logTo returns w when verbose, else nil.
func logTo(verbose bool, w io.Writer) io.Writer {
	if verbose {
		return w
	}
	return nil
}

// Add is "tool plugins add MODULE[@VERSION][=DIR]...": Project.Add in
// the tool's source tree.
type Add struct {
	plugins.Streams
	// Verbose prints each go command and its output on stderr (-v).
	Verbose bool
	// Parent is the plugins command whose configuration it uses.
	Parent *Cmd
}

// Name returns "plugins/add": the command runs as "add".
func (a *Add) Name() string { return "plugins/add" }

// Description describes the command for listings.
func (a *Add) Description() string {
	return "add plugin modules to the tool's source: go get them and rewrite the generated file"
}

// LongDescription says what the command does, step by step.
func (a *Add) LongDescription() string {
	return "Each module is MODULE[@VERSION][=DIR]: the version is any go get takes (latest without one), and DIR a directory " +
		"to replace the module with in go.mod, for a plugin written beside the tool.\n\n" +
		"Run it in the tool's source tree. For each module it checks that the module does not need a newer plughost than the tool's, " +
		"runs go get naming plughost at the version go.mod requires (so that nothing upgrades it), finds the package that declares " +
		"func Plugins() []plugins.Plugin, and rewrites the generated file that lists the modules. " +
		"go.mod and go.sum are left for you to review; nothing runs go mod tidy. On any error, every file is put back as it was."
}

// ArgsUsage says the command takes one or more modules, each
// MODULE[@VERSION][=DIR].
func (a *Add) ArgsUsage() string { return "MODULE..." }

// CmdExamples shows the command's use.
func (a *Add) CmdExamples() string {
	return "plugins add example.com/plugin\nplugins add example.com/plugin/v2@v2.1.0\nplugins add example.com/mine=../mine"
}

// Flags returns a new flag set bound to the command's fields.
func (a *Add) Flags() *flag.FlagSet { return verboseFlags("add", &a.Verbose) }

// Main adds the modules and prints what changed.
func (a *Add) Main(ctx context.Context, args []string) error {
	p, err := a.Parent.project(logTo(a.Verbose, a.Stderr()))
	if err != nil {
		return err
	}
	rep, err := p.Add(ctx, args...)
	if err != nil {
		return err
	}
	return a.Parent.printReport(a.Stdout(), rep)
}

// Remove is "tool plugins remove MODULE...": Project.Remove in the tool's
// source tree.
type Remove struct {
	plugins.Streams
	// Verbose prints each go command and its output on stderr (-v).
	Verbose bool
	// Parent is the plugins command whose configuration it uses.
	Parent *Cmd
}

// Name returns "plugins/remove": the command runs as "remove".
func (r *Remove) Name() string { return "plugins/remove" }

// Description describes the command for listings.
func (r *Remove) Description() string {
	return "remove plugin modules from the tool's source: rewrite the generated file without them"
}

// ArgsUsage says the command takes one or more modules.
func (r *Remove) ArgsUsage() string { return "MODULE..." }

// Flags returns a new flag set bound to the command's fields.
func (r *Remove) Flags() *flag.FlagSet { return verboseFlags("remove", &r.Verbose) }

// Main removes the modules and prints what changed.
func (r *Remove) Main(ctx context.Context, args []string) error {
	p, err := r.Parent.project(logTo(r.Verbose, r.Stderr()))
	if err != nil {
		return err
	}
	rep, err := p.Remove(ctx, args...)
	if err != nil {
		return err
	}
	return r.Parent.printReport(r.Stdout(), rep)
}

// Upgrade is "tool plugins upgrade [MODULE...]": Project.Upgrade in the
// tool's source tree.
type Upgrade struct {
	plugins.Streams
	// Verbose prints each go command and its output on stderr (-v).
	Verbose bool
	// Parent is the plugins command whose configuration it uses.
	Parent *Cmd
}

// Name returns "plugins/upgrade": the command runs as "upgrade".
func (u *Upgrade) Name() string { return "plugins/upgrade" }

// Description describes the command for listings.
func (u *Upgrade) Description() string {
	return "upgrade added plugin modules, or all of them, to their latest versions"
}

// ArgsUsage says the command takes any number of modules.
func (u *Upgrade) ArgsUsage() string { return "[MODULE...]" }

// Flags returns a new flag set bound to the command's fields.
func (u *Upgrade) Flags() *flag.FlagSet { return verboseFlags("upgrade", &u.Verbose) }

// Main upgrades the modules and prints what changed.
func (u *Upgrade) Main(ctx context.Context, args []string) error {
	p, err := u.Parent.project(logTo(u.Verbose, u.Stderr()))
	if err != nil {
		return err
	}
	rep, err := p.Upgrade(ctx, args...)
	if err != nil {
		return err
	}
	return u.Parent.printReport(u.Stdout(), rep)
}

// Install is "tool plugins install MODULE[@VERSION][=DIR]...", and
// "tool plugins install --from-lock": Builder.Install and
// Builder.InstallLock on the running binary, or on Output.
type Install struct {
	plugins.Streams
	// FromLock rebuilds the binary its lock file describes, byte for byte
	// (--from-lock), instead of adding modules.
	FromLock bool
	// Lock is the lock file --from-lock reads (--lock, which implies
	// --from-lock); empty means the running binary's.
	Lock string
	// Output is where the rebuilt binary goes (--output, -o); empty means
	// in place of the running one.
	Output string
	// Replace are more replace directives, MODULE=DIR (--replace,
	// repeatable).
	Replace []string
	// Cgo builds with cgo (--cgo); the default is a static binary.
	Cgo bool
	// Verbose prints each go command and its output on stderr (-v).
	Verbose bool
	// Parent is the plugins command whose configuration it uses.
	Parent *Cmd
}

// Name returns "plugins/install": the command runs as "install".
func (i *Install) Name() string { return "plugins/install" }

// Description describes the command for listings.
func (i *Install) Description() string {
	return "rebuild this binary with more plugin modules and replace it (needs Go)"
}

// LongDescription says what the command does, step by step.
func (i *Install) LongDescription() string {
	return "Each module is MODULE[@VERSION][=DIR], as for add.\n\n" +
		"It builds, in a temporary module, the tool at the version this binary was built from, with the plugin modules its source adds, " +
		"those an earlier install added and those named, pinning plughost and the tool at their versions. " +
		"It builds with -trimpath and without cgo (unless --cgo), checks that the new binary lists a plugin of every module, " +
		"then puts it in place of this one, keeping this one as BINARY.old, and writes BINARY" + LockSuffix + ", " +
		"from which --from-lock makes the same binary again, byte for byte, with the same go. " +
		"On any error, the binary and its lock are left as they were.\n\n" +
		"A binary built from a working tree (version (devel)) is rebuilt from its source: run install in that tree, or name it with --replace MODULE=DIR."
}

// ArgsUsage says the command takes any number of modules, each
// MODULE[@VERSION][=DIR].
func (i *Install) ArgsUsage() string { return "[MODULE...]" }

// CmdExamples shows the command's use.
func (i *Install) CmdExamples() string {
	return "plugins install example.com/plugin@v1.2.0\nplugins install --from-lock\nplugins install -o ./mytool-dev example.com/mine=../mine"
}

// Flags returns a new flag set bound to the command's fields.
func (i *Install) Flags() *flag.FlagSet {
	fs := verboseFlags("install", &i.Verbose)
	fs.BoolVar(&i.FromLock, "from-lock", i.FromLock, "rebuild the binary the lock file describes, byte for byte")
	fs.StringVar(&i.Lock, "lock", i.Lock, "the lock file to rebuild from (implies --from-lock); default BINARY"+LockSuffix)
	fs.StringVar(&i.Output, "output", i.Output, "write the rebuilt binary to this path instead of replacing the running one")
	fs.StringVar(&i.Output, "o", i.Output, "write the rebuilt binary to this path instead of replacing the running one")
	fs.Var(plugflag.Strings(&i.Replace), "replace", "replace a module with a directory, MODULE=DIR (repeatable)")
	fs.BoolVar(&i.Cgo, "cgo", i.Cgo, "build with cgo (CGO_ENABLED=1)")
	return fs
}

// Main rebuilds and replaces the binary, and prints what it holds.
func (i *Install) Main(ctx context.Context, args []string) error {
	c := i.Parent
	if c == nil {
		c = &Cmd{}
	}
	env, err := c.environ()
	if err != nil {
		return err
	}
	dir, err := c.wd()
	if err != nil {
		return err
	}
	running := ""
	if c.Executable != nil {
		if running, err = c.Executable(); err != nil {
			return err
		}
		if real, err := filepath.EvalSymlinks(running); err == nil {
			running = real
		}
	}
	bin := i.Output
	switch {
	case bin != "" && !filepath.IsAbs(bin) && dir != "":
		bin = filepath.Join(dir, bin)
	case bin != "" && !filepath.IsAbs(bin):
		return errorf(ErrNotConfigured, "no working directory for the relative path %s: the tool's main must set Getwd", bin)
	case bin == "" && running == "":
		return errorf(ErrNotConfigured, "the tool's main does not say where its binary is (rebuild.Cmd.Executable): use --output")
	case bin == "":
		bin = running
	}
	b := &Builder{
		Tool: c.tool(), HostPackage: c.HostPackage, MainPackage: c.MainPackage, File: c.File,
		BuildInfo: c.buildInfo(), Binary: bin, Running: running, Dir: dir, Env: env, Replace: i.Replace, Cgo: i.Cgo,
		Log: logTo(i.Verbose, i.Stderr()),
	}
	var inst *Installed
	if i.FromLock || i.Lock != "" {
		if len(args) > 0 {
			return usagef("--from-lock rebuilds what the lock holds: name no modules")
		}
		path := i.Lock
		switch {
		case path == "" && running != "":
			path = running + LockSuffix
		case path == "":
			path = bin + LockSuffix
		case !filepath.IsAbs(path) && dir != "":
			path = filepath.Join(dir, path)
		}
		l, err := ReadLock(path)
		if err != nil {
			return err
		}
		inst, err = b.InstallLock(ctx, l)
		if err != nil {
			return err
		}
	} else if inst, err = b.Install(ctx, args...); err != nil {
		return err
	}
	lines := []string{fmt.Sprintf("rebuilt %s with %s %s and its plugin modules:", inst.Binary, inst.Lock.ToolModule, inst.Lock.ToolVersion)}
	for _, p := range inst.Lock.Plugins {
		from := "installed"
		if !p.Installed {
			from = "from the tool's source"
		}
		lines = append(lines, fmt.Sprintf("  %s %s (%s)", p.Path, p.Version, from))
	}
	if inst.Backup != "" {
		lines = append(lines, "the previous binary is "+inst.Backup)
	}
	lines = append(lines, "lock file: "+inst.LockFile)
	for _, n := range inst.Notes {
		lines = append(lines, "note: "+n)
	}
	return printLines(i.Stdout(), lines)
}

// verboseFlags returns a flag set named name with -v and --verbose.
func verboseFlags(name string, v *bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(v, "verbose", *v, "print each go command and its output on stderr")
	fs.BoolVar(v, "v", *v, "print each go command and its output on stderr")
	return fs
}
