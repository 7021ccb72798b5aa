//go:build plughost_so && cgo && (linux || darwin || freebsd)

package soplugins

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"syscall"
)

// manifestOf describes the build bi describes, as a manifest does: every
// field but Name, Sequence and Size.
func manifestOf(bi *debug.BuildInfo) Manifest {
	m := Manifest{
		Package:   bi.Path,
		GoVersion: bi.GoVersion,
		GOOS:      runtime.GOOS,
		GOARCH:    runtime.GOARCH,
		Main:      moduleOf(&bi.Main),
	}
	for _, s := range bi.Settings {
		switch k, v := s.Key, s.Value; {
		case k == "GOOS":
			m.GOOS = v
		case k == "GOARCH":
			m.GOARCH = v
		case k == "CGO_ENABLED":
			m.Cgo = v == "1"
		case k == "-race":
			m.Race = v == "true"
		case k == "-trimpath":
			m.Trimpath = v == "true"
		case k == "-tags":
			m.Tags = splitTags(v)
		case compared(k) && v != "":
			if m.Settings == nil {
				m.Settings = map[string]string{}
			}
			m.Settings[k] = v
		}
	}
	for _, d := range bi.Deps {
		if d != nil {
			m.Deps = append(m.Deps, moduleOf(d))
		}
	}
	return m
}

// compared reports whether the build setting k changes compiled code, so
// that a plugin and its tool must agree on it, beyond those a Manifest has
// a field for. The GO variables are GOEXPERIMENT, GOFIPS140 and the
// architecture levels (GOAMD64, GOARM64, ...); DefaultGODEBUG and the
// linker's flags do not count.
func compared(k string) bool {
	switch k {
	case "-asan", "-msan", "-gcflags", "-asmflags", "-compiler", "-pgo":
		return true
	case "GOOS", "GOARCH":
		return false
	}
	return strings.HasPrefix(k, "GO") && strings.ToUpper(k) == k
}

func moduleOf(d *debug.Module) Module {
	m := Module{Path: d.Path, Version: d.Version, Sum: d.Sum}
	if d.Replace != nil {
		r := moduleOf(d.Replace)
		m.Replace = &r
	}
	return m
}

func splitTags(v string) []string {
	var tags []string
	for t := range strings.SplitSeq(v, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	sort.Strings(tags)
	return slices.Compact(tags)
}

// differences says, in words, how a plugin's build differs from its
// tool's, in the order MismatchError gives.
func differences(tool, plug *Manifest) []string {
	var d []string
	if plug.GoVersion != tool.GoVersion {
		d = append(d, fmt.Sprintf("built with %s; this tool with %s", plug.GoVersion, tool.GoVersion))
	}
	if plug.GOOS != tool.GOOS || plug.GOARCH != tool.GOARCH {
		d = append(d, fmt.Sprintf("built for %s/%s; this tool is for %s/%s", plug.GOOS, plug.GOARCH, tool.GOOS, tool.GOARCH))
	}
	d = flagDiff(d, "cgo", plug.Cgo, tool.Cgo)
	d = flagDiff(d, "-race", plug.Race, tool.Race)
	d = flagDiff(d, "-msan", plug.Settings["-msan"] == "true", tool.Settings["-msan"] == "true")
	d = flagDiff(d, "-asan", plug.Settings["-asan"] == "true", tool.Settings["-asan"] == "true")
	d = flagDiff(d, "-trimpath", plug.Trimpath, tool.Trimpath)
	if pt, tt := splitTags(strings.Join(plug.Tags, ",")), splitTags(strings.Join(tool.Tags, ",")); !slices.Equal(pt, tt) {
		d = append(d, fmt.Sprintf("built %s; this tool %s", tagWords(pt), tagWords(tt)))
	}
	var keys []string
	for k := range plug.Settings {
		keys = append(keys, k)
	}
	for k := range tool.Settings {
		if _, ok := plug.Settings[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "-msan" || k == "-asan" || !compared(k) {
			continue
		}
		if pv, tv := plug.Settings[k], tool.Settings[k]; pv != tv {
			d = append(d, fmt.Sprintf("built %s; this tool %s", settingWords(k, pv), settingWords(k, tv)))
		}
	}
	return append(d, moduleDiffs(tool, plug)...)
}

func flagDiff(d []string, name string, plug, tool bool) []string {
	switch {
	case plug && !tool:
		return append(d, fmt.Sprintf("built with %s; this tool without", name))
	case !plug && tool:
		return append(d, fmt.Sprintf("built without %s; this tool with", name))
	}
	return d
}

func tagWords(tags []string) string {
	if len(tags) == 0 {
		return "without tags"
	}
	return "with -tags " + strings.Join(tags, ",")
}

func settingWords(k, v string) string {
	if v == "" {
		return "without " + k
	}
	return "with " + k + "=" + v
}

// moduleDiffs compares the modules both builds hold, by path: the
// version each uses (its replacement's, if replaced) and its checksum.
func moduleDiffs(tool, plug *Manifest) []string {
	mods := func(m *Manifest) map[string]Module {
		all := map[string]Module{}
		for _, mod := range append([]Module{m.Main}, m.Deps...) {
			if mod.Path != "" && mod.Path != "command-line-arguments" {
				all[mod.Path] = mod
			}
		}
		return all
	}
	here, there := mods(tool), mods(plug)
	var paths []string
	for p := range there {
		if _, ok := here[p]; ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	var d []string
	for _, p := range paths {
		h, t := here[p], there[p]
		hv, hs := effective(h)
		tv, ts := effective(t)
		switch {
		case hv != tv:
			d = append(d, fmt.Sprintf("%s %s here, %s in the plugin", p, hv, tv))
		case hs != ts:
			d = append(d, fmt.Sprintf("%s %s: checksum %s here, %s in the plugin", p, hv, orNone(hs), orNone(ts)))
		}
	}
	return d
}

// effective is the version a module is built at, in words, and its sum.
func effective(m Module) (string, string) {
	if r := m.Replace; r != nil {
		if r.Version == "" || r.Version == "(devel)" {
			return "=> " + r.Path, r.Sum
		}
		return "=> " + r.Path + " " + r.Version, r.Sum
	}
	return m.Version, m.Sum
}

func orNone(sum string) string {
	if sum == "" {
		return "none"
	}
	return sum
}

// fileName is a .so's name taken apart: NAME_GOVERSION_GOOS_GOARCH.so.
type fileName struct {
	name, goVersion, goos, goarch string
}

// parseName takes a .so's base name apart, from the right, so that NAME
// may hold '_'. It reports false for a name of another shape.
func parseName(base string) (fileName, bool) {
	stem, ok := strings.CutSuffix(base, ".so")
	if !ok {
		return fileName{}, false
	}
	parts := strings.Split(stem, "_")
	n := len(parts)
	if n < 4 {
		return fileName{}, false
	}
	f := fileName{strings.Join(parts[:n-3], "_"), parts[n-3], parts[n-2], parts[n-1]}
	if !validName(f.name) || f.goVersion == "" || f.goos == "" || f.goarch == "" {
		return fileName{}, false
	}
	return f, true
}

// fileBase is the file name, without extension, of NAME's build for the
// tool m describes.
func fileBase(name string, m *Manifest) string {
	return name + "_" + versionToken(m.GoVersion) + "_" + m.GOOS + "_" + m.GOARCH
}

// versionToken is a Go version as a file name holds it: a release
// ("go1.26.8") as it is, anything but letters, digits, '.', '+' and '-'
// (a development toolchain's spaces and colons) as '-'.
func versionToken(v string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '.', r == '+', r == '-':
			return r
		}
		return '-'
	}, v)
}

// validName reports whether name can be a NAME: letters, digits, '.', '-'
// and '_', starting with a letter or digit, so that it is a command name.
func validName(name string) bool {
	for i, r := range name {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		case i > 0 && (r == '.' || r == '-' || r == '_'):
		default:
			return false
		}
	}
	return name != ""
}

// maxManifest bounds the size of a manifest read.
const maxManifest = 1 << 20

// readManifest reads the manifest beside the .so at path, whose NAME is
// name and size is size.
func readManifest(path, name string, size int64) (*Manifest, error) {
	mpath := strings.TrimSuffix(path, ".so") + ".json"
	f, err := os.Open(mpath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: no %s beside it (soplugins.Build writes one)", ErrManifest, filepath.Base(mpath))
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrManifest, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifest+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrManifest, err)
	}
	if len(data) > maxManifest {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", ErrManifest, filepath.Base(mpath), maxManifest)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrManifest, filepath.Base(mpath), err)
	}
	switch {
	case m.Name != name:
		return nil, fmt.Errorf("%w: %s is for %q", ErrManifest, filepath.Base(mpath), m.Name)
	case m.Sequence <= 0:
		return nil, fmt.Errorf("%w: %s has no sequence", ErrManifest, filepath.Base(mpath))
	case m.Size != size:
		return nil, fmt.Errorf("%w: %s describes a build of %d bytes, and the .so has %d: one was replaced without the other; rebuild both", ErrManifest, filepath.Base(mpath), m.Size, size)
	}
	return &m, nil
}

// checkSafe refuses a .so that another user could have put in place: one
// writable by every user, in a directory writable by every user (dir, as
// listed, or the one its real path is in), or owned by another user than
// this process's or root.
func checkSafe(dir, real string, fi fs.FileInfo) error {
	if fi.Mode().Perm()&0o002 != 0 {
		return fmt.Errorf("%w: the file is writable by every user", ErrUnsafe)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		if uid := int(st.Uid); uid != 0 && uid != os.Getuid() {
			return fmt.Errorf("%w: the file belongs to user %d, not to this user or root", ErrUnsafe, uid)
		}
	}
	for _, d := range []string{dir, filepath.Dir(real)} {
		if di, err := os.Stat(d); err == nil && di.Mode().Perm()&0o002 != 0 {
			return fmt.Errorf("%w: directory %s is writable by every user", ErrUnsafe, d)
		}
	}
	return nil
}
