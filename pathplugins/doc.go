// Package pathplugins runs executables on PATH as commands of a plughost
// tool, as kubectl, git and gh do: with mycli-deploy on PATH, "mycli
// deploy prod" runs it with "prod", behind the same plugins.Plugin as any
// compiled-in command, so help, completion and errors treat it alike.
//
// # Opting in
//
// A tool adds a Finder to its host's plugins, handing it what it may read
// of the process (the library reads no environment of its own):
//
//	h.Plugins = append(h.Plugins, &pathplugins.Finder{Tool: "mycli",
//		LookupEnv: os.LookupEnv, Environ: os.Environ, Executable: os.Executable})
//
// The Finder is a plugins.CommandFinder. The host asks it only when none
// of its own commands answers to a command line's first word, so
// compiled-in commands always win, and a run of one looks at nothing on
// PATH; and it asks it for a list only when it lists commands (help,
// completion). A compiled-in command of the same name hides a plugin in
// the listing too.
//
// # Names
//
// "mycli foo bar baz" runs mycli-foo-bar with "baz" if there is one, else
// mycli-foo with "bar baz": the longest run of leading words that names an
// executable wins, kubectl's rule. A dash in a word is an underscore in
// the file name, so "mycli foo-bar" runs mycli-foo_bar. When only longer
// names start with a word (mycli-foo-bar and no mycli-foo), "foo" is a
// Group listing them, so that help and completion show what typing runs.
//
// # Safety
//
//   - PATH's relative entries ("", ".", "bin") are never searched: a
//     plugin found only there is refused (ErrRelativePath), never run.
//     The Finder does its own search, so GODEBUG=execerrdot=0 changes
//     nothing, unlike exec.LookPath, which kubectl accepts ErrDot from.
//   - A word holding a path separator, ":", "_", white space or a control
//     byte, or that is "." or "..", or starts with "-", is not looked up
//     at all: "mycli ../x" names nothing.
//   - The tool's own executable (Executable, links resolved, or the same
//     file) is skipped: a link to it named mycli-x would run itself. (A
//     copy is another program; the depth counter stops that one.)
//   - A directory on PATH any user may write to, or that another user
//     (not root) owns, and such a file, are warned about: in listings,
//     and on the plugin's stderr before it runs unless QuietWarnings. They
//     are not refused, since some file systems report every mode as 0777.
//   - Each plugin runs with PREFIX_PLUGIN_DEPTH one higher than the
//     tool's; at MaxDepth (5) a plugin refuses to start (ErrTooDeep), so a
//     plugin that runs the tool that runs it stops.
//   - Nothing is run to find, list or describe a plugin: only file names,
//     modes and, for descriptions, the files' bytes are read.
//
// # Running
//
// A found command passes its arguments through as typed (flags, -h and
// --help included), gives the plugin the run's stdin, stdout and stderr,
// and the environment Environ returns plus PREFIX_EXECUTABLE (the tool's
// executable, as kubectl's KUBECTL_PATH) and PREFIX_PLUGIN_DEPTH; PREFIX
// is the tool's name in upper case unless EnvPrefix says otherwise. When
// the run's context is done, as cli.Run does it on the first SIGINT or
// SIGTERM, the plugin gets SIGINT and the host waits for it to exit, at
// most Grace (5 s) before it kills it. At a terminal, a Ctrl-C also
// reaches the plugin itself, as it is in the terminal's process group,
// so a plugin sees SIGINT twice; plugins that treat a second SIGINT as
// "stop now" should ignore one that comes within a moment of the first.
//
// A plugin that fails makes Main return an *ExitError whose ExitCode is
// the plugin's exit status, or 128 plus the signal's number when a signal
// killed it; cli.ExitCode reads it, so the tool exits as the plugin did.
// Its text is one line that adds nothing to what the plugin printed:
// "mycli deploy: exit status 3".
//
// # Describing and completing a plugin
//
// Both are opt-in, and declared in the plugin's own file, which the
// Finder reads but never runs. A line holding
//
//	mycli-plugin-description: deploy the app
//
// gives the description help shows. A script puts it in a comment in its
// first 4 KiB; a program embeds it in a string it uses, ending in a
// newline (Go strings have no terminator), since a binary is read whole.
// What the Finder read is kept for the file's path, size and modification
// time, for the Finder's life.
//
// A plugin's arguments complete at TAB only if it opted in, in either of
// two ways. With kubectl's convention, an executable mycli_complete-NAME
// on PATH (mycli_complete-foo-bar for mycli-foo-bar) is run with the
// arguments typed and the word being completed, and prints candidates,
// one a line, "value" or "value\tdescription", optionally ending with a
// ":N" line of cobra's directive bits. Or a program built with cobra
// declares
//
//	mycli-plugin-completion: cobra
//
// and the Finder runs it as "mycli-foo __complete ARGS... WORD". A plugin
// that declared neither is never run to complete, and the shell completes
// file names.
//
// # Listing
//
// ListCommands gives the host one row a name, under Heading ("Commands on
// PATH"): the first file of the name on PATH that runs, whose description
// holds its self-description, path and warnings (the files it shadows,
// not executable, a directory anyone may write to). Finder.Scan reports
// every file, shadowed ones included, as kubectl's "plugin list" does.
package pathplugins
