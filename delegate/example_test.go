package delegate_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/plughost/plughost/delegate"
)

// Run is the first call of a tool's main: when it hands over, main exits
// with the project binary's status; when it does not, main goes on to
// build its host. Here delegation is turned off, and the debug variable
// makes Run say so (on Stderr, os.Stdout for the example).
func ExampleRun() {
	env := []string{"MYCLI_NO_DELEGATE=1", "MYCLI_DEBUG_DELEGATE=1"}
	code, ok := delegate.Run(delegate.Options{
		Tool:    "mycli",
		Args:    []string{"mycli", "greet"},
		Getwd:   os.Getwd,
		Environ: func() []string { return env },
		Stderr:  os.Stdout,
	})
	if ok {
		os.Exit(code) // what main does; not reached here
	}
	fmt.Println("the installed mycli runs its own commands")
	// Output:
	// mycli: delegate: not delegating: delegation turned off: MYCLI_NO_DELEGATE is set
	// the installed mycli runs its own commands
}

// Find tells which project binary would serve a directory, or why none
// would, building nothing: a tool's info command may show it.
func ExampleFind() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "cmd", "mycli"), 0o755)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/project\n\nrequire github.com/plughost/plughost v1.0.0\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "cmd", "mycli", "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644)

	find := func(wd string, env ...string) {
		p, err := delegate.Find(delegate.Options{
			Tool:    "mycli",
			Getwd:   func() (string, error) { return wd, nil },
			Environ: func() []string { return env },
		})
		switch {
		case errors.Is(err, delegate.ErrDisabled):
			fmt.Println("turned off:", err)
		case err != nil:
			fmt.Println(err)
		default:
			fmt.Printf("module %s runs %s (%s)\n", p.Module, p, p.Package)
		}
	}
	find(filepath.Join(dir, "cmd"))
	find(dir, "MYCLI_NO_DELEGATE=1")
	// Output:
	// module example.com/project runs ./cmd/mycli (example.com/project/cmd/mycli)
	// turned off: delegation turned off: MYCLI_NO_DELEGATE is set
}
