package clitest

import (
	"context"
	"strings"
	"testing"

	"github.com/plughost/plughost/cli"
)

// Completion is what a TAB offers: the candidates, each "value" or
// "value\tdescription", and the directive, the cli.Comp* bits
// (cli.CompNoSpace|cli.CompNoFileComp). Compare it whole with cmp.Diff
// when Err is nil.
type Completion struct {
	Candidates []string
	Directive  int
	// Err is what Host.Complete returned: a mistake in the words before
	// the one being completed (an unknown command or flag, a bad value)
	// is one, with no candidates and cli.CompError. Test it with
	// errors.Is.
	Err error
}

// Values returns the candidates without their descriptions.
func (c Completion) Values() []string {
	var out []string
	for _, s := range c.Candidates {
		v, _, _ := strings.Cut(s, "\t")
		out = append(out, v)
	}
	return out
}

// Complete asks the tool newHost builds what a TAB after words offers:
// words are those after the tool's name, the last the one being completed
// ("" for a TAB after a space; with no words at all, Complete completes
// the first word). It calls newHost once; the host's streams are buffers
// and its environment and files empty, as for Run. Call it from the
// test's goroutine: it fails the test at once when newHost returns nil.
func Complete(t testing.TB, newHost func() *cli.Host, words ...string) Completion {
	t.Helper()
	h := newHost()
	if h == nil {
		t.Fatalf("clitest.Complete: newHost returned a nil host")
	}
	var discard strings.Builder
	h.Stdin, h.Stdout, h.Stderr = strings.NewReader(""), &discard, &discard
	h.LookupEnv, h.ReadFile = lookup(nil), readFile(nil)
	if len(words) == 0 {
		words = []string{""}
	}
	candidates, directive, err := h.Complete(context.Background(), words)
	return Completion{Candidates: candidates, Directive: directive, Err: err}
}
