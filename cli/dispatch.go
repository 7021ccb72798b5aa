package cli

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// main runs the tool: it resolves the command line, then runs the command
// it names between its hooks, or shows help or the version.
func (r *run) main(args []string) error {
	if err := r.cancelled(nil); err != nil {
		return err
	}
	res, err := r.resolve(args)
	if err != nil {
		return err
	}
	switch {
	case res.version && !res.help:
		return r.printVersion()
	case res.cmd == nil && res.dashed && len(res.args) > 0 && !res.help:
		return &UsageError{Path: r.h.Name(), Err: fmt.Errorf("%w: %q comes after \"--\", so it is not a command", ErrUnknownCommand, res.args[0])}
	case res.help || res.cmd == nil:
		return r.help(res.at[1:])
	}
	if err := r.sources(res); err != nil {
		return err
	}
	if err := r.checkRun(res); err != nil {
		return err
	}
	if err := r.cancelled(res.at); err != nil {
		return err
	}
	c := res.cmd
	hooks, err := r.hooks(res)
	if err != nil {
		return err
	}
	path := res.at[1:]
	err = r.before(hooks, path, args)
	if err == nil {
		err = r.call(c.node, "Main", func() error { return c.cmd.Main(r.ctx, res.args) })
		if err == nil {
			err = r.late()
		}
		var askedHelp bool
		askedHelp, err = r.wrap(res, err)
		if askedHelp {
			err = r.help(res.at[1:])
		}
	}
	return r.after(hooks, path, args, err)
}

// checkRun refuses a run the command line does not complete: a required
// flag not given, or arguments its ArgsUsage does not allow.
func (r *run) checkRun(res *resolved) error {
	if res.passed {
		return nil
	}
	var missing []string
	for _, s := range []*flagSet{res.own, res.inherited, res.global} {
		for i, f := range s.flags {
			if f.Required && !s.pflags[i].Changed {
				missing = append(missing, "--"+f.Name)
			}
		}
	}
	if len(missing) > 0 {
		return &UsageError{Path: joinPath(res.at), Err: kindError{ErrMissingFlag, fmt.Sprintf("%s %s", plural(len(missing), "missing required flag", "missing required flags"), strings.Join(missing, ", "))}}
	}
	usage, declared, err := r.argsUsage(*res.cmd)
	if err != nil || !declared {
		return err
	}
	spec, _ := parseArgsUsage(usage) // checked by argsUsage
	if msg := spec.check(len(res.args)); msg != "" {
		return &UsageError{Path: joinPath(res.at), Err: kindError{ErrArgs, fmt.Sprintf("%s (usage: %s)", msg, r.usageLine(res))}}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// argsUsage reads what arguments command c takes, if it says; a usage it
// could never be given is a fault of the plugin.
func (r *run) argsUsage(c command) (usage string, declared bool, err error) {
	a, ok := c.p.(plugins.ArgsUsager)
	if !ok {
		return "", false, nil
	}
	if err := r.call(c.node, "ArgsUsage", func() error { usage = a.ArgsUsage(); return nil }); err != nil {
		return "", true, err
	}
	if _, perr := parseArgsUsage(usage); perr != nil {
		site := c.site("ArgsUsage")
		return "", true, site.Fault(fmt.Errorf("%w: %w", ErrBadPlugin, perr))
	}
	return usage, true, nil
}

// usageLine is the first usage line of the command res names.
func (r *run) usageLine(res *resolved) string {
	h := plugprint.Help{Path: res.at, Args: "[arguments]"}
	if res.cmd != nil {
		if usage, declared, err := r.argsUsage(*res.cmd); err == nil && declared {
			h.Args = usage
		}
		h.Runnable = !res.parent
	}
	return plugprint.UsageLines(h)[0]
}

// hooks returns the plugins that hook the command res names: the host's,
// then those the commands on its path scope, each once, fed.
func (r *run) hooks(res *resolved) ([]node, error) {
	var out []node
	var seen map[any]bool
	for _, list := range [][]plugins.Plugin{r.caps.hooks, res.scopes} {
		for _, p := range list {
			if !isHook(p) {
				continue
			}
			if reflect.TypeOf(p).Kind() == reflect.Pointer {
				if seen[p] {
					continue
				}
				if seen == nil {
					seen = map[any]bool{}
				}
				seen[p] = true
			}
			n, err := r.meet(p)
			if err != nil {
				return nil, err
			}
			if err := r.feedOne(n); err != nil {
				return nil, err
			}
			out = append(out, n)
		}
	}
	return out, nil
}

// before calls each BeforeRunner in order; the first error stops them.
func (r *run) before(hooks []node, path, args []string) error {
	for _, n := range hooks {
		b, ok := n.p.(plugins.BeforeRunner)
		if !ok {
			continue
		}
		err := r.call(n, "BeforeRun", func() error { return b.BeforeRun(r.ctx, path, args) })
		if err != nil {
			return r.attribute(n, joinPath(append([]string{r.h.Name()}, path...))+": before: "+n.name, err)
		}
	}
	return nil
}

// after calls each AfterRunner in reverse order with the run's error, and
// joins what they return to it.
func (r *run) after(hooks []node, path, args []string, runErr error) error {
	errs := []error{runErr}
	for i := len(hooks) - 1; i >= 0; i-- {
		n := hooks[i]
		a, ok := n.p.(plugins.AfterRunner)
		if !ok {
			continue
		}
		err := r.call(n, "AfterRun", func() error { return a.AfterRun(r.ctx, path, args, runErr) })
		if err != nil {
			errs = append(errs, r.attribute(n, joinPath(append([]string{r.h.Name()}, path...))+": after: "+n.name, err))
		}
	}
	switch {
	case len(errs) == 1:
		return runErr
	case runErr == nil && len(errs) == 2:
		return errs[1]
	case runErr == nil:
		return joined(errs[1:])
	}
	return joined(errs)
}

// joined is errors.Join on one line: the errors' texts are joined by "; ",
// since the host's errors are one line each.
type joined []error

func (j joined) Error() string {
	var parts []string
	for _, err := range j {
		if err != nil {
			parts = append(parts, fault.Message(err))
		}
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the errors joined, for errors.Is and errors.As.
func (j joined) Unwrap() []error { return j }

// attribute puts an error plugin n returned down to where: "tool deploy:
// before: webpack: ...", unless it is the host's own and says where
// already. Reading the error runs the plugin's code (Error, Unwrap, As),
// so it is done under containment: a panic there, or runtime.Goexit, is
// the plugin's fault.
func (r *run) attribute(n node, where string, err error) error {
	out := err
	werr := r.call(n, "Error", func() error {
		_ = err.Error()
		if !says(err) {
			out = fmt.Errorf("%s: %w", where, err)
		}
		return nil
	})
	if werr != nil {
		return werr
	}
	return out
}

// wrap attributes an error the command res names returned to its path,
// unless it is the host's own and says where already, and reports whether
// the error asks for the command's help (flag.ErrHelp). An error wrapping
// plugins.ErrUsage becomes a *UsageError with the command's usage line.
// Reading the error runs the plugin's code (Error, Unwrap, Is), so it is
// done under containment, and every walk of its chain is bounded.
func (r *run) wrap(res *resolved, err error) (askedHelp bool, _ error) {
	if err == nil {
		return false, nil
	}
	c := res.cmd
	out := err
	werr := r.call(c.node, "Error", func() error {
		_ = err.Error() // fmt would print a panic in it into the message
		switch {
		case isHelp(err):
			askedHelp = true
		case says(err):
		case fault.Is(err, plugins.ErrUsage):
			out = &UsageError{Path: joinPath(res.at), Err: fmt.Errorf("%w (usage: %s)", err, r.usageLine(res))}
		default:
			out = fmt.Errorf("%s: %w", joinPath(res.at), err)
		}
		return nil
	})
	if werr != nil {
		return false, werr
	}
	return askedHelp, out
}
