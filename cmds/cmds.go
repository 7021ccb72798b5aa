package cmds

import (
	"github.com/plughost/plughost/cmds/help"
	"github.com/plughost/plughost/cmds/info"
	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/plugins"
)

// Plugins returns every built-in command as a zero value, in the order a
// host should hold them.
func Plugins() []plugins.Plugin {
	return []plugins.Plugin{
		&help.Cmd{},
		&version.Cmd{},
		&cmdplugins.Cmd{},
		&info.Cmd{},
	}
}
