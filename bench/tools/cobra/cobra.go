// Package cobra is the comparison's program on spf13/cobra, written as
// cobra's users write it: every command and its flags registered on the
// root before Execute, cobra's defaults otherwise (suggestions on).
package cobra

import (
	"context"
	"io"

	"github.com/plughost/plughost/bench/internal/spec"
	"github.com/spf13/cobra"
)

type gen struct {
	name  string
	str   string
	force bool
	count int
}

// Run runs the tool with n generated commands and big.
func Run(n int, args []string, stdout, stderr io.Writer) int {
	root := &cobra.Command{Use: "tool", Short: "the comparison's tool"}
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	for _, name := range spec.Names(n) {
		g := &gen{name: name}
		c := &cobra.Command{
			Use:   name,
			Short: spec.Description,
			RunE: func(cmd *cobra.Command, args []string) error {
				return spec.Report(cmd.OutOrStdout(), g.name, g.str, g.force, g.count, args)
			},
		}
		c.Flags().StringVar(&g.str, spec.FlagString, "", "a string")
		c.Flags().BoolVar(&g.force, spec.FlagBool, false, "a bool")
		c.Flags().IntVar(&g.count, spec.FlagInt, 0, "an int")
		root.AddCommand(c)
	}

	var l [spec.Lenders]gen
	big := &cobra.Command{
		Use:   spec.Big,
		Short: "a command with many flags",
		RunE: func(cmd *cobra.Command, args []string) error {
			g := l[spec.Lenders/2]
			return spec.Report(cmd.OutOrStdout(), spec.Big, g.str, g.force, g.count, args)
		},
	}
	for j := range l {
		p := spec.LenderName(j) + "-"
		big.Flags().StringVar(&l[j].str, p+spec.FlagString, "", "a string")
		big.Flags().BoolVar(&l[j].force, p+spec.FlagBool, false, "a bool")
		big.Flags().IntVar(&l[j].count, p+spec.FlagInt, 0, "an int")
	}
	root.AddCommand(big)

	if err := root.ExecuteContext(context.Background()); err != nil {
		return 1
	}
	return 0
}
