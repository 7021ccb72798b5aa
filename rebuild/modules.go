package rebuild

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/plughost/plughost/plugins"
)

// hostModule is plughost's own module path: the version a tool is built
// with, which a plugin module must not require a newer one of.
const hostModule = "github.com/plughost/plughost"

// zeroVersion is the version go gives a module that is replaced by a
// directory and required at no version of its own.
const zeroVersion = "v0.0.0-00010101000000-000000000000"

// spec is one MODULE[@VERSION][=DIR] argument.
type spec struct {
	path    string // the module path
	version string // as given; empty for none
	dir     string // a replacement directory; empty for none
}

// parseSpec reads arg, MODULE[@VERSION][=DIR]. withDir says whether a
// replacement directory is allowed.
func parseSpec(arg string, withDir bool) (spec, error) {
	var s spec
	rest := arg
	if i := strings.Index(rest, "="); i >= 0 {
		if !withDir {
			return s, usagef("%q: want MODULE[@VERSION]", arg)
		}
		rest, s.dir = rest[:i], rest[i+1:]
		if s.dir == "" {
			return s, usagef("%q: want a directory after =", arg)
		}
	}
	s.path = rest
	if i := strings.Index(rest, "@"); i >= 0 {
		s.path, s.version = rest[:i], rest[i+1:]
		if s.version == "" || strings.ContainsAny(s.version, " \t\n\"'`\\@") {
			return s, usagef("%q: want a version after @", arg)
		}
		if s.version == "none" {
			return s, usagef("%q: to remove a plugin, use remove", arg)
		}
	}
	if err := checkPath(s.path); err != nil {
		return s, usagef("%q: %v", arg, err)
	}
	return s, nil
}

// usagef returns an error of kinds ErrBadModule and plugins.ErrUsage.
func usagef(format string, args ...any) error {
	return &kindError{kinds: []error{ErrBadModule, plugins.ErrUsage}, msg: fmt.Sprintf(format, args...)}
}

// checkPath reports whether p can be a module or package import path
// that a generated file may quote: a path of non-empty elements of ASCII
// letters, digits and "-._~+", not starting with "-" or ".". The go
// command checks the rest.
func checkPath(p string) error {
	if p == "" {
		return errorf(ErrBadModule, "empty module path")
	}
	for _, elem := range strings.Split(p, "/") {
		if elem == "" || elem[0] == '-' || elem[0] == '.' {
			return errorf(ErrBadModule, "%q is not a module path", p)
		}
		for _, r := range elem {
			switch {
			case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			case strings.ContainsRune("-._~+", r):
			default:
				return errorf(ErrBadModule, "%q is not a module path", p)
			}
		}
	}
	return nil
}

// compareVersions compares two semantic versions (v1.2.3, v1.2.3-pre,
// pseudo-versions), as the go command orders them: -1, 0 or +1. A version
// that does not parse sorts before every one that does.
func compareVersions(a, b string) int {
	pa, oka := parseVersion(a)
	pb, okb := parseVersion(b)
	switch {
	case !oka && !okb:
		return strings.Compare(a, b)
	case !oka:
		return -1
	case !okb:
		return 1
	}
	for i := range 3 {
		if c := compareNumbers(pa.nums[i], pb.nums[i]); c != 0 {
			return c
		}
	}
	switch {
	case pa.pre == "" && pb.pre == "":
		return 0
	case pa.pre == "":
		return 1
	case pb.pre == "":
		return -1
	}
	as, bs := strings.Split(pa.pre, "."), strings.Split(pb.pre, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		an, bn := isNumber(as[i]), isNumber(bs[i])
		var c int
		switch {
		case an && bn:
			c = compareNumbers(as[i], bs[i])
		case an:
			c = -1
		case bn:
			c = 1
		default:
			c = strings.Compare(as[i], bs[i])
		}
		if c != 0 {
			return c
		}
	}
	return compareNumbers(strconv.Itoa(len(as)), strconv.Itoa(len(bs)))
}

// version is a parsed semantic version.
type version struct {
	nums [3]string // major, minor, patch, without leading zeros
	pre  string    // the pre-release part, without "-"
}

// parseVersion parses vMAJOR[.MINOR[.PATCH]][-PRE][+BUILD].
func parseVersion(v string) (version, bool) {
	var p version
	rest, ok := strings.CutPrefix(v, "v")
	if !ok {
		return p, false
	}
	rest, _, _ = strings.Cut(rest, "+")
	rest, p.pre, _ = strings.Cut(rest, "-")
	parts := strings.Split(rest, ".")
	if len(parts) > 3 {
		return p, false
	}
	p.nums = [3]string{"0", "0", "0"}
	for i, n := range parts {
		if !isNumber(n) {
			return p, false
		}
		p.nums[i] = strings.TrimLeft(n, "0")
		if p.nums[i] == "" {
			p.nums[i] = "0"
		}
	}
	return p, true
}

// isNumber reports whether s is a non-empty string of ASCII digits.
func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// compareNumbers compares two decimal numbers without leading zeros.
func compareNumbers(a, b string) int {
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// unfetchable reports whether v is a version no proxy serves: empty,
// "(devel)" (a build from a working tree without version control
// information), or a "+dirty" build of uncommitted changes.
func unfetchable(v string) bool {
	return v == "" || v == "(devel)" || strings.HasSuffix(v, "+dirty")
}

// isDirPath reports whether a replacement's path is a directory rather
// than a module path, by go.mod's rule: it is absolute, or starts with
// ./ or ../.
func isDirPath(p string) bool {
	return filepath.IsAbs(p) || p == "." || p == ".." ||
		strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") ||
		strings.HasPrefix(p, `.\`) || strings.HasPrefix(p, `..\`)
}

// pluginsFunc reports whether the Go file src declares the function a
// plugin module exports, func Plugins() []plugins.Plugin, with plugins
// the package pluginsImport; found says whether it declares a function
// named Plugins at all, whatever its signature.
func pluginsFunc(name string, src []byte) (ok, found bool, err error) {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		return false, false, err
	}
	local := ""
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err != nil || p != pluginsImport {
			continue
		}
		local = "plugins"
		if imp.Name != nil {
			local = imp.Name.Name
		}
	}
	for _, decl := range f.Decls {
		fn, isFunc := decl.(*ast.FuncDecl)
		if !isFunc || fn.Recv != nil || fn.Name.Name != "Plugins" {
			continue
		}
		found = true
		t := fn.Type
		if t.TypeParams != nil || len(t.Params.List) != 0 || t.Results == nil || len(t.Results.List) != 1 || len(t.Results.List[0].Names) > 1 {
			continue
		}
		arr, isArr := t.Results.List[0].Type.(*ast.ArrayType)
		if !isArr || arr.Len != nil {
			continue
		}
		switch elt := arr.Elt.(type) {
		case *ast.SelectorExpr:
			x, isIdent := elt.X.(*ast.Ident)
			if isIdent && local != "" && local != "." && x.Name == local && elt.Sel.Name == "Plugin" {
				return true, true, nil
			}
		case *ast.Ident:
			if local == "." && elt.Name == "Plugin" {
				return true, true, nil
			}
		}
	}
	return false, found, nil
}
