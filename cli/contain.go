package cli

import (
	"fmt"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// node is a plugin the run has met, with its name read once.
type node struct {
	p    plugins.Plugin
	name string
}

func (n node) site(method string) fault.Site {
	return fault.Site{Plugin: n.p, Name: n.name, Method: method}
}

// call runs one method of a plugin under containment: a panic, panic(nil)
// included, becomes a *PluginError naming the plugin, its type and the
// method, and so does a nil pointer returned as an error. A call to
// runtime.Goexit is recorded, and the goroutine that runs the work reports
// it (see guard).
func (r *run) call(n node, method string, fn func() error) error {
	s := n.site(method)
	return fault.Call(r.record, &s, fn)
}

// record keeps the first plugin that ended a goroutine of the run with
// runtime.Goexit.
func (r *run) record(err *PluginError) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.goexit == nil {
		r.goexit = err
	}
}

// guard runs fn on a goroutine of its own, so that a plugin calling
// runtime.Goexit ends that goroutine and not the caller's, and so that no
// panic, even one of the host's own, escapes. The result arrives on the
// channel, once. When fn returns, the run is over: a feeder kept from it
// feeds no more.
func (r *run) guard(fn func() error) <-chan error {
	done := make(chan error, 1)
	go func() {
		ok := false
		defer func() {
			r.end()
			if ok {
				return
			}
			if v := recover(); v != nil {
				done <- fmt.Errorf("%s: %w in the host: %v", r.h.Name(), ErrPanic, v)
				return
			}
			r.mu.Lock()
			var err error = r.goexit
			r.mu.Unlock()
			if err == nil {
				err = fmt.Errorf("%s: %w", r.h.Name(), ErrGoexit)
			}
			done <- err
		}()
		err := fn()
		ok = true
		done <- err
	}()
	return done
}

// late returns a fault met on another goroutine while the command ran: a
// plugin that called runtime.Goexit there, or one whose setter failed
// while a feeder fed it.
func (r *run) late() error {
	r.mu.Lock()
	goexit := r.goexit
	r.mu.Unlock()
	if goexit != nil {
		return goexit
	}
	return r.feed.late()
}
