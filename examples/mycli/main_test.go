package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/examples/mycli/tool"
)

// go test -update rewrites the help goldens under testdata/.
var _ = clitest.UpdateFlag()

// mycliHost is what main builds, with env as the environment it reads.
func mycliHost(env map[string]string) func() *cli.Host {
	return func() *cli.Host { return tool.New(func(k string) (string, bool) { v, ok := env[k]; return v, ok }) }
}

// result is what one run of mycli shows its user: clitest.Output, as a
// type of this package so that the table below may leave out field names.
type result struct {
	Code   int
	Stdout string
	Stderr string
}

func mycli(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	return result(clitest.Run(t, mycliHost(env), args, clitest.Env(env)).Output)
}

// TestMycliConfigFiles: mycli reads mycli.json and mycli.conf, the first
// winning, and --config names one more; the environment beats them.
func TestMycliConfigFiles(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"mycli.json": "{\"greet\": {\"greeter\": \"formal\"}}",
		"mycli.conf": "debug = false\n[greet]\ngreeter = pirate\nalso = Bo\n",
		"extra.conf": "[greet]\ngreetr = plain\n",
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want result
	}{
		{"the first file wins", nil, []string{"greet"}, result{0, "Good day to you, Bo.\n", ""}},
		{"the environment beats files", map[string]string{"MYCLI_GREETER": "plain"}, []string{"greet"}, result{0, "Hello, Bo!\n", ""}},
		{"an unknown key", nil, []string{"--config=extra.conf", "greet"}, result{2, "", "mycli: extra.conf:2: unknown key \"greetr\" in [greet] (did you mean \"greeter\"?)\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := result(clitest.Run(t, mycliHost(tt.env), tt.args, clitest.Env(tt.env), clitest.Files(files)).Output)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mycli %q (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestMycli(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want result
	}{
		{"greet", nil, []string{"greet"}, result{0, "Hello, world!\n", ""}},
		{"alias and args", nil, []string{"hi", "Ann", "Bo"}, result{0, "Hello, Ann!\nHello, Bo!\n", ""}},
		{"own flags", nil, []string{"greet", "--shout", "-vv", "--also", "Cy", "Ann"},
			result{0, "HELLO, ANN! [greeter plain, verbosity 2]\nHELLO, CY! [greeter plain, verbosity 2]\n", ""}},
		{"greeter by flag", nil, []string{"greet", "--greeter=pirate", "Ann"}, result{0, "Ahoy, Ann!\n", ""}},
		{"greeter by shorthand", nil, []string{"greet", "-g", "formal"}, result{0, "Good day to you, world.\n", ""}},
		{"greeter by environment", map[string]string{"MYCLI_GREETER": "pirate"}, []string{"greet"}, result{0, "Ahoy, world!\n", ""}},
		{"flag beats environment", map[string]string{"MYCLI_GREETER": "pirate"}, []string{"greet", "-g", "plain"}, result{0, "Hello, world!\n", ""}},
		{"lent flag", nil, []string{"greet", "--emoji-name=wave", "Ann"}, result{0, "Hello, Ann! 👋\n", ""}},
		{"override", nil, []string{"version"}, result{0, "mycli 1.0.0 (the example's own version command)\n", ""}},
		{"sub-command", nil, []string{"greeters", "show", "formal"}, result{0, "formal: Good day to you, NAME.\n", ""}},
		{"parent runs itself", nil, []string{"greeters"}, result{0, "plain\npirate\nformal\n", ""}},
		{"calls another plugin", nil, []string{"welcome", "Ann"}, result{0, "Good day to you, Ann.\n", ""}},
		{"hidden runs", nil, []string{"sleep", "--for=1ms"}, result{0, "sleeping 1ms\n", ""}},
		{"unknown command", nil, []string{"gret"}, result{2, "", "mycli: unknown command \"gret\" (did you mean \"greet\"?)\n"}},
		{"unknown flag", nil, []string{"greet", "--shuot"}, result{2, "", "mycli greet: unknown flag \"--shuot\" (did you mean --shout?)\n"}},
		{"bad value", nil, []string{"sleep", "--for=soon"}, result{2, "", "mycli sleep: flag --for: invalid value \"soon\": want a duration such as 90s or 1h30m\n"}},
		{"no such greeter", nil, []string{"greet", "-g", "robot"}, result{2, "", "mycli greet: flag --greeter: invalid value \"robot\": want one of plain, pirate, formal\n"}},
		{"no such greeter in the environment", map[string]string{"MYCLI_GREETER": "pirat"}, []string{"greet"},
			result{2, "", "mycli greet: flag --greeter: invalid value \"pirat\" (from env MYCLI_GREETER): want one of plain, pirate, formal (did you mean \"pirate\"?)\n"}},
		{"any flag from the environment", map[string]string{"MYCLI_SHOUT": "true", "MYCLI_EMOJI_NAME": "wave"}, []string{"greet", "Ann"}, result{0, "HELLO, ANN! 👋\n", ""}},
		{"command fails", nil, []string{"welcome"}, result{1, "", "mycli welcome: want the names of the people to welcome\n"}},
		{"unknown sub-command", nil, []string{"greeters", "lst"}, result{2, "", "mycli greeters: unknown command \"lst\" (did you mean \"list\"?)\n"}},
		{"declared argument missing", nil, []string{"greeters", "show"}, result{2, "", "mycli greeters show: want 1 argument, got 0 (usage: mycli greeters show [flags] NAME)\n"}},
		{"global flag and hook", nil, []string{"greet", "--debug", "Bo"}, result{0, "Hello, Bo!\n", "debug: running greet with [\"greet\" \"--debug\" \"Bo\"]\ndebug: greet: ok\n"}},
		{"global flag first", nil, []string{"--debug", "greeters", "show", "plain"}, result{0, "plain: Hello, NAME!\n", "debug: running greeters show with [\"--debug\" \"greeters\" \"show\" \"plain\"]\ndebug: greeters show: ok\n"}},
		{"pass-through", nil, []string{"echo", "-h", "--x", "--", "a b"}, result{0, "-h\n--x\n--\na b\n", ""}},
		{"required flag", nil, []string{"remind"}, result{2, "", "mycli remind: missing required flag --who\n"}},
		{"choice flag", nil, []string{"remind", "--who=Ann", "--when=latr"}, result{2, "", "mycli remind: flag --when: invalid value \"latr\": want one of now, soon, later (did you mean \"later\"?)\n"}},
		{"required given", nil, []string{"remind", "--who=Ann"}, result{0, "reminding Ann to say hello soon\n", ""}},
		{"version flag", nil, []string{"--version"}, result{0, "mycli version 1.0.0\n", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, mycli(t, tt.env, tt.args...)); diff != "" {
				t.Errorf("mycli %q (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestMycliHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"help", "greet"}, {"greeters", "-h"}, {"help", "remind"}, {"help", "greeters", "show"}} {
		got := mycli(t, nil, args...)
		if got.Code != 0 || got.Stderr != "" {
			t.Fatalf("mycli %q = %+v", args, got)
		}
		clitest.Golden(t, strings.TrimLeft(strings.Join(args, "_"), "-")+".golden", got.Stdout)
	}
}

func TestMycliInterrupted(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got := clitest.Run(t, mycliHost(nil), []string{"sleep", "--for=1h"}, clitest.Context(ctx))
	if got.Code != 130 || !errors.Is(got.Err, context.Canceled) {
		t.Errorf("an interrupted mycli exits %d, want 130 (stderr %q)", got.Code, got.Stderr)
	}
}

// closedWriter fails as a closed stdout does.
type closedWriter struct{}

func (closedWriter) Write([]byte) (int, error) {
	return 0, errors.New("write /dev/stdout: file already closed")
}

// TestMycliReportsFailedWrites drives run, as main does, with a stdout
// that fails: the one thing clitest.Run, which gives the tool a buffer,
// cannot show.
func TestMycliReportsFailedWrites(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"greet"}, {"--help"}, {"plugins"}, {"greeters"}} {
		var stderr bytes.Buffer
		code := run(context.Background(), args, nil, closedWriter{}, &stderr, func(string) (string, bool) { return "", false })
		if code != 1 || !strings.Contains(stderr.String(), "file already closed") || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("mycli %q to a closed stdout: exit %d, stderr %q; want 1 and the error once", args, code, stderr.String())
		}
	}
}

// TestWelcomeLeavesGreetAsItWas: welcome runs greet from code on a copy,
// so greet itself is unchanged for whatever runs after it.
func TestWelcomeLeavesGreetAsItWas(t *testing.T) {
	t.Parallel()
	var h *cli.Host
	got := clitest.Run(t, func() *cli.Host { h = mycliHost(nil)(); return h }, []string{"welcome", "Ann"})
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	if got.Stdout != "Good day to you, Ann.\n" {
		t.Errorf("welcome printed %q", got.Stdout)
	}
	greet := h.Plugins[0].(*tool.Greet)
	if greet.Greeter != "plain" || greet.Shout {
		t.Errorf("after welcome, greet is %+v; want it as it was", greet)
	}
}

// TestPathPlugin runs path/mycli-hello, found on PATH because no
// compiled-in command answers to hello; it changes PATH, so it does not
// run in parallel.
func TestPathPlugin(t *testing.T) {
	dir, err := filepath.Abs("path")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"hello", "Ann"}, strings.NewReader(""), &stdout, &stderr, os.LookupEnv)
	if code != 0 || stdout.String() != "Hello from a PATH plugin, Ann!\n" {
		t.Errorf("mycli hello Ann: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	run(context.Background(), []string{"--help"}, strings.NewReader(""), &stdout, &stderr, os.LookupEnv)
	if !strings.Contains(stdout.String(), "Commands on PATH:\n  hello") {
		t.Errorf("mycli --help does not list hello on PATH:\n%s", stdout.String())
	}
}
