package listing

import (
	"fmt"
	"path"
	"reflect"
	"runtime/debug"
	"slices"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// Row is one plugin of a listing: what it says of itself, and where its Go
// type comes from. Read fills in all but ShadowedBy and ScopedBy, which
// Relate works out from the rows together.
type Row struct {
	// Plugin is the plugin the row is of.
	Plugin plugins.Plugin
	// Name is what Name returned; Named reports that it returned.
	Name  string
	Named bool
	// IsCommand reports whether the plugin is a Command.
	IsCommand bool
	// Command is the name the host runs a command by: CmdName when that is
	// not empty, else the last element of Name. It is empty for a plugin
	// that is not a command.
	Command string
	// Path is the command path that runs a command: its Command, after
	// its parent's Path for a sub-command (["greeters", "list"]). It is
	// nil for a plugin that is not a command. ReadTree fills it in; Read
	// leaves it nil.
	Path []string
	// Parent is the index of the row of the command whose SubCommands
	// returned the plugin, or -1 for one of the tool's own plugins.
	Parent int
	// Aliases are what CmdAliases returned: more names the command
	// answers to.
	Aliases []string
	// Type is the plugin's Go type, as %T prints it.
	Type string
	// Module is where the package declaring the type comes from.
	Module Module
	// Version is what PluginVersion returned, when the plugin is a
	// version.Versioner and it is not empty; else the module's version.
	Version string
	// Description is what Description returned.
	Description string
	// Interfaces names the plughost interfaces the plugin implements, in
	// the order ifaces.go lists them (package plugins' order), and
	// Versioner last. Rows of one type share it: do not modify it.
	Interfaces []string
	// Hidden reports whether the plugin is a Hider.
	Hidden bool
	// ShadowedBy labels the first earlier command of the same parent that
	// answers to Command, so that the host runs it instead; empty when
	// none does.
	ShadowedBy string
	// ScopedBy labels each command whose ScopedPlugins holds the plugin,
	// in the order of the rows.
	ScopedBy []string
	// Selection is what the plugin's Selection returned, for a Selector,
	// once ReadSelections has read it; else nil, as when it panicked.
	Selection *Selection
	// Errors are the faults of the plugin's methods, each a
	// *fault.PluginError, in the order the methods were called. A fault of
	// a plugin in its ScopedPlugins is here too, wrapped.
	Errors []error
}

// Selection is what a Selector picks: the kind of plugin it picks
// ("greeter"), the name of the one it picks now, and the names of those it
// could pick, as its Selection method returned them.
type Selection struct {
	Kind      string
	Picked    string
	Available []string
}

// Label names the row's plugin in another row: by its name, or by its type
// in parentheses when it has none.
func (r *Row) Label() string {
	if r.Named && r.Name != "" {
		return r.Name
	}
	return "(" + r.Type + ")"
}

// nilAtFault reports whether the row's plugin is nil and has failed once
// already: its other methods would all fail alike, so they are not called.
func (r *Row) nilAtFault() bool {
	return len(r.Errors) > 0 && fault.IsNil(r.Plugin)
}

// Feed returns what feeder returns, or nothing for a nil feeder. The
// feeder is what self, the command named name, was given through
// WithPlugins; a fault in it is put down to self, and wrapped to say the
// plugins could not be read.
func Feed(rec fault.Recorder, self plugins.Plugin, name string, feeder plugins.PluginFeeder) ([]plugins.Plugin, error) {
	var plugs []plugins.Plugin
	site := fault.Site{Plugin: self, Name: name, Method: "PluginFeeder"}
	err := fault.Call(rec, &site, func() error {
		plugs = feeder.Plugins()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the plugins: %w", err)
	}
	return plugs, nil
}

// Read returns a row for each of plugs, in order, read with the modules bi
// describes (nil for none). Each method is called under fault.Call with
// rec; a fault goes in the row's Errors, and the rest of the plugin is
// still read.
func Read(rec fault.Recorder, bi *debug.BuildInfo, plugs []plugins.Plugin) []Row {
	r := newReader(rec, bi)
	rows := make([]Row, len(plugs))
	for i, p := range plugs {
		r.read(&rows[i], p, -1)
	}
	return rows
}

// MaxDepth is how many levels of sub-commands ReadTree lists below the
// tool's own plugins.
const MaxDepth = 8

// ReadTree is Read, with the sub-commands of each command that is a
// SubCommander listed after its row, depth first, each read as the rest
// and with its Parent set, down to MaxDepth levels. SubCommands is called
// once per row under fault.Call with rec; a fault goes in the row's
// Errors. A command can hold itself, or an ancestor: such a sub-command
// is listed, but its own sub-commands are not, as they are listed above
// it already. A sub-command is the same plugin as an ancestor when both
// are the same pointer, or, for a value, of the same type and name.
func ReadTree(rec fault.Recorder, bi *debug.BuildInfo, plugs []plugins.Plugin) []Row {
	r := newReader(rec, bi)
	r.paths = make([]string, 0, len(plugs))
	rows := make([]Row, 0, len(plugs))
	var path []identity // the plugins of the rows from the top to the one read
	var add func(plugs []plugins.Plugin, parent int)
	add = func(plugs []plugins.Plugin, parent int) {
		for _, p := range plugs {
			rows = append(rows, Row{})
			i := len(rows) - 1
			r.read(&rows[i], p, parent)
			if parent < 0 {
				r.setPath(&rows[i], nil)
			} else {
				r.setPath(&rows[i], rows[parent].Path)
			}
			if len(path) == MaxDepth {
				continue
			}
			id := identify(&rows[i])
			if slices.Contains(path, id) {
				continue // its sub-commands are listed above already
			}
			subs, ok := r.subCommands(&rows[i])
			if !ok {
				continue
			}
			path = append(path, id)
			add(subs, i)
			path = path[:len(path)-1]
		}
	}
	add(plugs, -1)
	return rows
}

// ReadSelections sets the Selection of each row whose plugin is a
// Selector, as Read and ReadTree returned them, calling its Selection once
// per row under fault.Call with rec. A fault goes in the row's Errors and
// leaves its Selection nil.
func ReadSelections(rec fault.Recorder, rows []Row) {
	r := reader{rec: rec}
	for i := range rows {
		row := &rows[i]
		s, ok := row.Plugin.(Selector)
		if !ok {
			continue
		}
		var sel Selection
		if r.call(row, "Selection", func() { sel.Kind, sel.Picked, sel.Available = s.Selection() }) {
			row.Selection = &sel
		}
	}
}

// identity tells plugins apart for ReadTree's cycle check: a pointer by
// its address, a value by its type and name.
type identity struct {
	ptr  plugins.Plugin
	typ  reflect.Type
	name string
}

// identify returns the identity of row's plugin.
func identify(row *Row) identity {
	t := reflect.TypeOf(row.Plugin)
	if t != nil && t.Kind() == reflect.Pointer {
		return identity{ptr: row.Plugin}
	}
	return identity{typ: t, name: row.Name}
}

// reader is one Read, with what it has learnt of each type and package.
type reader struct {
	rec     fault.Recorder
	bi      *debug.BuildInfo
	kinds   map[reflect.Type]*kind
	modules map[string]Module
	paths   []string // where the rows' paths are kept, one after the other
}

// kind is what the rows of plugins of one Go type share.
type kind struct {
	typ        string
	module     Module
	interfaces []string
}

func newReader(rec fault.Recorder, bi *debug.BuildInfo) *reader {
	return &reader{rec: rec, bi: bi, kinds: map[reflect.Type]*kind{}, modules: map[string]Module{}}
}

// read fills in row from p, a plugin of the tool (parent -1) or a
// sub-command of the command of rows[parent].
func (r *reader) read(row *Row, p plugins.Plugin, parent int) {
	k := r.kind(p)
	*row = Row{Plugin: p, Parent: parent, Type: k.typ, Module: k.module, Version: k.module.Version, Interfaces: k.interfaces}
	if _, ok := p.(Hider); ok {
		row.Hidden = true
	}
	row.Named = r.call(row, "Name", func() { row.Name = p.Name() })
	if d, ok := p.(Describer); ok {
		r.call(row, "Description", func() { row.Description = d.Description() })
	}
	if _, ok := p.(Command); ok {
		// The host finds a command by its command name or an alias; the
		// command name is CmdName when that is not empty, else the last
		// element of its Name.
		row.IsCommand = true
		if row.Named && row.Name != "" {
			row.Command = path.Base(row.Name)
		}
		if nc, ok := p.(NamedCommand); ok {
			var name string
			if r.call(row, "CmdName", func() { name = nc.CmdName() }) && name != "" {
				row.Command = name
			}
		}
		if a, ok := p.(Aliaser); ok {
			r.call(row, "CmdAliases", func() { row.Aliases = a.CmdAliases() })
		}
	}
	if v, ok := p.(versioner); ok {
		var own string
		if r.call(row, "PluginVersion", func() { own = v.PluginVersion() }) && own != "" {
			row.Version = own
		}
	}
}

// setPath sets the Path of row, a command, to parent and its Command. The
// paths of a listing share one array, so a tool of many commands does not
// pay an allocation for each.
func (r *reader) setPath(row *Row, parent []string) {
	if !row.IsCommand {
		return
	}
	start := len(r.paths)
	r.paths = append(r.paths, parent...)
	r.paths = append(r.paths, row.Command)
	row.Path = r.paths[start:len(r.paths):len(r.paths)]
}

// subCommands returns what SubCommands returns, for a command that is a
// SubCommander whose call returned.
func (r *reader) subCommands(row *Row) ([]plugins.Plugin, bool) {
	sc, ok := row.Plugin.(SubCommander)
	if !row.IsCommand || !ok {
		return nil, false
	}
	var subs []plugins.Plugin
	ok = r.call(row, "SubCommands", func() { subs = sc.SubCommands() })
	return subs, ok
}

// call calls fn, one method of row's plugin, under fault.Call, and
// reports whether it returned. A fault goes in the row's Errors. A nil
// plugin's methods are not called after its first fault: they would all
// fail alike, and the one fault says why.
func (r *reader) call(row *Row, method string, fn func()) bool {
	if row.nilAtFault() {
		return false
	}
	site := fault.Site{Plugin: row.Plugin, Name: row.Name, Method: method}
	err := fault.Call(r.rec, &site, func() error {
		fn()
		return nil
	})
	if err != nil {
		row.Errors = append(row.Errors, err)
	}
	return err == nil
}

// kind returns what the rows of p's type share, working it out the first
// time the reader meets the type.
func (r *reader) kind(p plugins.Plugin) *kind {
	t := reflect.TypeOf(p)
	if k, ok := r.kinds[t]; ok {
		return k
	}
	k := &kind{typ: "<nil>", interfaces: interfaces(p)}
	if t != nil {
		k.typ = t.String()
	}
	pkg := PackageOf(t)
	m, ok := r.modules[pkg]
	if !ok {
		m = ModuleOfPackage(r.bi, pkg)
		r.modules[pkg] = m
	}
	k.module = m
	r.kinds[t] = k
	return k
}

// interfaces names the plughost interfaces p implements, each checked on
// its own, in the order ifaces.go lists them, and Versioner last. The
// checks fill in an array that one loop reads, rather than each appending,
// to keep the code small.
func interfaces(p plugins.Plugin) []string {
	names := [...]string{
		"PluginNeeder", "PluginScoper", "Command", "NamedCommand", "Aliaser",
		"SubCommander", "Describer", "Hider", "Flagger", "StdinNeeder",
		"StdoutNeeder", "StderrNeeder", "HostNeeder", "GlobalFlagger", "ArgsUsager",
		"ArgsPasser", "BeforeRunner", "AfterRunner", "LongDescriber", "Exampler",
		"Grouper", "ConfigParser", "ConfigFiler", "SourceNeeder", "ArgsCompleter",
		"Selector", "Versioner",
	}
	var has [len(names)]bool
	_, has[0] = p.(PluginNeeder)
	_, has[1] = p.(PluginScoper)
	_, has[2] = p.(Command)
	_, has[3] = p.(NamedCommand)
	_, has[4] = p.(Aliaser)
	_, has[5] = p.(SubCommander)
	_, has[6] = p.(Describer)
	_, has[7] = p.(Hider)
	_, has[8] = p.(Flagger)
	_, has[9] = p.(StdinNeeder)
	_, has[10] = p.(StdoutNeeder)
	_, has[11] = p.(StderrNeeder)
	_, has[12] = p.(HostNeeder)
	_, has[13] = p.(GlobalFlagger)
	_, has[14] = p.(ArgsUsager)
	_, has[15] = p.(ArgsPasser)
	_, has[16] = p.(BeforeRunner)
	_, has[17] = p.(AfterRunner)
	_, has[18] = p.(LongDescriber)
	_, has[19] = p.(Exampler)
	_, has[20] = p.(Grouper)
	_, has[21] = p.(ConfigParser)
	_, has[22] = p.(ConfigFiler)
	_, has[23] = p.(SourceNeeder)
	_, has[24] = p.(ArgsCompleter)
	_, has[25] = p.(Selector)
	_, has[26] = p.(versioner)
	out := []string{}
	for i, ok := range has {
		if ok {
			out = append(out, names[i])
		}
	}
	return out
}

// Found returns the commands the CommandFinders among plugs can find
// (executables on PATH, say), each finder asked once under fault.Call: a
// listing shows them after the tool's own plugins, which shadow them. A
// finder that fails adds nothing, and its fault is returned with what the
// others found.
func Found(rec fault.Recorder, plugs []plugins.Plugin) ([]plugins.Plugin, error) {
	var found []plugins.Plugin
	var first error
	for _, p := range plugs {
		f, ok := p.(plugins.CommandFinder)
		if !ok {
			continue
		}
		site := fault.Site{Plugin: p, Method: "ListCommands"}
		var listed []plugins.Plugin
		err := fault.Call(rec, &site, func() error {
			site.Method = "Name"
			site.Name = p.Name()
			site.Method = "ListCommands"
			listed = f.ListCommands()
			return nil
		})
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		found = append(found, listed...)
	}
	return found, first
}
