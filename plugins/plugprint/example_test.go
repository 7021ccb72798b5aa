package plugprint_test

import (
	"fmt"
	"os"

	"github.com/plughost/plughost/plugins/plugflag"
	"github.com/plughost/plughost/plugins/plugprint"
)

func ExamplePrint() {
	h := plugprint.Help{
		Path:        []string{"mycli", "deploy"},
		Description: "ship the current build",
		Aliases:     []string{"ship"},
		Runnable:    true,
		Args:        "[arguments]",
		Flags: []plugflag.Flag{
			{Name: "env", Shorthand: "e", Type: "string", Usage: "where to", Default: "staging", Plugin: "deploy"},
			{Name: "dry-run", Usage: "only say what would happen", Plugin: "deploy"},
			{Name: "help", Shorthand: "h", Usage: "show help"},
		},
		Lent: []plugflag.Flag{
			{Name: "log-level", Type: "string", Usage: "how much to log", Default: "info", Plugin: "log"},
		},
	}
	if err := plugprint.Print(os.Stdout, h); err != nil {
		fmt.Println(err)
	}
	// Output:
	// mycli deploy - ship the current build
	//
	// Usage:
	//   mycli deploy [flags] [arguments]
	//
	// Aliases:
	//   ship
	//
	// Flags:
	//   -e, --env string   where to (default "staging")
	//       --dry-run      only say what would happen
	//   -h, --help         show help
	//
	// Flags lent by log:
	//       --log-level string   how much to log (default "info")
}
