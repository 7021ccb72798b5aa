//go:build plughost_so && cgo && (linux || darwin || freebsd)

package soplugins

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"plugin"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

func (l *Loader) symbol() string {
	if l.Symbol == "" {
		return "Plugins"
	}
	return l.Symbol
}

func (l *Loader) report() Report {
	l.rmu.Lock()
	defer l.rmu.Unlock()
	r := l.last
	r.Loaded, r.Skipped, r.Failed = cloneEntries(r.Loaded), cloneEntries(r.Skipped), cloneEntries(r.Failed)
	return r
}

func (l *Loader) setReport(r Report) {
	l.rmu.Lock()
	defer l.rmu.Unlock()
	l.last = r
}

func cloneEntries(es []Entry) []Entry {
	es = slices.Clone(es)
	for i := range es {
		es[i].Plugins = slices.Clone(es[i].Plugins)
	}
	return es
}

// candidate is a .so file found, whose name parsed.
type candidate struct {
	fileName
	dir, path string // the directory as given, and the file in it
	real      string // its real path, once read
	size      int64
	m         *Manifest
}

// session is one Load: the Loader, locked, and what the Load found.
type session struct {
	l      *Loader
	ctx    context.Context
	tool   *Manifest
	report Report
	ended  bool // whether ctx ended while it waited
}

func (l *Loader) load(ctx context.Context, dirs []string) ([]plugins.Plugin, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	read := l.BuildInfo
	if read == nil {
		read = debug.ReadBuildInfo
	}
	bi, ok := read()
	if !ok || bi == nil {
		l.setReport(Report{Err: ErrNoBuildInfo})
		return nil, ErrNoBuildInfo
	}
	if l.opened == nil {
		l.opened = map[string]*opening{}
		l.names = map[string]string{}
	}
	tool := manifestOf(bi)
	s := &session{l: l, ctx: ctx, tool: &tool}
	byName := map[string][]*candidate{}
	var names []string
	for _, dir := range dirs {
		for _, c := range s.scan(dir) {
			if _, ok := byName[c.name]; !ok {
				names = append(names, c.name)
			}
			byName[c.name] = append(byName[c.name], c)
		}
	}
	sort.Strings(names)
	var plugs []plugins.Plugin
	for _, name := range names {
		plugs = append(plugs, s.loadName(name, byName[name])...)
	}
	for _, es := range [][]Entry{s.report.Skipped, s.report.Failed} {
		sort.SliceStable(es, func(i, j int) bool { return es[i].Name < es[j].Name })
	}
	l.setReport(s.report)
	if s.ended {
		return plugs, ctx.Err()
	}
	return plugs, nil
}

// scan lists the .so files of dir whose names parse; the others it
// reports skipped. A directory that does not exist holds none.
func (s *session) scan(dir string) []*candidate {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		s.report.Failed = append(s.report.Failed, Entry{Path: dir, Err: fmt.Errorf("cannot read the plugin directory: %w", err)})
	}
	var cands []*candidate
	for _, e := range entries {
		base := e.Name()
		if !strings.HasSuffix(base, ".so") {
			continue
		}
		path := filepath.Join(dir, base)
		f, ok := parseName(base)
		if !ok {
			s.report.Skipped = append(s.report.Skipped, Entry{Path: path, Reason: "not named NAME_GOVERSION_GOOS_GOARCH.so"})
			continue
		}
		cands = append(cands, &candidate{fileName: f, dir: dir, path: path})
	}
	return cands
}

// suits says why a file's name shows it is not for this tool, or "".
func (s *session) suits(c *candidate) string {
	goVersion := versionToken(s.tool.GoVersion)
	switch {
	case c.goVersion != goVersion && (c.goos != s.tool.GOOS || c.goarch != s.tool.GOARCH):
		return fmt.Sprintf("built for %s on %s/%s; this tool is %s on %s/%s", c.goVersion, c.goos, c.goarch, goVersion, s.tool.GOOS, s.tool.GOARCH)
	case c.goVersion != goVersion:
		return fmt.Sprintf("built for %s; this tool is %s", c.goVersion, goVersion)
	case c.goos != s.tool.GOOS || c.goarch != s.tool.GOARCH:
		return fmt.Sprintf("built for %s/%s; this tool is for %s/%s", c.goos, c.goarch, s.tool.GOOS, s.tool.GOARCH)
	}
	return ""
}

// prepare reads what a file for this tool needs to compete: its real
// path, that it is safe to load, and its manifest.
func (s *session) prepare(c *candidate) error {
	fi, err := os.Stat(c.path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%w: not a regular file", ErrOpen)
	}
	if c.real, err = filepath.EvalSymlinks(c.path); err != nil {
		return err
	}
	if c.real, err = filepath.Abs(c.real); err != nil {
		return err
	}
	if err := checkSafe(c.dir, c.real, fi); err != nil {
		return err
	}
	c.size = fi.Size()
	c.m, err = readManifest(c.path, c.name, c.size)
	return err
}

// loadName loads the newest build of NAME among cands, in the order of
// the directories they are in, and returns its plugins, or a placeholder
// saying why there are none.
func (s *session) loadName(name string, cands []*candidate) []plugins.Plugin {
	l := s.l
	var ready []*candidate
	var failed, skipped error
	for _, c := range cands {
		if reason := s.suits(c); reason != "" {
			s.skip(c, reason)
			if skipped == nil {
				skipped = &LoadError{name, c.path, fmt.Errorf("%w: %s", ErrNoBuild, reason)}
			}
			continue
		}
		if err := s.prepare(c); err != nil {
			le := &LoadError{name, c.path, err}
			s.fail(c, 0, le)
			if failed == nil {
				failed = le
			}
			continue
		}
		ready = append(ready, c)
	}
	if len(ready) == 0 {
		if failed != nil {
			return s.placeholder(name, failed)
		}
		return s.placeholder(name, skipped)
	}
	if real, ok := l.names[name]; ok {
		// This process loaded a build of NAME before: it cannot load
		// another, so the others are skipped, whatever their sequence.
		o := l.opened[real]
		note := ""
		for _, c := range ready {
			switch {
			case c.real != real:
				s.skipSeq(c, fmt.Sprintf("this process loaded %s (sequence %d) before, and loads one build of a plugin: start a new process for this one", o.path, o.seq))
			case c.m.Sequence != o.seq:
				note = rebuilt(c.m.Sequence, o.seq)
			}
		}
		return s.use(name, o, note)
	}
	sort.SliceStable(ready, func(i, j int) bool { return ready[i].m.Sequence > ready[j].m.Sequence })
	newest := ready[0]
	for _, c := range ready[1:] {
		reason := fmt.Sprintf("older than %s (sequence %d)", newest.path, newest.m.Sequence)
		if c.m.Sequence == newest.m.Sequence {
			reason = fmt.Sprintf("the same sequence as %s, found first", newest.path)
		}
		s.skipSeq(c, reason)
	}
	if newest.m.Sequence < l.MinSequence {
		reason := fmt.Sprintf("sequence %d is older than this tool accepts (%d)", newest.m.Sequence, l.MinSequence)
		s.skipSeq(newest, reason)
		return s.placeholder(name, &LoadError{name, newest.path, fmt.Errorf("%w: %s", ErrNoBuild, reason)})
	}
	o := l.opened[newest.real]
	note := ""
	switch {
	case o != nil && o.name != name:
		s.skipSeq(newest, fmt.Sprintf("the same file as %s, which this process loaded as %s", o.path, o.name))
		return nil
	case o == nil:
		if diffs := differences(s.tool, newest.m); len(diffs) > 0 {
			le := &LoadError{name, newest.path, &MismatchError{diffs}}
			s.fail(newest, newest.m.Sequence, le)
			return s.placeholder(name, le)
		}
		if err := s.ctx.Err(); err != nil {
			s.ended = true
			le := &LoadError{name, newest.path, fmt.Errorf("not opened: %w", err)}
			s.fail(newest, newest.m.Sequence, le)
			return s.placeholder(name, le)
		}
		o = l.open(newest, l.symbol())
	case o.seq != newest.m.Sequence:
		note = rebuilt(newest.m.Sequence, o.seq)
	}
	return s.use(name, o, note)
}

// use waits for the opening o of NAME and returns its plugins, freshly
// made, reporting it loaded with note; or a placeholder saying why not.
func (s *session) use(name string, o *opening, note string) []plugins.Plugin {
	select {
	case <-o.done:
	default:
		select {
		case <-o.done:
		case <-s.ctx.Done():
			s.ended = true
			le := &LoadError{name, o.path, fmt.Errorf("its init did not return before the context ended (%w); this process will not open it again", s.ctx.Err())}
			s.report.Failed = append(s.report.Failed, Entry{Name: name, Path: o.path, Sequence: o.seq, Err: le})
			return s.placeholder(name, le)
		}
	}
	if o.err != nil {
		s.report.Failed = append(s.report.Failed, Entry{Name: name, Path: o.path, Sequence: o.seq, Err: o.err})
		return s.placeholder(name, o.err)
	}
	var plugs []plugins.Plugin
	var names []string
	site := &fault.Site{Plugin: o.path, Name: name, Method: s.l.symbol()}
	done := start(site, o.path, func() error {
		plugs = o.fn()
		site.Method = "Name"
		for i, p := range plugs {
			if fault.IsNil(p) {
				return &LoadError{name, o.path, fmt.Errorf("%w: %s returned a nil plugin (at index %d)", ErrSymbol, s.l.symbol(), i)}
			}
			names = append(names, p.Name())
		}
		return nil
	})
	var err error
	select {
	case err = <-done:
	case <-s.ctx.Done():
		s.ended = true
		err = &LoadError{name, o.path, fmt.Errorf("%s did not return before the context ended: %w", s.l.symbol(), s.ctx.Err())}
	}
	if err != nil {
		s.report.Failed = append(s.report.Failed, Entry{Name: name, Path: o.path, Sequence: o.seq, Err: err})
		return s.placeholder(name, err)
	}
	s.l.names[name] = o.real
	s.report.Loaded = append(s.report.Loaded, Entry{Name: name, Path: o.path, Sequence: o.seq, Plugins: names, Reason: note})
	return plugs
}

// rebuilt is the note on a build loaded at sequence was and since
// rebuilt at sequence now.
func rebuilt(now, was int64) string {
	return fmt.Sprintf("rebuilt (sequence %d) since this process loaded sequence %d, which it keeps: start a new process to load the new build", now, was)
}

func (s *session) skip(c *candidate, reason string) {
	s.report.Skipped = append(s.report.Skipped, Entry{Name: c.name, Path: c.path, Reason: reason})
}

func (s *session) skipSeq(c *candidate, reason string) {
	s.report.Skipped = append(s.report.Skipped, Entry{Name: c.name, Path: c.path, Sequence: c.m.Sequence, Reason: reason})
}

func (s *session) fail(c *candidate, seq int64, err error) {
	s.report.Failed = append(s.report.Failed, Entry{Name: c.name, Path: c.path, Sequence: seq, Err: err})
}

// placeholder is the command that stands for NAME when no build of it
// loaded.
func (s *session) placeholder(name string, err error) []plugins.Plugin {
	return []plugins.Plugin{&notLoaded{name: name, err: err}}
}

// open starts opening c, a .so no Loader of this process has opened
// before, and records it, so that it is never opened again.
func (l *Loader) open(c *candidate, symbol string) *opening {
	o := &opening{done: make(chan struct{}), name: c.name, path: c.path, real: c.real, seq: c.m.Sequence}
	l.opened[c.real] = o
	go func() {
		defer close(o.done)
		var fn func() []plugins.Plugin
		site := &fault.Site{Plugin: c.path, Name: c.name, Method: "init"}
		err := <-start(site, c.path, func() error {
			p, err := plugin.Open(c.path)
			if err != nil {
				return openError(err)
			}
			sym, err := p.Lookup(symbol)
			if err != nil {
				return fmt.Errorf("%w: it exports no %s", ErrSymbol, symbol)
			}
			fn, err = pluginsFunc(symbol, sym)
			return err
		})
		if _, ok := err.(*fault.PluginError); err != nil && !ok {
			err = &LoadError{c.name, c.path, err}
		}
		o.fn, o.err = fn, err
	}()
	return o
}

// start runs fn, which runs plugin code, on a goroutine of its own under
// fault.Call, so that neither a panic nor runtime.Goexit reaches the
// Loader's caller, and delivers what it returned. A fault is put down to
// the .so at path: its PluginError's Type is the path.
func start(site *fault.Site, path string, fn func() error) <-chan error {
	ch := make(chan error, 1)
	go func() {
		rec := func(pe *fault.PluginError) {
			pe.Type = path
			ch <- pe
		}
		err := fault.Call(rec, site, fn)
		if pe, ok := err.(*fault.PluginError); ok {
			pe.Type = path
		}
		ch <- err
	}()
	return ch
}

// pluginsFunc is the plugins function sym holds: a function, or a
// variable holding one.
func pluginsFunc(name string, sym plugin.Symbol) (func() []plugins.Plugin, error) {
	if fn, ok := sym.(func() []plugins.Plugin); ok {
		return fn, nil
	}
	if p, ok := sym.(*func() []plugins.Plugin); ok && p != nil && *p != nil {
		return *p, nil
	}
	return nil, fmt.Errorf("%w: %s is a %T, not a func() []plugins.Plugin", ErrSymbol, name, sym)
}

// openError is plugin.Open's error, without the file it names (the
// LoadError names it), and with a hint where the runtime's words do not
// say what to do.
func openError(err error) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, `plugin.Open("`); ok {
		if _, after, ok := strings.Cut(rest, `"): `); ok {
			msg = after
		}
	}
	hint := ""
	switch {
	case strings.Contains(msg, "different version of package"):
		hint = " (the manifest matches this tool, so the sources of a module of the same version differ, as for one replaced by a directory: build the plugin and the tool from the same sources)"
	case strings.Contains(msg, "plugin already loaded"):
		hint = " (another build of the same plugin package is loaded in this process: start a new process)"
	}
	return fmt.Errorf("%w: %s%s", ErrOpen, msg, hint)
}

// notLoaded is the command that stands for a NAME of which no build
// loaded: its description says why, and running it returns why.
type notLoaded struct {
	name string
	err  error
}

func (n *notLoaded) Name() string { return n.name }

func (n *notLoaded) Description() string { return "not loaded: " + why(n.err) }

// PassArgs makes every argument Main's, so that running it says why it
// did not load, whatever the flags.
func (n *notLoaded) PassArgs() {}

func (n *notLoaded) Main(context.Context, []string) error { return n.err }
