package plugflag_test

import (
	"errors"
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins/plugflag"
)

// TestTraits: the traits a flag's Value declares reach the Flag the host
// reads, however they are nested, and the wrapped Value still behaves as
// itself.
func TestTraits(t *testing.T) {
	t.Parallel()
	var (
		app, env, old string
		color         = true
		n             int
	)
	fs := newSet()
	fs.Var(plugflag.Required(plugflag.String(&app)), "app", "the app")
	fs.Var(plugflag.Required(plugflag.OneOf(&env, "dev", "prod")), "env", "where")
	fs.Var(plugflag.Hidden(plugflag.Deprecated(plugflag.String(&old), "use --app")), "old", "old name")
	fs.Var(plugflag.Negatable(plugflag.Bool(&color)), "color", "colour the output")
	fs.IntVar(&n, "n", 0, "a number")
	fl := fs.Lookup("n")
	fl.Value = plugflag.Hidden(fl.Value) // any declared flag can be wrapped
	got, err := plugflag.Own("deploy", fs)
	if err != nil {
		t.Fatal(err)
	}
	type view struct {
		Name, Type, Default, Deprecated string
		Required, Hidden, Negatable     bool
		Choices                         []string
		IsBool                          bool
	}
	var views []view
	for _, f := range got {
		views = append(views, view{f.Name, f.Type, f.Default, f.Deprecated, f.Required, f.Hidden, f.Negatable, f.Choices, f.Bool})
	}
	want := []view{
		{Name: "app", Type: "string", Required: true},
		{Name: "color", Default: "true", Negatable: true, IsBool: true},
		{Name: "env", Type: "string", Required: true, Choices: []string{"dev", "prod"}},
		{Name: "n", Type: "int", Default: "0", Hidden: true},
		{Name: "old", Type: "string", Deprecated: "use --app", Hidden: true},
	}
	if diff := cmp.Diff(want, views); diff != "" {
		t.Errorf("Own (-want +got):\n%s", diff)
	}
	// The wrapped values still set their variables.
	for name, v := range map[string]string{"app": "web", "env": "prod", "old": "x", "color": "false", "n": "7"} {
		if err := fs.Set(name, v); err != nil {
			t.Errorf("Set(%s, %s): %v", name, v, err)
		}
	}
	if app != "web" || env != "prod" || old != "x" || color || n != 7 {
		t.Errorf("after setting: app %q env %q old %q color %v n %d", app, env, old, color, n)
	}
}

func TestOneOfRefusesOtherValues(t *testing.T) {
	t.Parallel()
	env := "dev"
	v := plugflag.OneOf(&env, "dev", "prod")
	err := v.Set("prdo")
	if err == nil || err.Error() != "want one of dev, prod" || env != "dev" {
		t.Errorf("Set(prdo) = %v, env %q; want the choices listed and env unchanged", err, env)
	}
}

func TestShorthandWithAnotherDefaultIsAnError(t *testing.T) {
	t.Parallel()
	var env string
	fs := newSet()
	fs.StringVar(&env, "env", "dev", "where")
	fs.StringVar(&env, "e", "prod", "where")
	if _, err := plugflag.Own("deploy", fs); !errors.Is(err, plugflag.ErrBadFlag) {
		t.Errorf("Own = %v, want ErrBadFlag for -e's other default", err)
	}
}

func TestBoolValue(t *testing.T) {
	t.Parallel()
	b := false
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.Var(plugflag.Bool(&b), "force", "force it")
	if err := fs.Parse([]string{"-force"}); err != nil || !b {
		t.Errorf("-force: %v, %v", err, b)
	}
	if err := fs.Set("force", "maybe"); err == nil {
		t.Errorf("Set(maybe) = nil, want an error")
	}
}
