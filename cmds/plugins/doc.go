// Package plugins is the built-in plugins command: "tool plugins" lists
// every plugin the tool has, in the order the host holds them, hidden ones
// included and marked (this is the one listing that shows them), each
// command followed by the sub-commands it holds.
//
// For each plugin it knows its name; the command path it runs by, for a
// command ("deploy", or "db migrate" for a sub-command); its Go type and
// the module that type was built from; its version (what a Versioner's
// PluginVersion returns, or else its module's); its description; the
// plughost interfaces it implements; the commands that scope it (whose
// ScopedPlugins hold it, so it lends them its flags); and the earlier
// plugin that shadows it, if one of the same parent answers to its
// command name first, by its own command name or by an alias, so that
// typing the name runs that one instead; and, for a plugins.Selector (a
// plugin with a flag that picks one implementation of an interface of the
// tool's by name, as --greeter=pirate does), what kind of plugin it picks,
// the one it picks and those it could.
//
// By default it prints the columns that say which plugin runs as what:
// NAME, COMMAND, VERSION, HIDDEN, SHADOWED BY and DESCRIPTION, fitted to a
// terminal 100 columns wide; a selector's description starts with its
// selection ("[greeter: plain of plain, pirate, formal] greet someone"). When the table would be wider, its widest
// columns are cut to one width, each cut cell ending in "…" (widths are
// counted in runes, and no rune is split); the errors of plugins whose
// methods failed follow the table, one line each, cut the same way. With
// --wide it prints every column, TYPE, MODULE, SCOPED BY, INTERFACES,
// SELECTION and ERRORS too, uncut however wide the lines get; with --json
// an array of objects with stable lower_snake keys, one per row, every
// field, strings exact. Its "path" key holds the command path (["db",
// "migrate"]), empty for a plugin that is not a command; its "selection"
// key an object of "kind", "picked" and "available", or null for a plugin
// that is not a selector.
//
// Sub-commands are listed below their command, depth first, down to 8
// levels below the tool's own plugins. A command may hold itself or one
// of the commands above it (the host runs "tool greeters greeters list"):
// such a sub-command is listed, but its sub-commands are not listed again
// below it, so that the listing ends.
//
// It is a tool author's view: it is where one looks for why a plugin does
// not run or does not lend its flags. So a plugin whose methods panic is
// listed with the panic in its row rather than failing the listing. The
// tables escape what plugins wrote (control bytes, escape sequences,
// invalid UTF-8) so that it reaches a terminal as text.
//
// The command takes no arguments. It says so through ArgsUsage, so that
// the host refuses them as a usage error; Main called from code refuses
// them too, with an error wrapping plugins.ErrUsage and
// ErrUnexpectedArgument.
//
// The version command's --plugins lists the same rows, read the same way,
// hidden plugins and sub-commands left out. Both take time linear in the
// number of plugins.
//
// Import it under another name, as the package name clashes with package
// plugins:
//
//	import cmdplugins "github.com/plughost/plughost/cmds/plugins"
package plugins
