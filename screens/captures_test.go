package screens

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"logis/app"
	"logis/storage"
)

func TestCaptures_OnePNGPerScreen(t *testing.T) {
	db, err := storage.Open(filepath.Join(t.TempDir(), "c.db"), storage.Options{User: "test"})
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
	want := []string{"01-tableau-de-bord.png", "02-patrimoine.png", "03-menages-et-demandes.png", "04-examen-d-occupation.png", "05-parametres.png"}
	if len(files) < len(want) {
		t.Fatalf("files = %v", files)
	}
	for i, name := range want {
		if filepath.Base(files[i]) != name {
			t.Errorf("file %d = %s, want %s", i, filepath.Base(files[i]), name)
		}
		f, err := os.Open(files[i])
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != int(CaptureSize.Width) || b.Dy() != int(CaptureSize.Height) {
			t.Errorf("%s is %v, want %v", name, b, CaptureSize)
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
