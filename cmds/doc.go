// Package cmds holds the built-in commands of a plughost tool, one package
// each. Plugins returns them all as zero values; cli.New starts from it.
//
// Each built-in is its own package with an ifaces.go: help (cmds/help),
// version (cmds/version), plugins (cmds/plugins) and info (cmds/info).
// A tool overrides one by prepending a plugin of the same command name.
package cmds
