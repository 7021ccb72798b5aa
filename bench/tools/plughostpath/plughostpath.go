// Package plughostpath is the comparison's plughost program with a
// pathplugins.Finder appended to its plugins, as a tool that runs
// tool-NAME executables on PATH adds it (see package pathplugins). The
// host asks the Finder only when none of its compiled-in commands answers
// to a command line's first word, so a dispatch to a generated command
// should cost what it costs without it: the runner holds the two to 1.02×
// (bench/README.md). It is a package of its own so that the plughost
// program, and the in-process benchmarks, link no pathplugins.
package plughostpath

import (
	"io"
	"os"

	"github.com/plughost/plughost/bench/tools/plughost"
	"github.com/plughost/plughost/pathplugins"
)

// Tool is the tool's name, as the host has it: commands on PATH are the
// executables named tool-NAME.
const Tool = "tool"

// Run runs the plughost program with n generated commands and a Finder
// after the built-ins, handed the process's environment and executable as
// package pathplugins' documentation shows. The Finder goes into the same
// slice as the other plugins (plughost.NewWith), so that what the two
// programs' times differ by is the Finder, not a copy of N plugins.
func Run(n int, args []string, stdout, stderr io.Writer) int {
	h := plughost.NewWith(n, false, stdout, stderr, &pathplugins.Finder{Tool: Tool,
		LookupEnv: os.LookupEnv, Environ: os.Environ, Executable: os.Executable})
	return plughost.Main(h, args, stderr)
}
