package shopapitest

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stringIDs are the identifiers the public API keeps as strings (package
// doc, # Identifiers): the client types them as strings too.
var stringIDs = []string{
	"AppID", "ShopAppID", "appID", "acctID", "corpID", "userIDs", "deliveryID", "waybillID",
	"FinderID", "finderID", "sharerID", "OpenID", "openID", "openid", "SharerOpenID",
	"MsgID", "WorkOrderID",
}

// TestPublicIDs holds the public API to one id story: a parameter, result
// or exported field named like an identifier is a vcart.ID unless it is
// one of stringIDs.
func TestPublicIDs(t *testing.T) {
	t.Parallel()
	pkg, err := build.ImportDir(".", 0) // the package's files, without tests
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var bad []string
	check := func(where string, fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			typ := types(f.Type)
			for _, n := range f.Names {
				if !n.IsExported() && where == "" {
					continue
				}
				isID := strings.HasSuffix(n.Name, "ID") || strings.HasSuffix(n.Name, "IDs") || strings.EqualFold(n.Name, "id") ||
					strings.HasSuffix(n.Name, "id")
				if isID && (typ == "string" || typ == "[]string" || typ == "...string") && !slices.Contains(stringIDs, n.Name) {
					bad = append(bad, where+n.Name+" "+typ)
				}
			}
		}
	}
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() || (d.Recv != nil && types(d.Recv.List[0].Type) != "*Server") {
					continue
				}
				check(d.Name.Name+": ", d.Type.Params)
				check(d.Name.Name+" result: ", d.Type.Results)
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					ts, ok := sp.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					if st, ok := ts.Type.(*ast.StructType); ok {
						for _, fld := range st.Fields.List {
							for _, n := range fld.Names {
								if n.IsExported() {
									check(ts.Name.Name+".", &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{n}, Type: fld.Type}}})
								}
							}
						}
					}
				}
			}
		}
	}
	if diff := cmp.Diff([]string(nil), bad); diff != "" {
		t.Errorf("string ids in the public API (-want +got):\n%s", diff)
	}
}

// types renders a (simple) type expression.
func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return "*" + types(e.X)
	case *ast.ArrayType:
		return "[]" + types(e.Elt)
	case *ast.Ellipsis:
		return "..." + types(e.Elt)
	case *ast.SelectorExpr:
		return types(e.X) + "." + e.Sel.Name
	}
	return "?"
}
