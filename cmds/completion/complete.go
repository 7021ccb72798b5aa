package completion

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// dirError is cobra's ShellCompDirectiveError, package cli's CompError:
// complete nothing.
const dirError = 1

// Complete is the hidden __complete command the completion scripts call
// at each TAB: "tool __complete WORDS..." prints the candidates for the
// last word, one a line, "value" or "value<TAB>description", then a last
// line ":DIRECTIVE", as cobra's __complete does, so that cobra's scripts
// and cobra-aware programs (carapace's bridges, kubectl's plugin
// completion) read it unchanged. The words are handed to it verbatim: it
// is an ArgsPasser.
//
// Its zero value answers to "__complete". With NoDesc it answers to
// "__completeNoDesc", cobra's name for the same without descriptions; a
// tool prepends both to serve every cobra script, while this package's
// own scripts call only __complete.
type Complete struct {
	// Streams are where the command prints: the candidates to Stdout, and
	// a one-line note to Stderr when completion fails.
	plugins.Streams
	// NoDesc leaves the descriptions out, and makes the command answer to
	// "__completeNoDesc".
	NoDesc bool

	host plugins.Command
}

// Name returns "__complete", or "__completeNoDesc" with NoDesc.
func (c *Complete) Name() string {
	if c.NoDesc {
		return "__completeNoDesc"
	}
	return "__complete"
}

// Description describes the command for listings that show hidden ones.
func (c *Complete) Description() string {
	return "print the completions of a command line, for the shell scripts"
}

// HidePlugin keeps the command out of help and listings.
func (c *Complete) HidePlugin() {}

// PassArgs makes the host hand Main every word after the command name as
// typed, flags and "--" included.
func (c *Complete) PassArgs() {}

// WithHost remembers the host to ask for candidates: a Completer.
func (c *Complete) WithHost(h plugins.Command) { c.host = h }

// Main prints the completions of args, the words after the tool's name,
// the last being the word under the cursor. Whatever happens, what it
// prints on Stdout ends with a directive line: when the host is not a
// Completer, fails or panics, it prints only ":1" there, and one line
// saying why on Stderr (a completer that panics inside the host is
// reported by the host itself). Main returns an error only when writing
// to Stdout fails: a failed completion is a directive, not a failed run.
//
// Each candidate is put on one line: control bytes, newlines and tabs in
// a value or a description are escaped as package plugprint escapes text
// for a terminal, and empty values are left out.
func (c *Complete) Main(ctx context.Context, args []string) error {
	candidates, directive, err := c.complete(ctx, args)
	var b strings.Builder
	if err != nil {
		candidates, directive = nil, dirError
	}
	for _, cand := range candidates {
		value, desc, _ := strings.Cut(cand, "\t")
		if value = plugprint.Line(value); value == "" {
			continue
		}
		b.WriteString(value)
		if desc = plugprint.Line(desc); desc != "" && !c.NoDesc {
			b.WriteByte('\t')
			b.WriteString(desc)
		}
		b.WriteByte('\n')
	}
	b.WriteString(":" + strconv.Itoa(directive) + "\n")
	if err != nil {
		note := fmt.Sprintf("completion ended with directive :%d (error): %s", dirError, fault.Message(err))
		fmt.Fprintln(c.Stderr(), plugprint.Line(note))
	}
	_, werr := io.WriteString(c.Stdout(), b.String())
	return werr
}

// complete asks the host, on a goroutine of its own so that a host that
// calls runtime.Goexit cannot end Main before it prints a directive.
func (c *Complete) complete(ctx context.Context, words []string) ([]string, int, error) {
	comp, ok := c.host.(Completer)
	if !ok || fault.IsNil(c.host) {
		return nil, dirError, ErrNoHost
	}
	type result struct {
		candidates []string
		directive  int
		err        error
	}
	site := fault.Site{Plugin: c.host, Method: "Complete"}
	done := make(chan result, 1)
	go func() {
		// What is left when the host ends the goroutine.
		res := result{directive: dirError, err: site.Fault(fault.ErrGoexit)}
		defer func() { done <- res }()
		var out result
		err := fault.Call(nil, &site, func() error {
			var err error
			out.candidates, out.directive, err = comp.Complete(ctx, words)
			return err
		})
		if err != nil {
			out = result{directive: dirError, err: err}
		}
		res = out
	}()
	res := <-done
	return res.candidates, res.directive, res.err
}
