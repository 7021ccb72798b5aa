package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// externalMain is a tool written in a module of its own against the pinned
// names only: a command with a flag, a plugin lending it a flag, an
// override of the built-in help, and a buffalo-style build command whose
// plugins lend it flags through a method of their own (BuildFlags), hook
// before and after it and read its command line as typed.
const externalMain = `package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
)

type deploy struct{ env string; plugs plugins.PluginFeeder }

func (d *deploy) Name() string { return "ext/deploy" }
func (d *deploy) WithPlugins(fn plugins.PluginFeeder) { d.plugs = fn }
func (d *deploy) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fs.StringVar(&d.env, "env", "dev", "where to")
	return fs
}
func (d *deploy) ScopedPlugins() []plugins.Plugin {
	var out []plugins.Plugin
	for _, p := range d.plugs() {
		if _, ok := p.(*notify); ok {
			out = append(out, p)
		}
	}
	return out
}
func (d *deploy) Main(ctx context.Context, args []string) error {
	fmt.Printf("deploy env=%s args=%v\n", d.env, args)
	return nil
}

type notify struct{ channel string }

func (n *notify) Name() string { return "notify" }
func (n *notify) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("notify", flag.ContinueOnError)
	fs.StringVar(&n.channel, "channel", "", "where to tell")
	return fs
}

// BuildFlagger is the build command's own extension point.
type BuildFlagger interface {
	plugins.Plugin
	BuildFlags() *flag.FlagSet
}

type build struct{ plugs plugins.PluginFeeder }

func (b *build) Name() string                        { return "build" }
func (b *build) WithPlugins(fn plugins.PluginFeeder) { b.plugs = fn }
func (b *build) ScopedPlugins() []plugins.Plugin {
	var scope []plugins.Plugin
	for _, p := range plugins.Select[BuildFlagger](b.plugs.Plugins()) {
		scope = append(scope, plugins.Lend(p, p.BuildFlags), p)
	}
	return scope
}
func (b *build) Main(ctx context.Context, args []string) error {
	fmt.Println("build", args)
	return nil
}

type webpack struct{ environment string }

func (w *webpack) Name() string { return "webpack" }
func (w *webpack) BuildFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("webpack", flag.ContinueOnError)
	fs.StringVar(&w.environment, "environment", "development", "the asset environment")
	return fs
}
// The host asks its plugins' hooks around every command: these act
// around build only.
func (w *webpack) BeforeRun(ctx context.Context, path, args []string) error {
	if path[0] == "build" {
		fmt.Println("before", path, args, w.environment)
	}
	return nil
}
func (w *webpack) AfterRun(ctx context.Context, path, args []string, err error) error {
	if path[0] == "build" {
		fmt.Println("after", path, err)
	}
	return nil
}

type help struct{}

func (help) Name() string { return "help" }
func (help) Main(ctx context.Context, args []string) error {
	fmt.Println("my own help", args)
	return nil
}

func main() {
	n := &notify{}
	h := cli.New("ext")
	h.Plugins = append([]plugins.Plugin{&deploy{}, n, help{}, &build{}, &webpack{}}, h.Plugins...)
	for _, args := range [][]string{
		{"deploy", "--env", "prod", "--notify-channel", "ops", "x"},
		{"--help"},
		{"build", "--webpack-environment", "production", "app"},
	} {
		if err := h.Main(context.Background(), args); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	}
	fmt.Println("notify channel:", n.channel)
}
`

// TestExternalModule builds a tool in a module outside this repository,
// which sees only what is exported, and runs it.
func TestExternalModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module")
	}
	t.Parallel()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module example.com/ext\n\ngo 1.24\n\nrequire github.com/plughost/plughost v0.0.0\n\nreplace github.com/plughost/plughost => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"go.mod": goMod, "go.sum": string(sum), "main.go": externalMain} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "run", "-mod=mod", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	want := "deploy env=prod args=[x]\nmy own help []\n" +
		"before [build] [build --webpack-environment production app] production\nbuild [app]\nafter [build] <nil>\n" +
		"notify channel: ops\n"
	if diff := cmp.Diff(want, strings.ReplaceAll(string(out), "\r\n", "\n")); diff != "" {
		t.Errorf("the external tool printed (-want +got):\n%s", diff)
	}
}
