package shopapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrCodes_StaticTable checks that every exported Code constant is
// declared in errcodes.go and has a meaning in its static table, so no file
// needs an init() to extend it.
func TestErrCodes_StaticTable(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var declared []string
	keys := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
				t.Errorf("%s: init() found", name)
			}
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, sp := range gd.Specs {
				vs, ok := sp.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, id := range vs.Names {
					if gd.Tok == token.CONST && strings.HasPrefix(id.Name, "Code") {
						if name != "errcodes.go" {
							t.Errorf("%s: %s declared outside errcodes.go", name, id.Name)
						}
						declared = append(declared, id.Name)
					}
					if id.Name == "codeMeanings" && i < len(vs.Values) {
						for _, el := range vs.Values[i].(*ast.CompositeLit).Elts {
							keys[el.(*ast.KeyValueExpr).Key.(*ast.Ident).Name] = true
						}
					}
				}
			}
		}
	}
	if len(declared) < 100 {
		t.Fatalf("found only %d Code constants", len(declared))
	}
	for _, c := range declared {
		if c != "CodeOK" && !keys[c] {
			t.Errorf("%s has no meaning in codeMeanings", c)
		}
	}
}
