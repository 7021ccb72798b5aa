package cli

import (
	"context"
	"strings"
	"time"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
	"github.com/spf13/pflag"
)

// The directives Complete returns, as cobra's ShellCompDirective has them,
// so that scripts and bridges written for cobra read them unchanged.
const (
	CompError      = 1  // something went wrong: complete nothing
	CompNoSpace    = 2  // add no space after the candidate
	CompNoFileComp = 4  // offer no file names when there is no candidate
	CompFilterExt  = 8  // the candidates are file extensions to filter by
	CompFilterDirs = 16 // complete directory names only
	CompKeepOrder  = 32 // keep the candidates in the order given
)

// completerTimeout bounds how long a plugin's completer may take.
const completerTimeout = 5 * time.Second

// Complete completes a command line for a shell: words are the words after
// the tool's name, the last being the word under the cursor (empty after a
// space). It resolves the words before it as a run does, feeding the
// plugins on the path and parsing the flags typed into their fields, calls
// no command's Main, and returns the candidates ("value" or
// "value\tdescription", descriptions escaped onto one line) and a
// directive of Comp* bits. Commands and sub-commands (hidden ones left
// out; aliases when no name fits), flags of every kind (hidden ones left
// out), --flag=VALUE, the choices of a OneOf flag and what an
// ArgsCompleter or a ValueCompleter offers are completed; after "--",
// only a command's arguments. A completer that panics or fails yields no
// candidates and CompError.
func (h *Host) Complete(ctx context.Context, words []string) (candidates []string, directive int, err error) {
	r := h.newRun(ctx, nil)
	err = <-r.guard(func() error {
		if err := r.cancelled(nil); err != nil {
			return err
		}
		var err error
		candidates, directive, err = r.complete(words)
		return err
	})
	if err != nil {
		return nil, CompError, err
	}
	return candidates, directive, nil
}

func (r *run) complete(words []string) ([]string, int, error) {
	if len(words) == 0 {
		words = []string{""}
	}
	before, word := words[:len(words)-1], words[len(words)-1]

	// "--flag <TAB>": the word is that flag's value, if it takes one.
	if n := len(before); n > 0 && isFlagWithoutValue(before[n-1]) {
		res, err := r.resolve(before[:n-1])
		if err == nil && !res.dashed {
			if pf := lookupFlag(res, before[n-1]); pf != nil && pf.NoOptDefVal == "" {
				return r.values(pf, word, "")
			}
		}
	}
	res, err := r.resolve(before)
	if err != nil {
		return nil, CompError, err
	}
	_ = r.sources(res) // what the environment and config files give is in the fields too
	switch {
	case res.passed, res.dashed: // the words are the command's own
		return r.args(res, word)
	case strings.HasPrefix(word, "--") && strings.Contains(word, "="):
		name, value, _ := strings.Cut(word[2:], "=")
		pf := lookupFlag(res, "--"+name)
		if pf == nil || pf.NoOptDefVal != "" {
			return nil, CompNoFileComp, nil
		}
		return r.values(pf, value, "--"+name+"=")
	case strings.HasPrefix(word, "-"):
		return flagNames(res, word), CompNoFileComp, nil
	case res.cmd == nil || res.parent && len(res.args) == 0:
		plugs, err := r.topPlugins()
		if err != nil {
			return nil, CompError, err
		}
		if res.cmd != nil {
			plugs = res.subs
		}
		names, err := r.commandNames(plugs, word)
		if err != nil {
			return nil, CompError, err
		}
		if res.cmd != nil && len(names) == 0 {
			return r.args(res, word) // a SubCommander that takes arguments
		}
		return names, CompNoFileComp, nil
	}
	return r.args(res, word)
}

// isFlagWithoutValue reports whether w is a flag that may take the next
// word as its value: "--name" or "-n", not "--name=v" nor "--".
func isFlagWithoutValue(w string) bool {
	return len(w) > 1 && w[0] == '-' && w != "--" && !strings.Contains(w, "=") && (w[1] == '-' || len(w) == 2)
}

// lookupFlag finds the flag a word names among those of the level res
// resolved to.
func lookupFlag(res *resolved, word string) *pflag.Flag {
	long, short := strings.TrimPrefix(word, "--"), ""
	if !strings.HasPrefix(word, "--") {
		long, short = "", strings.TrimPrefix(word, "-")
	}
	for _, s := range completionSets(res) {
		for i, f := range s.flags {
			if f.Name == long || short != "" && f.Shorthand == short {
				return s.pflags[i]
			}
		}
	}
	return nil
}

func completionSets(res *resolved) []*flagSet {
	if res.cmd == nil {
		return []*flagSet{res.global}
	}
	return []*flagSet{res.own, res.inherited, res.global}
}

// flagNames offers the flags whose names start with word.
func flagNames(res *resolved, word string) []string {
	var out []string
	add := func(name, usage string) {
		if strings.HasPrefix("--"+name, word) {
			out = append(out, candidate("--"+name, usage))
		}
	}
	for _, s := range completionSets(res) {
		for _, f := range s.flags {
			if f.Hidden || f.Deprecated != "" {
				continue
			}
			add(f.Name, f.Usage)
			if f.Negatable {
				add("no-"+f.Name, "set --"+f.Name+" to false")
			}
		}
	}
	add("help", helpUsage)
	if res.cmd == nil {
		add("version", versionUsage)
	}
	return out
}

// values offers the values of a flag that start with word, each behind
// prefix ("--flag=" when the word was typed joined to the flag).
func (r *run) values(pf *pflag.Flag, word, prefix string) ([]string, int, error) {
	pv, ok := pf.Value.(*pvalue)
	if !ok {
		return nil, CompNoFileComp, nil
	}
	var out []string
	for _, c := range pv.f.Choices {
		if strings.HasPrefix(c, word) {
			out = append(out, candidate(prefix+c, ""))
		}
	}
	if vc, ok := pv.f.Value.(plugins.ValueCompleter); ok {
		found, dir := r.completer(pv.owner, "CompleteValue", func(ctx context.Context) []string { return vc.CompleteValue(ctx, word) })
		if dir == CompError {
			return nil, CompError, nil
		}
		for _, c := range found {
			value, desc, _ := strings.Cut(c, "\t")
			out = append(out, candidate(prefix+value, desc))
		}
	}
	if len(pv.f.Choices) > 0 || isCompleter(pv.f) {
		return out, CompNoFileComp, nil
	}
	return nil, 0, nil // any value: let the shell offer files
}

func isCompleter(f *plugflag.Flag) bool {
	_, ok := f.Value.(plugins.ValueCompleter)
	return ok
}

// args offers a command's arguments: what its ArgsCompleter returns, or
// the shell's files, unless the command takes none.
func (r *run) args(res *resolved, word string) ([]string, int, error) {
	if res.cmd == nil {
		return nil, CompNoFileComp, nil
	}
	c := *res.cmd
	if ac, ok := c.p.(plugins.ArgsCompleter); ok {
		found, dir := r.completer(c.node, "CompleteArgs", func(ctx context.Context) []string { return ac.CompleteArgs(ctx, res.args, word) })
		if dir == CompError {
			return nil, CompError, nil
		}
		out := make([]string, 0, len(found))
		for _, f := range found {
			value, desc, _ := strings.Cut(f, "\t")
			out = append(out, candidate(value, desc))
		}
		return out, CompNoFileComp, nil
	}
	if usage, declared, err := r.argsUsage(c); err != nil || declared && strings.TrimSpace(usage) == "" {
		return nil, CompNoFileComp, nil
	}
	return nil, 0, nil
}

// completer calls a plugin's completer with a deadline, under
// containment: a panic or Goexit yields CompError and a note on stderr.
func (r *run) completer(n node, method string, fn func(ctx context.Context) []string) ([]string, int) {
	ctx, cancel := context.WithTimeout(r.ctx, completerTimeout)
	defer cancel()
	var found []string
	if err := r.call(n, method, func() error { found = fn(ctx); return nil }); err != nil {
		r.warn("completing: " + err.Error())
		return nil, CompError
	}
	return found, 0
}

// commandNames offers the visible commands in plugs whose names start
// with word, or, when none does, their aliases that do.
func (r *run) commandNames(plugs []plugins.Plugin, word string) ([]string, error) {
	rows, _, err := r.listing(plugs)
	if err != nil {
		return nil, err
	}
	var names, aliases []string
	for _, c := range rows {
		if strings.HasPrefix(c.Name, word) {
			names = append(names, candidate(c.Name, c.Description))
		}
		for _, a := range c.Aliases {
			if strings.HasPrefix(a, word) {
				aliases = append(aliases, candidate(a, c.Description))
			}
		}
	}
	if len(names) == 0 {
		return aliases, nil
	}
	return names, nil
}

// candidate is one line of a completion: the value, and a tab and the
// description when there is one, each escaped onto one line.
func candidate(value, desc string) string {
	value = plugprint.Line(value)
	if desc == "" {
		return value
	}
	return value + "\t" + plugprint.Line(desc)
}
