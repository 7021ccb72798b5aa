// Command urfave is a one-command tool on urfave/cli v3, for binary size.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/urfave/cli/v3"
)

func main() {
	root := &cli.Command{
		Name: "tool",
		Commands: []*cli.Command{{
			Name:  "hello",
			Usage: "say hello",
			Flags: []cli.Flag{&cli.StringFlag{Name: "name", Value: "world", Usage: "who to greet"}},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				_, err := fmt.Fprintf(cmd.Root().Writer, "Hello, %s!\n", cmd.String("name"))
				return err
			},
		}},
	}
	if err := root.Run(context.Background(), os.Args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
