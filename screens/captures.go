package screens

import (
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"logis/app"
	"logis/model"
)

// CaptureSize is the size of the window rendered by Captures.
var CaptureSize = fyne.NewSize(1280, 800)

// idler is a screen doing work in the background; Captures waits for it.
type idler interface{ waitIdle() }

// capturable is a screen that prepares a telling state before its capture
// (a review run, a row selected…).
type capturable interface{ prepareCapture() }

// lightTheme is Fyne's default theme in its light variant, whatever the
// settings of the machine.
type lightTheme struct{ fyne.Theme }

func (t lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

// Captures renders each main screen, filled with the data of a, to a PNG
// file in dir through Fyne's software renderer (no display needed), and
// returns the files written: 01-tableau-de-bord.png, 02-patrimoine.png…
func Captures(a *app.App, dir string) (files []string, err error) {
	// Fyne's test driver wants its calls off the main goroutine; the caller
	// waits for the whole run (no UI to hand a result to): not enFond.
	done := make(chan struct{})
	go func() {
		defer close(done)
		files, err = captures(a, dir)
	}()
	<-done
	return files, err
}

func captures(a *app.App, dir string) ([]string, error) {
	if l := os.Getenv("LANG"); os.Getenv("LC_ALL") == "" && (l == "" || l == "C" || l == "POSIX" || strings.HasPrefix(l, "C.")) {
		os.Setenv("LANG", "fr_FR.UTF-8") // the screens are French; a « C » locale only makes Fyne complain
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, model.Errorf(model.EINVALID, "Le dossier « %s » n'a pas pu être créé.", dir)
	}
	fa := test.NewApp()
	fa.Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	if err := UseFrench(); err != nil {
		return nil, err
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(CaptureSize)
	m := NewMain(w, a)
	m.waitCatalogue() // the status line shows the search index being built until then
	var files []string
	for i, s := range m.screens {
		m.Show(s.title())
		if x, ok := s.(idler); ok {
			x.waitIdle()
		}
		if x, ok := s.(capturable); ok {
			x.prepareCapture()
			if y, ok := s.(idler); ok {
				y.waitIdle()
			}
		}
		// Lay everything out again at the final size: content built in the
		// background may have been laid out for a former size.
		w.Resize(CaptureSize.SubtractWidthHeight(1, 1))
		w.Resize(CaptureSize)
		w.Content().Refresh()
		img := w.Canvas().Capture()
		path := filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i+1, slug(s.title())))
		f, err := os.Create(path)
		if err != nil {
			return files, model.Errorf(model.EINVALID, "Impossible d'écrire « %s ».", path)
		}
		err = png.Encode(f, img)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return files, model.Errorf(model.EINVALID, "Impossible d'écrire « %s ».", path)
		}
		files = append(files, path)
	}
	return files, nil
}

// slug turns a title into a file name: « Examen d'occupation » → examen-d-occupation.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(model.Fold(title)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
