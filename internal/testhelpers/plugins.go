package testhelpers

import (
	"context"
	"flag"
	"io"

	"github.com/plughost/plughost/plugins"
)

// Command is a test command: a name, a Main, and optionally flags,
// aliases, a description, a scope and sub-commands. Its zero Main does
// nothing.
type Command struct {
	N       string
	Cmd     string // CmdName, if set
	Alias   []string
	Desc    string
	Run     func(ctx context.Context, args []string) error
	FlagsFn func() *flag.FlagSet
	Scope   []plugins.Plugin
	Subs    []plugins.Plugin
	SubsFn  func() []plugins.Plugin // if set, SubCommands returns what it returns
}

func (c *Command) Name() string { return c.N }

func (c *Command) Main(ctx context.Context, args []string) error {
	if c.Run == nil {
		return nil
	}
	return c.Run(ctx, args)
}

// CommandFunc is a plugin named by its string whose Main is the func.
func CommandFunc(name string, fn func(ctx context.Context, args []string) error) plugins.Command {
	return &Command{N: name, Run: fn}
}

// Full is a Command implementing every optional interface the host asks.
type Full struct{ Command }

// CmdName returns Cmd; empty leaves the host's default.
func (c *Full) CmdName() string                 { return c.Cmd }
func (c *Full) CmdAliases() []string            { return c.Alias }
func (c *Full) Description() string             { return c.Desc }
func (c *Full) ScopedPlugins() []plugins.Plugin { return c.Scope }
func (c *Full) Flags() *flag.FlagSet {
	if c.FlagsFn == nil {
		return nil
	}
	return c.FlagsFn()
}

// Parent is a Full command with sub-commands.
type Parent struct{ Full }

func (c *Parent) SubCommands() []plugins.Plugin {
	if c.SubsFn != nil {
		return c.SubsFn()
	}
	return c.Subs
}

// Lender is a non-command plugin that lends the flags FlagsFn declares.
type Lender struct {
	N       string
	FlagsFn func() *flag.FlagSet
}

func (l *Lender) Name() string { return l.N }
func (l *Lender) Flags() *flag.FlagSet {
	if l.FlagsFn == nil {
		return nil
	}
	return l.FlagsFn()
}

// Needer records what the host feeds it.
type Needer struct {
	N      string
	Feeder plugins.PluginFeeder
	Host   plugins.Command
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
}

func (n *Needer) Name() string                       { return n.N }
func (n *Needer) WithPlugins(f plugins.PluginFeeder) { n.Feeder = f }
func (n *Needer) WithHost(h plugins.Command)         { n.Host = h }
func (n *Needer) SetStdin(r io.Reader)               { n.In = r }
func (n *Needer) SetStdout(w io.Writer)              { n.Out = w }
func (n *Needer) SetStderr(w io.Writer)              { n.Err = w }
