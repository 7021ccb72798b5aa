// Command mycli is what a tool's author writes on plughost: a main.go that
// creates the host, prepends its own plugins and runs it. Each plugin in
// this directory shows one capability, named in its help text.
//
// Exit codes: 0 success, 1 a command failed, 2 a usage error (unknown
// command or flag, bad flag value), 130 interrupted (SIGINT).
package main

import (
	"context"
	"io"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/completion"
	"github.com/plughost/plughost/cmds/docs"
	"github.com/plughost/plughost/cmds/info"
	"github.com/plughost/plughost/plugins"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run builds the tool and runs it with args, returning the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	h := newHost(getenv)
	h.Stdin, h.Stdout, h.Stderr = stdin, stdout, stderr
	return cli.Run(ctx, h, args)
}

// newHost builds the tool: the host, with this tool's plugins prepended to
// the built-ins. A plugin value serves one run, so main calls newHost once
// and the tests once per case; building a host is cheap.
func newHost(getenv func(string) string) *cli.Host {
	h := cli.New("mycli")
	h.About = "an example tool built on plughost: every command is a plugin"
	h.Version = "1.0.0"
	// MYCLI_TRACEBACK=1 shows the stack of a plugin's panic.
	h.Traceback = getenv("MYCLI_TRACEBACK") == "1"
	// A field set in code before Main is the flag's default: here the
	// environment picks the greeter, and --greeter still overrides it.
	greet := &Greet{Greeter: getenv("MYCLI_GREETER")}
	// Prepend: the first plugin to answer to a command name wins, so
	// these come before the built-ins, and Version overrides "version".
	// info is a built-in a tool opts into: it links gobuffalo/here.
	h.Plugins = append([]plugins.Plugin{
		greet,
		&Emoji{},
		&Plain{}, &Pirate{}, &Formal{},
		&Greeters{},
		&Welcome{},
		&Version{},
		&Sleep{},
		&Debug{},
		&Echo{},
		&Remind{When: "soon"},
		&info.Cmd{},
		// Shell completion: "mycli completion bash" writes the script,
		// which calls back into the hidden __complete.
		&completion.Cmd{},
		&completion.Complete{},
		&completion.Complete{NoDesc: true},
		// "mycli docs man DIR" writes manual pages; it is hidden.
		&docs.Cmd{NoConfigKeys: true},
	}, h.Plugins...)
	return h
}
