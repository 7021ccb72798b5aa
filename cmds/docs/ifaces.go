package docs

import (
	"context"

	"github.com/plughost/plughost/plugins"
	"github.com/plughost/plughost/plugins/plugprint"
)

// The interfaces the docs command listens for, each checked on its own.
type (
	// HostNeeder gives the command its host, which it asks for the help
	// of every command path: it must be a HelpSource, and may be an
	// Enver. Without one, or with a host that is not a HelpSource, Main
	// fails with ErrNoHost.
	HostNeeder = plugins.HostNeeder
	// Hider is what the command is: "tool help" does not list it, and it
	// runs when named. It leaves every hidden command out of the pages
	// it writes, as help does.
	Hider = plugins.Hider
)

// HelpSource is what the pages are rendered from: the help model of a
// command path. Render and Write call HelpOf once per page, one call at a
// time, first with an empty path for the tool's own page and then with
// the path of each command its help lists, depth first, to any depth (up
// to MaxDepth); a command the model leaves out (a hidden one) gets no
// page. path holds the command names without the tool's name, and the
// Help returned has the tool's name first in its Path. The host in
// package cli is a HelpSource: Host.HelpOf is the model its help prints.
type HelpSource interface {
	HelpOf(ctx context.Context, path []string) (plugprint.Help, error)
}

// Enver is a HelpSource that reads the environment the tool's main handed
// it. Render calls Env once, with "SOURCE_DATE_EPOCH", to date manual
// pages reproducibly, unless a Date option gives the date; a source that
// is not an Enver dates them from the build instead. The host in package
// cli is an Enver: Host.Env reads its LookupEnv.
type Enver interface {
	Env(key string) (string, bool)
}
