// Package completion gives a plughost tool shell completion for bash,
// zsh, fish and PowerShell: a completion command that prints a script for
// each shell, and the hidden __complete command the scripts call back at
// each TAB. The host (cli.Host.Complete) does the completing, through the
// same walk of the command line as a run: commands and sub-commands,
// aliases, flags of every kind, a OneOf flag's choices and what a
// plugins.ArgsCompleter or plugins.ValueCompleter offers.
//
// # Opting in
//
// A tool prepends the commands to its plugins:
//
//	h := cli.New("mytool")
//	h.Plugins = append([]plugins.Plugin{
//		&completion.Cmd{},                  // mytool completion SHELL
//		&completion.Complete{},             // mytool __complete WORDS...
//		&completion.Complete{NoDesc: true}, // mytool __completeNoDesc WORDS...
//	}, h.Plugins...)
//
// The scripts call only __complete; __completeNoDesc is cobra's name for
// the same without descriptions, for scripts and programs written for
// cobra. Both are hidden: they never show in help or in completion.
//
// # Installing the script
//
// Each user loads the script once per shell, or installs it where the
// shell finds it. "mytool help completion" says the same.
//
//	# bash, with the bash-completion package:
//	source <(mytool completion bash)
//	mytool completion bash > ~/.local/share/bash-completion/completions/mytool
//
//	# zsh, after compinit:
//	source <(mytool completion zsh)
//	mytool completion zsh > "${fpath[1]}/_mytool"
//
//	# fish:
//	mytool completion fish | source
//	mytool completion fish > ~/.config/fish/completions/mytool.fish
//
//	# PowerShell (and in $PROFILE for every session):
//	mytool completion powershell | Out-String | Invoke-Expression
//
// # The protocol
//
// The scripts speak cobra's: "mytool __complete WORDS... WORD" (WORD the
// word under the cursor, "" after a space) prints one candidate a line,
// "value" or "value<TAB>description", and last ":DIRECTIVE", a decimal of
// cobra's bits: 1 error (offer nothing), 2 no space after the candidate, 4
// no file names when there is no candidate, 8 the candidates are file
// extensions to filter file names by, 16 directory names only (in the
// directory given, if one is), 32 keep the candidates' order. cobra's
// scripts, carapace's bridges and kubectl's plugin completion read it
// unchanged. A failure prints only ":1" on stdout and one line on stderr,
// which the scripts discard.
//
// The scripts pass the typed words to the tool as arguments and never
// evaluate them, nor the candidates, which they quote for the shell. The
// tool name goes into them as it is, so Script and the completion command
// refuse a name that is not a plain word (ErrBadToolName). bash needs the
// bash-completion package for "--flag=value" and "a:b" to complete as
// one word; without it the script splits the line at white space itself.
// PowerShell leaves file extensions and directories to its own path
// completion.
package completion
