package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/cli"
	th "github.com/plughost/plughost/internal/testhelpers"
	"github.com/plughost/plughost/plugins"
)

// needyCmd is a command that is every kind of needer at once.
type needyCmd struct {
	th.Needer
	main func(ctx context.Context, args []string) error
}

func (n *needyCmd) Main(ctx context.Context, args []string) error { return n.main(ctx, args) }

func TestFeedingGivesEveryNeed(t *testing.T) {
	t.Parallel()
	var in bytes.Buffer
	var out, errw bytes.Buffer
	h := &cli.Host{Tool: "tool", Stdin: &in, Stdout: &out, Stderr: &errw}
	cmd := &needyCmd{Needer: th.Needer{N: "needy"}}
	cmd.main = func(context.Context, []string) error { return nil }
	h.Plugins = []plugins.Plugin{cmd}
	if err := h.Main(context.Background(), []string{"needy"}); err != nil {
		t.Fatal(err)
	}
	if cmd.Feeder == nil || cmd.Host != h || cmd.In != &in || cmd.Out != &out || cmd.Err != &errw {
		t.Errorf("fed %+v, want the feeder, the host and its three streams", cmd.Needer)
	}
}

func TestFeederIsLateBoundAndACopy(t *testing.T) {
	t.Parallel()
	var names []string
	cmd := &needyCmd{Needer: th.Needer{N: "needy"}}
	other := &th.Needer{N: "other"}
	cmd.main = func(context.Context, []string) error {
		plugs := cmd.Feeder()
		for _, p := range plugs {
			names = append(names, p.Name())
		}
		// Sorting or overwriting the copy leaves the host alone.
		plugs[0], plugs[len(plugs)-1] = nil, nil
		return nil
	}
	h := &cli.Host{Tool: "tool", Stdout: &bytes.Buffer{}}
	h.Plugins = []plugins.Plugin{cmd}
	// Prepended after the host was made, before Main: the feeder sees it.
	h.Plugins = append([]plugins.Plugin{other}, h.Plugins...)
	if err := h.Main(context.Background(), []string{"needy"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"other", "needy"}, names); diff != "" {
		t.Errorf("feeder returned (-want +got):\n%s", diff)
	}
	if h.Plugins[0] != other || h.Plugins[1] != cmd {
		t.Errorf("the host's plugins changed: %v", h.Plugins)
	}
	// What the feeder returns has been fed before it is used.
	if other.Out == nil {
		t.Errorf("a plugin returned by the feeder was not fed its stdout")
	}
}

func TestFeederReentrant(t *testing.T) {
	t.Parallel()
	cmd := &needyCmd{Needer: th.Needer{N: "needy"}}
	cmd.main = func(context.Context, []string) error {
		for range 3 {
			if got := len(cmd.Feeder()); got != 2 {
				return fmt.Errorf("feeder returned %d plugins", got)
			}
		}
		return nil
	}
	inner := &reentrant{}
	h := &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{cmd, inner}}
	if err := h.Main(context.Background(), []string{"needy"}); err != nil {
		t.Fatal(err)
	}
	if inner.saw != 2 {
		t.Errorf("a feeder called while feeding returned %d plugins, want 2", inner.saw)
	}
}

// reentrant calls its feeder while it is being fed.
type reentrant struct{ saw int }

func (r *reentrant) Name() string                        { return "reentrant" }
func (r *reentrant) WithPlugins(fn plugins.PluginFeeder) { r.saw = len(fn()) }

func TestManyHostsAtOnce(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	errs := make([]error, 32)
	outs := make([]string, 32)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d deployFlags
			var out bytes.Buffer
			h := cli.New("tool")
			h.Stdout = &out
			h.Plugins = append([]plugins.Plugin{deployCmd(&d)}, h.Plugins...)
			if errs[i] = h.Main(context.Background(), []string{"deploy", fmt.Sprintf("--count=%d", i)}); errs[i] != nil {
				return
			}
			if d.Count != i {
				errs[i] = fmt.Errorf("host %d: count %d", i, d.Count)
				return
			}
			errs[i] = h.Main(context.Background(), []string{"help", "deploy"})
			outs[i] = out.String()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Error(err)
		}
		if !strings.Contains(outs[i], "--count int") {
			t.Errorf("host %d printed %q", i, outs[i])
		}
	}
}

func TestOneHostManyRunsAtOnce(t *testing.T) {
	t.Parallel()
	h := cli.New("tool")
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out bytes.Buffer
			// Each run is given its own writer through PrintHelp.
			if err := h.PrintHelp(context.Background(), &out, nil); err != nil || !strings.Contains(out.String(), "Commands:") {
				t.Errorf("PrintHelp = %v, %q", err, out.String())
			}
		}()
	}
	wg.Wait()
}
