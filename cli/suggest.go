package cli

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// suggest returns the visible command names in plugs closest to name.
// Since a command was not found, it also vets every command's names: a
// plugin that could not be named on a command line may be the one meant,
// so it is reported instead (the one with the least name, whatever the
// order of the slice).
func (r *run) suggest(plugs []plugins.Plugin, name string) ([]string, error) {
	m := newMatcher(name)
	var bad *command
	err := r.scan(plugs, func(s *scanner) bool {
		if !validName(s.cur.name) || !validName(s.cur.cmdName) || fault.IsNil(s.cur.p) {
			if bad == nil || fmt.Sprintf("%T%s", s.cur.p, s.cur.name) < fmt.Sprintf("%T%s", bad.p, bad.name) {
				c := s.cur
				bad = &c
			}
			return false
		}
		if _, hidden := s.cur.p.(plugins.Hider); !hidden {
			m.add(s.cur.cmdName)
		}
		return false
	})
	if err == nil && bad != nil {
		err = r.check(bad)
	}
	return m.result(), err
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

// closest returns the candidates nearest to name (see matcher).
func closest(name string, candidates []string) []string {
	m := newMatcher(name)
	for _, c := range candidates {
		m.add(c)
	}
	return m.result()
}

// matcher keeps the candidates nearest to a name: those it is a prefix
// of, or else those within a small edit distance (one edit for short
// names, two from four letters on), all at the smallest distance found.
// ASCII letters match whatever their case, so GREET finds greet. A
// candidate farther than the best so far costs little: the distance gives
// up as soon as it cannot win.
type matcher struct {
	name      string
	limit     int
	bestDist  int
	best      []string
	peq       *[256]uint64 // for names of up to 64 bytes: see myers
	prev, cur []int        // for longer names: see distance
}

func newMatcher(name string) *matcher {
	limit := 1
	if len(name) >= 4 {
		limit = 2
	}
	m := &matcher{name: name, limit: limit, bestDist: limit + 1}
	if len(name) <= 64 {
		m.peq = new([256]uint64)
		for i := 0; i < len(name); i++ {
			c := lower(name[i])
			m.peq[c] |= 1 << i
			if c >= 'a' && c <= 'z' {
				m.peq[c-'a'+'A'] |= 1 << i
			}
		}
	} else {
		m.prev, m.cur = make([]int, len(name)+1), make([]int, len(name)+1)
	}
	return m
}

func (m *matcher) add(c string) {
	if m.name == "" {
		return
	}
	d := 0
	switch {
	case len(m.name) >= 2 && len(c) >= len(m.name) && strings.EqualFold(c[:len(m.name)], m.name):
	case len(c)-len(m.name) > m.bestDist || len(m.name)-len(c) > m.bestDist:
		return // too far apart in length to win
	case m.peq != nil:
		d = myers(m.peq, len(m.name), c)
	default:
		d = distance(m.name, c, m.bestDist+1, m.prev, m.cur)
	}
	switch {
	case d < m.bestDist:
		m.bestDist = d
		m.best = append(m.best[:0], c)
	case d == m.bestDist && d <= m.limit:
		m.best = append(m.best, c)
	}
}

// result returns up to three of the nearest candidates, sorted, each once.
func (m *matcher) result() []string {
	sort.Strings(m.best)
	out := slices.Compact(m.best)
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// myers is the Levenshtein distance between a pattern of m bytes (1 to
// 64), given by its table of positions peq, and text: Myers' bit-parallel
// algorithm, as Hyyrö put it for whole strings. One column of the edit
// matrix is two words, so a text costs a few operations a byte.
func myers(peq *[256]uint64, m int, text string) int {
	pv, mv := ^uint64(0), uint64(0)
	last := uint64(1) << (m - 1)
	score := m
	for i := 0; i < len(text); i++ {
		eq := peq[text[i]]
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		ph = ph<<1 | 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return score
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
			if lower(a[i-1]) == lower(b[j-1]) {
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

// lower is an ASCII byte in lower case.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c - 'A' + 'a'
	}
	return c
}
