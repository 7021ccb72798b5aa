package info

import "github.com/plughost/plughost/plugins"

// The interfaces the info command listens for.
type (
	// StdoutNeeder gives the command the writer it prints to. Without one
	// it prints to os.Stdout. The command is a StdinNeeder and a
	// StderrNeeder too, as it embeds plugins.Streams, but reads neither.
	StdoutNeeder = plugins.StdoutNeeder
)
