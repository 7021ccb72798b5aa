package completion

import (
	"embed"
	"fmt"
	"strings"

	"github.com/plughost/plughost/plugins"
)

//go:embed scripts
var scripts embed.FS

// shells are the shells Script writes for, in the order help and errors
// list them, with the file of each script. It is an array, so that no
// code can change what another host sees.
var shells = [...]struct{ name, file string }{
	{"bash", "scripts/bash.sh"},
	{"zsh", "scripts/zsh.zsh"},
	{"fish", "scripts/fish.fish"},
	{"powershell", "scripts/powershell.ps1"},
}

// shellList is "bash, zsh, fish or powershell".
func shellList() string {
	names := make([]string, len(shells))
	for i, s := range shells {
		names[i] = s.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Script returns the completion script of shell ("bash", "zsh", "fish" or
// "powershell") for the tool named tool: the script that, loaded in that
// shell, completes the tool's command lines by calling
// "tool __complete WORDS...". The tool name goes into the script as it
// is, so it must be a plain word: letters, digits and "_", then those and
// "-", "." and "+"; any other is refused with an error wrapping
// ErrBadToolName. An unknown shell is an error wrapping ErrUnknownShell
// and plugins.ErrUsage.
func Script(shell, tool string) (string, error) {
	file := ""
	for _, s := range shells {
		if s.name == shell {
			file = s.file
		}
	}
	if file == "" {
		return "", &kindError{kinds: []error{plugins.ErrUsage, ErrUnknownShell}, msg: fmt.Sprintf("%s %q: want %s", ErrUnknownShell, shell, shellList())}
	}
	if !plainWord(tool) {
		return "", &kindError{kinds: []error{ErrBadToolName}, msg: fmt.Sprintf("tool name %q cannot go in a completion script: want a plain word of letters, digits, \"_\", \"-\", \".\" and \"+\"", tool)}
	}
	text, err := scripts.ReadFile(file)
	if err != nil {
		return "", err // cannot happen: the files are embedded
	}
	return strings.NewReplacer("@TOOL@", tool, "@FUNC@", identifier(tool)).Replace(string(text)), nil
}

// plainWord reports whether a tool name can go in every script as it is:
// not empty, of ASCII letters, digits, "_", "-", "." and "+", not starting
// with "-", "." or "+" (which a shell's complete command would read as an
// option, or a path).
func plainWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_':
		case (c == '-' || c == '.' || c == '+') && i > 0:
		default:
			return false
		}
	}
	return true
}

// identifier is the tool's name as part of a shell function's name: every
// byte but letters, digits and "_" becomes "_".
func identifier(tool string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' {
			return r
		}
		return '_'
	}, tool)
}
