//go:build plughost_so && cgo && (linux || darwin || freebsd)

package soplugins_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/soplugins"
)

func manifestPath(so string) string { return strings.TrimSuffix(so, ".so") + ".json" }

func readManifest(so string) (*soplugins.Manifest, error) {
	data, err := os.ReadFile(manifestPath(so))
	if err != nil {
		return nil, err
	}
	var m soplugins.Manifest
	return &m, json.Unmarshal(data, &m)
}

// suffix is "_GOVERSION_GOOS_GOARCH.so" for the test binary.
func suffix() string { return strings.TrimPrefix(filepath.Base(hello.Path), "hello") }

func writeManifest(t *testing.T, so string, m *soplugins.Manifest) {
	t.Helper()
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(manifestPath(so), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// link puts a build b in dir as NAME name, a symlink to its file (which
// the process may already have loaded), with a manifest of its own: b's,
// named name, at sequence seq, then changed by edit if not nil. It
// returns the link's path.
func link(t *testing.T, dir string, b *soplugins.Built, name string, seq int64, edit func(*soplugins.Manifest)) string {
	t.Helper()
	so := filepath.Join(dir, name+suffix())
	if err := os.Symlink(b.Path, so); err != nil {
		t.Fatal(err)
	}
	m := b.Manifest
	m.Name, m.Sequence = name, seq
	if edit != nil {
		edit(&m)
	}
	writeManifest(t, so, &m)
	return so
}

// fake puts a file of hello's size, which is never opened, in dir as
// base, with hello's manifest changed by edit (if not nil, and no manifest
// if edit is nil). It returns its path.
func fake(t *testing.T, dir, base string, edit func(*soplugins.Manifest)) string {
	t.Helper()
	so := filepath.Join(dir, base)
	f, err := os.Create(so)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(hello.Manifest.Size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if edit != nil {
		m := hello.Manifest
		edit(&m)
		writeManifest(t, so, &m)
	}
	return so
}

// runHost runs a host with plugs before the built-ins, and returns what
// it printed and its error.
func runHost(ctx context.Context, plugs []plugins.Plugin, args ...string) (string, error) {
	var out bytes.Buffer
	h := cli.New("tool")
	h.Stdout, h.Stderr = &out, &out
	h.Plugins = append(append([]plugins.Plugin(nil), plugs...), h.Plugins...)
	err := h.Main(ctx, args)
	return out.String(), err
}

// load loads dirs with l, failing the test on an error.
func load(t *testing.T, l *soplugins.Loader, dirs ...string) []plugins.Plugin {
	t.Helper()
	plugs, err := l.Load(context.Background(), dirs...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return plugs
}
