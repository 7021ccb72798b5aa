package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/markbates/safe"
	"github.com/plughost/plughost/plugins"
)

// run is the state of one call to Host.Main.
type run struct {
	h              *Host
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	feeder         plugins.PluginFeeder

	mu      sync.Mutex
	fedAll  bool
	fed     map[plugins.Plugin]bool // pointer plugins already fed this run
	lateErr error                   // a fault met while feeding from inside a plugin
	goexit  error                   // the plugin that called runtime.Goexit
}

// node is a plugin the run has met, with its name read once.
type node struct {
	p    plugins.Plugin
	name string
}

func (n node) typ() string { return fmt.Sprintf("%T", n.p) }

// call runs one method of a plugin under safe. A panic, panic(nil)
// included, becomes a *PluginError naming the plugin, its type and the
// method, and so does a nil pointer returned as an error. A call to
// runtime.Goexit cannot be stopped; call records it, and the goroutine that
// Main runs the work on reports it (see guard).
func (r *run) call(n node, method string, fn func() error) error {
	return r.callAt(&n, &method, fn)
}

// callAt is call for a loop over many plugins under one recover: a fault
// is put down to the plugin and method that *n and *method hold when it
// happens.
func (r *run) callAt(n *node, method *string, fn func() error) error {
	finished, returned := false, false
	defer func() {
		if !finished {
			r.exited(fault(*n, *method, ErrGoexit))
		}
	}()
	err := safe.RunE(func() error {
		err := fn()
		returned = true
		return err
	})
	finished = true
	switch {
	case !returned && err == nil:
		err = fault(*n, *method, fmt.Errorf("%w: panic(nil)", ErrPanic))
	case !returned:
		err = fault(*n, *method, fmt.Errorf("%w: %s", ErrPanic, message(err)))
	case err != nil && isNil(err):
		err = fault(*n, *method, fmt.Errorf("%w: returned a nil %T as its error", ErrBadPlugin, err))
	}
	return err
}

// fault is a *PluginError for plugin n. A nil plugin is named as such,
// since that is why its method failed.
func fault(n node, method string, err error) *PluginError {
	if isNil(n.p) {
		return &PluginError{Type: n.typ(), Err: fmt.Errorf("%w: a nil %T is in the plugins", ErrBadPlugin, n.p)}
	}
	return &PluginError{Plugin: n.name, Type: n.typ(), Method: method, Err: err}
}

// exited records the first plugin that ended the run's goroutine.
func (r *run) exited(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.goexit == nil {
		r.goexit = err
	}
}

// guard runs fn on a goroutine of its own, so that a plugin calling
// runtime.Goexit ends that goroutine and not the caller's, and so that no
// panic, even one of the host's own, escapes Main. The result arrives on
// the channel, once.
func (r *run) guard(fn func() error) <-chan error {
	done := make(chan error, 1)
	go func() {
		ok := false
		defer func() {
			if ok {
				return
			}
			if v := recover(); v != nil {
				done <- fmt.Errorf("%s: %w in the host: %v", r.h.Name(), ErrPanic, v)
				return
			}
			r.mu.Lock()
			err := r.goexit
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

// message is err's text, or a note that its Error method panicked.
func message(err error) string {
	var s string
	if safe.Run(func() { s = err.Error() }) != nil {
		return fmt.Sprintf("an error of type %T whose Error method panicked", err)
	}
	return s
}

// isNil reports whether v holds a nil pointer, map, slice, func or chan.
func isNil(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// meet reads a plugin's name, once, and checks it.
func (r *run) meet(p plugins.Plugin) (node, error) {
	n := node{p: p}
	if isNil(p) {
		return n, fault(n, "", nil)
	}
	err := r.call(n, "Name", func() error {
		n.name = p.Name()
		return nil
	})
	if err != nil {
		return n, err
	}
	if !validName(n.name) {
		bad := n.name
		n.name = ""
		return n, &PluginError{Type: n.typ(), Method: "Name", Err: fmt.Errorf("%w: name %q is empty or holds white space", ErrBadPlugin, bad)}
	}
	return n, nil
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == 0x7f {
			return false
		} else if c >= utf8.RuneSelf {
			return strings.IndexFunc(s[i:], func(r rune) bool {
				return unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError
			}) < 0
		}
	}
	return true
}

// plugins is the PluginFeeder the run gives its plugins: a copy of the
// host's plugins as they stand, each fed before it is returned for the
// first time. Feeding them all runs under one recover, as a scan does.
func (r *run) plugins() []plugins.Plugin {
	plugs := append([]plugins.Plugin(nil), r.h.Plugins...)
	r.mu.Lock()
	first := !r.fedAll
	r.fedAll = true
	if first {
		fed := make(map[plugins.Plugin]bool, len(plugs)+len(r.fed))
		for p := range r.fed {
			fed[p] = true
		}
		r.fed = fed
	}
	r.mu.Unlock()
	if !first {
		return plugs
	}
	var n node
	method := ""
	err := r.callAt(&n, &method, func() error {
		for _, p := range plugs {
			if p != nil && r.firstFeed(p) {
				n = node{p: p}
				r.give(p, &method)
			}
		}
		return nil
	})
	if err != nil {
		r.mu.Lock()
		if r.lateErr == nil {
			r.lateErr = r.named(err, n)
		}
		r.mu.Unlock()
	}
	return plugs
}

// feed gives a plugin what it needs from the host, once a run.
func (r *run) feed(n node) error {
	if !r.firstFeed(n.p) {
		return nil
	}
	method := ""
	err := r.callAt(&n, &method, func() error {
		r.give(n.p, &method)
		return nil
	})
	return r.named(err, n)
}

// firstFeed reports whether p is yet to be fed this run, and marks it fed.
// A plugin that is not a pointer cannot be told from a copy of itself, so
// it is fed each time; the needer setters only store what they are given.
func (r *run) firstFeed(p plugins.Plugin) bool {
	if reflect.TypeOf(p).Kind() != reflect.Pointer {
		return true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fed[p] {
		return false
	}
	if r.fed == nil {
		r.fed = map[plugins.Plugin]bool{}
	}
	r.fed[p] = true
	return true
}

// give calls each needer setter p implements: each need is checked on its
// own, so a plugin gets all it asks for. *method names the setter running,
// for a fault.
func (r *run) give(p plugins.Plugin, method *string) {
	if x, ok := p.(plugins.PluginNeeder); ok {
		*method = "WithPlugins"
		x.WithPlugins(r.feeder)
	}
	if x, ok := p.(plugins.HostNeeder); ok {
		*method = "WithHost"
		x.WithHost(r.h)
	}
	if x, ok := p.(plugins.StdinNeeder); ok {
		*method = "SetStdin"
		x.SetStdin(r.stdin)
	}
	if x, ok := p.(plugins.StdoutNeeder); ok {
		*method = "SetStdout"
		x.SetStdout(r.stdout)
	}
	if x, ok := p.(plugins.StderrNeeder); ok {
		*method = "SetStderr"
		x.SetStderr(r.stderr)
	}
}

// named fills in the plugin's name on a fault met before it was read.
func (r *run) named(err error, n node) error {
	var pe *PluginError
	if err != nil && n.name == "" && errors.As(err, &pe) && pe.Plugin == "" {
		if m, merr := r.meet(n.p); merr == nil {
			pe.Plugin = m.name
		}
	}
	return err
}

// subCommands returns the sub-commands of a command that has them.
func (r *run) subCommands(c command) ([]plugins.Plugin, bool, error) {
	sc, ok := c.p.(plugins.SubCommander)
	if !ok {
		return nil, false, nil
	}
	var subs []plugins.Plugin
	err := r.call(c.node, "SubCommands", func() error {
		subs = sc.SubCommands()
		return nil
	})
	return subs, true, err
}

// main runs the tool: the host's flags, then the command they leave.
func (r *run) main(args []string) error {
	root := []string{r.h.Name()}
	fs, help := r.rootFlags()
	rest, dashed, err := r.parse(fs, root, args, true)
	if err != nil {
		return err
	}
	if *help || len(rest) == 0 {
		return r.help(rest)
	}
	if dashed {
		return &UsageError{Path: r.h.Name(), Err: fmt.Errorf("%w: %q comes after \"--\", so it is not a command", ErrUnknownCommand, rest[0])}
	}
	c, err := r.lookup(r.h.Plugins, root, rest[0])
	if err != nil {
		return err
	}
	return r.dispatch(root, c, rest[1:])
}

// lookup finds the command name at path, or says what there is instead.
func (r *run) lookup(plugs []plugins.Plugin, at []string, name string) (command, error) {
	c, ok, err := r.find(plugs, name)
	if err != nil || ok {
		return c, err
	}
	suggestions, err := r.suggest(plugs, name)
	if err != nil {
		return c, err
	}
	msg := fmt.Sprintf("%q", name)
	if s := suggestions; len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", orList(s))
	}
	return command{}, &UsageError{Path: strings.Join(at, " "), Err: fmt.Errorf("%w %s", ErrUnknownCommand, msg)}
}

// dispatch runs command c found at path with the arguments after its name.
func (r *run) dispatch(at []string, c command, args []string) error {
	at = append(at[:len(at):len(at)], c.cmdName)
	if err := r.feed(c.node); err != nil {
		return err
	}
	subs, isParent, err := r.subCommands(c)
	if err != nil {
		return err
	}
	fs, help, _, err := r.commandFlags(at, c)
	if err != nil {
		return err
	}
	rest, dashed, err := r.parse(fs, at, args, isParent)
	if err != nil {
		return err
	}
	if *help {
		return r.help(append(at[1:], rest...))
	}
	if isParent && len(rest) > 0 && !dashed {
		sub, err := r.lookup(subs, at, rest[0])
		if err != nil {
			return err
		}
		return r.dispatch(at, sub, rest[1:])
	}
	if err := r.ctx.Err(); err != nil {
		return fmt.Errorf("%s: not run: %w", strings.Join(at, " "), err)
	}
	err = r.call(c.node, "Main", func() error { return c.cmd.Main(r.ctx, rest) })
	if err == nil {
		err = r.late()
	}
	askedHelp, err := r.wrap(at, c, err)
	if askedHelp {
		return r.help(at[1:])
	}
	return err
}

// late returns a fault met while feeding from inside a plugin's call.
func (r *run) late() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lateErr
}

// wrap attributes an error command c returned to the command at path,
// unless it is the host's own and says where already, and reports whether
// the error asks for the command's help (flag.ErrHelp). Reading the error
// runs the plugin's code (Error, Unwrap, Is), so it is done under call.
func (r *run) wrap(at []string, c command, err error) (askedHelp bool, _ error) {
	if err == nil {
		return false, nil
	}
	out := err
	werr := r.call(c.node, "Error", func() error {
		var (
			pe *PluginError
			ue *UsageError
		)
		_ = err.Error() // fmt would print a panic in it into the message
		switch {
		case errors.Is(err, flag.ErrHelp):
			askedHelp = true
		case !errors.As(err, &pe) && !errors.As(err, &ue):
			out = fmt.Errorf("%s: %w", strings.Join(at, " "), err)
		}
		return nil
	})
	if werr != nil {
		return false, werr
	}
	return askedHelp, out
}
