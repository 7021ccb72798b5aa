// Package fault is what the host (package cli) and its built-in commands
// (package cmds) share to call plugin code safely: one error type for a
// plugin at fault, one set of sentinels, one containment for panics,
// panic(nil) and runtime.Goexit, and bounded walks of error chains, so that
// an error whose Unwrap chain is a cycle cannot hang the host.
//
// Package cli re-exports what a tool's author needs: cli.PluginError,
// cli.ErrPanic, cli.ErrGoexit and cli.ErrBadPlugin are these.
package fault
