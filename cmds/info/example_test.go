package info_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/gobuffalo/here"
	"github.com/plughost/plughost/cmds/info"
)

func Example() {
	var out bytes.Buffer
	c := &info.Cmd{
		JSON: true,
		// Here and Executable are injected so the output is the same on
		// every machine; a tool leaves them nil.
		Here: func(dir string) (here.Info, error) {
			return here.Info{Dir: "/src/mycli", Module: here.Module{
				Path: "example.com/mycli", Dir: "/src/mycli", GoMod: "/src/mycli/go.mod", GoVersion: "1.24",
			}}, nil
		},
		Executable: func() (string, error) { return "/usr/local/bin/mycli", nil },
	}
	c.SetStdout(&out)
	if err := c.Main(context.Background(), nil); err != nil {
		fmt.Println(err)
		return
	}
	var r info.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Executable)
	fmt.Println(r.Module, r.GoMod, r.GoDirective)
	// Output:
	// /usr/local/bin/mycli
	// example.com/mycli /src/mycli/go.mod 1.24
}
