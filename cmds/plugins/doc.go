// Package plugins is the built-in plugins command: "tool plugins" lists
// every plugin the tool has, in the order the host holds them, hidden ones
// included and marked (this is the one listing that shows them).
//
// For each plugin it shows its name; the command it runs as, for a
// command; its Go type and the module that type was built from; its
// version (what a Versioner's PluginVersion returns, or else its
// module's); its description; the plughost interfaces it implements; the
// commands that scope it (whose ScopedPlugins hold it, so it lends them
// its flags); and the earlier plugin that shadows it, if one answers to
// its command name first, by its own command name or by an alias, so
// that typing the name runs that one instead.
//
// It is a tool author's view: it is where one looks for why a plugin does
// not run or does not lend its flags. So a plugin whose methods panic is
// listed with the panic in its row rather than failing the listing. The
// table escapes what plugins wrote (control bytes, escape sequences,
// invalid UTF-8) so that it reaches a terminal as text; with --json it
// prints an array of objects with stable lower_snake keys, strings exact.
//
// The version command's --plugins lists the same rows, read the same way,
// hidden plugins left out. Both take time linear in the number of plugins.
//
// Import it under another name, as the package name clashes with package
// plugins:
//
//	import cmdplugins "github.com/plughost/plughost/cmds/plugins"
package plugins
