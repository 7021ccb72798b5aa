//go:build plughost_so

package main

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/soplugins"
)

// soLoader is the process's one Loader: the Go runtime cannot open a
// .so that failed a second time, and the Loader remembers which did.
var soLoader = &soplugins.Loader{}

// soPlugins loads the Go .so plugins of the directories MYCLI_SO_PATH
// lists, and adds "mycli so-plugins", whose build writes into the first;
// with the variable unset, it adds nothing.
func soPlugins(ctx context.Context, lookupEnv func(string) (string, bool)) []plugins.Plugin {
	list, _ := lookupEnv("MYCLI_SO_PATH")
	dirs := filepath.SplitList(list)
	if len(dirs) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	plugs, _ := soLoader.Load(ctx, dirs...) // failures: in the report, and as placeholder commands
	return append(plugs, &soplugins.Cmd{Loader: soLoader,
		Build: soplugins.BuildCmd{Out: dirs[0], Environ: os.Environ}})
}
