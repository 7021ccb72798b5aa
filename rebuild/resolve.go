package rebuild

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// resolve returns the exact version the query of s (its version, or
// "latest") names, as the module in dir would see it: replacements
// included, so a version a replace directive names is found offline. A
// module or version go cannot find is an error wrapping ErrNotFound.
func (g *goTool) resolve(ctx context.Context, dir string, s spec) (string, error) {
	query := s.version
	if query == "" {
		query = "latest"
	}
	mods, err := g.modules(ctx, dir, s.path+"@"+query)
	if err != nil {
		if errors.Is(err, ErrGo) {
			return "", errorf(ErrNotFound, "module %s@%s not found: %s", s.path, query, goReason(err, s.path+"@"+query))
		}
		return "", err
	}
	if len(mods) != 1 || mods[0].Version == "" {
		return "", errorf(ErrNotFound, "module %s@%s not found", s.path, query)
	}
	if mods[0].Error != nil {
		return "", errorf(ErrNotFound, "module %s@%s not found: %s", s.path, query, mods[0].Error.Err)
	}
	return mods[0].Version, nil
}

// goReason returns the text of a go error without "go list: " and a
// leading "MODULE@QUERY: " that the caller's message says already.
func goReason(err error, about string) string {
	msg := err.Error()
	if _, rest, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "go ") {
		msg = rest
	}
	return strings.TrimPrefix(msg, about+": ")
}

// replacement returns the replacement mf, a main module's go.mod, makes
// of module path at version: a versioned replacement of that version
// first, then a replacement of every version. ok is false for none.
func replacement(mf *modFile, path, version string) (newPath, newVersion string, ok bool) {
	for _, exact := range []bool{true, false} {
		for _, r := range mf.Replace {
			if r.Old.Path == path && (exact && r.Old.Version == version || !exact && r.Old.Version == "") {
				return r.New.Path, r.New.Version, true
			}
		}
	}
	return "", "", false
}

// pluginGoMod returns the path of the go.mod file of module path at
// version, as the module whose go.mod is mf, in dir, builds it: its
// replacement's, or the one go downloads.
func (g *goTool) pluginGoMod(ctx context.Context, dir string, mf *modFile, path, version string) (string, error) {
	fetch, at := path, version
	if np, nv, ok := replacement(mf, path, version); ok {
		if nv == "" {
			if !filepath.IsAbs(np) {
				np = filepath.Join(dir, np)
			}
			return filepath.Join(np, "go.mod"), nil
		}
		fetch, at = np, nv
	}
	out, err := g.run(ctx, dir, "mod", "download", "-json", fetch+"@"+at)
	if err != nil {
		var dl struct{ Error string }
		if json.Unmarshal(out, &dl) == nil && dl.Error != "" {
			return "", errorf(ErrNotFound, "module %s@%s not found: %s", fetch, at, dl.Error)
		}
		return "", err
	}
	var dl struct{ GoMod, Error string }
	if err := json.Unmarshal(out, &dl); err != nil || dl.GoMod == "" {
		return "", errorf(ErrNotFound, "module %s@%s not found: %s", fetch, at, dl.Error)
	}
	return dl.GoMod, nil
}

// checkHost reads the go.mod file of plugin module path and returns
// ErrNewerHost if it requires a newer plughost than has, the version the
// tool is built with ("" for a tool that is plughost's own module, which
// any version satisfies).
func (g *goTool) checkHost(ctx context.Context, goMod, path, has string) error {
	if has == "" {
		return nil
	}
	mf, err := g.readModFile(ctx, goMod)
	if err != nil {
		if _, statErr := os.Stat(goMod); statErr != nil {
			return errorf(ErrNotFound, "module %s: no go.mod at %s", path, goMod)
		}
		return err
	}
	if mf.Module.Path != "" && mf.Module.Path != path {
		return errorf(ErrNotFound, "module %s: its go.mod says it is %s", path, mf.Module.Path)
	}
	for _, r := range mf.Require {
		if r.Path == hostModule && compareVersions(r.Version, has) > 0 {
			return newerHost(path, r.Version, has)
		}
	}
	return nil
}

// findPackage returns the package of module mod that declares
// func Plugins() []plugins.Plugin, as the module in dir builds it: the
// module's root package when it does, or else the one package that does.
// None, or more than one besides the root, is an error wrapping
// ErrNoPluginsFunc. Main packages and internal packages, which a tool
// cannot import, do not count.
func (g *goTool) findPackage(ctx context.Context, dir, mod string) (Module, error) {
	out, err := g.run(ctx, dir, "list", "-mod="+g.mod, "-e", "-json", mod+"/...")
	if err != nil {
		return Module{}, err
	}
	pkgs, err := decodeAll[listedPackage](out)
	if err != nil {
		return Module{}, err
	}
	var ok, wrong []string
	for _, p := range pkgs {
		if p.Module == nil || p.Module.Path != mod || p.Name == "main" || p.Name == "" || isInternal(p.ImportPath) {
			continue
		}
		has, found, err := dirHasPlugins(p.Dir, p.GoFiles)
		if err != nil {
			return Module{}, errorf(ErrNoPluginsFunc, "module %s: package %s: %v", mod, p.ImportPath, err)
		}
		switch {
		case has:
			ok = append(ok, p.ImportPath)
		case found:
			wrong = append(wrong, p.ImportPath)
		}
	}
	switch {
	case slices.Contains(ok, mod):
		return Module{Path: mod, Package: mod}, nil
	case len(ok) == 1:
		return Module{Path: mod, Package: ok[0]}, nil
	case len(ok) > 1:
		return Module{}, errorf(ErrNoPluginsFunc, "module %s has a Plugins function in more than one package (%s) and none in its root: it is not a plugin module", mod, strings.Join(ok, ", "))
	case len(wrong) > 0:
		return Module{}, errorf(ErrNoPluginsFunc, "module %s: package %s declares Plugins, but not as func Plugins() []plugins.Plugin", mod, wrong[0])
	}
	return Module{}, errorf(ErrNoPluginsFunc, "module %s has no package that declares func Plugins() []plugins.Plugin: it is not a plugin module", mod)
}

// dirHasPlugins reports whether one of the files of the package in dir
// declares the Plugins function, and whether one declares a function of
// that name at all.
func dirHasPlugins(dir string, files []string) (has, found bool, err error) {
	for _, name := range files {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return false, false, err
		}
		ok, f, err := pluginsFunc(name, src)
		if err != nil {
			return false, false, err
		}
		if ok {
			return true, true, nil
		}
		found = found || f
	}
	return false, found, nil
}

// isInternal reports whether the import path has an element "internal",
// which makes it importable only from within its own tree.
func isInternal(path string) bool {
	return slices.Contains(strings.Split(path, "/"), "internal")
}
