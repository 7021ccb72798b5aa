// Package tool is the example tool mycli: its host and every plugin. It is
// a package of its own, not main, so that the tool can be rebuilt with
// more plugins: a build imports it, calls New, and prepends what it adds.
package tool

import (
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/completion"
	"github.com/plughost/plughost/cmds/docs"
	"github.com/plughost/plughost/cmds/info"
	"github.com/plughost/plughost/config"
	"github.com/plughost/plughost/pathplugins"
	"github.com/plughost/plughost/plugins"
)

// ConfigFiles are the config files mycli reads, most specific first.
func ConfigFiles() []string { return []string{"mycli.json", "mycli.conf"} }

// New builds the tool: the host, with this tool's plugins prepended to the
// built-ins. lookupEnv reads the environment (main passes os.LookupEnv,
// a test a map's lookup). A plugin value serves one run, so main calls
// New once and a test once per case; building a host is cheap.
func New(lookupEnv func(string) (string, bool)) *cli.Host {
	h := cli.New("mycli")
	h.About = "an example tool built on plughost: every command is a plugin"
	h.Version = "1.0.0"
	// Every flag is also read from MYCLI_<NAME> and from the config files.
	h.LookupEnv, h.EnvPrefix = lookupEnv, "MYCLI"
	h.ConfigFiles = ConfigFiles()
	// MYCLI_TRACEBACK=1 shows the stack of a plugin's panic.
	if lookupEnv != nil {
		v, _ := lookupEnv("MYCLI_TRACEBACK")
		h.Traceback = v == "1"
	}
	// Prepend: the first plugin to answer to a command name wins, so
	// these come before the built-ins, and Version overrides "version".
	h.Plugins = append([]plugins.Plugin{
		&Greet{Greeter: "plain"},
		&Emoji{},
		&Plain{}, &Pirate{}, &Formal{},
		&Greeters{},
		&Welcome{},
		&Version{},
		&Sleep{},
		&Debug{},
		&Echo{},
		&Remind{When: "soon"},
		// info is a built-in a tool opts into: it links gobuffalo/here.
		&info.Cmd{},
		// Shell completion: "mycli completion bash" writes the script,
		// which calls back into the hidden __complete.
		&completion.Cmd{},
		&completion.Complete{},
		&completion.Complete{NoDesc: true},
		// "mycli docs man DIR" writes manual pages; it is hidden.
		&docs.Cmd{ConfigFiles: ConfigFiles()},
		// Config files in JSON or key = value, and --config FILE.
		&config.JSON{}, &config.Plain{}, &config.Flag{},
	}, h.Plugins...)
	// mycli-* executables on PATH run as commands when no compiled-in
	// command answers (../path/mycli-hello is one).
	h.Plugins = append(h.Plugins, &pathplugins.Finder{Tool: "mycli", LookupEnv: lookupEnv, Environ: os.Environ, Executable: os.Executable})
	return h
}
