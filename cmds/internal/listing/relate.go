package listing

import (
	"fmt"
	"reflect"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// Relate fills in the ShadowedBy and ScopedBy of rows, as Read returned
// them: which command a user gets by typing each command's name, and which
// commands scope each plugin. It calls the commands' ScopedPlugins, and
// the Name of each plugin they scope that is not a pointer, under
// fault.Call with rec.
func Relate(rec fault.Recorder, rows []Row) {
	shadow(rows)
	scope(rec, rows)
}

// shadow sets the ShadowedBy of each command to the first earlier command
// of the same parent that answers to its command name, by its own command
// name or an alias: the host, finding the first command in order that
// answers to a name, runs that one instead. The command may still run
// under an alias, if no earlier command takes that. A map from each name
// answered to the first command that answers keeps this to one pass.
func shadow(rows []Row) {
	first := answers{top: make(map[string]int, len(rows))}
	for i := range rows {
		row := &rows[i]
		if !row.IsCommand {
			continue
		}
		if j, ok := first.get(row.Parent, row.Command); ok && row.Command != "" {
			row.ShadowedBy = rows[j].Label()
		}
		first.add(row.Parent, row.Command, i)
		for _, a := range row.Aliases {
			first.add(row.Parent, a, i)
		}
	}
}

// answers maps each name a command answers to, among the commands of one
// parent, to the row of the first command that does: the tool's own
// commands, most of them, keyed by name alone, and sub-commands by parent
// and name.
type answers struct {
	top  map[string]int
	subs map[answer]int // made at the first sub-command
}

type answer struct {
	parent int
	name   string
}

// get returns the row of the first command of parent (-1 for the tool)
// to answer to name.
func (a *answers) get(parent int, name string) (int, bool) {
	var i int
	var ok bool
	if parent < 0 {
		i, ok = a.top[name]
	} else {
		i, ok = a.subs[answer{parent, name}]
	}
	return i, ok
}

// add records that row i, a command of parent, answers to name, unless
// an earlier one does or name is empty.
func (a *answers) add(parent int, name string, i int) {
	if _, ok := a.get(parent, name); ok || name == "" {
		return
	}
	if parent < 0 {
		a.top[name] = i
		return
	}
	if a.subs == nil {
		a.subs = map[answer]int{}
	}
	a.subs[answer{parent, name}] = i
}

// scope adds each command whose ScopedPlugins holds a listed plugin to
// that plugin's ScopedBy, once per command. Only commands are asked, as
// the host asks only commands. A plugin of the scope is the listed one when
// both are the same pointer; values of other kinds, which == might not be
// able to compare, when they are of one type and have one name.
func scope(rec fault.Recorder, rows []Row) {
	var idx *index // built when the first scope holds a plugin
	for i := range rows {
		s := &rows[i]
		sc, ok := s.Plugin.(PluginScoper)
		if !s.IsCommand || !ok || s.nilAtFault() {
			continue
		}
		var scoped []plugins.Plugin
		site := fault.Site{Plugin: s.Plugin, Name: s.Name, Method: "ScopedPlugins"}
		err := fault.Call(rec, &site, func() error {
			scoped = sc.ScopedPlugins()
			return nil
		})
		if err != nil {
			s.Errors = append(s.Errors, err)
			continue
		}
		if len(scoped) > 0 && idx == nil {
			idx = newIndex(rows)
		}
		for _, q := range scoped {
			for j := idx.first(rec, s, q); j >= 0; j = idx.next[j] {
				if idx.scopedBy[j] != i+1 { // not yet scoped by s
					idx.scopedBy[j] = i + 1
					rows[j].ScopedBy = append(rows[j].ScopedBy, s.Label())
				}
			}
		}
	}
}

// index finds the rows of a plugin in one lookup: rows of the same pointer,
// or of values of one type and name, are chained through next.
type index struct {
	pointers map[plugins.Plugin]int // the first row of each pointer
	values   map[value]int          // the first row of each value's type and name
	next     []int                  // the next row of the same plugin, or -1
	scopedBy []int                  // 1 + the last command to scope each row, or 0
}

// value is how a plugin that is not a pointer is told apart.
type value struct {
	t    reflect.Type
	name string
}

func newIndex(rows []Row) *index {
	idx := &index{
		pointers: map[plugins.Plugin]int{},
		values:   map[value]int{},
		next:     make([]int, len(rows)),
		scopedBy: make([]int, len(rows)),
	}
	last := make([]int, len(rows)) // for chaining: the last row of a plugin so far
	link := func(first, i int) {
		idx.next[last[first]] = i
		last[first] = i
	}
	for i := range rows {
		idx.next[i] = -1
		last[i] = i
		p := rows[i].Plugin
		t := reflect.TypeOf(p)
		switch {
		case t == nil:
		case t.Kind() == reflect.Pointer:
			if f, ok := idx.pointers[p]; ok {
				link(f, i)
			} else {
				idx.pointers[p] = i
			}
		case rows[i].Named:
			k := value{t, rows[i].Name}
			if f, ok := idx.values[k]; ok {
				link(f, i)
			} else {
				idx.values[k] = i
			}
		}
	}
	return idx
}

// first returns the first row of q, a plugin in s's scope, or -1. A q
// that is not a pointer is told by its Name; a fault there goes in s's
// Errors, and q matches no row.
func (idx *index) first(rec fault.Recorder, s *Row, q plugins.Plugin) int {
	t := reflect.TypeOf(q)
	if t == nil {
		return -1
	}
	if t.Kind() == reflect.Pointer {
		if i, ok := idx.pointers[q]; ok {
			return i
		}
		return -1
	}
	var name string
	site := fault.Site{Plugin: q, Method: "Name"}
	err := fault.Call(rec, &site, func() error {
		name = q.Name()
		return nil
	})
	if err != nil {
		s.Errors = append(s.Errors, fmt.Errorf("ScopedPlugins: %w", err))
		return -1
	}
	if i, ok := idx.values[value{t, name}]; ok {
		return i
	}
	return -1
}
