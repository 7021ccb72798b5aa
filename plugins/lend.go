package plugins

import "flag"

// Lend returns a plugin that lends, in p's name, the flags build declares:
// what a command returns from its ScopedPlugins to take from p only the
// flags it wants, so that one plugin can lend different flags to different
// commands (a webpack plugin lending --webpack-environment to build, and
// others to deploy). The lent flags land in the fields build binds them
// to, p's own. build is called once per run, like any Flagger's Flags.
//
//	func (b *Build) ScopedPlugins() []plugins.Plugin {
//		var scope []plugins.Plugin
//		for _, p := range plugins.Select[BuildFlagger](b.feeder.Plugins()) {
//			scope = append(scope, plugins.Lend(p, p.BuildFlags))
//		}
//		return scope
//	}
func Lend(p Plugin, build func() *flag.FlagSet) Plugin {
	return &lender{p: p, build: build}
}

type lender struct {
	p     Plugin
	build func() *flag.FlagSet
}

// Name is the lending plugin's name, which prefixes the lent flags.
func (l *lender) Name() string { return l.p.Name() }

// Flags returns what build declares.
func (l *lender) Flags() *flag.FlagSet { return l.build() }
