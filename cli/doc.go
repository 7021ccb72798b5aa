// Package cli is the host of a plughost tool: it holds the tool's plugins
// and runs them from a command line.
//
// A tool's main creates a host, prepends its plugins and runs it:
//
//	func main() {
//		h := cli.New("mytool")
//		h.Plugins = append([]plugins.Plugin{&Deploy{}}, h.Plugins...)
//		os.Exit(cli.Run(context.Background(), h, os.Args[1:]))
//	}
//
// Host.Main parses the host's own flags (-h, --help), finds the command the
// first argument names (the first plugin to answer wins, so prepending
// overrides), feeds the plugins it is about to use, builds that command's
// flags from its own Flags and those lent by the plugins in its scope,
// parses them with pflag and calls the command's Main with what is left.
// Every call into a plugin runs under a recover: a panic, panic(nil) and
// runtime.Goexit become a *PluginError naming the plugin. A bad command
// line is a *UsageError; ExitCode maps either to an exit code, and Run
// does that for main, turning SIGINT into cancellation.
//
// ifaces.go lists every interface the host listens for; package plugins
// says when each is called.
package cli
