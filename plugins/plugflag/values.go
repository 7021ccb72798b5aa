package plugflag

import (
	"encoding/csv"
	"flag"
	"strconv"
	"strings"
)

// Count returns a flag.Value bound to p that counts how often the flag is
// given: -v -v and -vv both make 2, and --verbose=5 sets 5. It behaves as a
// boolean flag, so it takes no value unless one is joined with "=".
// Declare it with fs.Var(plugflag.Count(&c.Verbose), "verbose", "...").
func Count(p *int) flag.Value { return (*countValue)(p) }

type countValue int

func (c *countValue) IsBoolFlag() bool { return true }

func (c *countValue) String() string {
	if c == nil {
		return "0"
	}
	return strconv.Itoa(int(*c))
}

func (c *countValue) Set(s string) error {
	switch s {
	case "true":
		*c++
		return nil
	case "false":
		*c = 0
		return nil
	}
	// Read as the standard library reads an int flag: 0x10 is 16, 010 is 8.
	n, err := strconv.ParseInt(s, 0, strconv.IntSize)
	if err != nil || n < 0 {
		return errWant("a count: a whole number, 0 or more")
	}
	*c = countValue(n)
	return nil
}

// Type names the kind of value for help.
func (c *countValue) Type() string { return "count" }

// Get returns the count as an int, for flag.Getter.
func (c *countValue) Get() any { return int(*c) }

// Strings returns a flag.Value bound to p that collects one string each
// time the flag is given: --tag a --tag b makes ["a" "b"]. The first value
// given to this Value replaces what *p held (the default) rather than
// adding to it; a plugin's Flags returns a new flag set, and so a new
// Value, for every run. Declare it with
// fs.Var(plugflag.Strings(&c.Tags), "tag", "...").
func Strings(p *[]string) flag.Value { return &stringsValue{p: p} }

type stringsValue struct {
	p   *[]string
	set bool // Set has been called: the default is gone
}

func (s *stringsValue) boundTo() any { return s.p }

func (s *stringsValue) String() string {
	if s == nil || s.p == nil || len(*s.p) == 0 {
		return ""
	}
	list := *s.p
	if len(list) == 1 && list[0] == "" {
		return `""` // csv would write nothing, which reads back as no list
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(list) // writing to a strings.Builder cannot fail
	w.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}

func (s *stringsValue) Set(v string) error {
	if !s.set {
		*s.p = nil
		s.set = true
	}
	*s.p = append(*s.p, v)
	return nil
}

// Type names the kind of value for help: a string, given as many times as
// wanted. Each value is taken whole: "Bob,Cid" is one value.
func (s *stringsValue) Type() string { return "string..." }

// Get returns a copy of the collected strings, for flag.Getter.
func (s *stringsValue) Get() any { return append([]string(nil), *s.p...) }

type errWant string

func (e errWant) Error() string { return "want " + string(e) }
