package spec

import (
	"sort"
	"strconv"
	"strings"
)

// Suggest returns up to three of names nearest to name, for the programs
// whose library makes no suggestions of its own (the floor and the
// stdlib-only program): those name is a prefix of, or else those at the
// smallest edit distance up to two. It is the rule plughost applies, written
// plainly, so the floor pays for the same answer.
func Suggest(name string, names []string) []string {
	const limit = 2
	var best []string
	bestDist := limit + 1
	for _, c := range names {
		d := 0
		if !strings.HasPrefix(c, name) {
			d = levenshtein(name, c, bestDist+1)
		}
		switch {
		case d < bestDist:
			bestDist = d
			best = append(best[:0], c)
		case d == bestDist && d <= limit:
			best = append(best, c)
		}
	}
	sort.Strings(best)
	if len(best) > 3 {
		best = best[:3]
	}
	return best
}

// levenshtein returns the edit distance between a and b, or bound if it is
// bound or more.
func levenshtein(a, b string, bound int) int {
	if d := len(a) - len(b); d >= bound || -d >= bound {
		return bound
	}
	var rows [2][32]int
	if len(a) >= len(rows[0]) {
		return bound
	}
	prev, cur := rows[0][:len(a)+1], rows[1][:len(a)+1]
	for i := range prev {
		prev[i] = i
	}
	for j := 1; j <= len(b); j++ {
		cur[0] = j
		rowMin := j
		for i := 1; i <= len(a); i++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[i] = min(prev[i]+1, cur[i-1]+1, prev[i-1]+cost)
			rowMin = min(rowMin, cur[i])
		}
		if rowMin >= bound {
			return bound
		}
		prev, cur = cur, prev
	}
	return min(prev[len(a)], bound)
}

// DidYouMean formats suggestions as ` (did you mean "a" or "b"?)`, or "".
func DidYouMean(s []string) string {
	if len(s) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(" (did you mean ")
	for i, n := range s {
		if i > 0 {
			if i == len(s)-1 {
				b.WriteString(" or ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(strconv.Quote(n))
	}
	b.WriteString("?)")
	return b.String()
}
