package screens

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/storage"
)

func TestCaptures_OnePNGPerScreen(t *testing.T) {
	db, err := storage.Open(filepath.Join(t.TempDir(), "c.db"), storage.Options{User: "test", Password: "mot-de-passe-de-test", CheapKeys: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a := app.New(db)
	if _, err := a.Demo(app.DemoOptions{Menages: 200, Logements: 120}, nil); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "captures")
	files, err := Captures(a, dir)
	if err != nil {
		t.Fatal(err)
	}
	screens := newTestMain(t, 0, 0).screens
	if len(files) != len(screens) {
		t.Fatalf("%d files for %d screens: %v", len(files), len(screens), files)
	}
	for i, sc := range screens {
		if want := fmt.Sprintf("%02d-%s.png", i+1, slug(sc.title())); filepath.Base(files[i]) != want {
			t.Errorf("file %d = %s, want %s", i, filepath.Base(files[i]), want)
		}
	}
	names := strings.Join(files, " ")
	for _, want := range []string{"01-tableau-de-bord.png", "-patrimoine.png", "-menages-et-demandes.png", "-examen-d-occupation.png", "-parametres.png"} {
		if !strings.Contains(names, want) {
			t.Errorf("no capture %s in %s", want, names)
		}
	}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if b := img.Bounds(); b.Dx() != int(CaptureSize.Width) || b.Dy() != int(CaptureSize.Height) {
			t.Errorf("%s is %v, want %v", path, b, CaptureSize)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(files) {
		t.Errorf("%d files in the folder, %d reported", len(entries), len(files))
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Examen d'occupation": "examen-d-occupation", "Paramètres": "parametres", "Ménages et demandes": "menages-et-demandes"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
