package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/plughost/plughost/plugins"
)

// Release is this project's own command: the installed mycli lacks it.
type Release struct {
	plugins.Streams
	DryRun bool // --dry-run
}

func (r *Release) Name() string { return "release" }
func (r *Release) Description() string {
	return "release this project (a command of the project's own build)"
}

// Flags binds --dry-run to the DryRun field.
func (r *Release) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	fs.BoolVar(&r.DryRun, "dry-run", r.DryRun, "say what would be released, and release nothing")
	return fs
}

// Main releases, or says what it would release.
func (r *Release) Main(ctx context.Context, args []string) error {
	if r.DryRun {
		_, err := fmt.Fprintln(r.Stdout(), "would release example.com/greeter-project")
		return err
	}
	_, err := fmt.Fprintln(r.Stdout(), "released example.com/greeter-project")
	return err
}
