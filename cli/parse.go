package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
)

// parse parses a command's flags from args. With stop it stops at the first
// argument that is not a flag, since that names a sub-command, and hands
// pflag only the flags before it, so that what follows is not copied again
// at every level of a deep command path. It returns what is left, and
// whether that came after "--". at is the command path, for errors.
func parse(fs *pflag.FlagSet, at []string, args []string, stop bool) ([]string, bool, error) {
	k, err := scanFlags(fs, args, stop)
	if err != nil {
		return nil, false, &UsageError{Path: joinPath(at), Err: err}
	}
	if !stop {
		fs.SetInterspersed(true)
		if err := fs.Parse(args); err != nil {
			return nil, false, flagError(joinPath(at), fs, err)
		}
		return fs.Args(), fs.ArgsLenAtDash() == 0, nil
	}
	fs.SetInterspersed(false)
	if err := fs.Parse(args[:k]); err != nil {
		return nil, false, flagError(joinPath(at), fs, err)
	}
	rest := args[k:]
	if len(rest) > 0 && rest[0] == "--" {
		return rest[1:], true, nil
	}
	return rest, false, nil
}

// joinPath is a command path as errors name it: "mycli greeters show".
func joinPath(at []string) string { return strings.Join(at, " ") }

// scanFlags walks args as pflag does and finds what pflag would misread: a
// long flag written with one dash ("-output", which pflag reads as
// "-o utput"), and a flag or the rest of a cluster starting "test." (which
// pflag silently drops: "-test.v", "-vtest.v"). It never takes a flag's
// value for a flag. With stop it returns the index of the first argument
// that is not a flag (or of "--"); else len(args).
func scanFlags(fs *pflag.FlagSet, args []string, stop bool) (int, error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return i, nil
		case len(a) < 2 || a[0] != '-':
			if stop {
				return i, nil
			}
		case a[1] == '-':
			name, _, hasValue := strings.Cut(a[2:], "=")
			if f := fs.Lookup(name); f != nil && !hasValue && f.NoOptDefVal == "" {
				i++ // its value
			}
		default:
			body := a[1:]
			name, _, _ := strings.Cut(body, "=")
			if len(name) > 1 && fs.Lookup(name) != nil {
				return 0, fmt.Errorf("%w %q: a long flag takes two dashes, as in %q", ErrUnknownFlag, a, "-"+a)
			}
			for j := 0; j < len(body); j++ {
				if strings.HasPrefix(body[j:], "test.") {
					return 0, fmt.Errorf("%w %q", ErrUnknownFlag, a)
				}
				f := fs.ShorthandLookup(body[j : j+1])
				if f == nil {
					break // pflag reports it
				}
				if f.NoOptDefVal != "" && !strings.HasPrefix(body[j+1:], "=") {
					continue // -v, then the next letter of the cluster
				}
				if j == len(body)-1 {
					i++ // "-o value"
				}
				break // "-ovalue" or "-o=value"
			}
		}
	}
	return len(args), nil
}

// flagError turns pflag's error into one that names the flag and the
// command, and says what would be right.
func flagError(where string, fs *pflag.FlagSet, err error) error {
	var (
		pe      *PluginError
		unknown *pflag.NotExistError
		needs   *pflag.ValueRequiredError
		invalid *pflag.InvalidValueError
		syntax  *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.As(err, &unknown):
		name := unknown.GetSpecifiedName()
		if short := unknown.GetSpecifiedShortnames(); short != "" {
			msg := fmt.Sprintf("%q", "-"+name)
			if short != name {
				msg += fmt.Sprintf(" in %q", "-"+short)
			}
			if isNumber(short) {
				msg += fmt.Sprintf(" (to pass %q as an argument, put it after \"--\")", "-"+short)
			}
			return &UsageError{Path: where, Err: fmt.Errorf("%w %s", ErrUnknownFlag, msg)}
		}
		msg := fmt.Sprintf("%q", "--"+name)
		if s := suggestFlag(fs, name); s != "" {
			msg += fmt.Sprintf(" (did you mean --%s?)", s)
		}
		return &UsageError{Path: where, Err: fmt.Errorf("%w %s", ErrUnknownFlag, msg)}
	case errors.As(err, &needs):
		return &UsageError{Path: where, Err: kindError{ErrBadFlagValue, fmt.Sprintf("flag --%s needs a value", needs.GetFlag().Name)}}
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		return &UsageError{Path: where, Err: kindError{ErrBadFlagValue, badValue(f, invalid.GetValue(), "", errors.Unwrap(invalid))}}
	case errors.As(err, &syntax):
		return &UsageError{Path: where, Err: fmt.Errorf("%w %q: a flag is -x or --name", ErrUnknownFlag, syntax.GetSpecifiedFlag())}
	}
	return &UsageError{Path: where, Err: err}
}

// badValue says that flag f refused value, from a source other than the
// command line when from is not empty: the value quoted unless the flag
// is secret, what the flag wants, and the nearest of its choices.
func badValue(f *pflag.Flag, value, from string, cause error) string {
	pv, _ := f.Value.(*pvalue)
	msg := fmt.Sprintf("flag --%s: invalid value", f.Name)
	if pv == nil || !pv.f.Secret {
		msg += fmt.Sprintf(" %q", value)
	}
	if from != "" {
		msg += " (from " + from + ")"
	}
	msg += ": " + want(f, cause)
	if pv != nil && len(pv.f.Choices) > 0 {
		if best := closest(value, pv.f.Choices); len(best) > 0 {
			msg += fmt.Sprintf(" (did you mean %s?)", orList(best))
		}
	}
	return msg
}

// want says what a flag takes, when its value only said "parse error".
func want(f *pflag.Flag, cause error) string {
	if cause == nil {
		return "not accepted"
	}
	msg := cause.Error()
	var num *strconv.NumError
	if errors.As(cause, &num) {
		msg = num.Err.Error() // "invalid syntax" or "value out of range"
		if msg == "invalid syntax" {
			msg = "parse error"
		}
	}
	if msg != "parse error" && msg != "value out of range" {
		return msg
	}
	what := map[string]string{
		"int":      "want an integer",
		"uint":     "want a whole number, 0 or more",
		"float":    "want a number",
		"duration": "want a duration such as 90s or 1h30m",
		"bool":     "want true or false",
	}[f.Value.Type()]
	if f.NoOptDefVal == "true" && what == "" {
		what = "want true or false"
	}
	if what == "" {
		return msg
	}
	if msg == "value out of range" {
		what = "out of range: " + what
	}
	return what
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.") == ""
}

// suggestFlag returns the flag of fs closest to name, or "": by edit
// distance, or else one lent under that name ("--region" for
// "--aws-region").
func suggestFlag(fs *pflag.FlagSet, name string) string {
	var names, lent []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		names = append(names, f.Name)
		if strings.HasSuffix(f.Name, "-"+name) {
			lent = append(lent, f.Name)
		}
	})
	if best := closest(name, names); len(best) > 0 {
		return best[0]
	}
	if len(lent) > 0 {
		return lent[0]
	}
	return ""
}
