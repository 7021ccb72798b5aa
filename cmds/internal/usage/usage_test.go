package usage_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cmds/internal/usage"
	"github.com/plughost/plughost/plugins"
)

var errUnexpected = errors.New("unexpected argument")

func TestNoArgs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		wantMsg string // "" for no error
	}{
		{name: "nil", args: nil},
		{name: "empty", args: []string{}},
		{name: "one", args: []string{"x"}, wantMsg: `unexpected argument "x": want no arguments`},
		{name: "the first of many", args: []string{"x", "y"}, wantMsg: `unexpected argument "x": want no arguments`},
		{name: "quoted", args: []string{"a\nb\x1b"}, wantMsg: `unexpected argument "a\nb\x1b": want no arguments`},
		{name: "empty argument", args: []string{""}, wantMsg: `unexpected argument "": want no arguments`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := usage.NoArgs(errUnexpected, tt.args)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.wantMsg, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if err == nil {
				return
			}
			if !errors.Is(err, plugins.ErrUsage) {
				t.Errorf("%v does not wrap plugins.ErrUsage", err)
			}
			if !errors.Is(err, errUnexpected) {
				t.Errorf("%v does not wrap the command's sentinel", err)
			}
		})
	}
}
