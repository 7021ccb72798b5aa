package fault

import (
	"context"
	"fmt"
	"reflect"
	"runtime/debug"

	"github.com/markbates/safe"
)

// Site is where a call into plugin code is: the plugin, its name as read
// (empty before it is read, or when it is the fault) and the method. A loop
// over many plugins under one Call updates its Site as it goes, so that a
// fault is put down to the plugin and method of the moment.
type Site struct {
	Plugin any
	Name   string
	Method string
}

// Fault is a *PluginError for the plugin at s. A nil plugin is named as
// such, since that is why its method failed.
func (s *Site) Fault(err error) *PluginError {
	typ := fmt.Sprintf("%T", s.Plugin)
	if IsNil(s.Plugin) {
		return &PluginError{Type: typ, Err: fmt.Errorf("%w: a nil %s is in the plugins", ErrBadPlugin, typ)}
	}
	return &PluginError{Plugin: s.Name, Type: typ, Method: s.Method, Err: err}
}

// Recorder is told of a call that ended its goroutine with runtime.Goexit,
// which no recover can stop: the goroutine that runs the work reports the
// first fault recorded once it sees the goroutine end.
type Recorder func(*PluginError)

type recorderKey struct{}

// WithRecorder returns ctx carrying rec, for the calls that only have the
// context a command was given (the built-ins calling the plugins they list).
func WithRecorder(ctx context.Context, rec Recorder) context.Context {
	return context.WithValue(ctx, recorderKey{}, rec)
}

// RecorderOf returns the Recorder ctx carries, or nil.
func RecorderOf(ctx context.Context) Recorder {
	if ctx == nil {
		return nil
	}
	rec, _ := ctx.Value(recorderKey{}).(Recorder)
	return rec
}

// Call runs fn, plugin code, under a recover. A panic, panic(nil)
// included, becomes a *PluginError for the plugin at *s, and so does a nil
// pointer returned as an error. A call to runtime.Goexit cannot be stopped:
// Call tells rec (if not nil) before the goroutine ends. Reading a panic
// value's text runs plugin code too, so that happens inside the call.
func Call(rec Recorder, s *Site, fn func() error) (err error) {
	finished := false
	defer func() {
		if !finished && rec != nil {
			rec(s.Fault(ErrGoexit))
		}
	}()
	returned := false
	var stack []byte
	err = safe.RunE(func() error {
		defer func() {
			if !returned {
				// Keep the stack where it panicked; safe recovers the
				// value as it goes on unwinding.
				stack = debug.Stack()
			}
		}()
		err := fn()
		returned = true
		return err
	})
	switch {
	case !returned && err == nil:
		pe := s.Fault(fmt.Errorf("%w: panic(nil)", ErrPanic))
		pe.Stack, err = stack, pe
	case !returned:
		pe := s.Fault(fmt.Errorf("%w: %s", ErrPanic, Message(err)))
		pe.Stack, err = stack, pe
	case err != nil && IsNil(err):
		err = s.Fault(fmt.Errorf("%w: returned a nil %T as its error", ErrBadPlugin, err))
	}
	finished = true
	return err
}

// Message is err's text, or a note that its Error method panicked.
func Message(err error) string {
	if err == nil {
		return "<nil>"
	}
	var s string
	if safe.Run(func() { s = err.Error() }) != nil {
		return fmt.Sprintf("an error of type %T whose Error method panicked", err)
	}
	return s
}

// IsNil reports whether v holds a nil pointer, map, slice, func or chan.
func IsNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return false
}
