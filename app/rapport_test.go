package app_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// reportYear: ARC-T3B in QPV; two imported sessions (February: ARC-T3B
// ranked, rank 1 — a tenant — refuses, rank 2 (DALO) signs; March), and a
// session held in Logis in November (ARC-T3 to M-CESF, a tenant); the 2026
// threshold is entered.
func reportYear(t *testing.T) *app.App {
	t.Helper()
	a := sessionFixtures(t)
	err := a.DB.Update("fixtures", func(tx *storage.Tx) error {
		l, err := tx.Logement("ARC-T3B")
		if err != nil {
			return err
		}
		l.QPV, l.Contingent = true, "préfecture"
		if err := tx.PutLogement(l); err != nil {
			return err
		}
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		r.PremierQuart[2026] = model.Euros(15000)
		return tx.PutRegles(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, a, "decisions", decisionsFile())
	if _, err := a.SaisirSuite("CAL-2026-02", "", nurCESF, model.SuiteOffre{Reponse: model.OffreRefusee, Motif: "trop loin", Date: date(2026, 2, 20)}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaisirSuite("CAL-2026-02", "", nurDALO, model.SuiteOffre{Reponse: model.OffreBailSigne, Date: date(2026, 3, 1)}); err != nil {
		t.Fatal(err)
	}
	c, err := a.NouvelleCommission(date(2026, 11, 19), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	steps := []error{}
	_, err = a.SetMembres(c.ID, membres(3))
	steps = append(steps, err)
	_, err = a.AjouterLogement(c.ID, "ARC-T3", []string{nurCESF, nurNEW, nurEFFORT}, "")
	steps = append(steps, err)
	_, err = a.Decider(c.ID, "ARC-T3", nurCESF, model.Decision{Type: model.Attribution})
	steps = append(steps, err)
	_, err = a.Decider(c.ID, "ARC-T3", nurNEW, nonAttribution())
	steps = append(steps, err)
	_, err = a.Decider(c.ID, "ARC-T3", nurEFFORT, model.Decision{Type: model.NonAttribution, Motifs: []string{"effort"}, Precisions: "Taux d'effort de 41 % et reste à vivre de 12 € par jour et par UC."})
	steps = append(steps, err)
	_, err = a.Cloturer(c.ID)
	steps = append(steps, err)
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func TestApp_RapportCSV(t *testing.T) {
	a := reportYear(t)
	rep, err := a.Rapport(2026)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := app.WriteRapportCSV(rep, &buf); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ";") != "indicateur;numerateur;denominateur;taux;cible;atteint" {
		t.Fatalf("header %v", recs[0])
	}
	rows := map[string]string{}
	for _, rec := range recs[1:] {
		rows[rec[0]] = strings.Join(rec[1:], ";")
	}
	for code, want := range map[string]string{
		"seances":            "3;;;;",
		"seances_importees":  "2;;;;",
		"logements_examines": "4;;;;",
		"candidats_examines": "9;;;;",
		// ARC-T3B (Feb.) to the DALO rank 2, ARC-T3 (Feb.) to M-OLD, ARC-OLD1 (March), ARC-T3 (Nov.) to M-CESF.
		"attributions":              "4;;;;",
		"attributions_mois_02":      "2;;;;",
		"attributions_mois_03":      "1;;;;",
		"attributions_mois_11":      "1;;;;",
		"attributions_qpv_qpv":      "1;;;;",
		"attributions_mutations":    "1;4;25,0;20,0;oui",
		"designations_prioritaires": "2;9;22,2;25,0;non",
		// In QPV: the DALO household, 20 000 € for 1,3 UC: 15 384 € per UC, above 15 000 €.
		"attributions_au_dessus_quartile_qpv": "1;1;100,0;50,0;oui",
		"motif_non_attribution_effort":        "1;;;;",
		"motif_irrecevabilite_redige":         "1;;;;",
		"baux_signes":                         "1;;;;",
		"offres_refusees":                     "1;;;;",
		"penalites_refus":                     "1;;;;",
		"attributions_contingent_prefecture":  "1;;;;",
	} {
		if rows[code] != want {
			t.Errorf("%s = %q, want %q", code, rows[code], want)
		}
	}

	// Without the year's threshold: « données manquantes », never 2025's.
	err = a.DB.Update("seuil", func(tx *storage.Tx) error {
		r, _ := tx.Regles()
		delete(r.PremierQuart, 2026)
		r.PremierQuart[2025] = model.Euros(15000)
		return tx.PutRegles(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, _ = a.Rapport(2026)
	buf.Reset()
	app.WriteRapportCSV(rep, &buf)
	if !strings.Contains(buf.String(), "\nattributions_au_dessus_quartile_qpv;;1;;50,0;données manquantes\n") {
		t.Errorf("missing threshold:\n%s", buf.String())
	}
}

func TestApp_RapportPDF(t *testing.T) {
	a := reportYear(t)
	var buf bytes.Buffer
	rep, err := a.RapportPDF(2026, &buf)
	if err != nil || rep.Activite.Seances != 3 {
		t.Fatalf("%v %+v", err, rep)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{
		"Rapport annuel 2026 de la CALEOL",
		"art. R.441-9 du CCH",
		"tenu 3 séance(s) close(s) (dont 2 séance(s) importée(s)",
		"examiné 4 logement(s) et 9 candidature(s), et attribué 4 logement(s)",
		"Seuil du premier quartile 2026 : 15 000,00 €",
		"Attributions aux mutations internes 1 sur 4 25,0 %",
		"Attributions par mois",
		"Taux cumulé de chaque objectif",
		"Baux signés 1",
		"préfecture 1",
		"Page 1 /",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, personal := range []string{"M-DALO", nurDALO, "Martin"} {
		if strings.Contains(text, personal) {
			t.Errorf("the report names %q", personal)
		}
	}
}

// pdfText extracts a PDF's text (poppler's pdftotext), spaces collapsed;
// the test is skipped when the binary is absent.
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext absent (paquet poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
