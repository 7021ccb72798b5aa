package completion_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/completion"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// colour is a flag value that completes its own values.
type colour struct{ v *string }

func (c colour) String() string {
	if c.v == nil {
		return ""
	}
	return *c.v
}
func (c colour) Set(s string) error { *c.v = s; return nil }
func (c colour) CompleteValue(_ context.Context, toComplete string) []string {
	return []string{"red\tlike blood", "green", "blue\tlike\nthe\x1b[2J sky"}
}

// shower is a command that completes its argument: the greeters.
type shower struct{ th.Full }

func (s *shower) ArgsUsage() string { return "NAME" }
func (s *shower) CompleteArgs(_ context.Context, args []string, toComplete string) []string {
	if len(args) > 0 {
		return nil
	}
	return []string{"plain\tsays hello", "pirate\tsays ahoy", "formal"}
}

// boomer is a command whose completer panics.
type boomer struct{ th.Full }

func (b *boomer) CompleteArgs(context.Context, []string, string) []string { panic("kaboom") }

// hidden is a command help and completion leave out.
type hidden struct{ th.Full }

func (*hidden) HidePlugin() {}

// quiet is a command that takes no arguments.
type quiet struct{ th.Full }

func (*quiet) ArgsUsage() string { return "" }

// globals lends the tool its global flags.
type globals struct{ debug bool }

func (g *globals) Name() string { return "globals" }
func (g *globals) GlobalFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("globals", flag.ContinueOnError)
	fs.BoolVar(&g.debug, "debug", g.debug, "report each run on stderr")
	return fs
}

// newHost builds a tool named "tool" with a command of each kind
// completion offers, and the two completion commands, writing to the
// buffers it returns. A plugin value serves one run: call it once a run.
func newHost() (h *cli.Host, stdout, stderr *bytes.Buffer) {
	var greeter, name, region, profile, format string
	var shout bool
	greet := &th.Full{Command: th.Command{
		N: "greet", Alias: []string{"hi"}, Desc: "greet people",
		FlagsFn: func() *flag.FlagSet {
			fs := flag.NewFlagSet("greet", flag.ContinueOnError)
			fs.Var(plugflag.OneOf(&greeter, "plain", "pirate", "formal"), "greeter", "which greeter to use")
			fs.BoolVar(&shout, "shout", false, "greet in capitals")
			fs.Var(colour{&name}, "colour", "the colour of the greeting")
			return fs
		},
		Scope: []plugins.Plugin{&th.Lender{N: "aws", FlagsFn: func() *flag.FlagSet {
			fs := flag.NewFlagSet("aws", flag.ContinueOnError)
			fs.StringVar(&region, "region", "", "the AWS region")
			fs.StringVar(&profile, "profile", "", "the AWS profile")
			return fs
		}}},
	}}
	show := &shower{th.Full{Command: th.Command{N: "show", Desc: "show a greeter"}}}
	list := &quiet{th.Full{Command: th.Command{N: "list", Desc: "list the greeters"}}}
	greeters := &th.Parent{Full: th.Full{Command: th.Command{
		N: "greeters", Desc: "the greeters",
		FlagsFn: func() *flag.FlagSet {
			fs := flag.NewFlagSet("greeters", flag.ContinueOnError)
			fs.StringVar(&format, "format", "", "how to print them")
			return fs
		},
		Subs: []plugins.Plugin{list, show},
	}}}
	h = &cli.Host{
		Tool: "tool",
		Plugins: []plugins.Plugin{
			&completion.Cmd{}, &completion.Complete{}, &completion.Complete{NoDesc: true},
			greet,
			greeters,
			&boomer{th.Full{Command: th.Command{N: "boom", Desc: "a completer that panics"}}},
			&hidden{th.Full{Command: th.Command{N: "secret", Desc: "not to be offered"}}},
			&th.Full{Command: th.Command{N: "evil", Desc: "line one\nline two\x1b[2J\tand a tab\u202e"}},
			&quiet{th.Full{Command: th.Command{N: "version", Desc: "print the version"}}},
			&globals{},
		},
	}
	stdout, stderr = &bytes.Buffer{}, &bytes.Buffer{}
	h.Stdout, h.Stderr = stdout, stderr
	return h, stdout, stderr
}

func TestComplete(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string // after the tool's name
		want       string   // on stdout
		wantStderr string
	}{
		{
			name: "top-level commands, hidden ones left out",
			args: []string{"__complete", ""},
			want: "boom\ta completer that panics\n" +
				"completion\tprint the shell completion script: bash, zsh, fish or powershell\n" +
				"evil\tline one\\nline two\\x1b[2J\\tand a tab\\u202e\n" +
				"greet\tgreet people\n" +
				"greeters\tthe greeters\n" +
				"version\tprint the version\n" +
				":4\n",
		},
		{
			name: "a prefix",
			args: []string{"__complete", "gr"},
			want: "greet\tgreet people\ngreeters\tthe greeters\n:4\n",
		},
		{
			name: "without descriptions",
			args: []string{"__completeNoDesc", "gr"},
			want: "greet\ngreeters\n:4\n",
		},
		{
			name: "a hidden command is not offered",
			args: []string{"__complete", "sec"},
			want: ":4\n",
		},
		{
			name: "nor are the completion commands themselves",
			args: []string{"__complete", "__"},
			want: ":4\n",
		},
		{
			name: "an alias when no name fits",
			args: []string{"__complete", "hi"},
			want: "hi\tgreet people\n:4\n",
		},
		{
			name: "sub-commands",
			args: []string{"__complete", "greeters", ""},
			want: "list\tlist the greeters\nshow\tshow a greeter\n:4\n",
		},
		{
			name: "sub-commands after the parent's flag",
			args: []string{"__complete", "greeters", "--format", "json", "s"},
			want: "show\tshow a greeter\n:4\n",
		},
		{
			name: "own, lent and global flags",
			args: []string{"__complete", "greet", "--"},
			want: "--colour\tthe colour of the greeting\n" +
				"--greeter\twhich greeter to use\n" +
				"--shout\tgreet in capitals\n" +
				"--aws-profile\tthe AWS profile\n" +
				"--aws-region\tthe AWS region\n" +
				"--debug\treport each run on stderr\n" +
				"--help\tshow help\n" +
				":4\n",
		},
		{
			name: "lent flags by their prefix",
			args: []string{"__complete", "greet", "--aws-"},
			want: "--aws-profile\tthe AWS profile\n--aws-region\tthe AWS region\n:4\n",
		},
		{
			name: "inherited flags",
			args: []string{"__complete", "greeters", "show", "--f"},
			want: "--format\thow to print them\n:4\n",
		},
		{
			name: "the tool's flags",
			args: []string{"__complete", "--"},
			want: "--debug\treport each run on stderr\n--help\tshow help\n--version\tprint the tool's name and version\n:4\n",
		},
		{
			name: "--flag=<TAB> of a OneOf",
			args: []string{"__complete", "greet", "--greeter=p"},
			want: "--greeter=plain\n--greeter=pirate\n:4\n",
		},
		{
			name: "--flag <TAB> of a OneOf",
			args: []string{"__complete", "greet", "--greeter", ""},
			want: "plain\npirate\nformal\n:4\n",
		},
		{
			name: "a value of a flag that takes any",
			args: []string{"__complete", "greet", "--aws-region", ""},
			want: ":0\n",
		},
		{
			name: "a ValueCompleter, descriptions escaped onto one line",
			args: []string{"__complete", "greet", "--colour", ""},
			want: "red\tlike blood\ngreen\nblue\tlike\\nthe\\x1b[2J sky\n:4\n",
		},
		{
			name: "a ValueCompleter joined to its flag",
			args: []string{"__complete", "greet", "--colour=g"},
			want: "--colour=red\tlike blood\n--colour=green\n--colour=blue\tlike\\nthe\\x1b[2J sky\n:4\n",
		},
		{
			name: "an ArgsCompleter",
			args: []string{"__complete", "greeters", "show", "p"},
			want: "plain\tsays hello\npirate\tsays ahoy\nformal\n:4\n",
		},
		{
			name: "an ArgsCompleter after --",
			args: []string{"__complete", "greeters", "show", "--", ""},
			want: "plain\tsays hello\npirate\tsays ahoy\nformal\n:4\n",
		},
		{
			name: "no flags after --",
			args: []string{"__complete", "greet", "--", "--sh"},
			want: ":0\n",
		},
		{
			name: "nothing for a command that takes no arguments",
			args: []string{"__complete", "version", ""},
			want: ":4\n",
		},
		{
			name: "files for a command that takes any",
			args: []string{"__complete", "greet", ""},
			want: ":0\n",
		},
		{
			name: "the shells of the completion command",
			args: []string{"__complete", "completion", ""},
			want: "bash\nzsh\nfish\npowershell\n:4\n",
		},
		{
			name:       "a completer that panics",
			args:       []string{"__complete", "boom", ""},
			want:       ":1\n",
			wantStderr: `tool: completing: plugin "boom" (*completion_test.boomer): CompleteArgs: panic: kaboom` + "\n",
		},
		{
			name:       "an unknown command",
			args:       []string{"__complete", "gret", ""},
			want:       ":1\n",
			wantStderr: `completion ended with directive :1 (error): tool: unknown command "gret" (did you mean "greet"?)` + "\n",
		},
		{
			name:       "an unknown flag",
			args:       []string{"__complete", "greet", "--nope", ""},
			want:       ":1\n",
			wantStderr: "completion ended with directive :1 (error): tool greet: unknown flag \"--nope\"\n",
		},
		{
			name: "no words at all",
			args: []string{"__complete"},
			want: "boom\ta completer that panics\n" +
				"completion\tprint the shell completion script: bash, zsh, fish or powershell\n" +
				"evil\tline one\\nline two\\x1b[2J\\tand a tab\\u202e\n" +
				"greet\tgreet people\n" +
				"greeters\tthe greeters\n" +
				"version\tprint the version\n" +
				":4\n",
		},
		{
			name: "words the host would take as its own flags",
			args: []string{"__complete", "--help", "-h", "--version", "gr"},
			want: "greet\tgreet people\ngreeters\tthe greeters\n:4\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, stdout, stderr := newHost()
			if err := h.Main(context.Background(), tt.args); err != nil {
				t.Fatalf("Main: %v", err)
			}
			if diff := cmp.Diff(tt.want, stdout.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantStderr, stderr.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// fakeHost is a Completer other than package cli's host.
type fakeHost struct {
	th.Command
	complete func() ([]string, int, error)
}

func (h *fakeHost) Complete(context.Context, []string) ([]string, int, error) { return h.complete() }

func TestComplete_host(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		host       plugins.Command // nil for none
		noDesc     bool
		want       string
		wantStderr string
	}{
		{
			name:       "no host",
			want:       ":1\n",
			wantStderr: "completion ended with directive :1 (error): no host to complete for\n",
		},
		{
			name:       "a host that cannot complete",
			host:       &th.Command{N: "tool"},
			want:       ":1\n",
			wantStderr: "completion ended with directive :1 (error): no host to complete for\n",
		},
		{
			name: "a host that panics",
			host: &fakeHost{Command: th.Command{N: "tool"}, complete: func() ([]string, int, error) { panic("host\nbroke") }},
			want: ":1\n",
			wantStderr: "completion ended with directive :1 (error): plugin of type *completion_test.fakeHost: " +
				"Complete: panic: host\\nbroke\n",
		},
		{
			name: "a host that calls runtime.Goexit",
			host: &fakeHost{Command: th.Command{N: "tool"}, complete: func() ([]string, int, error) {
				runtime.Goexit()
				return nil, 0, nil
			}},
			want:       ":1\n",
			wantStderr: "completion ended with directive :1 (error): plugin of type *completion_test.fakeHost: Complete: called runtime.Goexit\n",
		},
		{
			name:       "a host that fails",
			host:       &fakeHost{complete: func() ([]string, int, error) { return []string{"x"}, 4, errors.New("no\x1b[2Jway") }},
			want:       ":1\n",
			wantStderr: "completion ended with directive :1 (error): no\\x1b[2Jway\n",
		},
		{
			name: "candidates that would break the format",
			host: &fakeHost{complete: func() ([]string, int, error) {
				return []string{"a\nb\tdesc\twith a tab", "", "\tonly a description", ":4", "c\r\x1b]0;x\a"}, 6, nil
			}},
			want: "a\\nb\tdesc\\twith a tab\n:4\nc\\r\\x1b]0;x\\a\n:6\n",
		},
		{
			name:   "descriptions left out",
			host:   &fakeHost{complete: func() ([]string, int, error) { return []string{"a\tdesc", "b"}, 0, nil }},
			noDesc: true,
			want:   "a\nb\n:0\n",
		},
		{
			name: "any directive the host gives",
			host: &fakeHost{complete: func() ([]string, int, error) { return nil, 63, nil }},
			want: ":63\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			c := &completion.Complete{NoDesc: tt.noDesc}
			c.SetStdout(&stdout)
			c.SetStderr(&stderr)
			if tt.host != nil {
				c.WithHost(tt.host)
			}
			if err := c.Main(context.Background(), []string{"x"}); err != nil {
				t.Fatalf("Main: %v", err)
			}
			if diff := cmp.Diff(tt.want, stdout.String()); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantStderr, stderr.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestComplete_writeError(t *testing.T) {
	t.Parallel()
	c := &completion.Complete{}
	c.SetStdout(failWriter{})
	c.SetStderr(io.Discard)
	if err := c.Main(context.Background(), nil); !errors.Is(err, errWrite) {
		t.Errorf("Main = %v, want an error wrapping %v", err, errWrite)
	}
}

func TestComplete_names(t *testing.T) {
	t.Parallel()
	got := []string{(&completion.Complete{}).Name(), (&completion.Complete{NoDesc: true}).Name()}
	if diff := cmp.Diff([]string{"__complete", "__completeNoDesc"}, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// The commands stay out of the tool's help: only completion is listed.
func TestComplete_hiddenFromHelp(t *testing.T) {
	t.Parallel()
	h, stdout, _ := newHost()
	if err := h.PrintHelp(context.Background(), stdout, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stdout.String(), "__complete") {
		t.Errorf("help lists __complete:\n%s", stdout)
	}
	if !strings.Contains(stdout.String(), "completion ") {
		t.Errorf("help does not list completion:\n%s", stdout)
	}
}

// The interfaces the host feeds the commands through, and their marks.
var (
	_ plugins.Command       = (*completion.Complete)(nil)
	_ plugins.Hider         = (*completion.Complete)(nil)
	_ plugins.ArgsPasser    = (*completion.Complete)(nil)
	_ plugins.HostNeeder    = (*completion.Complete)(nil)
	_ plugins.StdoutNeeder  = (*completion.Complete)(nil)
	_ plugins.StderrNeeder  = (*completion.Complete)(nil)
	_ plugins.Describer     = (*completion.Complete)(nil)
	_ completion.Completer  = (*cli.Host)(nil)
	_ plugins.Command       = (*completion.Cmd)(nil)
	_ plugins.ArgsUsager    = (*completion.Cmd)(nil)
	_ plugins.ArgsCompleter = (*completion.Cmd)(nil)
	_ plugins.HostNeeder    = (*completion.Cmd)(nil)
	_ plugins.StdoutNeeder  = (*completion.Cmd)(nil)
	_ plugins.Describer     = (*completion.Cmd)(nil)
	_ plugins.LongDescriber = (*completion.Cmd)(nil)
)
