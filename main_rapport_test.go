package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
)

// TestCLI_DecisionsSuite imports the templates, then the past decisions,
// and records the follow-up of the offer from the command line.
func TestCLI_DecisionsSuite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	for _, kind := range []string{"logements", "menages", "personnes", "demandes", "decisions"} {
		code, out, errOut := runCLI(t, "--db", db, "import", kind, filepath.Join("testdata", "modeles", kind+".csv"))
		if code != 0 || !strings.Contains(out, "Import "+app.ImportLibelle(kind)) {
			t.Fatalf("import %s: code %d, out %q, err %q", kind, code, out, errOut)
		}
	}
	code, out, _ := runCLI(t, "--db", db, "import", "decisions", filepath.Join("testdata", "modeles", "decisions.csv"))
	if code != 0 || !strings.Contains(out, "0 création(s)") {
		t.Fatalf("re-import: code %d, out %q", code, out)
	}
	code, out, _ = runCLI(t, "--db", db, "commissions")
	if code != 0 || !strings.Contains(out, "CAL-2026-03;2026-03-12;attribution;close") {
		t.Fatalf("sessions: %q", out)
	}
	// A consultation account reads the report but records no follow-up.
	t.Setenv(envNouveauMotDePasse, "lecteur-secret-1")
	if code, _, errOut := runCLI(t, "--db", db, "utilisateurs", "ajouter", "c.lecteur", "--role", "consultation"); code != 0 {
		t.Fatalf("add account: %d %q", code, errOut)
	}
	code, out, errOut := as(t, "c.lecteur", "lecteur-secret-1", "--db", db, "suite", "CAL-2026-03", "0942300000001GDPUB", "refus", "--date", "2026-03-20", "--motif", "trop loin")
	if code != 1 || out != "" || !strings.Contains(errOut, "Refusé : votre rôle (consultation) ne permet pas de préparer ou de clore une commission, ni d'enregistrer la suite de ses offres.") {
		t.Fatalf("follow-up by consultation: code %d, out %q, err %q", code, out, errOut)
	}
	lecteurPDF := filepath.Join(t.TempDir(), "lecteur.pdf")
	if code, out, errOut := as(t, "c.lecteur", "lecteur-secret-1", "--db", db, "rapport", "--annee", "2026", "--out", lecteurPDF); code != 0 || !strings.Contains(out, "Rapport annuel 2026 écrit dans") {
		t.Fatalf("report by consultation: code %d, out %q, err %q", code, out, errOut)
	}
	t.Setenv(envUtilisateur, testUser) // back to the responsable
	t.Setenv(envMotDePasse, testPassword)
	code, _, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942400000002GDPUB", "accepte", "--date", "2026-03-20")
	if code == 0 || !strings.Contains(errOut, "ne détient pas l'offre") {
		t.Fatalf("rank 2 before rank 1: code %d, err %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942300000001GDPUB", "refus", "--date", "2026-03-20", "--motif", "logement sans ascenseur", "--legitime")
	if code != 0 || !strings.Contains(out, "L'offre passe au rang 2 : demande 0942400000002GDPUB") || strings.Contains(out, "priorisée") {
		t.Fatalf("refusal: code %d, out %q, err %q", code, out, errOut)
	}
	if !strings.Contains(out, "Pour écrire son courrier d'offre : logis suite CAL-2026-03 0942400000002GDPUB courrier --courrier DOSSIER") {
		t.Errorf("refusal does not say how to write the next offer: %q", out)
	}
	letters := filepath.Join(t.TempDir(), "courriers")
	code, out, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942400000002GDPUB", "courrier", "--courrier", letters, "--mode", "main-propre")
	letter := filepath.Join(letters, "CAL-2026-03_0942400000002GDPUB_offre-rang-2.pdf")
	if code != 0 || !strings.Contains(out, "Courrier d'offre de la demande 0942400000002GDPUB (rang 2, logement ") || !strings.Contains(out, letter) {
		t.Fatalf("offer letter: code %d, out %q, err %q", code, out, errOut)
	}
	if b, err := os.ReadFile(letter); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("offer letter file: %v", err)
	}
	code, _, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942300000001GDPUB", "courrier", "--courrier", letters)
	if code != 1 || !strings.Contains(errOut, "ne détient pas l'offre") {
		t.Errorf("offer letter of the rank that refused: code %d, err %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942400000002GDPUB", "bail", "--date", "2026-04-01")
	if code != 0 || !strings.Contains(out, "radiée au 01/04/2026") {
		t.Fatalf("lease: code %d, out %q, err %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942400000002GDPUB", "peut-etre")
	if code == 0 || !strings.Contains(errOut, "n'est pas une suite d'offre") {
		t.Fatalf("bad answer: code %d, err %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, "--db", db, "verify"); code != 0 {
		t.Fatalf("verify: %d %q %q", code, out, errOut)
	}

	dir := filepath.Dir(db)
	pdfPath, csvPath := filepath.Join(dir, "rapport.pdf"), filepath.Join(dir, "rapport.csv")
	code, out, errOut = runCLI(t, "--db", db, "rapport", "--annee", "2026", "--out", pdfPath, "--csv", csvPath)
	if code != 0 || !strings.Contains(out, "Rapport annuel 2026 écrit dans") || !strings.Contains(out, "1 séance(s), 1 logement(s) examiné(s), 1 attribution(s)") {
		t.Fatalf("rapport: code %d, out %q, err %q", code, out, errOut)
	}
	if b, err := os.ReadFile(pdfPath); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("pdf: %v", err)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "indicateur;numerateur;denominateur;taux;cible;atteint\n") {
		t.Fatalf("csv header: %q", text)
	}
	for _, code := range []string{"designations_prioritaires", "attributions_premier_quartile_hors_qpv", "attributions_au_dessus_quartile_qpv",
		"attributions_mutations", "seances", "logements_examines", "candidats_examines", "attributions"} {
		if !strings.Contains(text, "\n"+code+";") {
			t.Errorf("csv lacks %s", code)
		}
	}
	for _, want := range []string{"\nseances;1;;;;\n", "\ncandidats_examines;2;;;;\n", "\nattributions;1;;;;\n", "\nbaux_signes;1;;;;\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("csv lacks %q:\n%s", want, text)
		}
	}
	if code, _, errOut := runCLI(t, "--db", db, "rapport", "--annee", "2026"); code == 0 || !strings.Contains(errOut, "--out FICHIER.pdf") {
		t.Errorf("rapport without --out: %d %q", code, errOut)
	}
}
