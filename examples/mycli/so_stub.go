//go:build !plughost_so

package main

import (
	"context"

	"github.com/plughost/plughost/plugins"
)

// soPlugins adds nothing: mycli built without the plughost_so tag loads
// no Go .so plugins (see so.go).
func soPlugins(context.Context, func(string) (string, bool)) []plugins.Plugin { return nil }
