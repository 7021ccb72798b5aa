package cmds

import (
	"github.com/plughost/plughost/cmds/help"
	cmdplugins "github.com/plughost/plughost/cmds/plugins"
	"github.com/plughost/plughost/cmds/version"
	"github.com/plughost/plughost/plugins"
)

// Plugins returns the built-in commands every tool gets, help, version and
// plugins, as new zero values, in the order a host should hold them. The
// info command (cmds/info) is not among them: a tool opts into it by
// prepending &info.Cmd{}.
func Plugins() []plugins.Plugin {
	return []plugins.Plugin{
		&help.Cmd{},
		&version.Cmd{},
		&cmdplugins.Cmd{},
	}
}
