// Command hello is a Go plugin for the soplugins tests: built with
// go build -buildmode=plugin, it exports Plugins, which returns one
// command, hello, and functions that are not good plugins functions.
package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/plughost/plughost/plugins"
)

// Hello greets; --name sets who.
type Hello struct {
	plugins.Streams
	Who string
}

func (h *Hello) Name() string        { return "hello" }
func (h *Hello) Description() string { return "say hello from a Go plugin" }

func (h *Hello) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("hello", flag.ContinueOnError)
	fs.StringVar(&h.Who, "name", h.Who, "who to greet")
	return fs
}

func (h *Hello) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintf(h.Stdout(), "Hello, %s! (from a Go plugin)\n", h.Who)
	return err
}

// Plugins returns the plugin's plugins, fresh values each call.
func Plugins() []plugins.Plugin { return []plugins.Plugin{&Hello{Who: "world"}} }

// WrongType is not a plugins function.
func WrongType() int { return 42 }

// Panics is a plugins function that panics.
func Panics() []plugins.Plugin { panic("boom in Panics") }

// NilPlugin is a plugins function that returns a nil plugin.
func NilPlugin() []plugins.Plugin { return []plugins.Plugin{&Hello{}, nil} }

func main() {}
