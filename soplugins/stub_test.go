//go:build !plughost_so

package soplugins_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/plughost/plughost/cli"
	"github.com/plughost/plughost/soplugins"
)

// TestEveryCallIsNotBuilt checks that, built without the tag, every call
// that can fail does, with ErrNotBuilt and its exact words.
func TestEveryCallIsNotBuilt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const msg = "soplugins: built without the plughost_so tag; rebuild with -tags plughost_so and cgo"
	l := &soplugins.Loader{}
	plugs, loadErr := l.Load(ctx, t.TempDir())
	if plugs != nil {
		t.Errorf("Load returned plugins: %v", plugs)
	}
	_, buildErr := soplugins.Build(ctx, soplugins.BuildOptions{Package: "./testdata/hello", Out: t.TempDir()})
	var out bytes.Buffer
	cmd := &soplugins.Cmd{Loader: l, Build: soplugins.BuildCmd{Out: t.TempDir()}}
	cmd.SetStdout(&out)
	cmd.Build.SetStdout(&out)
	h := cli.New("tool")
	h.Stdout, h.Stderr = &out, &out
	h.Plugins = append(h.Plugins, &soplugins.Cmd{Loader: l})
	for name, err := range map[string]error{
		"Load":                  loadErr,
		"Report().Err":          l.Report().Err,
		"Build":                 buildErr,
		"Cmd.Main":              cmd.Main(ctx, nil),
		"BuildCmd.Main":         cmd.Build.Main(ctx, []string{"./testdata/hello"}),
		"tool so-plugins":       h.Main(ctx, []string{"so-plugins"}),
		"a nil Loader's Report": (&soplugins.Cmd{}).Main(ctx, nil),
	} {
		if !errors.Is(err, soplugins.ErrNotBuilt) || !bytes.HasSuffix([]byte(fmt.Sprint(err)), []byte(msg)) {
			t.Errorf("%s: %v, want ErrNotBuilt", name, err)
		}
	}
	if out.Len() != 0 {
		t.Errorf("printed %q", out.String())
	}
	if got, want := cmd.Description(), "Go .so plugins: this build cannot load them"; got != want {
		t.Errorf("Description() = %q, want %q", got, want)
	}
}

// ExampleLoader_Load_withoutTheTag shows what a build without the
// plughost_so tag gets: an error, and no plugins.
func ExampleLoader_Load_withoutTheTag() {
	l := &soplugins.Loader{}
	_, err := l.Load(context.Background(), "plugins")
	fmt.Println(errors.Is(err, soplugins.ErrNotBuilt))
	fmt.Println(err)
	// Output:
	// true
	// soplugins: built without the plughost_so tag; rebuild with -tags plughost_so and cgo
}
