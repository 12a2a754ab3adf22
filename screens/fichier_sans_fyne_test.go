package screens

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// fyneFileDialogs are Fyne's file dialogs, whose « Home » and « Computer »
// are in English: Logis uses its own chooser (fichier_choix.go).
var fyneFileDialogs = map[string]bool{"NewFileOpen": true, "NewFileSave": true, "NewFolderOpen": true,
	"ShowFileOpen": true, "ShowFileSave": true, "ShowFolderOpen": true}

// fyneDialogCalls lists the calls of Fyne's file dialogs in a Go source
// (whatever name the dialog package is imported under).
func fyneDialogCalls(t *testing.T, name string, src any) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	alias := map[string]bool{}
	for _, im := range f.Imports {
		if strings.Trim(im.Path.Value, `"`) == "fyne.io/fyne/v2/dialog" {
			n := "dialog"
			if im.Name != nil {
				n = im.Name.Name
			}
			alias[n] = true
		}
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && alias[id.Name] && fyneFileDialogs[sel.Sel.Name] {
				out = append(out, fset.Position(sel.Pos()).String()+" "+id.Name+"."+sel.Sel.Name)
			}
		}
		return true
	})
	return out
}

func TestNoFyneFileDialog(t *testing.T) {
	// The detector finds a call, under an alias too.
	bad := "package x\nimport d \"fyne.io/fyne/v2/dialog\"\nfunc f() { d.NewFileSave(nil, nil); _ = d.ShowFolderOpen }\n"
	if got := fyneDialogCalls(t, "x.go", bad); len(got) != 2 {
		t.Fatalf("detector found %q", got)
	}
	good := "package x\nimport \"fyne.io/fyne/v2/dialog\"\nfunc f() { dialog.NewCustom(\"\", \"\", nil, nil) }\n"
	if got := fyneDialogCalls(t, "x.go", good); len(got) != 0 {
		t.Fatalf("detector found %q", got)
	}
	// No source of the module calls one.
	n := 0
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != ".." || d.Name() == "vendor") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		n++
		for _, c := range fyneDialogCalls(t, p, nil) {
			t.Errorf("Fyne's file dialog (English « Home », « Computer »): %s; use choisirFichier", c)
		}
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("walked %d Go files: %v", n, err)
	}
}
