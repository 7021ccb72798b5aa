// Package urfave is the comparison's program on urfave/cli v3: every
// command and its flags in the root's Commands before Run, with Suggest on,
// and shell completion on (EnableShellCompletion: urfave/cli's own
// protocol, "tool WORDS... --generate-shell-completion"), as the plughost
// and cobra programs have theirs.
package urfave

import (
	"context"
	"fmt"
	"io"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/urfave/cli/v3"
)

type gen struct {
	name  string
	str   string
	force bool
	count int
}

// Run runs the tool with n generated commands and big.
func Run(n int, args []string, stdout, stderr io.Writer) int {
	names := spec.Names(n)
	cmds := make([]*cli.Command, 0, n+1)
	for _, name := range names {
		g := &gen{name: name}
		cmds = append(cmds, &cli.Command{
			Name:  name,
			Usage: spec.Description,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: spec.FlagString, Usage: "a string", Destination: &g.str},
				&cli.BoolFlag{Name: spec.FlagBool, Usage: "a bool", Destination: &g.force},
				&cli.IntFlag{Name: spec.FlagInt, Usage: "an int", Destination: &g.count},
			},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				return spec.Report(cmd.Root().Writer, g.name, g.str, g.force, g.count, cmd.Args().Slice())
			},
		})
	}

	var l [spec.Lenders]gen
	flags := make([]cli.Flag, 0, 3*spec.Lenders)
	for j := range l {
		p := spec.LenderName(j) + "-"
		flags = append(flags,
			&cli.StringFlag{Name: p + spec.FlagString, Usage: "a string", Destination: &l[j].str},
			&cli.BoolFlag{Name: p + spec.FlagBool, Usage: "a bool", Destination: &l[j].force},
			&cli.IntFlag{Name: p + spec.FlagInt, Usage: "an int", Destination: &l[j].count},
		)
	}
	cmds = append(cmds, &cli.Command{
		Name:  spec.Big,
		Usage: "a command with many flags",
		Flags: flags,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			g := l[spec.Lenders/2]
			return spec.Report(cmd.Root().Writer, spec.Big, g.str, g.force, g.count, cmd.Args().Slice())
		},
	})

	root := &cli.Command{
		Name:     "tool",
		Usage:    "the comparison's tool",
		Commands: cmds,
		Suggest:  true,
		// Its "completion" command, and --generate-shell-completion.
		EnableShellCompletion: true,
		Writer:                stdout,
		ErrWriter:             stderr,
		// Return exit codes rather than calling os.Exit, so the program
		// runs in process too.
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
	}
	err := root.Run(context.Background(), append([]string{"tool"}, args...))
	if err == nil {
		return 0
	}
	if ec, ok := err.(cli.ExitCoder); ok {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(stderr, "tool:", err)
	return 1
}
