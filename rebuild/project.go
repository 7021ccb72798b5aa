package rebuild

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Project adds, removes and upgrades the plugin modules of a tool in its
// source tree: what "tool plugins add", "remove" and "upgrade" do. It runs
// the go command in the tool's module, and rewrites the generated file in
// the package MainPackage names (DefaultFile, unless File says otherwise),
// which the tool's main calls:
//
//	h.Plugins = append(generatedPlugins(), h.Plugins...)
//
// The generated file is the list of the added plugin modules: each
// method reads it, changes it and writes it again, and go.mod holds their
// versions. Every go get names plughost at the version the tool's go.mod
// requires, so that adding a plugin never upgrades it: a plugin that
// needs a newer one is refused, with ErrNewerHost. (The tool's own module
// is the main module here, which go get cannot name and nothing upgrades;
// in plughost's own tree, as for examples/mycli, plughost is too.)
// go.mod and go.sum are left for the author to review and commit;
// nothing runs go mod tidy. A method that fails puts go.mod, go.sum and
// the generated file back as they were.
type Project struct {
	// Dir is a directory in the tool's module, where the go command runs:
	// the working directory the tool was run in. Required.
	Dir string
	// MainPackage is the import path of the package the generated file
	// goes in, the tool's main package. Required.
	MainPackage string
	// File is the name of the generated file; empty means DefaultFile.
	File string
	// Env is the environment the go command runs in, as os.Environ
	// returns it; its PATH finds the go command. Any -mod flag in its
	// GOFLAGS is dropped: see the package documentation.
	Env []string
	// Go is the path of the go command; empty means the one on Env's
	// PATH.
	Go string
	// Log, when set, gets each go command and its own output as it runs.
	Log io.Writer
}

// Report says what a Project method did.
type Report struct {
	// File is the generated file's path, or empty when it was not
	// written.
	File string
	// Changes are the plugin modules added, upgraded or removed, or found
	// at the version asked for already, in the order of their paths.
	Changes []Change
	// Notes are what the tool's author should know or do next, one line
	// each.
	Notes []string
}

// Change is one plugin module a Project method added, upgraded or
// removed.
type Change struct {
	// Module is the module's path.
	Module string
	// Package is the package whose Plugins function the tool calls.
	Package string
	// Old is the version go.mod required before, or empty when the module
	// was not an added plugin; New the version it requires now, or empty
	// when the plugin was removed. Old equals New for a module that was
	// at that version already (upgrade's latest, or add's version).
	Old, New string
}

// String says what happened, as add, remove and upgrade print it.
func (c Change) String() string {
	switch {
	case c.New == "":
		return "removed " + c.Module
	case c.Old == "":
		return fmt.Sprintf("added %s %s", c.Module, c.New)
	case c.Old == c.New:
		return fmt.Sprintf("%s is at %s already", c.Module, c.New)
	case compareVersions(c.New, c.Old) < 0:
		return fmt.Sprintf("downgraded %s %s => %s", c.Module, c.Old, c.New)
	}
	return fmt.Sprintf("upgraded %s %s => %s", c.Module, c.Old, c.New)
}

// tree is a tool's source tree, as a Project method found it.
type tree struct {
	g       *goTool
	modDir  string   // the module's root
	goMod   string   // its go.mod file
	mf      *modFile // what go.mod says
	pkgDir  string   // the main package's directory
	pkgName string   // its name
	files   []string // its Go files
	file    string   // the generated file
	mods    []Module // the plugin modules the generated file lists
	host    string   // plughost's version in go.mod; "" in plughost's own tree
}

// Modules returns the plugin modules the tool's generated file lists, in
// its order, or none when there is no generated file yet.
func (p *Project) Modules(ctx context.Context) ([]Module, error) {
	t, err := p.load(ctx)
	if err != nil {
		return nil, err
	}
	return t.mods, nil
}

// Add adds the plugin modules args name, each MODULE[@VERSION][=DIR]:
// VERSION is any version query go get takes (latest when it is left out),
// and DIR a directory to replace the module with (a replace directive in
// go.mod, for a plugin being written beside the tool). For each module it
// finds the version, checks that the module does not require a newer
// plughost than the tool's, pins it with go get (naming plughost at its
// current version in the same command), finds the package that declares
// func Plugins() []plugins.Plugin, and then writes the generated file
// listing it beside the others. A module already added gets the version
// asked for.
func (p *Project) Add(ctx context.Context, args ...string) (*Report, error) {
	specs, err := parseSpecs(args, true)
	if err != nil {
		return nil, err
	}
	t, err := p.load(ctx)
	if err != nil {
		return nil, err
	}
	snap, err := takeSnapshot(t.goMod, filepath.Join(t.modDir, "go.sum"), t.file)
	if err != nil {
		return nil, err
	}
	rep, err := p.add(ctx, t, specs)
	if err != nil {
		if rerr := snap.restore(); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return nil, err
	}
	return rep, nil
}

// add is Add once the files are saved: on error, Add puts them back.
func (p *Project) add(ctx context.Context, t *tree, specs []spec) (*Report, error) {
	var edits []string
	for _, s := range specs {
		if err := notTheTool(s.path, t.mf.Module.Path); err != nil {
			return nil, err
		}
		if s.dir == "" {
			continue
		}
		dir := s.dir
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(p.Dir, dir)
		}
		if rel, err := filepath.Rel(t.modDir, dir); err == nil && !filepath.IsAbs(rel) {
			dir = filepath.ToSlash(rel)
			if !strings.HasPrefix(dir, "../") && dir != ".." {
				dir = "./" + dir
			}
		}
		edits = append(edits, "-replace="+s.path+"="+dir)
	}
	if len(edits) > 0 {
		if _, err := t.g.run(ctx, t.modDir, append([]string{"mod", "edit"}, edits...)...); err != nil {
			return nil, err
		}
		mf, err := t.g.readModFile(ctx, t.goMod)
		if err != nil {
			return nil, err
		}
		t.mf = mf
	}
	var want []string
	var changes []Change
	for _, s := range specs {
		v, err := t.g.resolve(ctx, t.modDir, s)
		if err != nil {
			return nil, err
		}
		goMod, err := t.g.pluginGoMod(ctx, t.modDir, t.mf, s.path, v)
		if err != nil {
			return nil, err
		}
		if err := t.g.checkHost(ctx, goMod, s.path, t.host); err != nil {
			return nil, err
		}
		want = append(want, s.path+"@"+v)
		c := Change{Module: s.path, New: v}
		if t.packageOf(s.path) != "" {
			c.Old = t.required(s.path)
		}
		changes = append(changes, c)
	}
	if err := t.get(ctx, t.modDir, want...); err != nil {
		return nil, err
	}
	for i, c := range changes {
		m, err := t.g.findPackage(ctx, t.modDir, c.Module)
		if err != nil {
			return nil, err
		}
		changes[i].Package = m.Package
		t.mods = append(t.mods, m)
	}
	return p.write(ctx, t, changes, true)
}

// Remove removes the plugin modules args name (MODULE, or MODULE@VERSION
// with the version ignored) from the generated file. Each must be listed
// there, or Remove changes nothing and returns an error wrapping
// ErrNotAdded. go.mod is left as it is: its requirement of the module
// goes when the author runs go mod tidy, which would also drop what only
// that module needed.
func (p *Project) Remove(ctx context.Context, args ...string) (*Report, error) {
	specs, err := parseSpecs(args, false)
	if err != nil {
		return nil, err
	}
	t, err := p.load(ctx)
	if err != nil {
		return nil, err
	}
	var changes []Change
	for _, s := range specs {
		i := slices.IndexFunc(t.mods, func(m Module) bool { return m.Path == s.path })
		if i < 0 {
			return nil, t.notAdded(s.path)
		}
		changes = append(changes, Change{Module: s.path, Package: t.mods[i].Package, Old: t.required(s.path)})
		t.mods = slices.Delete(t.mods, i, i+1)
	}
	rep, err := p.write(ctx, t, changes, false)
	if err != nil {
		return nil, err
	}
	rep.Notes = append(rep.Notes, "go.mod still requires what was removed: go mod tidy drops it")
	return rep, nil
}

// Upgrade upgrades the plugin modules args name (each MODULE), or every
// added one when there are none, to their latest versions, pinning
// plughost as Add does. A module that is at its latest version already is
// reported as such; one that go.mod replaces with a directory is left as
// it is, with a note. A module whose latest version needs a newer plughost
// is an error wrapping ErrNewerHost, and nothing is upgraded.
func (p *Project) Upgrade(ctx context.Context, args ...string) (*Report, error) {
	specs, err := parseSpecs(args, false)
	if err != nil {
		return nil, err
	}
	t, err := p.load(ctx)
	if err != nil {
		return nil, err
	}
	if len(specs) == 0 {
		for _, m := range t.mods {
			specs = append(specs, spec{path: m.Path})
		}
	}
	snap, err := takeSnapshot(t.goMod, filepath.Join(t.modDir, "go.sum"), t.file)
	if err != nil {
		return nil, err
	}
	rep, err := p.upgrade(ctx, t, specs)
	if err != nil {
		if rerr := snap.restore(); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return nil, err
	}
	return rep, nil
}

// upgrade is Upgrade once the files are saved: on error, Upgrade puts
// them back.
func (p *Project) upgrade(ctx context.Context, t *tree, specs []spec) (*Report, error) {
	var (
		want    []string
		changes []Change
		notes   []string
	)
	for _, s := range specs {
		if !slices.ContainsFunc(t.mods, func(m Module) bool { return m.Path == s.path }) {
			return nil, t.notAdded(s.path)
		}
		cur := t.required(s.path)
		if np, nv, ok := replacement(t.mf, s.path, ""); ok && nv == "" {
			notes = append(notes, fmt.Sprintf("%s is replaced by %s in go.mod: not upgraded", s.path, np))
			continue
		}
		v, err := t.g.resolve(ctx, t.modDir, spec{path: s.path, version: "latest"})
		if err != nil {
			return nil, err
		}
		c := Change{Module: s.path, Old: cur, New: v}
		if cur != "" && compareVersions(v, cur) <= 0 {
			c.New = cur
			changes = append(changes, c)
			continue
		}
		goMod, err := t.g.pluginGoMod(ctx, t.modDir, t.mf, s.path, v)
		if err != nil {
			return nil, err
		}
		if err := t.g.checkHost(ctx, goMod, s.path, t.host); err != nil {
			return nil, err
		}
		want = append(want, s.path+"@"+v)
		changes = append(changes, c)
	}
	if len(want) == 0 {
		slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.Module, b.Module) })
		for i := range changes {
			changes[i].Package = t.packageOf(changes[i].Module)
		}
		return &Report{Changes: changes, Notes: notes}, nil
	}
	if err := t.get(ctx, t.modDir, want...); err != nil {
		return nil, err
	}
	for i, c := range changes {
		if c.Old == c.New {
			changes[i].Package = t.packageOf(c.Module)
			continue
		}
		// The package may have moved in the new version: find it again.
		m, err := t.g.findPackage(ctx, t.modDir, c.Module)
		if err != nil {
			return nil, err
		}
		changes[i].Package = m.Package
		t.mods = append(t.mods, m)
	}
	rep, err := p.write(ctx, t, changes, true)
	if err != nil {
		return nil, err
	}
	rep.Notes = append(notes, rep.Notes...)
	return rep, nil
}

// write writes the generated file listing t.mods, and with complete runs
// go get in the main package's directory, pinning plughost, so that go.mod
// requires what the file imports.
func (p *Project) write(ctx context.Context, t *tree, changes []Change, complete bool) (*Report, error) {
	mods, err := sortModules(t.mods)
	if err != nil {
		return nil, err
	}
	src, err := Generate(t.pkgName, mods)
	if err != nil {
		return nil, err
	}
	if err := writeFileAtomic(t.file, src, 0o644); err != nil {
		return nil, err
	}
	if complete {
		if err := t.get(ctx, t.pkgDir, "."); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.Module, b.Module) })
	rep := &Report{File: t.file, Changes: changes}
	if !t.callsGenerated() {
		rep.Notes = append(rep.Notes, fmt.Sprintf("main does not call %s yet: prepend its plugins with h.Plugins = append(%s(), h.Plugins...)", FuncName, FuncName))
	}
	if _, err := os.Stat(filepath.Join(t.modDir, "vendor", "modules.txt")); err == nil && complete {
		rep.Notes = append(rep.Notes, "this module vendors its dependencies: run go mod vendor")
	}
	return rep, nil
}

// load finds the tool's module and main package from p.Dir, and reads the
// generated file.
func (p *Project) load(ctx context.Context) (*tree, error) {
	switch {
	case p.Dir == "":
		return nil, errorf(ErrNotConfigured, "no working directory: the tool's main must set Getwd")
	case p.MainPackage == "":
		return nil, errorf(ErrNotConfigured, "the tool does not name its main package: set MainPackage")
	}
	g, err := newGo(p.Go, p.Env, p.Log, "readonly")
	if err != nil {
		return nil, err
	}
	t := &tree{g: g}
	notHere := func(why string) error {
		return errorf(ErrNotInSource, "%s is not in this directory's module: run this in the tool's source tree (%s)", p.MainPackage, why)
	}
	out, err := g.run(ctx, p.Dir, "list", "-mod="+g.mod, "-e", "-json", p.MainPackage)
	if err != nil {
		if errors.Is(err, ErrGo) {
			return nil, notHere(goReason(err, ""))
		}
		return nil, err
	}
	pkgs, err := decodeAll[listedPackage](out)
	if err != nil {
		return nil, err
	}
	switch {
	case len(pkgs) != 1:
		return nil, notHere("go list found no package")
	case pkgs[0].Module == nil || pkgs[0].Dir == "":
		msg := "no module provides it"
		if pkgs[0].Error != nil {
			msg = pkgs[0].Error.Err
		}
		return nil, notHere(firstLine(msg))
	case !pkgs[0].Module.Main:
		return nil, notHere("it comes from " + pkgs[0].Module.Path + " in the module cache")
	}
	pkg := pkgs[0]
	t.modDir, t.goMod, t.pkgDir, t.pkgName = pkg.Module.Dir, pkg.Module.GoMod, pkg.Dir, pkg.Name
	if t.pkgName == "" {
		t.pkgName = "main"
	}
	t.file = filepath.Join(pkg.Dir, p.file())
	for _, f := range pkg.GoFiles {
		if f != p.file() {
			t.files = append(t.files, filepath.Join(pkg.Dir, f))
		}
	}
	if t.mods, err = readGenerated(t.file); err != nil {
		return nil, err
	}
	if t.mf, err = g.readModFile(ctx, t.goMod); err != nil {
		return nil, err
	}
	if t.mf.Module.Path != hostModule {
		mods, err := g.modules(ctx, t.modDir, hostModule)
		if err != nil {
			return nil, err
		}
		if len(mods) == 1 && !mods[0].Main {
			t.host = mods[0].Version
		}
	}
	return t, nil
}

// file is the generated file's name.
func (p *Project) file() string {
	if p.File != "" {
		return p.File
	}
	return DefaultFile
}

// readGenerated reads the plugin modules the generated file at path
// lists; none when it does not exist.
func readGenerated(path string) ([]Module, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	mods, err := ParseGenerated(src)
	if err != nil {
		return nil, errorf(ErrNotGenerated, "%s: %w: move it away, or name another file", path, err)
	}
	return mods, nil
}

// get runs go get with args in dir, naming plughost at the version go.mod
// requires in the same command.
func (t *tree) get(ctx context.Context, dir string, args ...string) error {
	args = append([]string{"get"}, args...)
	if t.host != "" {
		args = append(args, hostModule+"@"+t.host)
	}
	_, err := t.g.run(ctx, dir, args...)
	return err
}

// required returns the version go.mod requires of module path, or "".
func (t *tree) required(path string) string {
	for _, r := range t.mf.Require {
		if r.Path == path {
			return r.Version
		}
	}
	return ""
}

// packageOf returns the package the generated file lists for module path.
func (t *tree) packageOf(path string) string {
	for _, m := range t.mods {
		if m.Path == path {
			return m.Package
		}
	}
	return ""
}

// notAdded is the error for a module the generated file does not list.
func (t *tree) notAdded(path string) error {
	names := make([]string, 0, len(t.mods))
	for _, m := range t.mods {
		names = append(names, m.Path)
	}
	if len(names) == 0 {
		return errorf(ErrNotAdded, "%s is not an added plugin (none is)", path)
	}
	return errorf(ErrNotAdded, "%s is not an added plugin (added: %s)", path, strings.Join(names, ", "))
}

// callsGenerated reports whether a file of the main package other than
// the generated one mentions FuncName.
func (t *tree) callsGenerated() bool {
	for _, f := range t.files {
		if src, err := os.ReadFile(f); err == nil && strings.Contains(string(src), FuncName+"()") {
			return true
		}
	}
	return false
}

// parseSpecs parses each of args, withDir saying whether =DIR is allowed,
// the last of a module winning.
func parseSpecs(args []string, withDir bool) ([]spec, error) {
	var specs []spec
	for _, a := range args {
		s, err := parseSpec(a, withDir)
		if err != nil {
			return nil, err
		}
		specs = slices.DeleteFunc(specs, func(o spec) bool { return o.path == s.path })
		specs = append(specs, s)
	}
	return specs, nil
}

// notTheTool refuses to add plughost or the tool's own module as a plugin
// module.
func notTheTool(path, tool string) error {
	switch path {
	case hostModule:
		return usagef("%s is plughost itself, not a plugin module", path)
	case tool:
		return usagef("%s is the tool's own module, not a plugin module", path)
	}
	return nil
}
