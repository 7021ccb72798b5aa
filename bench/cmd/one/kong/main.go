// Command kong is a one-command tool on kong, for binary size.
package main

import (
	"fmt"

	"github.com/alecthomas/kong"
)

type helloCmd struct {
	Name string `default:"world" help:"who to greet"`
}

func (h *helloCmd) Run() error {
	_, err := fmt.Printf("Hello, %s!\n", h.Name)
	return err
}

var cli struct {
	Hello helloCmd `cmd:"" help:"say hello"`
}

func main() {
	ctx := kong.Parse(&cli, kong.Name("tool"))
	ctx.FatalIfErrorf(ctx.Run())
}
