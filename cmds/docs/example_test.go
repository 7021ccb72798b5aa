package docs_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/cmds/docs"
	"github.com/plughost/plughost/plugins"
)

// Hello is a command with a flag.
type Hello struct{ Who string }

func (h *Hello) Name() string        { return "hello" }
func (h *Hello) Description() string { return "say hello" }
func (h *Hello) ArgsUsage() string   { return "" }
func (h *Hello) Flags() *flag.FlagSet {
	fs := flag.NewFlagSet("hello", flag.ContinueOnError)
	fs.StringVar(&h.Who, "name", h.Who, "who to greet")
	return fs
}
func (h *Hello) Main(ctx context.Context, args []string) error { return nil }

// newHelloHost builds a tool as its main would.
func newHelloHost() *cli.Host {
	h := cli.New("mytool")
	h.About = "greet people"
	h.EnvPrefix = "MYTOOL"
	h.LookupEnv = func(key string) (string, bool) {
		// What a main passes is os.LookupEnv; here, a fixed date.
		if key == "SOURCE_DATE_EPOCH" {
			return "1704153600", true
		}
		return "", false
	}
	h.Plugins = append([]plugins.Plugin{&Hello{Who: "world"}}, h.Plugins...)
	return h
}

// Render returns the pages in memory: one for the tool and one for each
// command, the built-in help, plugins and version among them.
func ExampleRender() {
	pages, err := docs.Render(context.Background(), newHelloHost(), docs.Markdown)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pages {
		fmt.Println(p.File)
	}
	fmt.Println()
	text := string(pages[1].Text)
	fmt.Print(text[:strings.Index(text, "## Exit status")])
	// Output:
	// mytool.md
	// mytool_hello.md
	// mytool_help.md
	// mytool_plugins.md
	// mytool_version.md
	//
	// # mytool hello
	//
	// say hello
	//
	// ## Synopsis
	//
	// ```
	// mytool hello [flags]
	// ```
	//
	// ## Options
	//
	// - `--name string`: who to greet\
	//   Default: `"world"`.\
	//   Environment: `MYTOOL_NAME`.\
	//   Config file key: `name`, in section `hello`.
	// - `-h, --help`: show help
	//
}

// A build script writes the manual pages with Write, dated by the host's
// SOURCE_DATE_EPOCH.
func ExampleWrite() {
	dir, err := os.MkdirTemp("", "man1")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	if err := docs.Write(context.Background(), newHelloHost(), docs.Man, dir, docs.NoConfigKeys()); err != nil {
		fmt.Println(err)
		return
	}
	page, err := os.ReadFile(dir + "/mytool-hello.1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.Join(strings.SplitAfter(string(page), "\n")[1:8], ""))
	// Output:
	// .TH "MYTOOL\-HELLO" 1 "2024-01-02" "mytool"
	// .SH NAME
	// mytool\-hello \- say hello
	// .SH SYNOPSIS
	// \fBmytool hello\fR [flags]
	// .SH DESCRIPTION
	// say hello
}

// A tool opts into the hidden docs command by prepending it; "mytool docs
// man DIR" then writes the pages. The Date option dates them, here, in
// place of SOURCE_DATE_EPOCH.
func ExampleCmd() {
	dir, err := os.MkdirTemp("", "docs")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	h := newHelloHost()
	h.Plugins = append([]plugins.Plugin{&docs.Cmd{ConfigFiles: h.ConfigFiles}}, h.Plugins...)
	if err := h.Main(context.Background(), []string{"docs", "man", dir}); err != nil {
		fmt.Println(err)
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// mytool-hello.1
	// mytool-help.1
	// mytool-plugins.1
	// mytool-version.1
	// mytool.1
}

// Date dates the pages, in place of SOURCE_DATE_EPOCH and the build's
// time.
func ExampleDate() {
	pages, err := docs.Render(context.Background(), newHelloHost(), docs.Man,
		docs.Date(time.Date(2025, 6, 7, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Split(string(pages[0].Text), "\n")[1])
	// Output:
	// .TH "MYTOOL" 1 "2025-06-07" "mytool"
}
