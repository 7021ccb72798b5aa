package help_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/help"
	"github.com/plughost/plughost/plugins"
)

// printer is a host that records what it is asked to print.
type printer struct {
	plugins.Command
	paths [][]string
	w     io.Writer
}

func (p *printer) PrintHelp(_ context.Context, w io.Writer, path []string) error {
	p.paths = append(p.paths, path)
	p.w = w
	return nil
}

func TestMainAsksTheHost(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	p := &printer{}
	c := &help.Cmd{}
	c.WithHost(p)
	c.SetStdout(&out)
	for _, args := range [][]string{nil, {"deploy"}, {"db", "migrate"}} {
		if err := c.Main(context.Background(), args); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff([][]string{nil, {"deploy"}, {"db", "migrate"}}, p.paths); diff != "" {
		t.Errorf("paths asked for (-want +got):\n%s", diff)
	}
	if p.w != &out {
		t.Errorf("help went to %v, want the stdout it was given", p.w)
	}
}

func TestArgsUsage(t *testing.T) {
	t.Parallel()
	var c plugins.ArgsUsager = &help.Cmd{}
	if diff := cmp.Diff("[COMMAND...]", c.ArgsUsage()); diff != "" {
		t.Errorf("ArgsUsage (-want +got):\n%s", diff)
	}
}

func TestZeroValueHasNoHost(t *testing.T) {
	t.Parallel()
	if err := (&help.Cmd{}).Main(context.Background(), nil); !errors.Is(err, help.ErrNoHost) {
		t.Errorf("Main without a host = %v, want ErrNoHost", err)
	}
}

// The help command prints through the host that feeds it.
func Example() {
	h := cli.New("mytool")
	h.Stdout = os.Stdout
	if err := h.Main(context.Background(), []string{"help", "version"}); err != nil {
		panic(err)
	}
	// Output:
	// mytool version - print the version of the tool
	//
	// Usage:
	//   mytool version [flags]
	//
	// Flags:
	//       --json      print a JSON object
	//       --plugins   also list each plugin and the module it comes from
	//   -h, --help      show help
}
