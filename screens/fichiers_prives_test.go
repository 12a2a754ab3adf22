package screens

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/app"
)

type pvFactice struct{}

func (pvFactice) PV(id string, w io.Writer) error {
	_, err := io.WriteString(w, "%PDF-1.4 "+id)
	return err
}

// N10 (essai-12b): the minutes written from the window and the exports
// written through the file chooser (the review's CSV) are readable by their
// owner only, as the letters; a world-readable file replaced is narrowed.
func TestFichiers_PVEtExportsPrives(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("mode bits mean nothing on Windows: the folder's ACL applies")
	}
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	dir := t.TempDir()
	pv := filepath.Join(dir, "C2026-003_proces-verbal.pdf")
	csv := filepath.Join(dir, "examen-occupation-2026-12-01.csv")
	for _, p := range []string{pv, csv} {
		if err := os.WriteFile(p, []byte("ancien"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := writePV(pvFactice{}, slog.New(slog.NewTextHandler(io.Discard, nil)), "C2026-003", pv); err != nil {
		t.Fatal(err)
	}
	f := creerChoisi(w, csv)
	if f == nil {
		t.Fatal("the export's file was not created")
	}
	f.Close()
	for _, p := range []string{pv, csv} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != app.ModeFichierPrive {
			t.Errorf("%s: mode %v, want %v", filepath.Base(p), st.Mode().Perm(), app.ModeFichierPrive)
		}
	}
	if b, _ := os.ReadFile(pv); string(b) != "%PDF-1.4 C2026-003" {
		t.Errorf("minutes %q", b)
	}
}
