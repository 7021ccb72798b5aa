// Package cli is the host of a plughost tool: it holds the tool's plugins
// and runs them from a command line.
//
// A tool's main creates a host, prepends its plugins and runs it:
//
//	func newHost() *cli.Host {
//		h := cli.New("mytool")
//		h.Plugins = append([]plugins.Plugin{&Deploy{}}, h.Plugins...)
//		return h
//	}
//
//	func main() {
//		os.Exit(cli.Run(context.Background(), newHost(), os.Args[1:]))
//	}
//
// Host.Main resolves the command line in one walk (resolve.go): the host's
// own flags (-h, --help), then the command the first argument names (the
// first plugin to answer wins, so prepending overrides), fed (feed.go),
// its flags built from its own Flags and those lent by the plugins in its
// scope (build.go) and parsed with pflag (parse.go), and so on down its
// sub-commands. Help (help.go) resolves the same way. Every call into a
// plugin runs under containment (contain.go): a panic, panic(nil) and
// runtime.Goexit become a *PluginError naming the plugin. A bad command
// line is a *UsageError; ExitCode (exit.go) maps either to an exit code,
// and Run (signal.go) does that for main, turning SIGINT and SIGTERM into
// cancellation.
//
// A plugin value serves one run: the host writes into it only what the
// command line sets and what the needer setters give. A host and its
// plugins serve one run at a time; hosts share nothing, so build one per
// goroutine, and a fresh one for fresh state.
//
// ifaces.go lists every interface the host listens for; package plugins
// says when each is called.
package cli
