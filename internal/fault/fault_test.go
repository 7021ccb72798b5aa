package fault_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"testing"

	"github.com/plughost/plughost/internal/fault"
)

type self struct{}

func (self) Error() string   { return "self" }
func (e self) Unwrap() error { return e }

type twice struct{}

func (twice) Error() string     { return "twice" }
func (e twice) Unwrap() []error { return []error{e, e} }

type coded struct{ code int }

func (c coded) Error() string { return fmt.Sprint("code ", c.code) }
func (c coded) ExitCode() int { return c.code }

func TestWalksAreBounded(t *testing.T) {
	t.Parallel()
	for _, err := range []error{self{}, twice{}} {
		n := 0
		fault.Walk(err, func(error) bool { n++; return false })
		if n != fault.MaxChain {
			t.Errorf("Walk(%v) visited %d errors, want %d", err, n, fault.MaxChain)
		}
		if fault.Is(err, fs.ErrNotExist) {
			t.Errorf("Is(%v, ErrNotExist) = true", err)
		}
		if _, ok := fault.As[coded](err); ok {
			t.Errorf("As[coded](%v) found one", err)
		}
	}
}

func TestIsAndAsAgreeWithErrors(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("outer: %w", errors.Join(errors.New("x"), fmt.Errorf("mid: %w", coded{3}), fs.ErrNotExist))
	if !fault.Is(err, fs.ErrNotExist) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Is does not find ErrNotExist")
	}
	c, ok := fault.As[interface{ ExitCode() int }](err)
	if !ok || c.ExitCode() != 3 {
		t.Errorf("As found %v, %v; want the code 3 error", c, ok)
	}
}

func TestCall(t *testing.T) {
	t.Parallel()
	type plugin struct{ name string }
	p := &plugin{"deploy"}
	tests := []struct {
		name   string
		fn     func() error
		want   error // errors.Is
		method string
	}{
		{"returns", func() error { return nil }, nil, ""},
		{"panics", func() error { panic("boom") }, fault.ErrPanic, "Main"},
		{"panics nil", func() error { panic(nil) }, fault.ErrPanic, "Main"},
		{"panics an error", func() error { panic(fs.ErrClosed) }, fault.ErrPanic, "Main"},
		{"nil pointer as error", func() error { var e *fs.PathError; return e }, fault.ErrBadPlugin, "Main"},
	}
	for _, tt := range tests {
		s := fault.Site{Plugin: p, Name: "deploy", Method: "Main"}
		err := fault.Call(nil, &s, tt.fn)
		if tt.want == nil {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var pe *fault.PluginError
		if !errors.As(err, &pe) || !errors.Is(err, tt.want) || pe.Plugin != "deploy" || pe.Method != tt.method || pe.Type != "*fault_test.plugin" {
			t.Errorf("%s: %#v, want a PluginError naming deploy's %s wrapping %v", tt.name, err, tt.method, tt.want)
		}
		if tt.want == fault.ErrPanic && len(pe.Stack) == 0 {
			t.Errorf("%s: no stack kept", tt.name)
		}
	}
}

func TestCallRecordsGoexit(t *testing.T) {
	t.Parallel()
	var got *fault.PluginError
	done := make(chan struct{})
	ctx := fault.WithRecorder(context.Background(), func(pe *fault.PluginError) { got = pe })
	go func() {
		defer close(done)
		s := fault.Site{Plugin: "x", Name: "x", Method: "Name"}
		fault.Call(fault.RecorderOf(ctx), &s, func() error { runtime.Goexit(); return nil })
	}()
	<-done
	if got == nil || !errors.Is(got, fault.ErrGoexit) || got.Method != "Name" {
		t.Errorf("recorded %v, want a Goexit in x's Name", got)
	}
}

func TestMessageOfAPanickingError(t *testing.T) {
	t.Parallel()
	if got := fault.Message(panicky{}); got != "an error of type fault_test.panicky whose Error method panicked" {
		t.Errorf("Message = %q", got)
	}
}

type panicky struct{}

func (panicky) Error() string { panic("no") }
