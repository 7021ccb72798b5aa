package cli_test

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugflag"
)

// Hello is a command whose flag is an exported field. Embedding
// plugins.Streams makes it a StdoutNeeder (and the other two).
type Hello struct {
	plugins.Streams
	Who   string           // --name
	Scope []plugins.Plugin // the plugins that lend it flags
}

func (h *Hello) Name() string                    { return "hello" }
func (h *Hello) ScopedPlugins() []plugins.Plugin { return h.Scope }
func (h *Hello) Description() string             { return "say hello" }

// Flags binds --name to the Who field; the field's value is the default.
func (h *Hello) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("hello", flag.ContinueOnError)
	fs.StringVar(&h.Who, "name", h.Who, "who to greet")
	return fs
}

// Main greets; with no host to feed it, Stdout is os.Stdout.
func (h *Hello) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintf(h.Stdout(), "Hello, %s!\n", h.Who)
	return err
}

// Loud lends the hello command a flag, --loud-level, by being in its scope.
type Loud struct{ Level int }

func (l *Loud) Name() string { return "loud" }
func (l *Loud) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("loud", flag.ContinueOnError)
	fs.IntVar(&l.Level, "level", l.Level, "how loud")
	return fs
}

// newHost builds the tool: a tool's main calls it once, and a test once
// per case, since a plugin value serves one run. Building a host is cheap.
func newHost() *cli.Host {
	h := cli.New("mytool")
	h.Stdout = os.Stdout
	h.Plugins = append([]plugins.Plugin{
		&Hello{Who: "world"},
	}, h.Plugins...)
	return h
}

// Example is a tool's whole main: create the host, prepend plugins, run.
// Each run gets a fresh host, so each starts from the defaults.
func Example() {
	if err := newHost().Main(context.Background(), []string{"hello", "--name", "gopher"}); err != nil {
		fmt.Println(err)
	}
	if err := newHost().Main(context.Background(), []string{"hello"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Hello, gopher!
	// Hello, world!
}

// Errors name the input and suggest what was meant; ExitCode maps them to
// exit codes.
func Example_errors() {
	h := cli.New("mytool")
	h.Plugins = append([]plugins.Plugin{&Hello{}}, h.Plugins...)

	err := h.Main(context.Background(), []string{"helo"})
	fmt.Println(err, cli.ExitCode(err))
	err = h.Main(context.Background(), []string{"hello", "--nmae=x"})
	fmt.Println(err, cli.ExitCode(err))
	// Output:
	// mytool: unknown command "helo" (did you mean "hello" or "help"?) 2
	// mytool hello: unknown flag "--nmae" (did you mean --name?) 2
}

// A command's flags are its exported fields, so code can set them and run
// the command directly, with no host and no command line.
func Example_programmatic() {
	cmd := &Hello{Who: "from code"}
	if err := cmd.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Hello, from code!
}

// A plugin in a command's scope lends it its flags, prefixed with its name;
// the value lands in the lending plugin's own field.
func Example_lentFlags() {
	loud := &Loud{}
	h := &cli.Host{Tool: "mytool", Stdout: os.Stdout, Plugins: []plugins.Plugin{
		&Hello{Who: "world", Scope: []plugins.Plugin{loud}},
	}}
	if err := h.Main(context.Background(), []string{"hello", "--loud-level=3"}); err != nil {
		fmt.Println(err)
	}
	fmt.Println("loud level:", loud.Level)
	// Output:
	// Hello, world!
	// loud level: 3
}

// Run is what main calls: it handles SIGINT, prints the error once to the
// host's Stderr and returns the exit code for os.Exit.
func ExampleRun() {
	h := cli.New("mytool")
	h.Stderr = os.Stdout // so that the example shows it
	code := cli.Run(context.Background(), h, []string{"nope"})
	fmt.Println("exit", code)
	// Output:
	// mytool: unknown command "nope"
	// exit 2
}

// Verbose gives the whole tool --verbose, before or after any command
// name, and reports each run through a hook.
type Verbose struct {
	plugins.Streams
	On bool
}

func (v *Verbose) Name() string { return "verbose" }
func (v *Verbose) GlobalFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("verbose", flag.ContinueOnError)
	fs.BoolVar(&v.On, "verbose", v.On, "say what runs")
	return fs
}
func (v *Verbose) BeforeRun(ctx context.Context, path, args []string) error {
	if v.On {
		fmt.Fprintf(v.Stdout(), "running %v\n", path)
	}
	return nil
}

// Deploy takes one app and an optional environment, and needs --region.
type Deploy struct {
	plugins.Streams
	Region string
}

func (d *Deploy) Name() string      { return "deploy" }
func (d *Deploy) ArgsUsage() string { return "APP [ENV]" }
func (d *Deploy) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fs.Var(plugflag.Required(plugflag.OneOf(&d.Region, "eu", "us")), "region", "where to deploy")
	return fs
}
func (d *Deploy) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintf(d.Stdout(), "deploying %v to %s\n", args, d.Region)
	return err
}

// Global flags, hooks, declared arguments and required flags: the host
// checks the command line before Main runs.
func Example_realTool() {
	for _, args := range [][]string{
		{"--verbose", "deploy", "web", "--region=eu"},
		{"deploy", "web", "prod", "extra", "--region=eu"},
		{"deploy", "web"},
		{"deploy", "web", "--region=ue"},
	} {
		h := &cli.Host{Tool: "mytool", Stdout: os.Stdout, Plugins: []plugins.Plugin{&Deploy{}, &Verbose{}}}
		if err := h.Main(context.Background(), args); err != nil {
			fmt.Println(err, cli.ExitCode(err))
		}
	}
	// Output:
	// running [deploy]
	// deploying [web] to eu
	// mytool deploy: want at most 2 arguments, got 3 (usage: mytool deploy [flags] APP [ENV]) 2
	// mytool deploy: missing required flag --region 2
	// mytool deploy: flag --region: invalid value "ue": want one of eu, us (did you mean "us"?) 2
}
