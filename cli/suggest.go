package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/plughost/plughost/plugins"
)

// suggest returns the visible command names in plugs closest to name.
func (r *run) suggest(plugs []plugins.Plugin, name string) []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range plugs {
		if _, ok := p.(plugins.Command); !ok {
			continue
		}
		if _, hidden := p.(plugins.Hider); hidden {
			continue
		}
		n, err := r.meet(p)
		if err != nil {
			continue
		}
		c := command{node: n}
		if r.cmdName(&c) != nil || seen[c.cmdName] {
			continue
		}
		seen[c.cmdName] = true
		names = append(names, c.cmdName)
	}
	best := closest(name, names)
	sort.Strings(best)
	if len(best) > 3 {
		best = best[:3]
	}
	return best
}

// orList quotes names and joins them with "or".
func orList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// closest returns the candidates nearest to name: those it is a prefix of,
// or else those within a small edit distance (one edit for short names, two
// from four letters on), all at the smallest distance found.
func closest(name string, candidates []string) []string {
	if name == "" {
		return nil
	}
	limit := 1
	if len(name) >= 4 {
		limit = 2
	}
	var best []string
	bestDist := limit + 1
	prev := make([]int, len(name)+1)
	cur := make([]int, len(name)+1)
	for _, c := range candidates {
		d := distance(name, c, bestDist+1, prev, cur)
		if len(name) >= 2 && strings.HasPrefix(c, name) {
			d = 0
		}
		switch {
		case d < bestDist:
			bestDist = d
			best = append(best[:0], c)
		case d == bestDist && d <= limit:
			best = append(best, c)
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b if it is below
// bound, or bound otherwise. It gives up as soon as a row shows the bound
// cannot be beaten, so a far name costs little. prev and cur are scratch
// rows of len(a)+1.
func distance(a, b string, bound int, prev, cur []int) int {
	if d := len(a) - len(b); d >= bound || -d >= bound {
		return bound
	}
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
			v := min(prev[i]+1, cur[i-1]+1, prev[i-1]+cost)
			cur[i] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= bound {
			return bound
		}
		prev, cur = cur, prev
	}
	return min(prev[len(a)], bound)
}
