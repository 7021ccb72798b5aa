package cli_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/config"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// sourced is a command that records its flags and where each came from.
type sourced struct {
	th.Full
	Greeter string
	Count   int
	Tags    []string
	Force   bool
	Token   string
	Pin     int
	from    func(string) string
	saw     map[string]string
}

func (s *sourced) WithSources(fn func(string) string) { s.from = fn }
func (s *sourced) Main(context.Context, []string) error {
	s.saw = map[string]string{}
	for _, name := range []string{"greeter", "count", "tag", "force", "token", "debug", "nope"} {
		s.saw[name] = s.from(name)
	}
	return nil
}

func newSourced() *sourced {
	s := &sourced{Greeter: "plain"}
	s.N = "greet"
	s.FlagsFn = func() *flag.FlagSet {
		fs := flag.NewFlagSet("greet", flag.ContinueOnError)
		fs.Var(plugflag.OneOf(&s.Greeter, "plain", "pirate", "formal"), "greeter", "which greeter")
		fs.IntVar(&s.Count, "count", s.Count, "how many")
		fs.Var(plugflag.Strings(&s.Tags), "tag", "tags")
		fs.BoolVar(&s.Force, "force", s.Force, "force it")
		fs.Var(plugflag.Secret(plugflag.String(&s.Token)), "token", "the token")
		fs.IntVar(&s.Pin, "pin", s.Pin, "the pin")
		pin := fs.Lookup("pin")
		pin.Value = plugflag.Secret(pin.Value)
		return fs
	}
	return s
}

// sourcesHost is a tool reading MYCLI_* variables and two config files,
// the first the more specific.
func sourcesHost(env map[string]string, files map[string]string) (*cli.Host, *sourced, *globals) {
	s, g := newSourced(), &globals{name: "global"}
	h := &cli.Host{
		Tool:        "mycli",
		Stdout:      io.Discard,
		Plugins:     []plugins.Plugin{s, g, config.JSON{}, config.Plain{}, &config.Flag{}},
		EnvPrefix:   "MYCLI",
		LookupEnv:   func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		ConfigFiles: []string{"local.json", "global.conf"},
		ReadFile: func(name string) ([]byte, error) {
			if data, ok := files[name]; ok {
				return []byte(data), nil
			}
			return nil, fs.ErrNotExist
		},
	}
	return h, s, g
}

// TestPrecedence: command line, then environment, then the config files
// (the more specific first), then the value in the field.
func TestPrecedence(t *testing.T) {
	t.Parallel()
	local := "{\n  \"debug\": true,\n  \"greet\": {\n    \"greeter\": \"formal\"\n  }\n}"
	global := "[greet]\ngreeter = pirate\ncount = 7\n"
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		files   map[string]string
		greeter string
		from    string
	}{
		{"field", nil, nil, nil, "plain", "default"},
		{"general file", nil, nil, map[string]string{"global.conf": global}, "pirate", "file global.conf:2"},
		{"specific file beats general", nil, nil, map[string]string{"local.json": local, "global.conf": global}, "formal", "file local.json:4"},
		{"environment beats files", nil, map[string]string{"MYCLI_GREETER": "pirate"}, map[string]string{"local.json": local}, "pirate", "env MYCLI_GREETER"},
		{"command line beats all", []string{"--greeter=plain"}, map[string]string{"MYCLI_GREETER": "pirate"}, map[string]string{"local.json": local}, "plain", "command line"},
		{"--config beats the tool's files", []string{"--config=extra.conf"}, nil, map[string]string{"extra.conf": "[greet]\ngreeter = pirate\n", "local.json": local}, "pirate", "file extra.conf:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, s, _ := sourcesHost(tt.env, tt.files)
			args := append([]string{"greet"}, tt.args...)
			if err := h.Main(context.Background(), args); err != nil {
				t.Fatal(err)
			}
			if s.Greeter != tt.greeter || s.saw["greeter"] != tt.from {
				t.Errorf("greeter %q from %q, want %q from %q", s.Greeter, s.saw["greeter"], tt.greeter, tt.from)
			}
		})
	}
}

func TestSourcesGoThroughSet(t *testing.T) {
	t.Parallel()
	h, s, g := sourcesHost(map[string]string{"MYCLI_COUNT": "0x10", "MYCLI_FORCE": "true", "MYCLI_TOKEN": "s3cret"},
		map[string]string{"local.json": `{"debug": true, "greet": {"tag": ["a", "b,c"]}}`})
	if err := h.Main(context.Background(), []string{"greet"}); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{"count": s.Count, "force": s.Force, "tags": s.Tags, "token": s.Token, "debug": g.Debug}
	want := map[string]any{"count": 16, "force": true, "tags": []string{"a", "b,c"}, "token": "s3cret", "debug": true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	wantFrom := map[string]string{"greeter": "default", "count": "env MYCLI_COUNT", "tag": "file local.json:1", "force": "env MYCLI_FORCE",
		"token": "env MYCLI_TOKEN", "debug": "file local.json:1", "nope": ""}
	if diff := cmp.Diff(wantFrom, s.saw); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
}

func TestSourceErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		env   map[string]string
		files map[string]string
		args  []string
		want  string
	}{
		{"bad value from a variable", map[string]string{"MYCLI_GREETER": "pirat"}, nil, nil,
			`mycli greet: flag --greeter: invalid value "pirat" (from env MYCLI_GREETER): want one of plain, pirate, formal (did you mean "pirate"?)`},
		{"bad value from a file", nil, map[string]string{"global.conf": "[greet]\ncount = many\n"}, nil,
			`mycli greet: flag --count: invalid value "many" (from file global.conf:2): want an integer`},
		{"an empty boolean", map[string]string{"MYCLI_FORCE": ""}, nil, nil,
			`mycli greet: flag --force: MYCLI_FORCE is empty: want true or false`},
		{"a secret is not repeated", map[string]string{"MYCLI_PIN": "12x4"}, nil, nil,
			`mycli greet: flag --pin: invalid value (from env MYCLI_PIN): want an integer`},
		{"nor on the command line", nil, nil, []string{"--pin=12x4"},
			`mycli greet: flag --pin: invalid value: want an integer`},
		{"unknown key in the command's section", nil, map[string]string{"global.conf": "[greet]\ngreetr = pirate\n"}, nil,
			`mycli: global.conf:2: unknown key "greetr" in [greet] (did you mean "greeter"?)`},
		{"unknown key at the top", nil, map[string]string{"local.json": "{\n\"debgu\": true}"}, nil,
			`mycli: local.json:2: unknown key "debgu" (did you mean "debug"?)`},
		{"a file --config names is missing", nil, nil, []string{"--config=gone.json"},
			`mycli: config file gone.json: file does not exist`},
		{"a format no plugin reads", nil, map[string]string{"extra.yaml": "a: 1"}, []string{"--config=extra.yaml"},
			`mycli: config file extra.yaml: no plugin reads ".yaml" files`},
		{"a syntax error", nil, map[string]string{"local.json": "{\n\"debug\": tru}"}, nil,
			`mycli: config file local.json: line 2: invalid character '}' in literal true (expecting 'e')`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, s, _ := sourcesHost(tt.env, tt.files)
			err := h.Main(context.Background(), append([]string{"greet"}, tt.args...))
			if err == nil || err.Error() != tt.want || cli.ExitCode(err) != cli.ExitUsage {
				t.Errorf("Main = %v (exit %d), want %s (exit 2)", err, cli.ExitCode(err), tt.want)
			}
			if s.saw != nil {
				t.Errorf("greet ran")
			}
		})
	}
}

func TestSecretValuesAreNotShown(t *testing.T) {
	t.Parallel()
	h, _, _ := sourcesHost(map[string]string{"MYCLI_TOKEN": "s3cret"}, nil)
	s := newSourced()
	s.Token = "default-secret"
	h.Plugins[0] = s
	var out bytes.Buffer
	h.Stdout = &out
	if err := h.Main(context.Background(), []string{"greet", "--help"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "secret") {
		t.Errorf("help shows a secret's value:\n%s", out.String())
	}
	th.Golden(t, "sources_greet.golden", out.String())
}

// TestTwoFlagsOneVariable: --dry-run and --dry_run would both read
// MYCLI_DRY_RUN.
func TestTwoFlagsOneVariable(t *testing.T) {
	t.Parallel()
	c := newLeaf("x", func(fs *flag.FlagSet) {
		fs.Bool("dry-run", false, "")
		fs.Bool("dry_run", false, "")
	}, nil)
	h := &cli.Host{Tool: "mycli", EnvPrefix: "MYCLI", LookupEnv: func(string) (string, bool) { return "", false }, Plugins: []plugins.Plugin{c}}
	err := h.Main(context.Background(), []string{"x"})
	if !errors.Is(err, cli.ErrBadPlugin) || !strings.Contains(err.Error(), "MYCLI_DRY_RUN") {
		t.Errorf("Main = %v, want an error naming both flags and the variable", err)
	}
}

// TestRequiredSatisfiedByEnvironment: a required flag may come from any
// source.
func TestRequiredSatisfiedByEnvironment(t *testing.T) {
	t.Parallel()
	var app string
	c := newLeaf("deploy", func(fs *flag.FlagSet) { fs.Var(plugflag.Required(plugflag.String(&app)), "app", "") }, nil)
	h := &cli.Host{Tool: "mycli", EnvPrefix: "MYCLI", LookupEnv: func(k string) (string, bool) { return "web", k == "MYCLI_APP" }, Plugins: []plugins.Plugin{c}}
	if err := h.Main(context.Background(), []string{"deploy"}); err != nil || app != "web" {
		t.Errorf("Main = %v, app %q; want the variable to satisfy --app", err, app)
	}
}
