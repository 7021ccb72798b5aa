package completion

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/plughost/plughost/internal/fault"
	"github.com/plughost/plughost/plugins"
)

// Cmd is the completion command: "tool completion SHELL" prints the
// completion script of SHELL (bash, zsh, fish or powershell) for the tool,
// named after its host. Its zero value works once a host has fed it.
type Cmd struct {
	// Streams are where the command prints: it writes to Stdout only.
	plugins.Streams

	host plugins.Command
}

// Name returns "completion".
func (c *Cmd) Name() string { return "completion" }

// Description describes the command for listings.
func (c *Cmd) Description() string {
	return "print the shell completion script: bash, zsh, fish or powershell"
}

// LongDescription says how to load the script in each shell.
func (c *Cmd) LongDescription() string {
	tool := "TOOL"
	if c.host != nil && plainWord(c.host.Name()) {
		tool = c.host.Name()
	}
	return strings.ReplaceAll(`Prints a script that makes the shell complete TOOL's commands, flags
and arguments by asking TOOL itself at each TAB. Load it in the current
shell, or install it for every new one:

bash (with the bash-completion package):
  source <(TOOL completion bash)
  TOOL completion bash > ~/.local/share/bash-completion/completions/TOOL

zsh (after compinit):
  source <(TOOL completion zsh)
  TOOL completion zsh > "${fpath[1]}/_TOOL"

fish:
  TOOL completion fish | source
  TOOL completion fish > ~/.config/fish/completions/TOOL.fish

powershell:
  TOOL completion powershell | Out-String | Invoke-Expression
  (add that line to $PROFILE for every session)`, "TOOL", tool)
}

// ArgsUsage returns "SHELL": the command takes the name of one shell.
func (c *Cmd) ArgsUsage() string { return "SHELL" }

// CompleteArgs offers the shells whose names start with toComplete, for
// the first argument only.
func (c *Cmd) CompleteArgs(_ context.Context, args []string, toComplete string) []string {
	if len(args) > 0 {
		return nil
	}
	var out []string
	for _, s := range shells {
		if strings.HasPrefix(s.name, toComplete) {
			out = append(out, s.name)
		}
	}
	return out
}

// WithHost remembers the host, whose Name is the tool's name the script
// completes and calls.
func (c *Cmd) WithHost(h plugins.Command) { c.host = h }

// Main prints the script of the shell args names. Anything but one known
// shell is a usage error wrapping plugins.ErrUsage (and ErrUnknownShell
// for a shell it has no script for); a host whose name cannot go in a
// script is an error wrapping ErrBadToolName, and no host one wrapping
// ErrNoHost. The host's Name is called under the fault recorder of ctx: a
// panic in it fails the command with a *cli.PluginError.
func (c *Cmd) Main(ctx context.Context, args []string) error {
	switch {
	case len(args) == 0:
		return &kindError{kinds: []error{plugins.ErrUsage}, msg: "missing shell: want " + shellList()}
	case len(args) > 1:
		return &kindError{kinds: []error{plugins.ErrUsage}, msg: fmt.Sprintf("unexpected argument %q: want one shell", args[1])}
	}
	if _, err := Script(args[0], "tool"); err != nil {
		return err // an unknown shell, before asking the host
	}
	if fault.IsNil(c.host) {
		return ErrNoHost
	}
	var tool string
	site := fault.Site{Plugin: c.host, Method: "Name"}
	err := fault.Call(fault.RecorderOf(ctx), &site, func() error {
		tool = c.host.Name()
		return nil
	})
	if err != nil {
		return fmt.Errorf("naming the tool: %w", err)
	}
	script, err := Script(args[0], tool)
	if err != nil {
		return err
	}
	_, err = io.WriteString(c.Stdout(), script)
	return err
}
