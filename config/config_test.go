package config_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/config"
	"github.com/plughost/plughost/plugins"
)

type entry struct {
	Section, Key, Value string
	Line                int
}

func parse(t *testing.T, p plugins.ConfigParser, data string) ([]entry, error) {
	t.Helper()
	var got []entry
	err := p.ParseConfig([]byte(data), func(section, key, value string, line int) error {
		got = append(got, entry{section, key, value, line})
		return nil
	})
	return got, err
}

func TestJSON(t *testing.T) {
	t.Parallel()
	data := `{
  "debug": true,
  "count": 3,
  "greet": {
    "greeter": "pirate",
    "also": ["Ann", "Bo"]
  },
  "greeters": {"show": {"x": "y\n"}}
}`
	got, err := parse(t, config.JSON{}, data)
	if err != nil {
		t.Fatal(err)
	}
	want := []entry{
		{"", "debug", "true", 2},
		{"", "count", "3", 3},
		{"greet", "greeter", "pirate", 5},
		{"greet", "also", "Ann", 6},
		{"greet", "also", "Bo", 6},
		{"greeters show", "x", "y\n", 8},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}

func TestJSONErrors(t *testing.T) {
	t.Parallel()
	for data, want := range map[string]string{
		`[1]`:               "line 1: want an object",
		"{\n\"a\": null}":   `line 2: "a": null is not a value`,
		"{\n\"a\": [[1]]}":  `line 2: "a": want a string, number or boolean`,
		"{\n\"a\": 1,\n}":   "line 3",
		`{"a": 1} {}`:       "line 1: more after the object",
		"{\n\"a\": \"b\"\n": "ends too soon",
		"":                  "ends too soon",
	} {
		_, err := parse(t, config.JSON{}, data)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("JSON %q = %v, want an error with %q", data, err, want)
		}
	}
}

func TestPlain(t *testing.T) {
	t.Parallel()
	data := "# a comment\ndebug = true\n\n[greet]\ngreeter = pirate\nalso = Ann\nalso = \"Bo\\tCid\"\nempty =\n[ greeters   show ]\nx=y\r\n"
	got, err := parse(t, config.Plain{}, data)
	if err != nil {
		t.Fatal(err)
	}
	want := []entry{
		{"", "debug", "true", 2},
		{"greet", "greeter", "pirate", 5},
		{"greet", "also", "Ann", 6},
		{"greet", "also", "Bo\tCid", 7},
		{"greet", "empty", "", 8},
		{"greeters show", "x", "y", 10},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Plain (-want +got):\n%s", diff)
	}
	for data, want := range map[string]string{
		"a\n":           "line 1: want key = value",
		"[greet\n":      "line 1: a section is [command path]",
		"a = \"open\n":  "line 1: a quoted value",
		"ok = 1\n= 2\n": "line 2: want key = value",
	} {
		if _, err := parse(t, config.Plain{}, data); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Plain %q = %v, want %q", data, err, want)
		}
	}
}

func TestParsersStopAtSetsError(t *testing.T) {
	t.Parallel()
	stop := fmt.Errorf("unknown key")
	for _, p := range []plugins.ConfigParser{config.JSON{}, config.Plain{}} {
		data := `{"a": 1, "b": 2}`
		if _, ok := p.(config.Plain); ok {
			data = "a = 1\nb = 2\n"
		}
		n := 0
		err := p.ParseConfig([]byte(data), func(string, string, string, int) error { n++; return stop })
		if err != stop || n != 1 {
			t.Errorf("%T: err %v after %d calls, want set's error after 1", p, err, n)
		}
	}
}

func TestFlag(t *testing.T) {
	t.Parallel()
	f := &config.Flag{}
	if err := f.GlobalFlags().Parse([]string{"-config", "x.json"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"x.json"}, f.ConfigFiles()); diff != "" {
		t.Errorf("ConfigFiles (-want +got):\n%s", diff)
	}
	if (&config.Flag{}).ConfigFiles() != nil {
		t.Errorf("an unset --config names a file")
	}
}
