// Command cobra is a one-command tool on cobra, for binary size.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	var who string
	hello := &cobra.Command{
		Use:   "hello",
		Short: "say hello",
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "Hello, %s!\n", who)
			return err
		},
	}
	hello.Flags().StringVar(&who, "name", "world", "who to greet")
	root := &cobra.Command{Use: "tool"}
	root.AddCommand(hello)
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
