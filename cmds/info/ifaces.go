package info

import "github.com/plughost/plughost/plugins"

// The interfaces the info command listens for.
type (
	// StdoutNeeder gives the command the writer it prints to. Without one
	// it prints to os.Stdout.
	StdoutNeeder = plugins.StdoutNeeder
)
