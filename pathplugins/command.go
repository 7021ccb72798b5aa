package pathplugins

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// Executable is an executable on PATH run as a command of the tool, as a
// Finder finds and lists it. It passes its arguments through as typed
// (plugins.ArgsPasser) and the run's streams (it embeds plugins.Streams);
// its description says where it is, what it says it does, and what is
// wrong with it.
//
// An Executable serves one run, as every plugin value does: FindCommand and
// ListCommands return new ones each time.
type Executable struct {
	plugins.Streams

	// Path is the executable's path: PATH's directory joined to its name,
	// links not resolved.
	Path string
	// Words are the words of the command line that name it ("foo", "bar"
	// for mycli-foo-bar). Empty in Scan's report for a file whose name no
	// command line could type.
	Words []string
	// Warnings are what the listing warns about it, one short phrase
	// each: why it does not run (not executable, in a relative PATH
	// entry, the tool itself), a directory any user may write to or
	// another user owns, and, in listings, the files of its name that it
	// shadows or that shadow it.
	Warnings []string
	// ShadowedBy is, in Scan's report, the file of the same name that
	// runs instead of this one.
	ShadowedBy string

	f       *Finder
	problem *refusal // why it does not run; nil when it does
	safety  []string // the warnings it prints before it runs
}

// CompletingExecutable is an Executable whose arguments the shell can complete
// (plugins.ArgsCompleter), because the plugin opted in: a completion
// executable named TOOL_complete-NAME is on PATH (kubectl's convention,
// TOOL_complete-foo-bar for mycli-foo-bar), or the executable declares
// that it answers cobra's __complete. A plugin that did neither is never
// run to complete.
type CompletingExecutable struct {
	*Executable
	// Helper is the completion executable, or "" when the command's own
	// executable answers "__complete ARGS... WORD".
	Helper string
}

// newExecutable is the command of a file, for words.
func (f *Finder) newExecutable(words []string, fl *file) *Executable {
	c := &Executable{Path: fl.path, Words: append([]string(nil), words...), f: f, problem: fl.problem, safety: fl.safety}
	if fl.note != "" {
		c.Warnings = append(c.Warnings, fl.note)
	}
	c.Warnings = append(c.Warnings, fl.safety...)
	for _, s := range fl.shadows {
		w := "shadows " + s.path
		if s.note != "" {
			w += " (" + s.note + ")"
		}
		c.Warnings = append(c.Warnings, w)
	}
	if fl.shadowed != nil {
		c.ShadowedBy = fl.shadowed.path
		c.Warnings = append(c.Warnings, "shadowed by "+fl.shadowed.path)
	}
	return c
}

// command is the command of a file the command line can name: a
// CompletingExecutable when the plugin opted in to completion.
func (f *Finder) command(words []string, fl *file) plugins.Command {
	c := f.newExecutable(words, fl)
	if !fl.runs() {
		return c
	}
	if helper := f.lookup(f.dirs(), f.tool()+"_complete-", fl.suffix); helper != nil && helper.runs() {
		return &CompletingExecutable{Executable: c, Helper: helper.path}
	}
	if f.declarations(fl.path).cobra {
		return &CompletingExecutable{Executable: c}
	}
	return c
}

func (c *Executable) finder() *Finder {
	if c.f == nil {
		return &Finder{}
	}
	return c.f
}

// Name is the executable's file name, which the plugins listing and the
// host's errors show.
func (c *Executable) Name() string { return filepath.Base(c.Path) }

// CmdName is the last of Words: the name the host finds it by.
func (c *Executable) CmdName() string {
	if len(c.Words) == 0 {
		return ""
	}
	return c.Words[len(c.Words)-1]
}

// PassArgs marks the command as one that takes its arguments as typed,
// flags, -h and --help included, for the executable to parse.
func (c *Executable) PassArgs() {}

// CmdGroup is the Finder's Heading.
func (c *Executable) CmdGroup() string { return c.finder().heading() }

// Description is the plugin's self-description, if it declares one, then
// its path and warnings: "greet the world (/usr/local/bin/mycli-greet)".
// Reading it opens the file, and never runs it.
func (c *Executable) Description() string {
	where := c.Path
	if len(c.Warnings) > 0 {
		where += "; " + strings.Join(c.Warnings, "; ")
	}
	var text string
	if c.problem == nil || !errors.Is(c.problem, ErrRelativePath) {
		text = c.finder().declarations(c.Path).text
	}
	if text == "" {
		return where
	}
	return text + " (" + where + ")"
}

// LongDescription says what running the command does, for its help.
func (c *Executable) LongDescription() string {
	f := c.finder()
	exe, depth := f.vars()
	s := fmt.Sprintf("Runs %s, an executable on PATH, with the arguments as typed; %s and %s in its environment name the tool and count the plugins running inside one another.", c.Path, exe, depth)
	if c.problem != nil {
		s += "\n\nIt does not run: " + c.problem.Error() + "."
	}
	if len(c.Warnings) > 0 {
		s += "\n\nWarnings: " + strings.Join(c.Warnings, "; ") + "."
	}
	return s
}

// Main runs the executable with args as given, the run's streams, and
// the Finder's environment (Environ, plus the executable and depth
// variables), and returns when it has exited. When ctx is done (the
// first Ctrl-C under cli.Run) the plugin is sent SIGINT (killed, on
// systems without it), and killed if it is still running the Finder's
// Grace later; Main waits for it either way. A child of the plugin that
// still holds its output pipes when it exits is waited for at most Grace
// too.
//
// A plugin that fails gives an *ExitError carrying its exit status. A
// file that does not run, a depth beyond MaxDepth and an argument with a
// NUL byte give the package's sentinel errors, wrapped, and run nothing.
// Before it runs the plugin, Main prints the warnings about where it lies
// (a directory any user may write to) on its stderr, unless the Finder is
// QuietWarnings.
func (c *Executable) Main(ctx context.Context, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if c.problem != nil {
		return c.problem
	}
	f := c.finder()
	depth, err := f.checkDepth()
	if err != nil {
		return err
	}
	for i, a := range args {
		if strings.IndexByte(a, 0) >= 0 {
			return fmt.Errorf("%w: argument %d (%q) holds a NUL byte", ErrBadArgument, i+1, a)
		}
	}
	if !f.QuietWarnings {
		for _, w := range c.safety {
			fmt.Fprintln(c.Stderr(), plugprint.Line(f.toolOr(c.Name())+": warning: "+c.Path+": "+w))
		}
	}
	cmd := exec.CommandContext(ctx, c.Path, args...)
	cmd.Env = f.env(depth)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Stdin(), c.Stdout(), c.Stderr()
	cmd.Cancel = func() error { return interrupt(cmd.Process) }
	cmd.WaitDelay = f.grace()
	return c.result(ctx, cmd, cmd.Run())
}

// result is what Main returns for the end of cmd.
func (c *Executable) result(ctx context.Context, cmd *exec.Cmd, err error) error {
	if err == nil {
		return nil
	}
	ps := cmd.ProcessState
	if ps == nil { // it never started
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot run %s: %w", c.Path, err)
	}
	if ps.Success() {
		// It exited 0, but after an interrupt or with a child of its own
		// still holding its output: its status is the tool's.
		return nil
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return fmt.Errorf("running %s: %w", c.Path, err)
	}
	code, sig := exitStatus(ps)
	return &ExitError{
		Path:    c.Path,
		Code:    code,
		Signal:  sig,
		Stopped: ctx.Err() != nil && killed(sig),
		Err:     ee,
		grace:   c.finder().grace(),
	}
}

// Group is a word that starts the names of executables on PATH without
// naming one itself: with mycli-foo-bar and mycli-foo-baz on PATH but no
// mycli-foo, "foo" is a Group whose sub-commands are "bar" and "baz", so
// that help and completion show them where typing them runs them. Run
// alone, it asks the host for its help.
type Group struct {
	// Words are the words that name it.
	Words []string

	f *Finder
	n *node
}

func (g *Group) finder() *Finder {
	if g.f == nil {
		return &Finder{}
	}
	return g.f
}

// Name is what the group's executables' names start with ("mycli-foo").
func (g *Group) Name() string { return g.finder().toolOr("tool") + "-" + suffixOf(g.Words) }

// CmdName is the last of Words.
func (g *Group) CmdName() string {
	if len(g.Words) == 0 {
		return ""
	}
	return g.Words[len(g.Words)-1]
}

// CmdGroup is the Finder's Heading.
func (g *Group) CmdGroup() string { return g.finder().heading() }

// Description lists the words that may follow.
func (g *Group) Description() string {
	var words []string
	if g.n != nil {
		for _, k := range g.n.sortedKids() {
			words = append(words, k.word)
		}
	}
	return "sub-commands: " + strings.Join(words, ", ")
}

// SubCommands are the commands of the words that may follow: an Executable
// for the file the longer words name, or a Group.
func (g *Group) SubCommands() []plugins.Plugin {
	if g.n == nil {
		return nil
	}
	var out []plugins.Plugin
	for _, k := range g.n.sortedKids() {
		words := append(append([]string(nil), g.Words...), k.word)
		out = append(out, g.f.plugin(words, k))
	}
	return out
}

// Main returns flag.ErrHelp, for the host to print the group's help.
func (g *Group) Main(context.Context, []string) error { return flag.ErrHelp }
