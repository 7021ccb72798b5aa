package info_test

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/gobuffalo/here"
	"github.com/plughost/plughost/cmds/info"
)

// Without --dir, info describes the tool itself, from its build info.
func Example() {
	c := &info.Cmd{
		// BuildInfo and Executable are injected so the output is the same
		// on every machine; a tool leaves them nil.
		BuildInfo: func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{
				Path: "example.com/mycli/cmd/mycli",
				Main: debug.Module{Path: "example.com/mycli", Version: "v1.2.3"},
			}, true
		},
		Executable: func() (string, error) { return "/usr/local/bin/mycli", nil },
	}
	r, err := report(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Executable)
	fmt.Println(r.Package)
	fmt.Println(r.Module, r.ModuleVersion)
	// Output:
	// /usr/local/bin/mycli
	// example.com/mycli/cmd/mycli
	// example.com/mycli v1.2.3
}

// With --dir, info describes the module of a directory, which it finds
// with gobuffalo/here.
func Example_dir() {
	c := &info.Cmd{
		Dir: os.TempDir(),
		// Here and Executable are injected so the output is the same on
		// every machine; a tool leaves them nil.
		Here: func(dir string) (here.Info, error) {
			return here.Info{Dir: "/src/mycli", Module: here.Module{
				Path: "example.com/mycli", Dir: "/src/mycli", GoMod: "/src/mycli/go.mod", GoVersion: "1.24",
			}}, nil
		},
		Executable: func() (string, error) { return "/usr/local/bin/mycli", nil },
	}
	r, err := report(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Dir)
	fmt.Println(r.Module, r.GoMod, r.GoDirective)
	// Output:
	// /src/mycli
	// example.com/mycli /src/mycli/go.mod 1.24
}
