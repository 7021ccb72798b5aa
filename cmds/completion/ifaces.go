package completion

import (
	"context"

	"github.com/plughost/plughost/plugins"
)

// The interfaces the commands of this package listen for. Each is checked
// on its own.
type (
	// HostNeeder gives both commands their host: the completion command
	// names the tool after it, and the __complete command asks it for the
	// candidates when it is a Completer. Without one, completion fails
	// with ErrNoHost and __complete prints only the error directive.
	HostNeeder = plugins.HostNeeder
	// StdoutNeeder gives the commands the writer they print to. Without
	// one they print to os.Stdout. Both embed plugins.Streams, so they are
	// StdinNeeders and StderrNeeders too; __complete writes its one-line
	// note on a failure to Stderr, and neither reads Stdin.
	StdoutNeeder = plugins.StdoutNeeder
	// StderrNeeder gives __complete the writer for its note on a failure.
	// Without one it writes to os.Stderr.
	StderrNeeder = plugins.StderrNeeder
)

// Completer is a host that completes a command line for a shell: words
// are the words after the tool's name, the last the word under the cursor
// ("" after a space). It returns the candidates, each "value" or
// "value\tdescription", and a directive of cobra's bits (1 error, 2 no
// space, 4 no file completion, 8 the candidates are file extensions, 16
// directories only, 32 keep the order). The __complete command calls
// Complete once per run, with every word it was given, on the host it was
// given through WithHost, on a goroutine of its own: an error, a panic or
// a call to runtime.Goexit yields the error directive and a note on
// stderr. The host in package cli is a Completer.
type Completer interface {
	Complete(ctx context.Context, words []string) ([]string, int, error)
}
