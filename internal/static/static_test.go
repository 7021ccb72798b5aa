// Package static holds a test that reads the library's source for what the
// style guide rules out: package-level mutable state, init registration,
// the process-wide flag sets, and exiting or reading the process's
// arguments and environment from library code.
package static

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// forbidden are selector expressions library code must not use, with why.
var forbidden = map[string]string{
	"os.Exit":           "only main exits",
	"log.Fatal":         "only main exits",
	"log.Fatalf":        "only main exits",
	"os.Args":           "the caller passes the arguments",
	"os.Getenv":         "the caller passes the environment",
	"os.LookupEnv":      "the caller passes the environment",
	"os.Chdir":          "use exec.Cmd.Dir",
	"flag.CommandLine":  "flag sets are built per run",
	"flag.Parse":        "flag sets are built per run",
	"pflag.CommandLine": "flag sets are built per run",
}

func TestLibrarySource(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			switch filepath.ToSlash(rel) {
			case "examples", "bench", "internal/static", "internal/testhelpers", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		check(t, rel, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func check(t *testing.T, file string, f *ast.File) {
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Name.Name == "init" && d.Recv == nil {
				t.Errorf("%s: func init: register by prepending to a slice instead", file)
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, spec := range d.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if name.Name == "_" || i < len(vs.Values) && (isSentinel(vs.Values[i]) || isArray(vs.Values[i])) || isEmbed(d) {
						continue
					}
					t.Errorf("%s: package-level var %s: hosts must share no mutable state", file, name.Name)
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); ok {
			name := pkg.Name + "." + sel.Sel.Name
			if why, bad := forbidden[name]; bad {
				t.Errorf("%s: uses %s: %s", file, name, why)
			}
		}
		return true
	})
}

// isArray reports whether e is an array literal: a value, which no code
// can change for another host, as it could a slice's or a map's elements.
func isArray(e ast.Expr) bool {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	at, ok := lit.Type.(*ast.ArrayType)
	return ok && at.Len != nil
}

// isEmbed reports whether d is a //go:embed variable, which holds files
// compiled into the binary and cannot be changed.
func isEmbed(d *ast.GenDecl) bool {
	if d.Doc == nil {
		return false
	}
	for _, c := range d.Doc.List {
		if strings.HasPrefix(c.Text, "//go:embed ") {
			return true
		}
	}
	return false
}

// isSentinel reports whether e is errors.New("...") or another package's
// sentinel re-exported (fault.ErrPanic).
func isSentinel(e ast.Expr) bool {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		_, isPkg := sel.X.(*ast.Ident)
		return isPkg && strings.HasPrefix(sel.Sel.Name, "Err")
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "errors" && sel.Sel.Name == "New"
}
