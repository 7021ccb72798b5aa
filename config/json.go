package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// JSON reads config files ending in ".json": one object, whose members
// are flags (a string, number or boolean is one value, an array of them
// one value each, in order) or, when they are objects, the sections of
// commands, nested for sub-commands.
type JSON struct{}

// Name returns "config/json".
func (JSON) Name() string { return "config/json" }

// ConfigFormat returns ".json".
func (JSON) ConfigFormat() string { return ".json" }

// ParseConfig calls set for each value in data, with its line.
func (JSON) ParseConfig(data []byte, set func(section, key, value string, line int) error) error {
	p := &jsonParser{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	p.dec.UseNumber()
	tok, err := p.dec.Token()
	if err != nil {
		return p.fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("line %d: want an object", p.line())
	}
	if err := p.object(nil, set); err != nil {
		return err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return fmt.Errorf("line %d: more after the object", p.line())
	}
	return nil
}

type jsonParser struct {
	dec  *json.Decoder
	data []byte
}

// line is the line the decoder has read up to.
func (p *jsonParser) line() int {
	off := int(p.dec.InputOffset())
	return 1 + bytes.Count(p.data[:min(off, len(p.data))], []byte("\n"))
}

func (p *jsonParser) fail(err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("line %d: %s", 1+bytes.Count(p.data[:min(int(syn.Offset), len(p.data))], []byte("\n")), syn.Error())
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("line %d: the file ends too soon", p.line())
	}
	return fmt.Errorf("line %d: %w", p.line(), err)
}

// object reads the members of an object whose "{" is read, in the section
// path names.
func (p *jsonParser) object(path []string, set func(section, key, value string, line int) error) error {
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return p.fail(err)
		}
		key, _ := tok.(string)
		line := p.line()
		tok, err = p.dec.Token()
		if err != nil {
			return p.fail(err)
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				if err := p.object(append(path[:len(path):len(path)], key), set); err != nil {
					return err
				}
			case '[':
				if err := p.array(path, key, set); err != nil {
					return err
				}
			}
		default:
			s, err := scalar(v)
			if err != nil {
				return fmt.Errorf("line %d: %q: %w", line, key, err)
			}
			if err := set(strings.Join(path, " "), key, s, line); err != nil {
				return err
			}
		}
	}
	_, err := p.dec.Token() // "}"
	if err != nil {
		return p.fail(err)
	}
	return nil
}

// array reads the values of key, one value each.
func (p *jsonParser) array(path []string, key string, set func(section, key, value string, line int) error) error {
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return p.fail(err)
		}
		line := p.line()
		s, err := scalar(tok)
		if err != nil {
			return fmt.Errorf("line %d: %q: %w", line, key, err)
		}
		if err := set(strings.Join(path, " "), key, s, line); err != nil {
			return err
		}
	}
	_, err := p.dec.Token() // "]"
	if err != nil {
		return p.fail(err)
	}
	return nil
}

// scalar is the text of a JSON string, number or boolean, as the flag's
// Set takes it.
func scalar(tok json.Token) (string, error) {
	switch v := tok.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		if v {
			return "true", nil
		}
		return "false", nil
	case nil:
		return "", errors.New("null is not a value")
	}
	return "", errors.New("want a string, number or boolean")
}
