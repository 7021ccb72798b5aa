// Package listing reads the plugins of a tool into rows, for the two
// built-in commands that list them: plugins, and version --plugins. Both
// show the same facts of a plugin, read the same way, and both take time
// linear in the number of plugins, whatever their names and scopes. The
// plugins command reads the sub-commands of each command too (ReadTree),
// down to MaxDepth levels; a sub-command that is one of the commands
// above it is listed but not expanded again, so that a command that holds
// itself is listed in finite time.
//
// Every call into a plugin (Name, Description, CmdName, CmdAliases,
// PluginVersion, ScopedPlugins, SubCommands, Selection, and the feeder
// that gives the plugins) runs under fault.Call with the recorder the
// command's context carries. A panic becomes a *fault.PluginError in the
// row of the plugin at fault, rather than failing the listing: a listing
// is where one goes to find such a plugin. A runtime.Goexit cannot be stopped; the recorder is told
// which plugin called it.
//
// What a row holds of a plugin's Go type (the type's name, its module, the
// interfaces it implements) is read once per type, and the module of a
// package once per package, so a tool of many plugins of few types pays
// for those once.
package listing
