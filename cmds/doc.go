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
package cmds
