package app_test

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// modeDe is the permission bits of path.
func modeDe(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// N10 (essai-12b): every file Logis writes that holds personal data is
// readable by its owner only (0600), the minutes and the CSV exports as
// the letters; a file replaced keeps no wider mode. Unix only: on Windows
// the folder's ACL applies.
func TestFichiers_LectureReserveeAuProprietaire(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("mode bits mean nothing on Windows: the folder's ACL applies")
	}
	dir := t.TempDir()
	ouvert := func(name string) string { // an earlier file, world-readable
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("ancien contenu"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	pv := ouvert("C2026-003_proces-verbal.pdf")
	if err := app.EcrireFichier(pv, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.4"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(pv); string(b) != "%PDF-1.4" {
		t.Errorf("content %q", b)
	}
	csv := ouvert("examen-occupation-2026-12-01.csv")
	f, err := app.CreerFichierPrive(csv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(f, "menage;situation\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(csv); string(b) != "menage;situation\n" {
		t.Errorf("not emptied first: %q", b)
	}
	// A failed write leaves the earlier file as it was, and no temporary.
	garde := ouvert("garde.csv")
	if err := app.EcrireFichier(garde, func(io.Writer) error { return model.Errorf(model.EINVALID, "refusé") }); err == nil {
		t.Error("the write's error is lost")
	}
	if b, _ := os.ReadFile(garde); string(b) != "ancien contenu" {
		t.Errorf("a failed write changed the file: %q", b)
	}

	// What the program writes: letters and their combined PDF, the annual
	// report (PDF and CSV), a backup, a household's data.
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	lettres := filepath.Join(dir, "courriers")
	paths, err := a.Courriers(c.ID, lettres, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := modeDe(t, lettres); m != app.ModeDossierPrive {
		t.Errorf("letters' folder: %v, want %v", m, app.ModeDossierPrive)
	}
	rapportPDF, rapportCSV := ouvert("rapport-annuel-2026.pdf"), ouvert("rapport-annuel-2026.csv")
	if _, err := a.EcrireRapport(2026, rapportPDF, rapportCSV); err != nil {
		t.Fatal(err)
	}
	sauvegarde := filepath.Join(dir, "logis-sauvegarde.db")
	if err := a.Sauvegarder(sauvegarde, false); err != nil {
		t.Fatal(err)
	}
	menage := mustMenages(t, a)[0]
	donnees, err := a.ExporterMenage(menage, filepath.Join(dir, "donnees"))
	if err != nil {
		t.Fatal(err)
	}
	tous := append([]string{pv, csv, rapportPDF, rapportCSV, sauvegarde}, paths...)
	tous = append(tous, donnees...)
	entries, _ := os.ReadDir(lettres)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			tous = append(tous, filepath.Join(lettres, e.Name())) // the combined PDF too
		}
	}
	if len(entries) < 2 {
		t.Fatalf("%d files in the letters' folder", len(entries))
	}
	for _, p := range tous {
		if m := modeDe(t, p); m != app.ModeFichierPrive {
			t.Errorf("%s: mode %v, want %v", filepath.Base(p), m, app.ModeFichierPrive)
		}
	}
}

// mustMenages lists the households' identifiers.
func mustMenages(t *testing.T, a *app.App) []string {
	t.Helper()
	var ids []string
	if err := a.DB.View(func(tx *storage.Tx) error {
		return tx.ForEachMenage(func(m *model.Menage) error { ids = append(ids, m.ID); return nil })
	}); err != nil || len(ids) == 0 {
		t.Fatalf("households %v, %v", ids, err)
	}
	return ids
}
