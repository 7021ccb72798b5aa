package config_test

import (
	"bytes"
	"testing"

	"github.com/plughost/plughost/config"
	"github.com/plughost/plughost/plugins"
)

// FuzzParsers: whatever a file holds, neither parser panics, and every
// value it reports is on a line the file has.
func FuzzParsers(f *testing.F) {
	for _, seed := range []string{`{"a": 1, "s": {"b": ["x", true]}}`, "a = 1\n[s]\nb = \"x\"\n", "{", "[", "\"\n", "\xff = \x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		lines := 1 + bytes.Count([]byte(data), []byte("\n"))
		for _, p := range []plugins.ConfigParser{config.JSON{}, config.Plain{}} {
			_ = p.ParseConfig([]byte(data), func(section, key, value string, line int) error {
				if line < 1 || line > lines {
					t.Fatalf("%T: line %d of a file of %d lines", p, line, lines)
				}
				return nil
			})
		}
	})
}
