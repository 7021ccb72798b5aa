package plugins

import (
	"io"
	"os"
)

// Streams is the standard input, output and error a host feeds a plugin.
// Embed it in a plugin to make the plugin a StdinNeeder, StdoutNeeder and
// StderrNeeder at once, and read the streams through Stdin, Stdout and
// Stderr, which fall back to the process's own when none was fed: a zero
// value plugin run from code still prints.
//
//	type Deploy struct {
//		plugins.Streams
//		Env string
//	}
//
//	func (d *Deploy) Main(ctx context.Context, args []string) error {
//		_, err := fmt.Fprintln(d.Stdout(), "deploying to", d.Env)
//		return err
//	}
type Streams struct {
	in       io.Reader
	out, err io.Writer
}

// SetStdin keeps r as the plugin's standard input.
func (s *Streams) SetStdin(r io.Reader) { s.in = r }

// SetStdout keeps w as the plugin's standard output.
func (s *Streams) SetStdout(w io.Writer) { s.out = w }

// SetStderr keeps w as the plugin's standard error.
func (s *Streams) SetStderr(w io.Writer) { s.err = w }

// Stdin returns the standard input fed to the plugin, or os.Stdin.
func (s *Streams) Stdin() io.Reader {
	if s.in == nil {
		return os.Stdin
	}
	return s.in
}

// Stdout returns the standard output fed to the plugin, or os.Stdout.
func (s *Streams) Stdout() io.Writer {
	if s.out == nil {
		return os.Stdout
	}
	return s.out
}

// Stderr returns the standard error fed to the plugin, or os.Stderr.
func (s *Streams) Stderr() io.Writer {
	if s.err == nil {
		return os.Stderr
	}
	return s.err
}
