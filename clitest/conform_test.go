package clitest_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/plugins"
)

// These tests do not call t.Parallel: Conform replaces os.Stdout and
// os.Stderr and counts goroutines, so it runs alone.

// printer is a well-behaved command: it prints through the stream the host
// feeds it, and does nothing once its context is cancelled.
type printer struct {
	plugins.Streams
	Greeting string // --greeting
}

func (p *printer) Name() string        { return "print" }
func (p *printer) Description() string { return "print a greeting" }
func (p *printer) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(p.Name(), flag.ContinueOnError)
	fs.StringVar(&p.Greeting, "greeting", p.Greeting, "what to print")
	return fs
}
func (p *printer) Main(ctx context.Context, args []string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(p.Stdout(), p.Greeting)
	return err
}

func TestConformPassesGoodPlugins(t *testing.T) {
	full := func() plugins.Plugin {
		var n int
		return &clitest.Cmd{
			Named:     "deploy",
			About:     clitest.About{Command: "ship", Aliases: []string{"d"}, Short: "deploy", Long: "Deploys.", Examples: "tool ship", Group: "Ops"},
			MainFunc:  func(ctx context.Context, args []string) error { return ctx.Err() },
			FlagsFunc: func(fs *flag.FlagSet) { fs.IntVar(&n, "n", n, "how many") },
			Scope:     clitest.Scope{clitest.Flags("aws", nil)},
		}
	}
	for name, newPlugin := range map[string]func() plugins.Plugin{
		"Command": func() plugins.Plugin { return clitest.Command("x", nil) },
		"Cmd":     full,
		"Flags": func() plugins.Plugin {
			return clitest.Flags("lend", func(fs *flag.FlagSet) { fs.Bool("on", false, "") })
		},
		"GlobalFlags": func() plugins.Plugin {
			return clitest.GlobalFlags("debug", func(fs *flag.FlagSet) { fs.Bool("debug", false, "") })
		},
		"Hooks":   func() plugins.Plugin { return clitest.Hooks("hook", nil, nil) },
		"printer": func() plugins.Plugin { return &printer{Greeting: "hi"} },
		"Lend":    func() plugins.Plugin { return plugins.Lend(&printer{}, (&printer{}).Flags) },
	} {
		t.Run(name, func(t *testing.T) {
			r := newRecorder(t)
			clitest.Conform(r, newPlugin)
			if got := r.failures(); len(got) > 0 {
				t.Errorf("Conform failed a good plugin:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// Bad plugins, each failing one check.

type badName struct{ name string }

func (b *badName) Name() string { return b.name }

type unstableName struct{ n int }

func (u *unstableName) Name() string { u.n++; return fmt.Sprint("name", u.n) }

// panicky panics in the method its field names, which its zero value
// leaves empty.
type panicky struct{ in string }

func (p *panicky) Name() string { return "panicky" }
func (p *panicky) Description() string {
	if p.in == "Description" {
		panic("no description")
	}
	return ""
}
func (p *panicky) Flags() *flag.FlagSet {
	if p.in == "Flags" {
		panic("no flags")
	}
	return nil
}
func (p *panicky) Main(ctx context.Context, args []string) error {
	switch p.in {
	case "Main":
		panic("no main")
	case "Goexit":
		runtime.Goexit()
	}
	return nil
}

// NeedsInit works only as its constructor makes it. Conform checks the
// zero value of an exported type, which a user may make.
type NeedsInit struct{ cfg *struct{ greeting string } }

func (n *NeedsInit) Name() string                                  { return "needs-init" }
func (n *NeedsInit) Main(ctx context.Context, args []string) error { _ = n.cfg.greeting; return nil }

// sameFlags returns one flag set every call.
type sameFlags struct{ fs *flag.FlagSet }

func (s *sameFlags) Name() string         { return "same" }
func (s *sameFlags) Flags() *flag.FlagSet { return s.fs }

// driftingFlags declares a default that changes each call.
type driftingFlags struct{ calls int }

func (d *driftingFlags) Name() string { return "drifting" }
func (d *driftingFlags) Flags() *flag.FlagSet {
	d.calls++
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	fs.Int("n", d.calls, "calls")
	return fs
}

// loud writes to the process's streams.
type loud struct {
	plugins.Streams
	stdout bool
}

func (l *loud) Name() string { return "loud" }
func (l *loud) Main(ctx context.Context, args []string) error {
	if l.stdout {
		fmt.Println("hello from Main")
	}
	return nil
}

type loudDescription struct{}

func (loudDescription) Name() string { return "loud-description" }
func (loudDescription) Description() string {
	fmt.Fprintln(os.Stderr, "describing")
	return "says things"
}

// stubborn ignores its context and waits for block.
type stubborn struct{ block chan struct{} }

func (s *stubborn) Name() string { return "stubborn" }
func (s *stubborn) Main(ctx context.Context, args []string) error {
	if s.block != nil {
		<-s.block
	}
	return nil
}

// leaky leaves a goroutine behind.
type leaky struct{ stop chan struct{} }

func (l *leaky) Name() string { return "leaky" }
func (l *leaky) Main(ctx context.Context, args []string) error {
	if l.stop != nil {
		go func() { <-l.stop }()
	}
	return ctx.Err()
}

var processFlags atomic.Int64

func TestConformReportsBadPlugins(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	tests := []struct {
		name      string
		newPlugin func() plugins.Plugin
		want      []string // the checks that fail
	}{
		{"nil plugin", func() plugins.Plugin { return nil }, []string{"new"}},
		{"typed nil plugin", func() plugins.Plugin { return (*badName)(nil) }, []string{"new"}},
		{"constructor panics", func() plugins.Plugin { panic("no") }, []string{"new"}},
		{"empty name", func() plugins.Plugin { return &badName{""} }, []string{"name"}},
		{"white space", func() plugins.Plugin { return &badName{"two words"} }, []string{"name"}},
		{"dash", func() plugins.Plugin { return &badName{"-x"} }, []string{"name"}},
		{"control", func() plugins.Plugin { return &badName{"a\x1bb"} }, []string{"name"}},
		{"invalid UTF-8", func() plugins.Plugin { return &badName{"a\xffb"} }, []string{"name"}},
		{"name changes", func() plugins.Plugin { return &unstableName{} }, []string{"name"}},
		{"bad command name", func() plugins.Plugin {
			return &clitest.Cmd{Named: "ok", About: clitest.About{Command: "--help"}}
		}, []string{"name"}},
		{"bad alias", func() plugins.Plugin {
			return &clitest.Cmd{Named: "ok", About: clitest.About{Aliases: []string{"fine", "not fine"}}}
		}, []string{"name"}},
		{"Description panics", func() plugins.Plugin { return &panicky{in: "Description"} }, []string{"panic"}},
		{"Flags panics", func() plugins.Plugin { return &panicky{in: "Flags"} }, []string{"panic"}},
		{"Main panics", func() plugins.Plugin { return &panicky{in: "Main"} }, []string{"panic"}},
		{"Main calls Goexit", func() plugins.Plugin { return &panicky{in: "Goexit"} }, []string{"panic"}},
		{"zero value panics", func() plugins.Plugin { return &NeedsInit{cfg: &struct{ greeting string }{"hi"}} }, []string{"zero value"}},
		{"same flag set", func() plugins.Plugin { return &sameFlags{flag.NewFlagSet("", flag.ContinueOnError)} }, []string{"fresh flags"}},
		{"flags drift", func() plugins.Plugin { return &driftingFlags{} }, []string{"fresh flags"}},
		{"prints to os.Stdout", func() plugins.Plugin { return &loud{stdout: true} }, []string{"streams"}},
		{"prints to os.Stderr", func() plugins.Plugin { return loudDescription{} }, []string{"streams"}},
		{"declares a process flag", func() plugins.Plugin {
			flag.Bool(fmt.Sprintf("clitest-conform-%d", processFlags.Add(1)), false, "declared by a bad plugin")
			return clitest.Command("x", nil)
		}, []string{"flag.CommandLine"}},
		{"ignores cancellation", func() plugins.Plugin { return &stubborn{release} }, []string{"cancel"}},
		{"leaves a goroutine", func() plugins.Plugin { return &leaky{release} }, []string{"goroutines"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRecorder(t)
			clitest.Conform(r, tt.newPlugin)
			failures := r.failures()
			if diff := cmp.Diff(tt.want, checks(failures)); diff != "" {
				t.Errorf("failed checks (-want +got):\n%s\nfailures:\n%s", diff, strings.Join(failures, "\n"))
			}
		})
	}
}

var checkName = regexp.MustCompile(`^clitest\.Conform\(.*?\): ([^:]+): `)

// checks returns the names of the checks that failures report, each once,
// sorted.
func checks(failures []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range failures {
		m := checkName.FindStringSubmatch(f)
		name := "unparsed: " + f
		if m != nil {
			name = m[1]
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// TestConformMessagesNameThePlugin: a failure says which plugin, which
// check and what happened.
func TestConformMessagesNameThePlugin(t *testing.T) {
	r := newRecorder(t)
	clitest.Conform(r, func() plugins.Plugin { return &loud{stdout: true} })
	want := []string{`clitest.Conform(*clitest_test.loud): streams: wrote "hello from Main\n" to os.Stdout; write to the stdout the host feeds instead`}
	if diff := cmp.Diff(want, r.failures()); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}
