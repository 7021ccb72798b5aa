// Package usage is how the built-in commands that take no arguments
// refuse one: with an error the host reads as a usage error (exit code 2,
// the command's usage line added), and that errors.Is finds as the
// command's own ErrUnexpectedArgument too.
//
// The host refuses extra arguments itself, before Main, for a command
// whose ArgsUsage is "": NoArgs is for Main called from code, without a
// host.
package usage
