//go:build unix

package pathplugins_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/pathplugins"
	"github.com/plughost/plughost/plugins"
)

// A tool opts in with one line in its main.go:
//
//	h.Plugins = append(h.Plugins, &pathplugins.Finder{Tool: "mycli",
//		LookupEnv: os.LookupEnv, Environ: os.Environ, Executable: os.Executable})
//
// Here PATH is a directory holding one script, which describes itself in
// a comment; "mycli hello" runs it.
func ExampleFinder() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	script := "#!/bin/sh\n# mycli-plugin-description: say hello\necho \"hello, $1\"\n"
	os.WriteFile(filepath.Join(dir, "mycli-hello"), []byte(script), 0o755)
	env := map[string]string{"PATH": dir}

	h := &cli.Host{Tool: "mycli", Plugins: []plugins.Plugin{
		&pathplugins.Finder{
			Tool:      "mycli",
			LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		},
	}}
	if err := h.Main(context.Background(), []string{"hello", "gopher"}); err != nil {
		fmt.Println(err)
	}
	// Output: hello, gopher
}

// A plugin that fails gives its exit status to the tool.
func ExampleExitError() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "mycli-fail"), []byte("#!/bin/sh\nexit 3\n"), 0o755)

	h := &cli.Host{Tool: "mycli", Plugins: []plugins.Plugin{
		&pathplugins.Finder{Tool: "mycli", LookupEnv: func(k string) (string, bool) { return dir, k == "PATH" }},
	}}
	err := h.Main(context.Background(), []string{"fail"})
	fmt.Println(err)
	fmt.Println(cli.ExitCode(err))
	// Output:
	// mycli fail: exit status 3
	// 3
}

// The files on PATH that would be commands, with their warnings, as
// kubectl's "plugin list" shows them.
func ExampleFinder_Scan() {
	a, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(a)
	b, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(b)
	os.WriteFile(filepath.Join(a, "mycli-x"), []byte("#!/bin/sh\n"), 0o644)
	os.WriteFile(filepath.Join(b, "mycli-x"), []byte("#!/bin/sh\n"), 0o755)

	path := a + string(os.PathListSeparator) + b
	f := &pathplugins.Finder{Tool: "mycli", LookupEnv: func(k string) (string, bool) { return path, k == "PATH" }}
	short := strings.NewReplacer(a, "A", b, "B")
	for _, e := range f.Scan() {
		fmt.Println(short.Replace(e.Path), short.Replace(strings.Join(e.Warnings, "; ")))
	}
	// Output:
	// A/mycli-x not executable (mode 0644); shadowed by B/mycli-x
	// B/mycli-x shadows A/mycli-x (not executable (mode 0644))
}
