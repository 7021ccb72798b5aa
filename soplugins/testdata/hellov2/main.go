// Command hellov2 is a newer build of the soplugins tests' hello plugin:
// its hello command says it is version 2.
package main

import (
	"context"
	"fmt"

	"github.com/plughost/plughost/plugins"
)

// Hello greets, as version 2.
type Hello struct{ plugins.Streams }

func (h *Hello) Name() string        { return "hello" }
func (h *Hello) Description() string { return "say hello from version 2 of a Go plugin" }

func (h *Hello) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintln(h.Stdout(), "Hello from version 2!")
	return err
}

// Plugins returns the plugin's plugins.
func Plugins() []plugins.Plugin { return []plugins.Plugin{&Hello{}} }

func main() {}
