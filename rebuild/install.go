package rebuild

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

// ModulePrefix starts the path of the temporary main module a rebuilt
// binary is built from: mycli's is plughost-rebuild/mycli. A binary
// whose build info names such a main module was rebuilt by install.
const ModulePrefix = "plughost-rebuild/"

// buildFlags are the flags install builds with: -trimpath so that the
// binary holds no path of the machine that built it and a build from the
// lock is byte-identical, -buildvcs=false as the temporary module has no
// version control, and -mod=mod as it has no vendor directory.
func buildFlags() []string { return []string{"-mod=mod", "-trimpath", "-buildvcs=false"} }

// buildEnvKeys are the variables that change what go build makes, which
// a lock records and a build from it sets.
func buildEnvKeys() []string {
	return []string{
		"CGO_ENABLED", "GOOS", "GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386",
		"GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM", "GOEXPERIMENT",
		"GOFIPS140", "GOFLAGS", "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS",
		"CGO_CXXFLAGS", "CGO_LDFLAGS",
	}
}

// Builder rebuilds an installed tool with more plugin modules, as caddy's
// add-package does: what "tool plugins install" runs. It generates a
// temporary main module that requires the tool's module at the version
// the running binary's build info records (with its replace directives,
// directories made absolute), imports the package HostPackage names, calls
// its New, prepends the plugins of every plugin module, and runs the
// result as the tool's main does:
//
//	h := host.New(os.LookupEnv)
//	h.Plugins = append(generatedPlugins(), h.Plugins...)
//	h.Plugins = append([]plugins.Plugin{&rebuild.Cmd{...}}, h.Plugins...)
//	os.Exit(cli.Run(context.Background(), h, os.Args[1:]))
//
// The plugins are those the tool's source adds (its generated file, read
// from the tool's module), those an earlier install added (its lock file)
// and those asked for. It builds with -trimpath and CGO_ENABLED=0 unless
// Cgo is set, runs the new binary's "plugins --json" to check that it
// lists a plugin of every plugin module, and then replaces Binary: the new
// binary is written beside it and synced, the old one is renamed to
// Binary+".old", and the new one renamed into place, with the lock file
// (Binary+LockSuffix) written the same way. Any failure leaves Binary and
// its lock as they were.
type Builder struct {
	// Tool is the tool's name, for messages and the temporary module's
	// path.
	Tool string
	// HostPackage is the import path of the tool's package that builds
	// its host: New(lookupEnv func(string) (string, bool)) *cli.Host (see
	// HostFunc). Required.
	HostPackage string
	// MainPackage is the import path of the tool's main package, whose
	// generated file (File) lists the plugins the tool's source adds;
	// empty means the main package BuildInfo names, unless the binary is
	// a rebuilt one, whose lock names it.
	MainPackage string
	// File is the name of the generated file; empty means DefaultFile.
	File string
	// BuildInfo is the running binary's build info. Required.
	BuildInfo *debug.BuildInfo
	// Binary is the path of the binary to replace, or to create. Required.
	Binary string
	// Running is the path of the running binary, whose lock file
	// (Running+LockSuffix) says which plugins an earlier install added to
	// it; empty means Binary.
	Running string
	// Dir is the working directory the tool was run in: relative
	// directories are relative to it, and a tool built from a working
	// tree is rebuilt from the module Dir is in, when it is the tool's.
	// Empty means none.
	Dir string
	// Env is the environment the go command runs in, as os.Environ
	// returns it; its PATH finds the go command. Any -mod flag in its
	// GOFLAGS is dropped.
	Env []string
	// Go is the path of the go command; empty means the one on Env's
	// PATH.
	Go string
	// Replace are more replace directives for the temporary module, each
	// MODULE=DIR, DIR relative to Dir: a replacement of the tool's own
	// module says where its source is, for a tool built from a working
	// tree.
	Replace []string
	// Cgo builds with CGO_ENABLED=1; the default is a static binary.
	Cgo bool
	// Log, when set, gets each go command and its own output as it runs.
	Log io.Writer
}

// Installed says what Install or InstallLock did.
type Installed struct {
	// Binary is the binary written, Backup the old one kept beside it
	// (empty when there was none), and LockFile the lock file written.
	Binary, Backup, LockFile string
	// Lock is what the lock file holds.
	Lock *Lock
	// Notes are what the user should know, one line each.
	Notes []string
}

// plan is what a build needs.
type plan struct {
	b        *Builder
	g        *goTool
	tmp      string // the temporary module's directory
	lock     *Lock  // what is known so far of the lock to write
	srcMods  []Module
	notes    []string
	toolPath string
	toolVer  string
	host     string // the plughost version the tool is built with; "" when the tool is plughost
}

// Install rebuilds the tool with the plugin modules args name, each
// MODULE[@VERSION][=DIR] as for Project.Add, beside those it has, and
// replaces Binary with the result. A module that needs a newer plughost
// than the tool's is refused (ErrNewerHost), before anything is built.
func (b *Builder) Install(ctx context.Context, args ...string) (*Installed, error) {
	specs, err := parseSpecs(args, true)
	if err != nil {
		return nil, err
	}
	if len(specs) == 0 {
		return nil, usagef("name a plugin module to install")
	}
	if err := b.check(); err != nil {
		return nil, err
	}
	st, err := stage(b.Binary)
	if err != nil {
		return nil, err
	}
	defer st.discard()
	p, err := b.newPlan(ctx)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(p.tmp)
	if err := p.prepare(ctx, specs); err != nil {
		return nil, err
	}
	return p.finish(ctx, st, b.Env)
}

// InstallLock makes the build lock records again, and replaces Binary
// with it as Install does. The go command must be of the lock's version
// (go env GOVERSION), the platform the lock's, and the lock's host
// package HostPackage (when it is set), or it is an error wrapping
// ErrLock.
func (b *Builder) InstallLock(ctx context.Context, lock *Lock) (*Installed, error) {
	if b.Binary == "" {
		return nil, errorf(ErrNotConfigured, "no binary to write: the tool's main must set Executable")
	}
	if lock == nil || lock.Format != LockFormat {
		return nil, errorf(ErrLock, "not a lock of format %d", LockFormat)
	}
	if b.HostPackage != "" && lock.HostPackage != b.HostPackage {
		return nil, errorf(ErrLock, "the lock is of a build of %s, not of %s", lock.HostPackage, b.HostPackage)
	}
	st, err := stage(b.Binary)
	if err != nil {
		return nil, err
	}
	defer st.discard()
	set := []string{"GOWORK", "off"}
	locked := map[string]string{}
	for _, kv := range lock.Env {
		k, v, _ := strings.Cut(kv, "=")
		locked[k] = v
	}
	for _, k := range buildEnvKeys() {
		set = append(set, k, locked[k])
	}
	if locked["GOOS"] != runtime.GOOS || locked["GOARCH"] != runtime.GOARCH {
		return nil, errorf(ErrLock, "the lock is of a build for %s/%s, not %s/%s", locked["GOOS"], locked["GOARCH"], runtime.GOOS, runtime.GOARCH)
	}
	g, err := newGo(b.Go, b.Env, b.Log, "mod", set...)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(tempDir(b.Env), "plughost-rebuild-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	ver, err := g.goEnv(ctx, tmp, "GOVERSION")
	if err != nil {
		return nil, err
	}
	if ver["GOVERSION"] != lock.GoVersion {
		return nil, errorf(ErrLock, "the lock was built with %s and this go is %s: rebuild it with GOTOOLCHAIN=%s", lock.GoVersion, ver["GOVERSION"], lock.GoVersion)
	}
	mods := make([]Module, 0, len(lock.Plugins))
	for _, pl := range lock.Plugins {
		mods = append(mods, pl.Module)
	}
	gen, err := Generate("main", mods)
	if err != nil {
		return nil, errorf(ErrLock, "%v", err)
	}
	main, err := mainSource(lock.HostPackage, lock.MainPackage, lock.File)
	if err != nil {
		return nil, errorf(ErrLock, "%v", err)
	}
	for name, data := range map[string]string{"go.mod": unlines(lock.GoMod), "go.sum": unlines(lock.GoSum), "main.go": string(main), DefaultFile: string(gen)} {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(data), 0o644); err != nil {
			return nil, err
		}
	}
	p := &plan{b: b, g: g, tmp: tmp, lock: lock}
	out, err := p.build(ctx, lock.BuildFlags)
	if err != nil {
		return nil, err
	}
	return p.replace(ctx, st, out, lock)
}

// check reports what the tool's main did not give.
func (b *Builder) check() error {
	switch {
	case b.HostPackage == "":
		return errorf(ErrNotConfigured, "this tool cannot rebuild itself: its author has not named the package that builds its host (HostPackage)")
	case b.BuildInfo == nil:
		return errorf(ErrNotConfigured, "this binary has no build info to rebuild it from")
	case b.Binary == "":
		return errorf(ErrNotConfigured, "no binary to replace: the tool's main must set Executable")
	}
	return checkPath(b.HostPackage)
}

// newPlan starts a build: the go command, the temporary module's
// directory, and what the build info says of the tool.
func (b *Builder) newPlan(ctx context.Context) (*plan, error) {
	cgo := "0"
	if b.Cgo {
		cgo = "1"
	}
	g, err := newGo(b.Go, b.Env, b.Log, "mod", "GOWORK", "off", "GOOS", runtime.GOOS, "GOARCH", runtime.GOARCH, "CGO_ENABLED", cgo)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(tempDir(b.Env), "plughost-rebuild-")
	if err != nil {
		return nil, err
	}
	p := &plan{b: b, g: g, tmp: tmp, lock: &Lock{Format: LockFormat, Tool: b.Tool, HostPackage: b.HostPackage, File: b.file()}}
	p.lock.Module = ModulePrefix + moduleElem(b.Tool)
	return p, nil
}

// file is the generated file's name.
func (b *Builder) file() string {
	if b.File != "" {
		return b.File
	}
	return DefaultFile
}

// prepare writes the temporary module: its go.mod and go.sum, with the
// tool, plughost and every plugin module pinned, and its main package.
func (p *plan) prepare(ctx context.Context, specs []spec) error {
	b, bi := p.b, p.b.BuildInfo
	tool, ok := moduleOf(bi, b.HostPackage)
	if !ok {
		return errorf(ErrNotConfigured, "%s, which builds the host, is not in this binary's build", b.HostPackage)
	}
	hostMod, ok := moduleOf(bi, hostModule+"/rebuild")
	if !ok {
		return errorf(ErrNotConfigured, "plughost is not in this binary's build")
	}
	p.toolPath, p.toolVer = tool.Path, tool.Version
	if hostMod.Path != tool.Path {
		p.host = hostMod.Version
	}
	rebuilt := strings.HasPrefix(bi.Main.Path, ModulePrefix)

	// An earlier install's lock: the plugins it added, and its replace
	// directives.
	running := b.Running
	if running == "" {
		running = b.Binary
	}
	lockPath := running + LockSuffix
	var prev *Lock
	if _, err := os.Stat(lockPath); err == nil {
		l, err := ReadLock(lockPath)
		if err != nil {
			return err
		}
		if l.Module == bi.Main.Path {
			prev = l
		} else {
			p.notes = append(p.notes, fmt.Sprintf("%s describes another build than this binary's: ignored", lockPath))
		}
	}
	if rebuilt && prev == nil {
		return errorf(ErrNoLock, "this binary was rebuilt by plughost, but its lock file %s is missing: which plugins it holds is unknown; reinstall the tool, then install its plugins again", lockPath)
	}

	// Where the tool's source is, when it is on this machine.
	repls := &replaces{}
	explicit, err := p.explicitReplaces(specs)
	if err != nil {
		return err
	}
	srcDir := explicit.dirOf(tool.Path)
	if srcDir == "" && tool.Replace != nil && isDirPath(tool.Replace.Path) && filepath.IsAbs(tool.Replace.Path) {
		srcDir = tool.Replace.Path
	}
	if srcDir == "" && tool.Replace == nil && unfetchable(tool.Version) {
		if srcDir, err = p.sourceHere(ctx, tool.Path); err != nil {
			return err
		}
	}
	if srcDir != "" && unfetchable(p.toolVer) {
		p.toolVer = zeroVersion
	}

	// The replace directives: the build info's, the earlier lock's, the
	// tool's go.mod's when its source is here, then those asked for.
	for _, d := range bi.Deps {
		if d.Replace == nil {
			continue
		}
		np, nv := d.Replace.Path, d.Replace.Version
		if isDirPath(np) {
			nv = ""
			if !filepath.IsAbs(np) {
				if srcDir == "" {
					return errorf(ErrRelativeReplace, "this binary was built with %s replaced by %s, a relative directory: run install in the tool's source tree, or pass --replace %s=DIR", d.Path, np, d.Path)
				}
				np = filepath.Join(srcDir, np)
			}
		}
		repls.add(d.Path, "", np, nv)
	}
	if prev != nil {
		if err := p.carry(ctx, repls, unlines(prev.GoMod), p.tmp); err != nil {
			return err
		}
	}
	var sums []string
	if srcDir != "" {
		if src, err := os.ReadFile(filepath.Join(srcDir, "go.mod")); err == nil {
			if err := p.carry(ctx, repls, string(src), srcDir); err != nil {
				return err
			}
		}
		if sum, err := os.ReadFile(filepath.Join(srcDir, "go.sum")); err == nil {
			sums = append(sums, lines(string(sum))...)
		}
		repls.add(tool.Path, "", srcDir, "")
	}
	repls.merge(explicit)
	if prev != nil {
		sums = append(sums, prev.GoSum...)
	}

	// go.mod and go.sum.
	gomod := fmt.Sprintf("module %s\n\ngo 1.24\n", p.lock.Module)
	if err := os.WriteFile(filepath.Join(p.tmp, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	slices.Sort(sums)
	if err := os.WriteFile(filepath.Join(p.tmp, "go.sum"), []byte(unlines(slices.Compact(sums))), 0o644); err != nil {
		return err
	}
	edit := []string{"mod", "edit", "-require=" + tool.Path + "@" + p.toolVer}
	if p.host != "" {
		edit = append(edit, "-require="+hostModule+"@"+p.host)
	}
	for _, r := range repls.list {
		edit = append(edit, "-replace="+r.arg())
	}
	if _, err := p.g.run(ctx, p.tmp, edit...); err != nil {
		return err
	}
	mf, err := p.g.readModFile(ctx, filepath.Join(p.tmp, "go.mod"))
	if err != nil {
		return err
	}

	// go get pins the tool and plughost at their versions, so that no
	// plugin upgrades them; a module every version of which is replaced
	// needs no pin (and its version there may be older than a plugin
	// asks for). The plugin modules asked for are found, and checked
	// against the plughost the tool is built with, before anything is
	// fetched.
	get := []string{"get"}
	if !repls.everyVersion(tool.Path) {
		get = append(get, tool.Path+"@"+p.toolVer)
	}
	if p.host != "" && !repls.everyVersion(hostModule) {
		get = append(get, hostModule+"@"+p.host)
	}
	asked := map[string]bool{}
	for _, s := range specs {
		if err := notTheTool(s.path, tool.Path); err != nil {
			return err
		}
		v, err := p.g.resolve(ctx, p.tmp, s)
		if err != nil {
			return err
		}
		goMod, err := p.g.pluginGoMod(ctx, p.tmp, mf, s.path, v)
		if err != nil {
			return err
		}
		if err := p.g.checkHost(ctx, goMod, s.path, p.host); err != nil {
			return err
		}
		get = append(get, s.path+"@"+v)
		asked[s.path] = true
	}
	var installed []LockedPlugin
	if prev != nil {
		for _, pl := range prev.Plugins {
			if pl.Installed && !asked[pl.Path] {
				get = append(get, pl.Path+"@"+pl.Version)
				installed = append(installed, pl)
			}
		}
	}
	if _, err := p.g.run(ctx, p.tmp, get...); err != nil {
		return err
	}
	for _, s := range specs {
		m, err := p.g.findPackage(ctx, p.tmp, s.path)
		if err != nil {
			return err
		}
		installed = append(installed, LockedPlugin{Module: m, Installed: true})
	}

	// The plugins the tool's source adds, from its generated file.
	mainPkg := b.MainPackage
	switch {
	case mainPkg != "":
	case !rebuilt && within(bi.Path, tool.Path):
		mainPkg = bi.Path
	case prev != nil:
		mainPkg = prev.MainPackage
	}
	p.lock.MainPackage = mainPkg
	if mainPkg != "" {
		if p.srcMods, err = p.sourcePlugins(ctx, mainPkg); err != nil {
			return err
		}
	}
	return p.writeMain(ctx, installed)
}

// sourceHere returns the directory of the module the tool was run in,
// when it is the tool's module path: the source of a tool built from a
// working tree.
func (p *plan) sourceHere(ctx context.Context, toolPath string) (string, error) {
	devel := errorf(ErrDevelTool, "this %s was built from a working tree of %s (version %s), which install cannot fetch: run install in that source tree, or pass --replace %s=DIR", p.toolName(), toolPath, develVersion(p.toolVer), toolPath)
	if p.b.Dir == "" {
		return "", devel
	}
	// -mod=readonly: the source tree is the user's, not to be changed.
	out, err := p.g.run(ctx, p.b.Dir, "list", "-mod=readonly", "-m", "-json")
	if err != nil {
		if errors.Is(err, ErrGo) {
			return "", devel
		}
		return "", err
	}
	mods, err := decodeAll[listedModule](out)
	if err != nil {
		return "", err
	}
	for _, m := range mods {
		if m.Path == toolPath && m.Dir != "" {
			p.notes = append(p.notes, fmt.Sprintf("built %s from its source in %s", toolPath, m.Dir))
			return m.Dir, nil
		}
	}
	return "", devel
}

// develVersion is how a message shows an unfetchable version.
func develVersion(v string) string {
	if v == "" {
		return "(devel)"
	}
	return v
}

// explicitReplaces returns the replacements Replace and the arguments'
// =DIR ask for, directories made absolute against Dir.
func (p *plan) explicitReplaces(specs []spec) (*replaces, error) {
	r := &replaces{}
	abs := func(dir string) (string, error) {
		if filepath.IsAbs(dir) {
			return filepath.Clean(dir), nil
		}
		if p.b.Dir == "" {
			return "", errorf(ErrNotConfigured, "no working directory for the relative directory %s: the tool's main must set Getwd", dir)
		}
		return filepath.Join(p.b.Dir, dir), nil
	}
	for _, arg := range p.b.Replace {
		s, err := parseSpec(arg, true)
		if err != nil {
			return nil, err
		}
		if s.dir == "" {
			return nil, usagef("%q: want MODULE=DIR", arg)
		}
		dir, err := abs(s.dir)
		if err != nil {
			return nil, err
		}
		r.add(s.path, s.version, dir, "")
	}
	for _, s := range specs {
		if s.dir == "" {
			continue
		}
		dir, err := abs(s.dir)
		if err != nil {
			return nil, err
		}
		r.add(s.path, "", dir, "")
	}
	return r, nil
}

// carry adds the replace directives of the go.mod text src, whose
// relative directories are relative to dir.
func (p *plan) carry(ctx context.Context, r *replaces, src, dir string) error {
	f := filepath.Join(p.tmp, "carried.mod")
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		return err
	}
	defer os.Remove(f)
	mf, err := p.g.readModFile(ctx, f)
	if err != nil {
		return err
	}
	for _, rep := range mf.Replace {
		np, nv := rep.New.Path, rep.New.Version
		if isDirPath(np) && !filepath.IsAbs(np) {
			np = filepath.Join(dir, np)
		}
		r.add(rep.Old.Path, rep.Old.Version, np, nv)
	}
	return nil
}

// sourcePlugins reads the plugin modules the generated file of the tool's
// main package lists, as the temporary module builds it.
func (p *plan) sourcePlugins(ctx context.Context, mainPkg string) ([]Module, error) {
	out, err := p.g.run(ctx, p.tmp, "list", "-mod="+p.g.mod, "-e", "-json", mainPkg)
	if err != nil {
		return nil, err
	}
	pkgs, err := decodeAll[listedPackage](out)
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 || pkgs[0].Dir == "" {
		p.notes = append(p.notes, fmt.Sprintf("the tool's main package %s was not found: only the plugins installed are added", mainPkg))
		return nil, nil
	}
	return readGenerated(filepath.Join(pkgs[0].Dir, p.b.file()))
}

// writeMain writes the temporary module's main package: main.go and the
// generated file of every plugin module.
func (p *plan) writeMain(ctx context.Context, installed []LockedPlugin) error {
	byPath := map[string]LockedPlugin{}
	for _, m := range p.srcMods {
		byPath[m.Path] = LockedPlugin{Module: m}
	}
	for _, pl := range installed {
		byPath[pl.Path] = pl
	}
	mods := make([]Module, 0, len(byPath))
	for _, pl := range byPath {
		mods = append(mods, pl.Module)
		p.lock.Plugins = append(p.lock.Plugins, pl)
	}
	slices.SortFunc(p.lock.Plugins, func(a, b LockedPlugin) int { return strings.Compare(a.Path, b.Path) })
	gen, err := Generate("main", mods)
	if err != nil {
		return err
	}
	main, err := mainSource(p.lock.HostPackage, p.lock.MainPackage, p.lock.File)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(p.tmp, DefaultFile), gen, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(p.tmp, "main.go"), main, 0o644)
}

// finish builds the temporary module, completes the lock, and replaces
// the binary.
func (p *plan) finish(ctx context.Context, st *staged, env []string) (*Installed, error) {
	out, err := p.build(ctx, buildFlags())
	if err != nil {
		return nil, err
	}
	l := p.lock
	l.BuildFlags = buildFlags()
	l.ToolModule = p.toolPath
	vals, err := p.g.goEnv(ctx, p.tmp, append([]string{"GOVERSION"}, buildEnvKeys()...)...)
	if err != nil {
		return nil, err
	}
	l.GoVersion = vals["GOVERSION"]
	l.Env = []string{}
	for _, k := range buildEnvKeys() {
		if v, ok := vals[k]; ok {
			l.Env = append(l.Env, k+"="+v)
		}
	}
	slices.Sort(l.Env)
	paths := []string{p.toolPath}
	for _, pl := range l.Plugins {
		paths = append(paths, pl.Path)
	}
	mods, err := p.g.modules(ctx, p.tmp, paths...)
	if err != nil {
		return nil, err
	}
	for _, m := range mods {
		if m.Path == p.toolPath {
			l.ToolVersion = m.Version
		}
		for i := range l.Plugins {
			if l.Plugins[i].Path == m.Path {
				l.Plugins[i].Version = m.Version
			}
		}
	}
	for name, dst := range map[string]*[]string{"go.mod": &l.GoMod, "go.sum": &l.GoSum} {
		data, err := os.ReadFile(filepath.Join(p.tmp, name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		*dst = lines(string(data))
	}
	inst, err := p.replace(ctx, st, out, l)
	if err != nil {
		return nil, err
	}
	inst.Notes = append(p.notes, inst.Notes...)
	return inst, nil
}

// build runs go build in the temporary module and returns the binary's
// path.
func (p *plan) build(ctx context.Context, flags []string) (string, error) {
	out := filepath.Join(p.tmp, "rebuilt")
	if runtime.GOOS == "windows" {
		out += ".exe"
	}
	args := append(append([]string{"build"}, flags...), "-o", out, ".")
	if _, err := p.g.run(ctx, p.tmp, args...); err != nil {
		return "", err
	}
	return out, nil
}

// replace checks the binary at out and puts it in place of the target,
// with the lock.
func (p *plan) replace(ctx context.Context, st *staged, out string, l *Lock) (*Installed, error) {
	if err := st.fill(out); err != nil {
		return nil, err
	}
	if err := p.verify(ctx, st.path(), l); err != nil {
		return nil, err
	}
	data, err := l.Marshal()
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(st.target)
	lockPath := st.target + LockSuffix
	if err := st.swap(lockPath, data); err != nil {
		return nil, err
	}
	inst := &Installed{Binary: st.target, LockFile: lockPath, Lock: l}
	if statErr == nil {
		inst.Backup = backupPath(st.target)
	}
	return inst, nil
}

// verify runs the binary at bin, "plugins --json", and checks that it
// lists a plugin of every plugin module of the lock.
func (p *plan) verify(ctx context.Context, bin string, l *Lock) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "plugins", "--json")
	cmd.Dir = p.tmp
	cmd.Env = p.b.Env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	name := p.toolName()
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil && errors.Is(ctx.Err(), context.Canceled) {
			return ctx.Err()
		}
		return errorf(ErrVerify, "the rebuilt %s failed to run \"%s plugins --json\" (%v: %s): %s was left as it was", name, name, err, firstLine(stderr.String()), p.b.Binary)
	}
	var rows []struct {
		Module string `json:"module"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rows); err != nil {
		return errorf(ErrVerify, "the rebuilt %s printed no plugin list (%v): %s was left as it was", name, err, p.b.Binary)
	}
	have := map[string]bool{}
	for _, r := range rows {
		have[r.Module] = true
	}
	for _, pl := range l.Plugins {
		if !have[pl.Path] {
			return errorf(ErrVerify, "the rebuilt %s lists no plugin of %s (does its Plugins function return any?): %s was left as it was", name, pl.Path, p.b.Binary)
		}
	}
	return nil
}

// toolName is the tool's name for messages.
func (p *plan) toolName() string {
	if p.b.Tool != "" {
		return p.b.Tool
	}
	return "tool"
}

// moduleOf returns the module of bi (its main module or a dependency)
// that holds package pkg: the one with the longest path.
func moduleOf(bi *debug.BuildInfo, pkg string) (debug.Module, bool) {
	var best debug.Module
	found := false
	consider := func(m *debug.Module) {
		if m != nil && m.Path != "" && within(pkg, m.Path) && len(m.Path) > len(best.Path) {
			best, found = *m, true
		}
	}
	consider(&bi.Main)
	for _, d := range bi.Deps {
		consider(d)
	}
	return best, found
}

// moduleElem returns the tool's name as a module path element.
func moduleElem(tool string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(tool) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteRune('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "tool"
	}
	return s
}

// tempDir is where the temporary module goes: TMPDIR from env, or the
// system's temporary directory.
func tempDir(env []string) string {
	if d, ok := getEnv(env, "TMPDIR"); ok && d != "" {
		return d
	}
	return os.TempDir()
}

// replace is one replace directive.
type replace struct {
	oldPath, oldVersion, newPath, newVersion string
}

// arg is the directive as go mod edit -replace takes it.
func (r replace) arg() string {
	s := r.oldPath
	if r.oldVersion != "" {
		s += "@" + r.oldVersion
	}
	s += "=" + r.newPath
	if r.newVersion != "" {
		s += "@" + r.newVersion
	}
	return s
}

// replaces is an ordered set of replace directives, the last added for a
// module and version winning.
type replaces struct{ list []replace }

// add adds a directive, replacing one of the same module and version.
func (rs *replaces) add(oldPath, oldVersion, newPath, newVersion string) {
	rs.list = slices.DeleteFunc(rs.list, func(r replace) bool { return r.oldPath == oldPath && r.oldVersion == oldVersion })
	rs.list = append(rs.list, replace{oldPath, oldVersion, newPath, newVersion})
}

// merge adds every directive of o, in its order.
func (rs *replaces) merge(o *replaces) {
	for _, r := range o.list {
		rs.add(r.oldPath, r.oldVersion, r.newPath, r.newVersion)
	}
}

// everyVersion reports whether every version of module path is
// replaced.
func (rs *replaces) everyVersion(path string) bool {
	for _, r := range rs.list {
		if r.oldPath == path && r.oldVersion == "" {
			return true
		}
	}
	return false
}

// dirOf returns the directory that replaces every version of module
// path, or "".
func (rs *replaces) dirOf(path string) string {
	for _, r := range rs.list {
		if r.oldPath == path && r.oldVersion == "" && r.newVersion == "" {
			return r.newPath
		}
	}
	return ""
}
