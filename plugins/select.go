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

// Pick returns the plugin of plugs that implements T and whose name ends
// in name (the part of its Name after the last "/", as a command's name
// is), the first of that name: the implementation a flag such as
// --greeter=pirate picks. It returns false when none does; there is no
// fallback.
func Pick[T any](plugs []Plugin, name string) (T, bool) {
	for _, p := range plugs {
		if t, ok := p.(T); ok && baseName(p.Name()) == name {
			return t, true
		}
	}
	var zero T
	return zero, false
}

// Picks returns the names Pick answers to among plugs for T, in order,
// each once: the choices of a flag that picks an implementation, which
// refuses any other name wherever it comes from, and lists them in help,
// errors and completion:
//
//	fs.Var(plugflag.OneOf(&g.Greeter, plugins.Picks[Greeter](g.feeder.Plugins())...), "greeter", "which greeter")
func Picks[T any](plugs []Plugin) []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range plugs {
		if _, ok := p.(T); !ok {
			continue
		}
		if n := baseName(p.Name()); n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return names
}

// baseName is the part of a plugin's name after the last "/".
func baseName(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' {
			return name[i+1:]
		}
	}
	return name
}
