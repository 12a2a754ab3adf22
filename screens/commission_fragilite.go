package screens

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// fragiliteEffet is the service computing the effect of a candidate on the
// fragility of the dwelling's residence (app.App.FragiliteCandidat).
type fragiliteEffet func(ref, menage string, at model.Date) (app.EffetCandidat, error)

// fragiliteSegments tells the commission, beside a proposed candidate, what
// the dwelling itself calls for (a G-rated dwelling cannot be let) and the
// effect the allocation would have on each share of the residence's
// fragility index (policy §1.4): the program informs, the commission decides.
func fragiliteSegments(f fragiliteEffet, lc *app.ListeCandidats, menage string, at model.Date) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	if lc != nil {
		if w := lc.Alerte(); w != "" {
			segs = append(segs, para("Logement : "+w, occStyleAlerte))
		}
	}
	if f == nil || lc == nil {
		return segs
	}
	e, err := f(lc.Logement.Reference, menage, at)
	if err != nil {
		if model.ErrorCode(err) == model.ENOTFOUND {
			return append(segs, para("Indice de fragilité : la résidence du logement n'est pas enregistrée.", occStyleManque))
		}
		return append(segs, para("Indice de fragilité : "+model.ErrorMessage(err), occStyleManque))
	}
	av, ap := e.Effet.Avant, e.Effet.Apres
	titre := fmt.Sprintf("Fragilité de la résidence %s (%s) : score %s → %s", e.Residence.Code, pluriel(av.Menages, "ménage", "ménages"), av.ScoreTexte(), ap.ScoreTexte())
	if !av.ScoreConnu || !ap.ScoreConnu {
		// « score données manquantes → 0,0 / 100 » read as a contradiction
		// (essai-12b N12): each figure named.
		titre = fmt.Sprintf("Fragilité de la résidence %s (%s) : score aujourd'hui : %s ; après cette attribution : %s",
			e.Residence.Code, menagesLoges(av.Menages), av.ScoreTexte(), ap.ScoreTexte())
	}
	if e.Residence.QPV {
		titre += " — résidence en QPV"
	}
	segs = append(segs, para(titre, occStyleHead))
	for _, l := range e.Effet.Lignes() {
		segs = append(segs, para(l, occStyleText))
	}
	return append(segs, para("Aide à la décision (politique d'attribution §1.4) : la commission veille à ne pas accroître la fragilité existante ; elle décide.", occStyleSource))
}

// menagesLoges is « aucun ménage logé », « 1 ménage », « 12 ménages ».
func menagesLoges(n int) string {
	if n == 0 {
		return "aucun ménage logé"
	}
	return pluriel(n, "ménage", "ménages")
}
