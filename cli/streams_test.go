package cli_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
)

// TestNothingReachesTheProcessStreams runs the host through help, errors,
// panics and a plugin's own output with its streams set, and checks that
// nothing reached os.Stdout or os.Stderr. It swaps those two, so it must
// not run in parallel.
func TestNothingReachesTheProcessStreams(t *testing.T) {
	stdout, stderr := os.Stdout, os.Stderr
	rOut, wOut, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	rErr, wErr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout, os.Stderr = wOut, wErr
	leaked := make(chan string, 2)
	for _, r := range []*os.File{rOut, rErr} {
		go func() {
			b, _ := io.ReadAll(r)
			leaked <- string(b)
		}()
	}

	var out, errw bytes.Buffer
	var d deployFlags
	h := cli.New("tool")
	h.Stdout, h.Stderr = &out, &errw
	cmd := &needyCmd{}
	cmd.N = "needy"
	cmd.main = func(context.Context, []string) error {
		_, err := io.WriteString(cmd.Out, "to the host's stdout\n")
		return err
	}
	h.Plugins = append([]plugins.Plugin{deployCmd(&d), cmd,
		&rogue{method: "Main", do: func() { panic("boom") }},
	}, h.Plugins...)
	for _, args := range [][]string{
		{}, {"--help"}, {"help", "deploy"}, {"deploy", "-h"}, {"nope"}, {"deploy", "--nope"}, {"deploy", "--count=x"},
		{"rogue"}, {"needy"}, {"plugins"}, {"version"}, {"plugins", "--json"},
	} {
		h.Main(context.Background(), args)
	}
	cli.Run(context.Background(), h, []string{"nope"})

	os.Stdout, os.Stderr = stdout, stderr
	wOut.Close()
	wErr.Close()
	for range 2 {
		if s := <-leaked; s != "" {
			t.Errorf("the host wrote %q to a process stream while it had its own", s)
		}
	}
	if out.Len() == 0 || errw.Len() == 0 {
		t.Errorf("the host's own streams got stdout %d bytes, stderr %d bytes; want both used", out.Len(), errw.Len())
	}
}

func TestOutputBeforeAFailureIsKept(t *testing.T) {
	t.Parallel()
	for _, fail := range []func(){
		func() {},
		func() { panic("after writing") },
	} {
		var stdout, stderr bytes.Buffer
		cmd := &needyCmd{}
		cmd.N = "x"
		cmd.main = func(context.Context, []string) error {
			io.WriteString(cmd.Out, "first\n")
			io.WriteString(cmd.Out, "second\n")
			fail()
			return errors.New("then it failed")
		}
		h := &cli.Host{Tool: "tool", Stdout: &stdout, Stderr: &stderr, Plugins: []plugins.Plugin{cmd}}
		code := cli.Run(context.Background(), h, []string{"x"})
		if code != cli.ExitFailure || stdout.String() != "first\nsecond\n" || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("exit %d, stdout %q, stderr %q; want 1, both lines in order, one error line", code, stdout.String(), stderr.String())
		}
	}
}
