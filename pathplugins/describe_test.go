//go:build unix

package pathplugins_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plughost/plughost/plugins"
)

func TestSelfDescriptionReadWithoutRunning(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{
		"mycli-script":    "#!/bin/sh\n# mycli-plugin-description: a script plugin  \necho hi\n",
		"mycli-described": "described",
		"mycli-plain":     "fixture",
		"mycli-late":      "#!/bin/sh\n" + strings.Repeat("#\n", 4096) + "# mycli-plugin-description: too far down\n",
		"mycli-other":     "#!/bin/sh\n# othertool-plugin-description: not ours\n",
		"mycli-long":      "#!/bin/sh\n# mycli-plugin-description: " + strings.Repeat("é", 150) + "\n",
		"mycli-hostile":   "#!/bin/sh\n# mycli-plugin-description: \x1b]52;c;cHduZWQ=\x07 $(touch pwned)\r\n",
	})
	// A binary whose declaration lies past its first MiB, across a read.
	bin := append([]byte("\x7fELF\x00"), bytes.Repeat([]byte{0}, 1<<20-20)...)
	bin = append(bin, "mycli-plugin-description: deep in a binary\x00rest"...)
	bin = append(bin, bytes.Repeat([]byte{1}, 3<<20)...)
	if err := os.WriteFile(filepath.Join(dir, "mycli-binary"), bin, 0o755); err != nil {
		t.Fatal(err)
	}
	f := newFinder(dir)
	got := map[string]string{}
	for _, p := range f.ListCommands() {
		got[p.(plugins.NamedCommand).CmdName()] = p.(plugins.Describer).Description()
	}
	want := map[string]string{
		"script":    "a script plugin (" + dir + "/mycli-script)",
		"described": "described in Go (" + dir + "/mycli-described)",
		"plain":     dir + "/mycli-plain",
		"late":      dir + "/mycli-late",
		"other":     dir + "/mycli-other",
		"long":      strings.Repeat("é", 100) + " (" + dir + "/mycli-long)",
		"hostile":   "\x1b]52;c;cHduZWQ=\x07 $(touch pwned) (" + dir + "/mycli-hostile)", // the host escapes it
		"binary":    "deep in a binary (" + dir + "/mycli-binary)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("descriptions (-want +got):\n%s", diff)
	}
	if ran := ranAny(t, dir); len(ran) > 0 {
		t.Errorf("describing ran %q", ran)
	}

	// The Finder keeps what it read until the file changes.
	script := filepath.Join(dir, "mycli-script")
	if err := os.WriteFile(script, []byte("#!/bin/sh\n# mycli-plugin-description: changed\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(script, later, later); err != nil {
		t.Fatal(err)
	}
	if got := find(t, f, "script").Description(); got != "changed ("+script+")" {
		t.Errorf("after a change: %q", got)
	}
}

func TestLongDescription(t *testing.T) {
	t.Parallel()
	dir := pathDir(t, map[string]string{"mycli-x": "fixture"})
	got := find(t, newFinder(dir), "x").LongDescription()
	want := "Runs " + dir + "/mycli-x, an executable on PATH, with the arguments as typed; MYCLI_EXECUTABLE and MYCLI_PLUGIN_DEPTH in its environment name the tool and count the plugins running inside one another."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
