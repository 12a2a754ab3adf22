package screens

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"logis/model"
	"logis/storage"
)

// statusSays checks that the status line confirms what (« … à HH:MM. »)
// with the current number of households.
func statusSaysCounts(t *testing.T, m *Main, what string, menages int) {
	t.Helper()
	m.builds.Wait() // a confirmation after an import waits for the index
	st := m.ligneDEtat()
	if !strings.HasPrefix(st, what+" à ") || !strings.Contains(st, " — ") || !strings.HasSuffix(st, " "+nombre(menages)+" ménages") {
		t.Errorf("status line %q, want « %s à HH:MM. — … %d ménages »", st, what, menages)
	}
	m.status.SetText("") // the next save must say it again
}

// tabContent is the content of Paramètres' tab titled title.
func tabContent(t *testing.T, p *Parametres, title string) fyne.CanvasObject {
	t.Helper()
	for _, it := range p.tabs.Items {
		if it.Text == title {
			p.tabs.Select(it)
			return it.Content
		}
	}
	t.Fatalf("no tab %q", title)
	return nil
}

// Item 12: every save of Paramètres is confirmed in the status line, with
// the counts read again (after an import, once the index has followed).
func TestParametres_ConfirmationsDansLaLigneDEtat(t *testing.T) {
	m := readyMain(t, 10, 10)
	p := parametresScreen(t, m)

	test.Type(p.nom.Entry, " bis")
	test.Tap(p.office.Save)
	statusSaysCounts(t, m, "Identité de l'Office enregistrée", 10)

	taux := p.regles.byLabel["Taux d'effort maximal"]
	taux.Entry.SetText("33")
	test.Tap(p.regles.form.Save)
	statusSaysCounts(t, m, "Règles et plafonds enregistrés", 10)

	p.regles.importer("quartiles", "q.csv", strings.NewReader("annee;seuil\n2027;13 200\n"))
	statusSaysCounts(t, m, "Seuils du premier quartile importés de « q.csv »", 10)

	t.Cleanup(func() { setOfficeCommunes(model.DefaultCommunes()) }) // the forms' list is shared by the tests
	p.communesEntry.SetText(communesText(OfficeCommunes()) + "\nFresnes 94260")
	tapButton(t, tabContent(t, p, "Communes"), "Enregistrer les communes")
	statusSaysCounts(t, m, "6 communes enregistrées", 10)

	p.poids.ressources.Entry.SetText("2")
	test.Tap(p.poids.form.Save)
	statusSaysCounts(t, m, "Poids de l'indice de fragilité enregistrés", 10)

	// An import of records: the count follows.
	p.importFrom("menages", "menages.csv", io.NopCloser(strings.NewReader("menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nIMP-1;;;1000;100;0\n")))
	p.waitIdle()
	statusSaysCounts(t, m, "Import de « menages.csv » enregistré", 11)

	path := filepath.Join(t.TempDir(), "copie.db")
	p.backupTo(path)
	p.waitIdle()
	statusSaysCounts(t, m, "Sauvegarde « copie.db » écrite", 11)

	comptes := tabContent(t, p, "Comptes et journal")
	entries := entriesOf(comptes)
	test.Type(entries[0], "c.lecteur")
	test.Type(entries[1], "lecteur-secret-1")
	test.Type(entries[2], "lecteur-secret-1")
	tapButton(t, comptes, "Créer le compte")
	statusSaysCounts(t, m, "Compte « c.lecteur » créé", 11)
	entries[3].SetText("20")
	tapButton(t, comptes, "Enregistrer")
	statusSaysCounts(t, m, "Délai de verrouillage enregistré (20 minutes)", 11)
	if m.idle.Minutes() != 20 {
		t.Errorf("the window locks after %v", m.idle)
	}

	tapButton(t, tabContent(t, p, "Conservation des données"), "Enregistrer la durée")
	statusSaysCounts(t, m, "Durée de conservation du journal enregistrée (3 an(s))", 11)
}

// Item 12: after a purge, the status line says it with one household less.
func TestParametres_ConfirmationApresPurge(t *testing.T) {
	m := readyMain(t, 20, 10)
	p := parametresScreen(t, m)
	var id string
	err := m.app.DB.Update("test : radiation", func(tx *storage.Tx) error {
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			if id == "" {
				id = d.Menage
			}
			return nil
		}); err != nil {
			return err
		}
		mm, err := tx.Menage(id)
		if err != nil {
			return err
		}
		mm.Bail = nil
		if err := tx.PutMenage(mm); err != nil {
			return err
		}
		ds, err := tx.DemandesOfMenage(id)
		if err != nil {
			return err
		}
		for _, d := range ds {
			d.Active, d.DateRadiation = false, m.app.Today().AddYears(-4)
			if err := tx.PutDemande(&d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m.rafraichirIndex()
	m.builds.Wait()
	c := &conservationTab{shell: m, app: m.app, confirme: p.confirmer}
	c.content()
	c.lister()
	c.confirmer()
	tapButton(t, m.win.Canvas().Overlays().Top(), "Purger")
	statusSaysCounts(t, m, "Purge faite : 1 ménage(s) effacé(s)", 19)
}

// ligneDEtat is the whole status line as read: the message, then the
// counts.
func (m *Main) ligneDEtat() string {
	if m.status.Text == "" {
		return m.comptes.Text
	}
	if m.comptes.Text == "" {
		return m.status.Text
	}
	return m.status.Text + " — " + m.comptes.Text
}
