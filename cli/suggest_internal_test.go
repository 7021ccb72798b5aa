package cli

import "testing"

// FuzzMyers checks the bit-parallel distance against the plain one.
func FuzzMyers(f *testing.F) {
	for _, seed := range [][2]string{{"deploy", "deplyo"}, {"a", ""}, {"cdm-9999", "cmd-9999"}, {"x", "xyzzy"}, {"kitten", "sitting"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if a == "" || len(a) > 64 {
			return
		}
		m := newMatcher(a)
		prev, cur := make([]int, len(a)+1), make([]int, len(a)+1)
		bound := len(a) + len(b) + 1
		if got, want := myers(m.peq, len(a), b), distance(a, b, bound, prev, cur); got != want {
			t.Errorf("myers(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}
