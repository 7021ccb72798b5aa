package clitest

import (
	"context"
	"flag"

	"github.com/plughost/plughost/plugins"
)

// The adapters below each implement one interface of package plugins, as
// net/http's HandlerFunc implements Handler. Embed the ones a test plugin
// needs in a struct and it has exactly those capabilities:
//
//	show := &struct {
//		clitest.Named
//		clitest.MainFunc
//		clitest.Args
//	}{"show", show, "NAME"}
//
// Cmd embeds the ones almost every test command wants, and Command, Flags,
// GlobalFlags and Hooks build the common plugins in one line. Every
// adapter's zero value works: a nil func does nothing and returns nil.

// Named is a plugin's name: embedded, it makes a struct a plugins.Plugin.
type Named string

// Name returns n.
func (n Named) Name() string { return string(n) }

// MainFunc is a command's Main: embedded beside Named, it makes a struct a
// plugins.Command.
type MainFunc func(ctx context.Context, args []string) error

// Main calls f, or returns nil for a nil f.
func (f MainFunc) Main(ctx context.Context, args []string) error {
	if f == nil {
		return nil
	}
	return f(ctx, args)
}

// FlagsFunc declares a plugin's flags on the set it is given: embedded
// beside Named, it makes a struct a plugins.Flagger. Bind the flags to
// variables the test reads after the run, with their current values as
// defaults, as a real plugin binds its fields.
type FlagsFunc func(fs *flag.FlagSet)

// Flags returns a new flag set, ContinueOnError, holding what f declares;
// an empty one for a nil f.
func (f FlagsFunc) Flags() *flag.FlagSet { return declare(f) }

// GlobalFlagsFunc declares flags of the whole tool on the set it is given:
// embedded beside Named, it makes a struct a plugins.GlobalFlagger.
type GlobalFlagsFunc func(fs *flag.FlagSet)

// GlobalFlags returns a new flag set, ContinueOnError, holding what f
// declares; an empty one for a nil f.
func (f GlobalFlagsFunc) GlobalFlags() *flag.FlagSet { return declare(f) }

func declare(f func(*flag.FlagSet)) *flag.FlagSet {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	if f != nil {
		f(fs)
	}
	return fs
}

// BeforeFunc is a hook run before a command: embedded, it makes a struct a
// plugins.BeforeRunner.
type BeforeFunc func(ctx context.Context, path, args []string) error

// BeforeRun calls f, or returns nil for a nil f.
func (f BeforeFunc) BeforeRun(ctx context.Context, path, args []string) error {
	if f == nil {
		return nil
	}
	return f(ctx, path, args)
}

// AfterFunc is a hook run after a command: embedded, it makes a struct a
// plugins.AfterRunner.
type AfterFunc func(ctx context.Context, path, args []string, err error) error

// AfterRun calls f, or returns nil for a nil f (nil, not err: what an
// after-hook returns is joined to the run's error).
func (f AfterFunc) AfterRun(ctx context.Context, path, args []string, err error) error {
	if f == nil {
		return nil
	}
	return f(ctx, path, args, err)
}

// CompleteArgsFunc completes a command's positional arguments: embedded,
// it makes a struct a plugins.ArgsCompleter.
type CompleteArgsFunc func(ctx context.Context, args []string, toComplete string) []string

// CompleteArgs calls f, or returns nil for a nil f.
func (f CompleteArgsFunc) CompleteArgs(ctx context.Context, args []string, toComplete string) []string {
	if f == nil {
		return nil
	}
	return f(ctx, args, toComplete)
}

// About is what help shows of a command: embedded, it makes a struct a
// plugins.NamedCommand, Aliaser, Describer, LongDescriber, Exampler and
// Grouper. An empty field answers as a plugin without the interface
// would: an empty Command runs as the last part of the plugin's Name.
type About struct {
	Command  string   // CmdName
	Aliases  []string // CmdAliases
	Short    string   // Description, the one line
	Long     string   // LongDescription
	Examples string   // CmdExamples
	Group    string   // CmdGroup
}

// CmdName returns a.Command.
func (a About) CmdName() string { return a.Command }

// CmdAliases returns a.Aliases.
func (a About) CmdAliases() []string { return a.Aliases }

// Description returns a.Short.
func (a About) Description() string { return a.Short }

// LongDescription returns a.Long.
func (a About) LongDescription() string { return a.Long }

// CmdExamples returns a.Examples.
func (a About) CmdExamples() string { return a.Examples }

// CmdGroup returns a.Group.
func (a About) CmdGroup() string { return a.Group }

// Args is the positional part of a command's usage line ("NAME [FILE...]"):
// embedded, it makes a struct a plugins.ArgsUsager, so the host checks the
// count of arguments before Main. Being one matters: "" means the command
// takes none, where a command without it takes any.
type Args string

// ArgsUsage returns a.
func (a Args) ArgsUsage() string { return string(a) }

// Subs are a command's sub-commands: embedded, they make a struct a
// plugins.SubCommander. Being one matters: the first argument left after
// the command's flags must then name a sub-command.
type Subs []plugins.Plugin

// SubCommands returns s.
func (s Subs) SubCommands() []plugins.Plugin { return s }

// Scope is the plugins a command works with, those that lend it flags
// among them: embedded, it makes a struct a plugins.PluginScoper.
type Scope []plugins.Plugin

// ScopedPlugins returns s.
func (s Scope) ScopedPlugins() []plugins.Plugin { return s }

// Hidden keeps a plugin out of help: embedded, it makes a struct a
// plugins.Hider.
type Hidden struct{}

// HidePlugin marks the plugin hidden.
func (Hidden) HidePlugin() {}

// PassesArgs makes a command parse its own arguments: embedded, it makes
// a struct a plugins.ArgsPasser.
type PassesArgs struct{}

// PassArgs marks the command as parsing its own arguments.
func (PassesArgs) PassArgs() {}

// Fed records what the host feeds a plugin: embedded (by value, in a
// struct used by pointer), it makes the struct every needer of package
// plugins: plugins.PluginNeeder, HostNeeder, SourceNeeder, and through
// plugins.Streams the three stream needers, so that Stdout() is the
// host's standard output. Do not embed plugins.Streams beside it: the
// two would hide each other's setters.
type Fed struct {
	plugins.Streams
	Plugins plugins.PluginFeeder     // WithPlugins
	Host    plugins.Command          // WithHost
	Sources func(flag string) string // WithSources
}

// WithPlugins keeps fn in f.Plugins.
func (f *Fed) WithPlugins(fn plugins.PluginFeeder) { f.Plugins = fn }

// WithHost keeps h in f.Host.
func (f *Fed) WithHost(h plugins.Command) { f.Host = h }

// WithSources keeps fn in f.Sources.
func (f *Fed) WithSources(fn func(flag string) string) { f.Sources = fn }

// Cmd is a test command with what most tests need: a name, help text, a
// Main, flags, a scope lending it flags, and what the host feeds it.
// Embed it with Args, Subs, Hidden or PassesArgs for those capabilities,
// whose mere presence changes how the host runs a command:
//
//	db := &struct {
//		*clitest.Cmd
//		clitest.Subs
//	}{clitest.Command("db", nil), clitest.Subs{migrate}}
type Cmd struct {
	Named
	About
	MainFunc
	FlagsFunc
	Scope
	Fed
}

var (
	_ plugins.Command       = (*Cmd)(nil)
	_ plugins.NamedCommand  = (*Cmd)(nil)
	_ plugins.Aliaser       = (*Cmd)(nil)
	_ plugins.Describer     = (*Cmd)(nil)
	_ plugins.LongDescriber = (*Cmd)(nil)
	_ plugins.Exampler      = (*Cmd)(nil)
	_ plugins.Grouper       = (*Cmd)(nil)
	_ plugins.Flagger       = (*Cmd)(nil)
	_ plugins.PluginScoper  = (*Cmd)(nil)
	_ plugins.PluginNeeder  = (*Cmd)(nil)
	_ plugins.HostNeeder    = (*Cmd)(nil)
	_ plugins.SourceNeeder  = (*Cmd)(nil)
	_ plugins.StdinNeeder   = (*Cmd)(nil)
	_ plugins.StdoutNeeder  = (*Cmd)(nil)
	_ plugins.StderrNeeder  = (*Cmd)(nil)
)

// Command returns a command named name whose Main is main (nil does
// nothing). It is a *Cmd, so a Main that prints reaches the host's
// stdout through the command's Stdout():
//
//	hi := clitest.Command("hi", nil)
//	hi.MainFunc = func(ctx context.Context, args []string) error {
//		_, err := fmt.Fprintln(hi.Stdout(), "hi", args)
//		return err
//	}
func Command(name string, main MainFunc) *Cmd {
	return &Cmd{Named: Named(name), MainFunc: main}
}

// lender is what Flags returns.
type lender struct {
	Named
	FlagsFunc
}

// Flags returns a plugin that is not a command and lends, to the commands
// that scope it, the flags declare declares, prefixed with name
// (--name-flag).
func Flags(name string, declare FlagsFunc) plugins.Flagger {
	return &lender{Named(name), declare}
}

// globals is what GlobalFlags returns.
type globals struct {
	Named
	GlobalFlagsFunc
}

// GlobalFlags returns a plugin that gives the whole tool the flags declare
// declares, unprefixed, accepted before and after any command name.
func GlobalFlags(name string, declare GlobalFlagsFunc) plugins.GlobalFlagger {
	return &globals{Named(name), declare}
}

// hooks is what Hooks returns.
type hooks struct {
	Named
	BeforeFunc
	AfterFunc
}

// Hooks returns a plugin that, among the host's plugins, hooks every
// command: before runs before its Main, after after it; either may be nil.
// In a command's Scope it hooks that command only.
func Hooks(name string, before BeforeFunc, after AfterFunc) plugins.Plugin {
	return &hooks{Named(name), before, after}
}

var (
	_ plugins.Flagger       = (*lender)(nil)
	_ plugins.GlobalFlagger = (*globals)(nil)
	_ plugins.BeforeRunner  = (*hooks)(nil)
	_ plugins.AfterRunner   = (*hooks)(nil)
	_ plugins.ArgsUsager    = Args("")
	_ plugins.SubCommander  = Subs(nil)
	_ plugins.Hider         = Hidden{}
	_ plugins.ArgsPasser    = PassesArgs{}
	_ plugins.ArgsCompleter = CompleteArgsFunc(nil)
)
