package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/storage"
)

// texts collects the texts of labels and canvas texts under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		case *widget.Card:
			out = append(out, v.Title)
			if v.Content != nil {
				walk(v.Content)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(v.Content)
		}
	}
	walk(o)
	return out
}

func TestTableau_ShowsFiguresAndCharts(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := m.screens[0].(*Tableau)
	s.waitIdle()
	if s.data == nil {
		t.Fatal("figures not loaded")
	}
	all := strings.Join(texts(s.body), "\n")
	for _, want := range []string{"Logements vacants", "Demandes actives par ancienneté", "moins d'1 an", "plus de 5 ans",
		"Ménages logés par situation d'occupation", "Sous-occupation", "Logements vacants par typologie", "T6 et +",
		"Situation au " + m.app.Today().String()} {
		if !strings.Contains(all, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	// The bars are canvas rectangles, one per value of each chart.
	bars := 0
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *fyne.Container:
			if _, ok := v.Layout.(*barLayout); ok {
				for _, c := range v.Objects {
					if _, ok := c.(*canvas.Rectangle); ok {
						bars++
					}
				}
			}
			for _, c := range v.Objects {
				walk(c)
			}
		case *widget.Card:
			walk(v.Content)
		case *container.Scroll:
			walk(v.Content)
		}
	}
	walk(s.body)
	if want := len(s.data.VacantsParCommune) + 6 + 4 + 6; bars != want {
		t.Errorf("%d bars, want %d", bars, want)
	}
}

func TestBarLayout_Proportional(t *testing.T) {
	ch := &barChart{barres: []barre{{"a", 10}, {"b", 5}, {"c", 0}}}
	c := ch.rows().(*fyne.Container) // the rows only, without the card
	c.Resize(fyne.NewSize(600, 200))
	w0, w1, w2 := c.Objects[1].Size().Width, c.Objects[4].Size().Width, c.Objects[7].Size().Width
	if w0 <= 0 || w1 < w0/2-1 || w1 > w0/2+1 || w2 != 0 {
		t.Errorf("bar widths %v %v %v, want w, w/2, 0", w0, w1, w2)
	}
}

func TestTableau_OpensTheReview(t *testing.T) {
	m := newTestMain(t, 200, 120)
	s := m.screens[0].(*Tableau)
	s.waitIdle()
	s.ouvrirExamen("a_presenter")
	o, ok := m.screens[m.current].(*Occupation)
	if !ok {
		t.Fatalf("current screen is %T", m.screens[m.current])
	}
	o.waitIdle()
	if o.rv == nil || occFiltres[o.filtre] != "a_presenter" || !strings.HasPrefix(o.listHead.Text, "Marqués « à présenter » : 0 ménage(s)") {
		t.Errorf("review %v, filter %d, head %q", o.rv != nil, o.filtre, o.listHead.Text)
	}
}

// BenchmarkTableau_Render measures building the dashboard's widgets from
// figures already computed (what the UI goroutine does when they arrive).
func BenchmarkTableau_Render(b *testing.B) {
	db, err := storage.Open(filepath.Join(b.TempDir(), "b.db"), storage.Options{User: "test", Password: "mot-de-passe-de-test", CheapKeys: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	a := app.New(db)
	if _, err := a.Demo(app.DemoOptions{Menages: 500, Logements: 300}, nil); err != nil {
		b.Fatal(err)
	}
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	m := NewMain(w, a)
	s := m.screens[0].(*Tableau)
	s.waitIdle()
	t := s.data
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.setBody(s.render(t))
	}
}
