package screens

import (
	"fmt"
	"log/slog"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// fragiliteCard shows the fragility index of a residence (policy §1.4),
// computed in the background from its current tenants.
type fragiliteCard struct {
	box *fyne.Container
	mu  sync.Mutex
	seq int            // the last residence asked; older answers are dropped
	wg  sync.WaitGroup // background computations (tests wait for them)
}

func newFragiliteCard() *fragiliteCard {
	return &fragiliteCard{box: container.NewVBox()}
}

// fragiliteApp is what the card calls of the app; *app.App satisfies it.
type fragiliteApp interface {
	Fragilite(code string, at model.Date) (app.FragiliteResidence, error)
	Today() model.Date
}

// show computes and shows the index of residence code; a failure is
// logged in log.
func (c *fragiliteCard) show(a fragiliteApp, log *slog.Logger, code string) {
	c.mu.Lock()
	c.seq++
	seq := c.seq
	c.mu.Unlock()
	c.set(widget.NewLabel("Indice de fragilité : calcul en cours…"))
	enFond(&c.wg, log, "fragilite",
		func() (app.FragiliteResidence, error) { return a.Fragilite(code, a.Today()) },
		func(f app.FragiliteResidence, err error) {
			c.mu.Lock()
			stale := seq != c.seq
			c.mu.Unlock()
			if stale {
				return // another residence was asked meanwhile
			}
			if err != nil {
				c.set(widget.NewLabel(echec("Indice de fragilité", err)))
				return
			}
			c.set(fragiliteContent(f))
		})
}

// clear empties the card (new residence).
func (c *fragiliteCard) clear() {
	c.mu.Lock()
	c.seq++
	c.mu.Unlock()
	c.set()
}

func (c *fragiliteCard) set(objs ...fyne.CanvasObject) {
	c.box.Objects = objs
	c.box.Refresh()
}

// fragiliteContent lays out an index: the score, each share with the
// households behind it, how low resources are decided, the computation.
func fragiliteContent(f app.FragiliteResidence) fyne.CanvasObject {
	ix := f.Indice
	lines := container.NewVBox()
	add := func(s string, imp widget.Importance) {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		lines.Add(l)
	}
	add(fmt.Sprintf("%s au %s, %s.", pluriel(ix.Menages, "ménage locataire", "ménages locataires"), f.Date, "d'après les fiches des ménages"), widget.MediumImportance)
	for _, p := range ix.Parts {
		imp := widget.MediumImportance
		if !p.Connue() {
			imp = widget.WarningImportance
		}
		add("• "+p.Texte(), imp)
	}
	add("Ressources basses : "+ix.Seuil+".", widget.LowImportance)
	add(ix.Explication, widget.LowImportance)
	add("Outil d'aide à la décision : il informe, la commission décide. Poids du score : Paramètres › Indice de fragilité.", widget.LowImportance)
	title := "Indice de fragilité : " + ix.ScoreTexte()
	if f.Residence.QPV {
		title += " — résidence en QPV"
	}
	return widget.NewCard(title, "Politique d'attribution §1.4 (référentiel de fragilité du T12)", lines)
}
