package clitest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// Output is what a user of a tool sees of one run: the exit code and what
// the run printed. Compare it whole with cmp.Diff.
type Output struct {
	Code   int    // the exit code, as cli.Run returns it
	Stdout string // what the run wrote to its standard output
	Stderr string // what it wrote to its standard error, then the error line cli.Run prints
}

// Result is one run of a tool by Run.
type Result struct {
	Output

	// Err is what Host.Main returned, for errors.Is and errors.As; Code is
	// cli.ExitCode(Err).
	Err error

	// Sources holds, for each flag the Sources option names, where its
	// value came from ("command line", "env NAME", "file PATH:LINE",
	// "default", or "" for a flag the command does not have). It is nil
	// without the option, and when the run stopped before the command's
	// hooks (a bad command line, help, the version).
	Sources map[string]string
}

// Option changes how Run runs a tool.
type Option func(*setup)

// setup is what Run's options set.
type setup struct {
	ctx     context.Context
	env     map[string]string
	stdin   io.Reader
	files   map[string]string
	sources []string
}

// Env makes env the tool's environment: the host's LookupEnv reads it,
// and nothing else.
func Env(env map[string]string) Option {
	return func(s *setup) { s.env = env }
}

// Stdin makes s the tool's standard input.
func Stdin(s string) Option {
	return StdinFrom(strings.NewReader(s))
}

// StdinFrom makes r the tool's standard input.
func StdinFrom(r io.Reader) Option {
	return func(s *setup) { s.stdin = r }
}

// Files gives the files the tool reads its flags from, by name, as their
// contents: the host's ReadFile returns them, and fs.ErrNotExist for any
// other name. The host reads those its ConfigFiles and ConfigFilers (a
// --config flag) name; newHost sets ConfigFiles as the tool does.
func Files(files map[string]string) Option {
	return func(s *setup) { s.files = files }
}

// Context makes ctx the context the tool runs with, in place of
// context.Background(): a cancelled one shows how the tool reports an
// interruption.
func Context(ctx context.Context) Option {
	return func(s *setup) { s.ctx = ctx }
}

// Sources makes Run report where each flag named (as typed, without
// dashes) took its value from, in Result.Sources. Run learns it by putting
// a hidden plugin first in the host's plugins that asks, as a SourceNeeder,
// once the command line is parsed, in a before-hook; a tool's plugins
// listing shows that plugin.
func Sources(flags ...string) Option {
	return func(s *setup) { s.sources = append(s.sources, flags...) }
}

// Run runs the tool newHost builds, with args (the command line without
// the tool's name), as its user would, and returns what the run showed.
// It calls newHost once per call, since a plugin value serves one run.
//
// The run is hermetic: whatever newHost set, the host's streams are
// buffers (stdin empty unless Stdin says), its LookupEnv reads only what
// Env gives and its ReadFile only what Files gives. Run calls Host.Main,
// keeps its error in Result.Err, and then does what cli.Run does after
// Main: Code is cli.ExitCode(Err), and the error is printed to Stderr on
// one line, escaped, with the panic's stack after it when the host's
// Traceback is set. Run installs no signal handler.
//
// Call Run from the test's goroutine: it fails the test at once when
// newHost returns nil.
func Run(t testing.TB, newHost func() *cli.Host, args []string, opts ...Option) Result {
	t.Helper()
	var s setup
	for _, o := range opts {
		o(&s)
	}
	h := newHost()
	if h == nil {
		t.Fatalf("clitest.Run: newHost returned a nil host")
	}
	var stdout, stderr bytes.Buffer
	h.Stdin, h.Stdout, h.Stderr = s.stdin, &stdout, &stderr
	if h.Stdin == nil {
		h.Stdin = strings.NewReader("")
	}
	h.LookupEnv = lookup(s.env)
	h.ReadFile = readFile(s.files)
	var p *probe
	if s.sources != nil {
		p = &probe{flags: s.sources}
		h.Plugins = append([]plugins.Plugin{p}, h.Plugins...)
	}
	ctx := s.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	err := h.Main(ctx, args)
	code := cli.ExitCode(err)
	report(&stderr, err, h.Traceback)
	res := Result{Output: Output{Code: code, Stdout: stdout.String(), Stderr: stderr.String()}, Err: err}
	if p != nil {
		res.Sources = p.seen
	}
	return res
}

// lookup reads env as os.LookupEnv reads the process's environment.
func lookup(env map[string]string) func(string) (string, bool) {
	return func(key string) (string, bool) {
		v, ok := env[key]
		return v, ok
	}
}

// readFile reads files as os.ReadFile reads the disk.
func readFile(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		data, ok := files[name]
		if !ok {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return []byte(data), nil
	}
}

// probe is the plugin the Sources option puts first in the host's plugins:
// hidden, fed the host's answer to where each flag came from, and a
// before-hook, which runs once the command line is parsed and its values
// from the environment and config files are set.
type probe struct {
	Hidden
	flags []string
	from  func(string) string
	seen  map[string]string
}

func (p *probe) Name() string                            { return "clitest-sources" }
func (p *probe) WithSources(fn func(flag string) string) { p.from = fn }

// BeforeRun asks where each flag came from, in the first run that reaches
// it (a command may run the tool again, nested).
func (p *probe) BeforeRun(ctx context.Context, path, args []string) error {
	if p.seen != nil || p.from == nil {
		return nil
	}
	p.seen = make(map[string]string, len(p.flags))
	for _, f := range p.flags {
		p.seen[f] = p.from(f)
	}
	return nil
}

var (
	_ plugins.SourceNeeder = (*probe)(nil)
	_ plugins.BeforeRunner = (*probe)(nil)
	_ plugins.Hider        = (*probe)(nil)
)

// maxChain bounds the walk of an error chain, as the host bounds its own,
// so that an error whose Unwrap loops does not hang the test.
const maxChain = 1000

// report prints err as cli.Run does: one line, escaped for a terminal,
// whatever its Error method does, and with traceback the stack of the
// plugin panic it reports, if any.
func report(w io.Writer, err error, traceback bool) {
	if err == nil {
		return
	}
	msg := "an error whose Error method did not return"
	contained(func() {
		defer func() {
			if recover() != nil {
				msg = fmt.Sprintf("an error of type %T whose Error method panicked", err)
			}
		}()
		msg = err.Error()
	})
	fmt.Fprintln(w, plugprint.Line(msg))
	if !traceback {
		return
	}
	var stack []byte
	contained(func() {
		budget := maxChain
		walk(err, &budget, func(e error) bool {
			if pe, ok := e.(*cli.PluginError); ok {
				stack = pe.Stack
				return true
			}
			var pe *cli.PluginError
			if x, ok := e.(interface{ As(any) bool }); ok && x.As(&pe) {
				stack = pe.Stack
				return true
			}
			return false
		})
	})
	for _, line := range strings.Split(strings.TrimRight(string(stack), "\n"), "\n") {
		if line != "" {
			fmt.Fprintln(w, plugprint.Line(strings.ReplaceAll(line, "\t", "    ")))
		}
	}
}

// walk calls visit with err and each error it wraps, depth first as
// errors.As does, until visit returns true or the budget is spent.
func walk(err error, budget *int, visit func(error) bool) bool {
	for err != nil && *budget > 0 {
		*budget--
		if visit(err) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if walk(e, budget, visit) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// contained runs fn, which calls methods a plugin wrote, on a goroutine of
// its own, so that neither a panic nor runtime.Goexit in them reaches the
// test. It reports whether fn returned.
func contained(fn func()) bool {
	done := make(chan bool, 1)
	go func() {
		ok := false
		defer func() {
			recover()
			done <- ok
		}()
		fn()
		ok = true
	}()
	return <-done
}
