package plugins

// Select returns the plugins of plugs that implement T, in their order, as
// Ts: the one way a command picks the plugins of a capability, whether an
// interface of package plugins or one of its own (the Greeters among the
// tool's plugins, the Decorators it scopes).
//
//	for _, d := range plugins.Select[Decorator](g.feeder()) { ... }
func Select[T any](plugs []Plugin) []T {
	var out []T
	for _, p := range plugs {
		if t, ok := p.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// Scope returns the plugins of plugs that implement T, in their order, as
// plugins: what a PluginScoper returns to scope the plugins of one
// capability.
//
//	func (g *Greet) ScopedPlugins() []plugins.Plugin {
//		return plugins.Scope[Decorator](g.feeder())
//	}
func Scope[T any](plugs []Plugin) []Plugin {
	var out []Plugin
	for _, p := range plugs {
		if _, ok := p.(T); ok {
			out = append(out, p)
		}
	}
	return out
}

// Plugins returns what f returns, or nil for a nil feeder, so that a
// plugin that was never fed (a zero value run from code) sees no plugins
// instead of panicking.
func (f PluginFeeder) Plugins() []Plugin {
	if f == nil {
		return nil
	}
	return f()
}
