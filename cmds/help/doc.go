// Package help is the built-in help command: "tool help" shows the tool's
// help and "tool help CMD [SUB...]" a command's. The host also routes -h
// and --help through whichever plugin answers to "help", so prepending a
// plugin of that name replaces the help of the whole tool.
//
// The command prints through its host: the host knows every command's
// flags, lent flags included, as it builds them for a run.
package help
