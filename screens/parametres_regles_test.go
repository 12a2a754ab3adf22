package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// textesEtBoutons gathers the texts of labels and buttons under o.
func textesEtBoutons(o fyne.CanvasObject) string {
	var b strings.Builder
	visit(o, func(c fyne.CanvasObject) {
		switch v := c.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *bouton:
			b.WriteString(v.Text + "\n")
		}
	})
	return b.String()
}

// Issue 9: derived tables say so; a typed table is no longer derived; the
// yearly files are imported from Paramètres.
func TestParametres_PlafondsDerivesEtImport(t *testing.T) {
	m := newTestMain(t, 0, 0)
	e := parametresScreen(t, m).regles
	e.plafYear = 2026
	e.rebuild(e.base)
	e.inner.SelectIndex(2)
	txt := textesEtBoutons(e.inner.Items[2].Content)
	for _, want := range []string{"PLAI — reste de l'Île-de-France — dérivés, non officiels", "PLUS 2024, 2025 et 2026 : chiffres officiels", "Importer des plafonds…", "Exporter les règles…"} {
		if !strings.Contains(txt, want) {
			t.Errorf("ceilings tab lacks %q", want)
		}
	}
	if strings.Contains(txt, "PLUS — reste de l'Île-de-France — dérivés") {
		t.Error("official PLUS marked derived")
	}
	// Typing the arrêté's figure into a derived column makes it official.
	c := e.byLabel["Plafond 2026 PLAI (reste de l'Île-de-France), catégorie 1"]
	if c == nil {
		t.Fatal("no PLAI 2026 field")
	}
	c.Entry.SetText("14 900")
	if r := e.fromFields(); func() bool { b, _ := r.Bareme(2026, model.ZoneResteIDF, model.PLAI); return b.Derive }() {
		t.Error("edited PLAI table still derived")
	}
	e.set(e.base) // drop the edit

	// Import of a quartile file from Paramètres.
	e.importer("quartiles", "q.csv", strings.NewReader("annee;seuil\n2027;13 200\n"))
	if !strings.Contains(e.status.Text, "Import quartiles : 1 ligne(s), 1 création(s)") || e.byLabel["Premier quartile 2027"] == nil {
		t.Errorf("status %q", e.status.Text)
	}
}
