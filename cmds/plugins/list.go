package plugins

import (
	"fmt"
	"path"
	"reflect"
	"runtime/debug"
	"slices"

	"github.com/markbates/safe"
	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/plugins"
)

// row is one plugin of the listing, and the shape of its JSON. Every key is
// always present; lists are empty rather than null.
type row struct {
	Name          string   `json:"name"`
	Command       string   `json:"command"` // empty for a plugin that is not a command
	Type          string   `json:"type"`
	Module        string   `json:"module"`
	ModuleVersion string   `json:"module_version"`
	ModuleReplace string   `json:"module_replace"`
	Description   string   `json:"description"`
	Interfaces    []string `json:"interfaces"`
	ScopedBy      []string `json:"scoped_by"`
	ShadowedBy    string   `json:"shadowed_by"`
	Hidden        bool     `json:"hidden"`
	Errors        []string `json:"errors"`
}

// entry is a plugin being listed, with what has been read from it.
type entry struct {
	p       plugins.Plugin
	named   bool     // Name returned rather than panicked
	cmd     bool     // the plugin is a Command
	answers []string // the names the host finds the command by
	row     row
}

// list reads every plugin in plugs, in order, then works out which
// commands shadow and scope which plugins.
func list(bi *debug.BuildInfo, plugs []plugins.Plugin) []row {
	es := make([]*entry, len(plugs))
	for i, p := range plugs {
		es[i] = read(bi, p)
	}
	for j, e := range es {
		e.row.ShadowedBy = shadowedBy(e, es[:j])
	}
	for _, s := range es {
		scope(s, es)
	}
	rows := make([]row, len(es))
	for i, e := range es {
		rows[i] = e.row
	}
	return rows
}

// read fills in the columns a plugin gives on its own.
func read(bi *debug.BuildInfo, p plugins.Plugin) *entry {
	m := version.ModuleOf(bi, p)
	e := &entry{p: p, row: row{
		Type:          fmt.Sprintf("%T", p),
		Module:        m.Path,
		ModuleVersion: m.Version,
		ModuleReplace: m.Replace,
		Interfaces:    interfaces(p),
		ScopedBy:      []string{},
		Errors:        []string{},
	}}
	e.named = e.call("Name", func() { e.row.Name = p.Name() })
	if _, ok := p.(Hider); ok {
		e.row.Hidden = true
	}
	if d, ok := p.(Describer); ok {
		e.call("Description", func() { e.row.Description = d.Description() })
	}
	if _, ok := p.(Command); !ok {
		return e
	}
	// The host finds a command by its command name or an alias; the
	// command name is CmdName when that is not empty, else the last
	// element of its Name.
	e.cmd = true
	if e.named && e.row.Name != "" {
		e.row.Command = path.Base(e.row.Name)
	}
	if nc, ok := p.(NamedCommand); ok {
		var name string
		if e.call("CmdName", func() { name = nc.CmdName() }) && name != "" {
			e.row.Command = name
		}
	}
	if e.row.Command != "" {
		e.answers = append(e.answers, e.row.Command)
	}
	if a, ok := p.(Aliaser); ok {
		var aliases []string
		if e.call("CmdAliases", func() { aliases = a.CmdAliases() }) {
			e.answers = append(e.answers, aliases...)
		}
	}
	return e
}

// interfaces names the plughost interfaces p implements, each checked on
// its own.
func interfaces(p plugins.Plugin) []string {
	out := []string{}
	if _, ok := p.(Command); ok {
		out = append(out, "Command")
	}
	if _, ok := p.(NamedCommand); ok {
		out = append(out, "NamedCommand")
	}
	if _, ok := p.(Aliaser); ok {
		out = append(out, "Aliaser")
	}
	if _, ok := p.(SubCommander); ok {
		out = append(out, "SubCommander")
	}
	if _, ok := p.(Describer); ok {
		out = append(out, "Describer")
	}
	if _, ok := p.(Hider); ok {
		out = append(out, "Hider")
	}
	if _, ok := p.(Flagger); ok {
		out = append(out, "Flagger")
	}
	if _, ok := p.(PluginNeeder); ok {
		out = append(out, "PluginNeeder")
	}
	if _, ok := p.(PluginScoper); ok {
		out = append(out, "PluginScoper")
	}
	if _, ok := p.(HostNeeder); ok {
		out = append(out, "HostNeeder")
	}
	if _, ok := p.(StdinNeeder); ok {
		out = append(out, "StdinNeeder")
	}
	if _, ok := p.(StdoutNeeder); ok {
		out = append(out, "StdoutNeeder")
	}
	if _, ok := p.(StderrNeeder); ok {
		out = append(out, "StderrNeeder")
	}
	return out
}

// shadowedBy returns the first of the earlier plugins that answers to e's
// command name, so that the host runs it instead of e, or "". It may still
// run e under an alias or its Name's last element, if no earlier command
// takes that.
func shadowedBy(e *entry, earlier []*entry) string {
	if !e.cmd || e.row.Command == "" {
		return ""
	}
	for _, o := range earlier {
		if o.cmd && slices.Contains(o.answers, e.row.Command) {
			return o.label()
		}
	}
	return ""
}

// scope adds s to the scoped-by column of every plugin its ScopedPlugins
// holds, if s is a command: the host asks commands only.
func scope(s *entry, es []*entry) {
	sc, ok := s.p.(PluginScoper)
	if !s.cmd || !ok {
		return
	}
	var scoped []plugins.Plugin
	if !s.call("ScopedPlugins", func() { scoped = sc.ScopedPlugins() }) {
		return
	}
	seen := map[*entry]bool{}
	for _, q := range scoped {
		match := s.matcher(q)
		for _, e := range es {
			if !seen[e] && match(e) {
				seen[e] = true
				e.row.ScopedBy = append(e.row.ScopedBy, s.label())
			}
		}
	}
}

// matcher returns a test for whether a listed plugin is q, one plugin of
// s's scope. Pointers are the same plugin when they are equal; values of
// other kinds, which == might not be able to compare, when they are of one
// type and have one name. A scoped plugin whose Name panics matches none,
// and the panic is put in s's row.
func (s *entry) matcher(q plugins.Plugin) func(*entry) bool {
	t := reflect.TypeOf(q)
	if t == nil {
		return func(*entry) bool { return false }
	}
	if t.Kind() == reflect.Pointer {
		return func(e *entry) bool { return reflect.TypeOf(e.p) == t && e.p == q }
	}
	var name string
	if err := safe.Run(func() { name = q.Name() }); err != nil {
		s.row.Errors = append(s.row.Errors, fmt.Errorf("ScopedPlugins: plugin of type %T: Name: %w: %w", q, ErrPanic, err).Error())
		return func(*entry) bool { return false }
	}
	return func(e *entry) bool { return reflect.TypeOf(e.p) == t && e.named && e.row.Name == name }
}

// call calls one method of e's plugin under safe and reports whether it
// returned. A panic goes into e's row as an error naming the plugin and
// its type.
func (e *entry) call(method string, fn func()) bool {
	err := safe.Run(fn)
	if err == nil {
		return true
	}
	who := fmt.Sprintf("plugin %q (%T)", e.row.Name, e.p)
	if !e.named {
		who = fmt.Sprintf("plugin of type %T", e.p)
	}
	e.row.Errors = append(e.row.Errors, fmt.Errorf("%s: %s: %w: %w", who, method, ErrPanic, err).Error())
	return false
}

// label names e's plugin in another plugin's row: by its name, or by its
// type when it has none.
func (e *entry) label() string {
	if e.named && e.row.Name != "" {
		return e.row.Name
	}
	return "(" + e.row.Type + ")"
}
