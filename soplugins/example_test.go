//go:build plughost_so && cgo && (linux || darwin || freebsd)

package soplugins_test

import (
	"context"
	"fmt"
	"os"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/soplugins"
)

// A tool loads the .so plugins of its plugin directories and prepends
// them to its host's plugins, like any others. pluginDir holds
// hello_GOVERSION_GOOS_GOARCH.so and its manifest, built by Build.
func ExampleLoader_Load() {
	ctx := context.Background()
	loader := &soplugins.Loader{} // one for the process
	plugs, err := loader.Load(ctx, pluginDir)
	if err != nil {
		fmt.Println(err) // ErrNotBuilt, without the plughost_so tag
	}

	h := cli.New("mytool")
	h.Plugins = append(plugs, h.Plugins...)
	h.Stdout = os.Stdout
	if err := h.Main(ctx, []string{"hello", "--name", "gopher"}); err != nil {
		fmt.Println(err)
	}
	// Output: Hello, gopher! (from a Go plugin)
}

// Build builds a plugin's main package as a .so for the running tool,
// with its build settings, and writes the manifest beside it.
func ExampleBuild() {
	out, err := os.MkdirTemp("", "plugins")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(out)

	built, err := soplugins.Build(context.Background(), soplugins.BuildOptions{
		Package: "./testdata/hello", // a main package exporting Plugins
		Out:     out,                // the tool's plugin directory
		Env:     os.Environ(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// built.Path is OUT/hello_GOVERSION_GOOS_GOARCH.so.
	fmt.Println(built.Manifest.Name, built.Manifest.Package)
	// Output: hello github.com/plughost/plughost/soplugins/testdata/hello
}

// A tool that opts into the so-plugins command lets its users see what
// was loaded, skipped and failed, and build a .so for it: "mytool
// so-plugins build --out DIR PACKAGE".
func ExampleCmd() {
	ctx := context.Background()
	loader := &soplugins.Loader{}
	plugs, _ := loader.Load(ctx, pluginDir)

	cmd := &soplugins.Cmd{
		Loader: loader,
		Build:  soplugins.BuildCmd{Out: pluginDir, Environ: os.Environ},
	}
	h := cli.New("mytool")
	h.Plugins = append(append(plugs, cmd), h.Plugins...)

	// "mytool plugins" and "mytool help" show its description.
	fmt.Println(cmd.Description())
	// Output: Go .so plugins: 1 loaded (hello), 0 skipped, 0 failed
}
