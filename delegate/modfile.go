package delegate

import (
	"path/filepath"
	"strconv"
	"strings"
)

// modFile is what delegate reads from a go.mod or go.work file: enough to
// tell whether a project requires the tool's module and which local
// directories its build reads. It is read in-process, so that deciding
// to delegate starts no go command.
type modFile struct {
	module   string   // the module directive's path
	requires []string // the paths of required modules
	replaces []string // replacement directories, as written
	uses     []string // go.work use directories, as written
}

// parseModFile reads a go.mod or go.work file. It is lenient: a line it
// does not understand is skipped, and go build reports it when it matters.
func parseModFile(data []byte) modFile {
	var mf modFile
	block := ""
	for _, line := range strings.Split(string(data), "\n") {
		toks := modTokens(line)
		if len(toks) == 0 {
			continue
		}
		if block != "" {
			if toks[0] == ")" {
				block = ""
				continue
			}
			mf.directive(block, toks)
			continue
		}
		if len(toks) >= 2 && toks[1] == "(" {
			if len(toks) == 2 {
				block = toks[0]
			}
			continue
		}
		mf.directive(toks[0], toks[1:])
	}
	return mf
}

func (mf *modFile) directive(verb string, args []string) {
	if len(args) == 0 {
		return
	}
	switch verb {
	case "module":
		mf.module = args[0]
	case "require":
		mf.requires = append(mf.requires, args[0])
	case "use":
		mf.uses = append(mf.uses, args[0])
	case "replace":
		for i, a := range args {
			if a == "=>" && i+1 < len(args) && isDirPath(args[i+1]) {
				mf.replaces = append(mf.replaces, args[i+1])
			}
		}
	}
}

// requiresModule reports whether the file is module m or requires it.
func (mf modFile) requiresModule(m string) bool {
	if mf.module == m {
		return true
	}
	for _, r := range mf.requires {
		if r == m {
			return true
		}
	}
	return false
}

// isDirPath reports whether a replacement is a directory rather than a
// module path, by the go command's rule: it starts with ./ or ../ (or .\
// and ..\), or is absolute.
func isDirPath(p string) bool {
	return p == "." || p == ".." ||
		strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") ||
		strings.HasPrefix(p, `.\`) || strings.HasPrefix(p, `..\`) ||
		strings.HasPrefix(p, "/") || filepath.IsAbs(p)
}

// modTokens splits a line of a go.mod file into tokens: words, quoted
// strings (unquoted), "(", ")" and "=>", with comments dropped.
func modTokens(line string) []string {
	var toks []string
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case strings.HasPrefix(line[i:], "//"):
			return toks
		case c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		case strings.HasPrefix(line[i:], "=>"):
			toks = append(toks, "=>")
			i += 2
		case c == '"' || c == '`':
			j := i + 1
			for j < len(line) && line[j] != c {
				if c == '"' && line[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(line) {
				return append(toks, line[i+1:])
			}
			s := line[i+1 : j]
			if c == '"' {
				if u, err := strconv.Unquote(line[i : j+1]); err == nil {
					s = u
				}
			}
			toks = append(toks, s)
			i = j + 1
		default:
			j := i
			for j < len(line) && !strings.ContainsRune(" \t\r()\"`", rune(line[j])) &&
				!strings.HasPrefix(line[j:], "=>") && !strings.HasPrefix(line[j:], "//") {
				j++
			}
			toks = append(toks, line[i:j])
			i = j
		}
	}
	return toks
}
