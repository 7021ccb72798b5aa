package version

import "github.com/plughost/plughost/plugins"

// The interfaces the version command listens for. Each is checked on its
// own.
//
// With --plugins it reads each listed plugin as the plugins command does,
// calling Name, and Description, CmdName, CmdAliases and PluginVersion
// where the plugin has them, once per run under the fault recorder of the
// command's context: it shows the name and version, and a fault in any of
// them in the plugin's row.
type (
	// HostNeeder gives the command its host, whose Name is the tool's name
	// and which may be a ToolVersioner. Without one the tool is named
	// after its main package, and its version is its main module's.
	HostNeeder = plugins.HostNeeder
	// PluginNeeder gives the command the plugins --plugins lists. Without
	// one, --plugins lists none.
	PluginNeeder = plugins.PluginNeeder
	// StdoutNeeder gives the command the writer it prints to. Without one
	// it prints to os.Stdout. The command is a StdinNeeder and a
	// StderrNeeder too, as it embeds plugins.Streams, but reads neither.
	StdoutNeeder = plugins.StdoutNeeder
	// Hider keeps a plugin out of the --plugins listing: its methods are
	// not called.
	Hider = plugins.Hider
)

// ToolVersioner is a host that knows the tool's version, as one set at
// build time (-ldflags "-X main.version=v1.2.3") knows it better than the
// build info of a binary built from a working tree, whose main module is
// "(devel)". The version command calls ToolVersion once per run, under the
// fault recorder of the command's context, on the host it was given
// through WithHost, if the host implements it; a panic fails the command.
// What it returns, when not empty, is printed (and is the JSON "version")
// in place of the main module's version; the revision, time, modified
// flag and Go version still come from the build info. The host in package
// cli is a ToolVersioner: it returns its Version field.
type ToolVersioner interface {
	ToolVersion() string
}

// Versioner is a plugin that knows its own version. With --plugins the
// version command calls PluginVersion once per run on every listed plugin
// that implements it, and shows what it returns instead of the version of
// the plugin's module; an empty string keeps the module's version. The
// plugins command does the same for its version column.
type Versioner interface {
	PluginVersion() string
}
