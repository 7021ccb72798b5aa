package version

import "github.com/plughost/plughost/plugins"

// The interfaces the version command listens for. Each is checked on its
// own.
type (
	// HostNeeder gives the command its host, whose Name is the tool's name.
	// Without one the tool is named after its main package.
	HostNeeder = plugins.HostNeeder
	// PluginNeeder gives the command the plugins --plugins lists. Without
	// one, --plugins lists none.
	PluginNeeder = plugins.PluginNeeder
	// StdoutNeeder gives the command the writer it prints to. Without one
	// it prints to os.Stdout.
	StdoutNeeder = plugins.StdoutNeeder
	// Hider keeps a plugin out of the --plugins listing.
	Hider = plugins.Hider
)

// Versioner is a plugin that knows its own version. With --plugins the
// version command calls PluginVersion once per run on every listed plugin
// that implements it, and shows what it returns instead of the version of
// the plugin's module; an empty string keeps the module's version.
type Versioner interface {
	PluginVersion() string
}
