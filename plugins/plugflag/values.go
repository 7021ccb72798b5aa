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
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return errWant("a count: a whole number, 0 or more")
	}
	*c = countValue(n)
	return nil
}

// Get returns the count as an int, for flag.Getter.
func (c *countValue) Get() any { return int(*c) }

// Strings returns a flag.Value bound to p that collects one string each
// time the flag is given: --tag a --tag b makes ["a" "b"]. Values given on
// the command line replace the default rather than add to it (see
// Resetter). Declare it with fs.Var(plugflag.Strings(&c.Tags), "tag", "...").
func Strings(p *[]string) flag.Value { return (*stringsValue)(p) }

type stringsValue []string

func (s *stringsValue) String() string {
	if s == nil || len(*s) == 0 {
		return ""
	}
	if len(*s) == 1 && (*s)[0] == "" {
		return `""` // csv would write nothing, which reads back as no list
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(*s) // writing to a strings.Builder cannot fail
	w.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}

func (s *stringsValue) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// Reset puts the value back to the list that String returned.
func (s *stringsValue) Reset(v string) error {
	if v == "" {
		*s = nil
		return nil
	}
	list, err := splitList(v)
	if err != nil {
		return err
	}
	*s = list
	return nil
}

// splitList reads back the list that String wrote: values separated by
// commas, a value between double quotes with its quotes doubled. It keeps
// every byte between the quotes, where encoding/csv would turn "\r\n" into
// "\n".
func splitList(v string) ([]string, error) {
	var list []string
	for {
		if !strings.HasPrefix(v, `"`) {
			i := strings.IndexByte(v, ',')
			if i < 0 {
				return append(list, v), nil
			}
			list, v = append(list, v[:i]), v[i+1:]
			continue
		}
		var b strings.Builder
		v = v[1:]
		for {
			i := strings.IndexByte(v, '"')
			if i < 0 {
				return nil, errWant(listSyntax + ": a quote is not closed")
			}
			b.WriteString(v[:i])
			v = v[i+1:]
			if !strings.HasPrefix(v, `"`) {
				break
			}
			b.WriteByte('"')
			v = v[1:]
		}
		list = append(list, b.String())
		if v == "" {
			return list, nil
		}
		if v[0] != ',' {
			return nil, errWant(listSyntax + ": a comma after a closing quote")
		}
		v = v[1:]
	}
}

const listSyntax = "comma-separated values, quoted as in CSV"

// Type names the kind of value for help.
func (s *stringsValue) Type() string { return "strings" }

// Get returns a copy of the collected strings, for flag.Getter.
func (s *stringsValue) Get() any { return append([]string(nil), *s...) }

type errWant string

func (e errWant) Error() string { return "want " + string(e) }
