package clitest_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/clitest"
	"github.com/plughost/plughost/config"
	"github.com/plughost/plughost/plugins"
)

// inTest runs body as a test function would, with a testing.TB that
// prints failures, since an Example has no t of its own. In a test, use
// the test's t.
func inTest(body func(t testing.TB)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		body(exampleT{})
	}()
	<-done
}

type exampleT struct{ testing.TB }

func (exampleT) Helper()                           {}
func (exampleT) Errorf(format string, args ...any) { fmt.Printf("FAIL: "+format+"\n", args...) }
func (exampleT) Fatalf(format string, args ...any) {
	fmt.Printf("FAIL: "+format+"\n", args...)
	runtime.Goexit() // ends inTest's body, as t.Fatalf ends a test
}

// Hello is a command of the tool the examples test.
type Hello struct {
	plugins.Streams
	Who string // --name
}

func (h *Hello) Name() string { return "hello" }
func (h *Hello) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet(h.Name(), flag.ContinueOnError)
	fs.StringVar(&h.Who, "name", h.Who, "who to greet")
	return fs
}
func (h *Hello) Main(ctx context.Context, args []string) error {
	_, err := fmt.Fprintf(h.Stdout(), "Hello, %s!\n", h.Who)
	return err
}

// newHost is the tool's own constructor, as its main.go has it.
func newHost() *cli.Host {
	h := cli.New("mytool")
	h.EnvPrefix = "MYTOOL"
	h.ConfigFiles = []string{"mytool.conf"}
	h.Plugins = append([]plugins.Plugin{&Hello{Who: "world"}, config.Plain{}}, h.Plugins...)
	return h
}

func ExampleRun() {
	inTest(func(t testing.TB) {
		got := clitest.Run(t, newHost, []string{"hello", "--name", "gopher"})
		fmt.Printf("exit %d, stdout %q\n", got.Code, got.Stdout)

		got = clitest.Run(t, newHost, []string{"helo"})
		fmt.Printf("exit %d, stderr %q\n", got.Code, got.Stderr)
		fmt.Println(errors.Is(got.Err, cli.ErrUnknownCommand))
	})
	// Output:
	// exit 0, stdout "Hello, gopher!\n"
	// exit 2, stderr "mytool: unknown command \"helo\" (did you mean \"hello\" or \"help\"?)\n"
	// true
}

func ExampleSources() {
	inTest(func(t testing.TB) {
		got := clitest.Run(t, newHost, []string{"hello"},
			clitest.Env(map[string]string{"MYTOOL_NAME": "Ann"}),
			clitest.Files(map[string]string{"mytool.conf": "[hello]\nname = Bo\n"}),
			clitest.Sources("name"))
		fmt.Print(got.Stdout)
		fmt.Println(got.Sources["name"])

		got = clitest.Run(t, newHost, []string{"hello"},
			clitest.Files(map[string]string{"mytool.conf": "[hello]\nname = Bo\n"}),
			clitest.Sources("name"))
		fmt.Print(got.Stdout)
		fmt.Println(got.Sources["name"])
	})
	// Output:
	// Hello, Ann!
	// env MYTOOL_NAME
	// Hello, Bo!
	// file mytool.conf:2
}

func ExampleCommand() {
	inTest(func(t testing.TB) {
		newHost := func() *cli.Host {
			hi := clitest.Command("hi", nil)
			hi.MainFunc = func(ctx context.Context, args []string) error {
				_, err := fmt.Fprintln(hi.Stdout(), "hi", strings.Join(args, " and "))
				return err
			}
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
				hi,
				clitest.Command("fail", func(context.Context, []string) error { return errors.New("it failed") }),
			}}
		}
		fmt.Print(clitest.Run(t, newHost, []string{"hi", "Ann", "Bo"}).Stdout)
		fmt.Print(clitest.Run(t, newHost, []string{"fail"}).Stderr)
	})
	// Output:
	// hi Ann and Bo
	// tool fail: it failed
}

func ExampleFlags() {
	inTest(func(t testing.TB) {
		var region string
		newHost := func() *cli.Host {
			aws := clitest.Flags("aws", func(fs *flag.FlagSet) {
				fs.StringVar(&region, "region", region, "the AWS region")
			})
			deploy := clitest.Command("deploy", nil)
			deploy.Scope = clitest.Scope{aws} // aws lends deploy --aws-region
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{deploy}}
		}
		clitest.Run(t, newHost, []string{"deploy", "--aws-region=eu-west-1"})
		fmt.Println(region)
	})
	// Output: eu-west-1
}

func ExampleGlobalFlags() {
	inTest(func(t testing.TB) {
		var debug bool
		newHost := func() *cli.Host {
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{
				clitest.Command("build", nil),
				clitest.GlobalFlags("debug", func(fs *flag.FlagSet) { fs.BoolVar(&debug, "debug", debug, "say more") }),
			}}
		}
		clitest.Run(t, newHost, []string{"build", "--debug"})
		fmt.Println(debug)
	})
	// Output: true
}

func ExampleHooks() {
	inTest(func(t testing.TB) {
		newHost := func() *cli.Host {
			log := clitest.Hooks("log",
				func(ctx context.Context, path, args []string) error {
					fmt.Println("before", path, args)
					return nil
				},
				func(ctx context.Context, path, args []string, err error) error {
					fmt.Println("after", path, err)
					return nil
				})
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{clitest.Command("build", nil), log}}
		}
		clitest.Run(t, newHost, []string{"build", "web"})
	})
	// Output:
	// before [build] [build web]
	// after [build] <nil>
}

// A command with sub-commands, one of which takes one argument: Cmd
// embedded with the adapters whose presence changes how the host runs a
// command.
func ExampleCmd() {
	inTest(func(t testing.TB) {
		newHost := func() *cli.Host {
			show := &struct {
				*clitest.Cmd
				clitest.Args
			}{clitest.Command("show", nil), "NAME"}
			show.MainFunc = func(ctx context.Context, args []string) error {
				_, err := fmt.Fprintln(show.Stdout(), "showing", args[0])
				return err
			}
			db := &struct {
				*clitest.Cmd
				clitest.Subs
			}{clitest.Command("db", nil), clitest.Subs{show}}
			db.Short = "work with the database"
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{db}}
		}
		fmt.Print(clitest.Run(t, newHost, []string{"db", "show", "users"}).Stdout)
		fmt.Print(clitest.Run(t, newHost, []string{"db", "show"}).Stderr)
	})
	// Output:
	// showing users
	// tool db show: want 1 argument, got 0 (usage: tool db show [flags] NAME)
}

func ExampleStdin() {
	inTest(func(t testing.TB) {
		newHost := func() *cli.Host {
			upper := clitest.Command("upper", nil)
			upper.MainFunc = func(ctx context.Context, args []string) error {
				in, err := io.ReadAll(upper.Stdin())
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(upper.Stdout(), strings.ToUpper(string(in)))
				return err
			}
			return &cli.Host{Tool: "tool", Plugins: []plugins.Plugin{upper}}
		}
		fmt.Print(clitest.Run(t, newHost, []string{"upper"}, clitest.Stdin("shout\n")).Stdout)
	})
	// Output: SHOUT
}

// A cancelled context is how a test sees what the tool does when
// interrupted.
func ExampleContext() {
	inTest(func(t testing.TB) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		got := clitest.Run(t, newHost, []string{"hello"}, clitest.Context(ctx))
		fmt.Println(got.Code, errors.Is(got.Err, context.Canceled))
	})
	// Output: 130 true
}

func ExampleComplete() {
	inTest(func(t testing.TB) {
		got := clitest.Complete(t, newHost, "hello", "--n")
		fmt.Println(got.Values())
	})
	// Output: [--name]
}

func ExampleConform() {
	inTest(func(t testing.TB) {
		clitest.Conform(t, func() plugins.Plugin { return &Hello{Who: "world"} })
	})
	// Output:
}

// A test compares long output, such as help, with a file under testdata/
// that go test -update rewrites.
func ExampleGolden() {
	inTest(func(t testing.TB) {
		got := clitest.Run(t, newHost, []string{"hello", "--help"})
		clitest.Golden(t, "hello-help.golden", got.Stdout)
	})
}
