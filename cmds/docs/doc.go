// Package docs renders a plughost tool's documentation from its help: a
// manual page, or a Markdown page, for the tool and for every command and
// sub-command, hidden ones left out. A page says what help says (usage,
// description, sub-commands, examples, aliases, and every flag with its
// type, default, choices, environment variable and config file key), and
// the exit codes every plughost tool shares.
//
// A build script renders the pages with Write, from the host the tool's
// main builds:
//
//	h := newHost() // the tool's *cli.Host
//	err := docs.Write(ctx, h, docs.Man, "share/man/man1")
//
// A tool can instead ship a hidden command that does it, Cmd, which is
// not among cmds.Plugins; prepend it to opt in:
//
//	h.Plugins = append([]plugins.Plugin{&docs.Cmd{ConfigFiles: h.ConfigFiles}}, h.Plugins...)
//
// and run "tool docs man DIR" or "tool docs markdown DIR".
//
// Pages are rendered from a HelpSource: the host in package cli is one,
// and any other is, such as a fake in a test. Manual pages are roff with
// the man(7) macros, section 1, named tool.1, tool-deploy.1 and so on;
// their NAME lines are what whatis and mandb read ("tool-deploy \- ship
// the app"), and they are dated by SOURCE_DATE_EPOCH, read through the
// source when it is an Enver (this package reads no environment itself),
// else by the build's version control time, else not at all, so that two
// renders are the same bytes. Markdown pages are named tool.md,
// tool_deploy.md and so on, and each links to its parent's page and its
// sub-commands'.
//
// Whatever a plugin wrote is escaped: in a manual page no text starts a
// line with "." or "'" or holds a backslash escape, and every byte outside
// ASCII is a \[uXXXX] escape; in a Markdown page no text makes HTML, a
// link, an image, emphasis or a heading (a renderer may still make a link
// of an e-mail address, showing that address). Control bytes, escape
// sequences and invalid UTF-8 are shown as plugprint.Line shows them.
package docs
