package cli

import (
	"fmt"
	"strings"
)

// argsSpec is what an ArgsUsage line allows: at least min arguments, and
// at most max, or any number from min on when max is -1.
type argsSpec struct{ min, max int }

// parseArgsUsage reads "APP [ENV] [FILE...]": a bare word is one required
// argument, [WORD] one optional, and "..." on the last word repeats it.
func parseArgsUsage(usage string) (argsSpec, error) {
	words := strings.Fields(usage)
	var spec argsSpec
	optional := false
	for i, w := range words {
		last := i == len(words)-1
		opt := strings.HasPrefix(w, "[") && strings.HasSuffix(w, "]")
		inner := strings.TrimSuffix(strings.TrimPrefix(w, "["), "]")
		repeat := strings.HasSuffix(inner, "...")
		switch {
		case strings.HasPrefix(w, "[") != strings.HasSuffix(w, "]"),
			strings.ContainsAny(strings.TrimSuffix(inner, "..."), "[]") || inner == "..." || inner == "":
			return spec, fmt.Errorf("%q is not a word, [WORD], WORD... or [WORD...]", w)
		case repeat && !last:
			return spec, fmt.Errorf("only the last word may repeat, not %q", w)
		case !opt && optional:
			return spec, fmt.Errorf("required %q comes after an optional argument", w)
		}
		optional = optional || opt
		switch {
		case repeat && opt:
			spec.max = -1
		case repeat:
			spec.min++
			spec.max = -1
		case opt:
			spec.max++
		default:
			spec.min++
			spec.max++
		}
	}
	return spec, nil
}

// check says what is wrong with n arguments, or "".
func (s argsSpec) check(n int) string {
	switch {
	case n < s.min:
		return fmt.Sprintf("want %s, got %d", count("at least ", s.min, s.max), n)
	case s.max >= 0 && n > s.max:
		return fmt.Sprintf("want %s, got %d", count("at most ", s.max, s.min), n)
	}
	return ""
}

// count words a bound: "no arguments", "1 argument", "at least 2 arguments".
func count(qualifier string, n, other int) string {
	noun := "arguments"
	if n == 1 {
		noun = "argument"
	}
	switch {
	case n == 0:
		return "no arguments"
	case n == other:
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%s%d %s", qualifier, n, noun)
}
