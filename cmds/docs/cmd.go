package docs

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/plughost/plughost/plugins"
)

// Cmd is the docs command, hidden: "tool docs man DIR" writes the tool's
// manual pages to DIR, "tool docs markdown DIR" its Markdown pages. It is
// not among cmds.Plugins: a tool opts in by prepending it to its host's
// plugins, and its build script or Makefile runs it. Its zero value works
// once a host has fed it.
type Cmd struct {
	// ConfigFiles are the config files the tool reads flags from, listed
	// under FILES: a tool sets them to its host's ConfigFiles.
	ConfigFiles []string
	// NoConfigKeys leaves out the config file key of each flag, for a tool
	// that reads no config files.
	NoConfigKeys bool
	// BuildInfo reads the build info whose vcs.time dates manual pages
	// when the host's environment has no SOURCE_DATE_EPOCH; nil means
	// runtime/debug.ReadBuildInfo.
	BuildInfo func() (*debug.BuildInfo, bool)

	host plugins.Command
}

// Name returns "docs".
func (c *Cmd) Name() string { return "docs" }

// Description describes the command for its help.
func (c *Cmd) Description() string { return "write the manual or Markdown pages of the tool" }

// LongDescription says what the pages hold and how they are dated.
func (c *Cmd) LongDescription() string {
	return `FORMAT is "man", for manual pages in roff (tool.1, tool-deploy.1, ...),
or "markdown", for Markdown pages linked to each other (tool.md,
tool_deploy.md, ...). DIR is created if need be; pages already in it
are overwritten.

There is one page for the tool and one for each command and
sub-command that help lists. Manual pages are dated by
SOURCE_DATE_EPOCH, else by the time of the revision the tool was built
from, so that two runs write the same bytes.`
}

// CmdExamples shows the command's use, under the tool's name once a host
// has fed it.
func (c *Cmd) CmdExamples() string {
	tool := "tool"
	if c.host != nil && c.host.Name() != "" {
		tool = c.host.Name()
	}
	return "  " + tool + " docs man share/man/man1\n  " + tool + " docs markdown docs/cli"
}

// ArgsUsage returns "FORMAT DIR": the host refuses any other number of
// arguments before it calls Main.
func (c *Cmd) ArgsUsage() string { return "FORMAT DIR" }

// HidePlugin keeps the command out of the tool's help: it is for the
// tool's build, not its users.
func (c *Cmd) HidePlugin() {}

// WithHost remembers the host to read the help of commands from.
func (c *Cmd) WithHost(h plugins.Command) { c.host = h }

// CompleteArgs completes FORMAT; DIR is left to the shell.
func (c *Cmd) CompleteArgs(_ context.Context, args []string, _ string) []string {
	if len(args) == 0 {
		return []string{string(Man) + "\tmanual pages", string(Markdown) + "\tMarkdown pages"}
	}
	return nil
}

// Main writes the pages in the format args[0] names to the directory
// args[1], as Write does, reading the help of each command from the host
// and SOURCE_DATE_EPOCH from its environment when it is an Enver. Called
// with other arguments, as from code without a host, it returns an error
// wrapping plugins.ErrUsage (and ErrUnknownFormat, for a format it does
// not know); with no host that is a HelpSource, ErrNoHost. Every call into
// the host runs under the fault recorder the host puts in ctx.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	if len(args) != 2 {
		return &usageError{fmt.Errorf("want FORMAT DIR, got %d arguments", len(args))}
	}
	format := Format(args[0])
	if format != Man && format != Markdown {
		return &usageError{fmt.Errorf("%w %q (want %q or %q)", ErrUnknownFormat, args[0], Man, Markdown)}
	}
	src, ok := c.host.(HelpSource)
	if !ok {
		return ErrNoHost
	}
	opts := []Option{ConfigFiles(c.ConfigFiles...)}
	if c.NoConfigKeys {
		opts = append(opts, NoConfigKeys())
	}
	if c.BuildInfo != nil {
		opts = append(opts, BuildInfo(c.BuildInfo))
	}
	return Write(ctx, src, format, args[1], opts...)
}

// usageError is an error the host reports as a usage error, its text its
// own: it wraps plugins.ErrUsage without saying "wrong usage".
type usageError struct{ err error }

func (e *usageError) Error() string   { return e.err.Error() }
func (e *usageError) Unwrap() []error { return []error{plugins.ErrUsage, e.err} }
