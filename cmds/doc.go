// Package cmds holds the built-in commands of a plughost tool, one package
// each. Plugins returns those every tool gets as zero values; cli.New
// starts from it.
//
// Each built-in is its own package with an ifaces.go: help (cmds/help),
// version (cmds/version) and plugins (cmds/plugins), which Plugins
// returns, and info (cmds/info), which a tool opts into by prepending
// &info.Cmd{} to its plugins: it is left out of Plugins so that a tool
// without it does not link github.com/gobuffalo/here, which initializes
// regular expressions at start-up. A tool overrides a built-in by
// prepending a plugin of the same command name.
//
// The built-ins that take no arguments (version, plugins and info) say so
// through plugins.ArgsUsager, so that the host refuses an argument as a
// usage error before it runs them; their Main refuses one too, for code
// that calls it without a host, with an error wrapping plugins.ErrUsage
// and the package's ErrUnexpectedArgument. help takes the command path
// whose help it shows: its ArgsUsage is "[COMMAND...]".
package cmds
