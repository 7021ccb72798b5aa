package config

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Plain reads config files ending in ".conf": a line "key = value" sets a
// flag, once for each time it is given; "[greeters show]" starts the
// section of a command path; "#" starts a comment line. A value is taken
// as it stands, white space around it trimmed, or between double quotes
// with Go's escapes ("a\tb").
type Plain struct{}

// Name returns "config/plain".
func (Plain) Name() string { return "config/plain" }

// ConfigFormat returns ".conf".
func (Plain) ConfigFormat() string { return ".conf" }

// ParseConfig calls set for each value in data, with its line.
func (Plain) ParseConfig(data []byte, set func(section, key, value string, line int) error) error {
	section := ""
	for n, raw := range bytes.Split(data, []byte("\n")) {
		line := n + 1
		text := strings.TrimSpace(strings.TrimSuffix(string(raw), "\r"))
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "["):
			if !strings.HasSuffix(text, "]") {
				return fmt.Errorf("line %d: a section is [command path]", line)
			}
			section = strings.Join(strings.Fields(text[1:len(text)-1]), " ")
			continue
		}
		key, value, ok := strings.Cut(text, "=")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || key == "" {
			return fmt.Errorf("line %d: want key = value", line)
		}
		if strings.HasPrefix(value, `"`) {
			v, err := strconv.Unquote(value)
			if err != nil {
				return fmt.Errorf("line %d: a quoted value is not closed or holds a bad escape", line)
			}
			value = v
		}
		if err := set(section, key, value, line); err != nil {
			return err
		}
	}
	return nil
}
