package cli

import (
	"fmt"
	"io"
	"reflect"
	"sync"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// feeding is what a run gives its plugins: the host, its streams and a
// feeder, each plugin fed once. Runs nested in a run of the same host (a
// command calling Host.Main or PrintHelp with the context it was given)
// share their parent's feeding, so that nothing already fed is fed again,
// above all not with another run's feeder or writer.
type feeding struct {
	h              *Host
	stdin          io.Reader
	stdout, stderr io.Writer
	record         fault.Recorder // the run that owns the feeding
	mu             sync.Mutex
	changed        sync.Cond                 // a plugin's feeding ended
	state          map[plugins.Plugin]*batch // pointer plugins met this run, by the call that feeds them
	failedOnes     map[plugins.Plugin]bool   // plugins whose feeding failed
	over           bool                      // the owning run has returned
	lateErr        error                     // a fault met while feeding from inside a plugin
	sets           []*flagSet                // the run's flags, for sourceOf
	from           map[string]string         // the flags set by a source other than the command line
	faults         map[plugins.Plugin]error  // why a plugin's feeding failed
}

type feedState uint8

const (
	unmet feedState = iota // not met this run
	inProgress
	fed
	failed // a needer setter panicked or exited: never returned by a feeder
)

// batch is the plugins one call of feed claimed: they are all in progress
// until it is done, then fed, but for those in failedOnes. Claiming
// ten thousand plugins is one map write each, and finishing them one.
type batch struct{ done bool }

// status says where p is, with f.mu held.
func (f *feeding) status(p plugins.Plugin) feedState {
	b := f.state[p]
	switch {
	case b == nil:
		return unmet
	case f.failedOnes[p]:
		return failed
	case !b.done:
		return inProgress
	}
	return fed
}

// markFailed records, with f.mu held, that p's feeding failed.
func (f *feeding) markFailed(p plugins.Plugin) {
	if reflect.TypeOf(p).Kind() != reflect.Pointer {
		return
	}
	if f.failedOnes == nil {
		f.failedOnes = map[plugins.Plugin]bool{}
	}
	f.failedOnes[p] = true
}

func newFeeding(h *Host, record fault.Recorder) *feeding {
	f := &feeding{h: h, stdin: h.Stdin, stdout: h.Stdout, stderr: h.Stderr, record: record}
	f.changed.L = &f.mu
	return f
}

// end closes the feeding when its run returns: a feeder kept from the run
// returns the host's plugins without feeding them, and the run holds no
// plugin any more.
func (f *feeding) end() {
	f.mu.Lock()
	f.over, f.state, f.failedOnes, f.sets, f.from, f.faults = true, nil, nil, nil, nil, nil
	f.changed.Broadcast()
	f.mu.Unlock()
}

// one feeds the plugin at n, once a run; a fault names it, and a Goexit
// is told to rec, the recorder of the run feeding it.
func (f *feeding) one(n node, rec fault.Recorder) error {
	plugs := [1]plugins.Plugin{n.p}
	return f.feed(plugs[:], nil, n.name, rec)
}

// feeder returns the PluginFeeder given to p: a copy of the host's
// plugins, each fed before it is returned, leaving out any whose feeding
// failed (the fault fails the run once its command returns). Called from
// inside p's own needer setters, it returns the copy without feeding or
// waiting, since p's feeding is what would be waited for.
func (f *feeding) feeder(p plugins.Plugin) plugins.PluginFeeder {
	return func() []plugins.Plugin {
		plugs := append([]plugins.Plugin(nil), f.h.Plugins...)
		f.mu.Lock()
		over, reentrant := f.over, f.status(p) == inProgress
		f.mu.Unlock()
		if over || reentrant {
			return plugs
		}
		var failedOnes map[plugins.Plugin]bool
		_ = f.feed(plugs, &failedOnes, "", f.record) // a fault is the run's late error
		if len(failedOnes) > 0 {
			kept := plugs[:0]
			for _, q := range plugs {
				if !failedOnes[q] {
					kept = append(kept, q)
				}
			}
			plugs = kept
		}
		return plugs
	}
}

// setSources records the run's flags, and those a source other than the
// command line set, with where from.
func (f *feeding) setSources(sets []*flagSet, from map[string]string) {
	f.mu.Lock()
	f.sets, f.from = sets, from
	f.mu.Unlock()
}

// sourceOf is the function SourceNeeders are fed: where flag's value came
// from, "" for a flag the run does not have.
func (f *feeding) sourceOf(flag string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if src, ok := f.from[flag]; ok {
		return src
	}
	for _, s := range f.sets {
		for i, fl := range s.flags {
			if fl.Name != flag {
				continue
			}
			if s.pflags[i].Changed {
				return fromCommandLine
			}
			return fromDefault
		}
	}
	return ""
}

// fault records why p's feeding failed, with f.mu held: every run
// sharing the feeding fails with it, not only the one that asked, and a
// later use of p in the run fails with it too.
func (f *feeding) fault(p plugins.Plugin, err error) {
	if f.lateErr == nil {
		f.lateErr = err
	}
	if f.faults == nil {
		f.faults = map[plugins.Plugin]error{}
	}
	if reflect.TypeOf(p).Kind() == reflect.Pointer {
		f.faults[p] = err
	}
}

// late returns a fault met while a feeder fed from inside a plugin.
func (f *feeding) late() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lateErr
}

// feed feeds every plugin of plugs not yet fed this run. It claims them
// all under one lock, feeds them under one containment (picking up after a
// plugin whose setter panicked), then waits for any that another goroutine
// is feeding. The first fault is returned; the plugins whose feeding failed
// are added to *failedOnes when it is not nil. name, when known, is the
// name of plugs' one plugin, for the fault.
func (f *feeding) feed(plugs []plugins.Plugin, failedOnes *map[plugins.Plugin]bool, name string, rec fault.Recorder) error {
	var mine []plugins.Plugin    // claimed by this call
	var refused []plugins.Plugin // whose feeding failed earlier in the run
	var others bool              // met, not by this call
	f.mu.Lock()
	if f.over {
		f.mu.Unlock()
		return nil
	}
	b := &batch{}
	for _, p := range plugs {
		if p == nil || fault.IsNil(p) {
			continue
		}
		if !needs(p) {
			continue
		}
		if reflect.TypeOf(p).Kind() != reflect.Pointer {
			// A value cannot be told from a copy of itself: it is fed
			// each time, and its setters only change a copy.
			mine = append(mine, p)
			continue
		}
		switch f.status(p) {
		case unmet:
			if f.state == nil {
				f.state = make(map[plugins.Plugin]*batch, len(plugs))
			}
			f.state[p] = b
			if mine == nil {
				mine = make([]plugins.Plugin, 0, len(plugs))
			}
			mine = append(mine, p)
		case failed:
			noteFailed(failedOnes, p)
			if failedOnes == nil { // the run is about to use it: it cannot
				refused = append(refused, p)
			}
		case inProgress:
			others = true // another goroutine feeds it: wait for it below
		}
	}
	f.mu.Unlock()

	var first error
	for len(mine) > 0 {
		done, err := f.give(mine, b, name, rec)
		if err != nil {
			f.mu.Lock()
			f.markFailed(mine[done-1])
			f.fault(mine[done-1], err)
			f.mu.Unlock()
			noteFailed(failedOnes, mine[done-1])
			if first == nil {
				first = err
			}
		}
		mine = mine[done:]
	}
	f.mu.Lock()
	b.done = true
	f.changed.Broadcast()
	f.mu.Unlock()

	if others {
		f.mu.Lock()
		for _, p := range plugs {
			if p == nil || !needs(p) || reflect.TypeOf(p).Kind() != reflect.Pointer {
				continue
			}
			for f.state != nil && f.status(p) == inProgress {
				f.changed.Wait()
			}
			if f.state != nil && f.status(p) == failed {
				noteFailed(failedOnes, p)
				if failedOnes == nil {
					refused = append(refused, p)
				}
			}
		}
		f.mu.Unlock()
	}
	if first == nil && len(refused) > 0 {
		f.mu.Lock()
		first = f.faults[refused[0]]
		f.mu.Unlock()
		if first == nil {
			s := fault.Site{Plugin: refused[0], Name: name}
			first = s.Fault(fmt.Errorf("%w: not fed, since a needer setter of it failed earlier in the run", ErrBadPlugin))
		}
	}
	return first
}

func noteFailed(m *map[plugins.Plugin]bool, p plugins.Plugin) {
	if m == nil {
		return
	}
	if *m == nil {
		*m = map[plugins.Plugin]bool{}
	}
	(*m)[p] = true
}

// needs reports whether p implements any needer interface.
func needs(p plugins.Plugin) bool {
	switch p.(type) {
	case plugins.PluginNeeder, plugins.HostNeeder, plugins.StdinNeeder, plugins.StdoutNeeder, plugins.StderrNeeder, plugins.SourceNeeder:
		return true
	}
	return false
}

// give calls the needer setters of each plugin of plugs in turn, under
// one containment, and returns how many it went through: all of them, or
// up to and including the one whose setter panicked, with the fault. A
// setter that calls runtime.Goexit ends the goroutine; it marks the
// plugins fed that were, and the rest failed, so that no one waits for
// them forever.
func (f *feeding) give(plugs []plugins.Plugin, b *batch, name string, rec fault.Recorder) (done int, err error) {
	s := fault.Site{Name: name}
	finished := false
	defer func() {
		if finished {
			return
		}
		f.mu.Lock()
		for _, p := range plugs[max(done-1, 0):] { // the one that exited, and those after it
			f.markFailed(p)
		}
		b.done = true
		if done > 0 {
			f.fault(plugs[done-1], s.Fault(fault.ErrGoexit))
		}
		f.changed.Broadcast()
		f.mu.Unlock()
	}()
	err = fault.Call(rec, &s, func() error {
		for _, p := range plugs {
			s.Plugin, s.Method = p, ""
			done++
			if name == "" {
				// Read its name first, so that a setter's fault, even a
				// runtime.Goexit no one returns from, names it.
				s.Method, s.Name = "Name", ""
				if n := p.Name(); validName(n) {
					s.Name = n
				}
				s.Method = ""
			}
			f.setters(p, &s.Method)
		}
		return nil
	})
	finished = true
	return done, err
}

// setters calls each needer setter p implements: each need is checked on
// its own, so a plugin gets all it asks for. *method names the setter
// running, for a fault.
func (f *feeding) setters(p plugins.Plugin, method *string) {
	if x, ok := p.(plugins.PluginNeeder); ok {
		*method = "WithPlugins"
		x.WithPlugins(f.feeder(p))
	}
	if x, ok := p.(plugins.HostNeeder); ok {
		*method = "WithHost"
		x.WithHost(f.h)
	}
	if x, ok := p.(plugins.StdinNeeder); ok {
		*method = "SetStdin"
		x.SetStdin(f.stdin)
	}
	if x, ok := p.(plugins.StdoutNeeder); ok {
		*method = "SetStdout"
		x.SetStdout(f.stdout)
	}
	if x, ok := p.(plugins.StderrNeeder); ok {
		*method = "SetStderr"
		x.SetStderr(f.stderr)
	}
	if x, ok := p.(plugins.SourceNeeder); ok {
		*method = "WithSources"
		x.WithSources(f.sourceOf)
	}
}
