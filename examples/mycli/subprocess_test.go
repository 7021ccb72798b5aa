package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestDispatchStartsNoSubprocess puts a fake go command first on PATH
// that leaves a mark when run. Dispatching, help, mistakes and the
// built-ins that need no module facts never run it; info, which asks
// gobuffalo/here, does, which shows the fake is found. It changes PATH, so
// it does not run in parallel.
func TestDispatchStartsNoSubprocess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake go command is a shell script")
	}
	dir := t.TempDir()
	mark := filepath.Join(dir, "ran")
	fake := "#!/bin/sh\necho \"$@\" >> " + mark + "\nexit 1\n"
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))

	ran := func(args ...string) string {
		os.Remove(mark)
		run(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard, func(string) (string, bool) { return "", false })
		b, _ := os.ReadFile(mark)
		return string(b)
	}
	for _, args := range [][]string{
		{"greet", "-v", "Ann"}, {"greeters", "show", "pirate"}, {"--help"}, {"help", "greet"},
		{"gret"}, {"greet", "--nope"}, {"version"}, {"plugins"}, {"plugins", "--json"},
	} {
		if got := ran(args...); got != "" {
			t.Errorf("mycli %q ran the go command: %q", args, got)
		}
	}
	if got := ran("info", "--dir", "."); got == "" {
		t.Errorf("mycli info --dir . did not run the fake go command, so the test cannot see a subprocess")
	}
}
