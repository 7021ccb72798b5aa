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
// own flags (-h, --help, --version) and the global ones, then the command
// the first argument names (the first plugin to answer wins, so prepending
// overrides; a CommandFinder is asked only when none does), fed (feed.go),
// its flags built from its own Flags, those lent by the plugins in its
// scope, those it inherits and the global ones (build.go) and parsed with
// pflag (parse.go), and so on down its sub-commands. Then the environment
// and config files fill what the command line did not (sources.go), the
// required flags and argument count are checked (args.go), and the command
// runs between its hooks (dispatch.go). Help (help.go) and shell
// completion (complete.go) resolve the same way, minus Main. Every call
// into a plugin runs under containment (contain.go): a panic, panic(nil)
// and runtime.Goexit become a *PluginError naming the plugin. A bad
// command line is a *UsageError; ExitCode (exit.go) maps either to an exit
// code, and Run (signal.go) does that for main, turning SIGINT and SIGTERM
// into cancellation.
//
// A plugin value serves one run: the host writes into it only what the
// command line sets and what the needer setters give. A host and its
// plugins serve one run at a time; hosts share nothing, so build one per
// goroutine, and a fresh one for fresh state.
//
// ifaces.go lists every interface the host listens for; package plugins
// says when each is called.
package cli
