package app

import (
	"io"
	"runtime"
	"strings"
	"sync"

	"logis/model"
	"logis/storage"
)

// ListeCandidats is the candidate list the program proposes for a dwelling:
// every rule explained for each application, a proposed rank for the ones
// the policy allows. The commission decides.
type ListeCandidats struct {
	Logement  model.Logement
	Date      model.Date
	Tous      bool                // excluded applications are listed too
	Candidats []model.Eligibilite // ranked ones first (Rang 1, 2…), then, with Tous, the excluded ones (Rang 0)
	Examinees int                 // applications in the pool: active, wishing the dwelling's commune
	Admis     int                 // allowed by the policy (ranked)
	Exclus    int                 // excluded, with their reasons
	DPE       model.Verdict       // model.DecenceEnergetique: an alert when the dwelling is G-rated
}

// Candidats proposes the candidates for dwelling ref on date at. The pool
// is the active applications whose wished communes include the dwelling's
// (or that wish none), except the household living there. Each is examined
// with model.EvaluerCandidat (the current dwelling of tenants for the
// transfer conditions) and ranked with model.ClasserCandidats. Without tous
// only the allowed candidates are returned, ranked; with tous every pooled
// application, excluded ones last with an empty rank and their reasons.
func (a *App) Candidats(ref string, at model.Date, tous bool) (*ListeCandidats, error) {
	if at.IsZero() {
		at = a.Today()
	}
	var (
		lc  *ListeCandidats
		r   *model.Regles
		err error
	)
	pool, err := a.pool(func(tx *storage.Tx) error {
		if r, err = tx.Regles(); err != nil {
			return err
		}
		l, err := tx.Logement(ref)
		if err != nil {
			return err
		}
		lc = &ListeCandidats{Logement: *l, Date: at, Tous: tous}
		return nil
	})
	if err != nil {
		return nil, err
	}
	l := &lc.Logement
	lc.DPE = model.DecenceEnergetique(l, at)
	key := model.CommuneKey(l.Commune)
	var sel []*candidature
	for _, c := range pool.list {
		if c.habite == l.Reference || !c.veut(key) || c.menage.Restreint {
			continue // a restricted household is frozen (RGPD art. 18)
		}
		sel = append(sel, c)
	}
	lc.Examinees = len(sel)
	// Without tous, a cheap numeric test first: the French texts are built
	// only for the applications that may be allowed.
	lc.Candidats = evaluer(l, sel, at, r, !tous)
	model.ClasserCandidats(lc.Candidats, nil, at, r)
	n := 0
	for _, e := range lc.Candidats {
		if !e.Exclu {
			n++
		}
	}
	lc.Admis = n
	// The specific situations of §1.3, for the few applications that have one.
	if err := a.situationsListe(lc, sel, r); err != nil {
		return nil, err
	}
	if tous {
		lc.Exclus = len(lc.Candidats) - n
	} else {
		lc.Exclus = lc.Examinees - n
		lc.Candidats = lc.Candidats[:n]
	}
	return lc, nil
}

// evaluer examines the applications on the available cores; with
// preselect, the ones model.Preselection drops are left out first.
func evaluer(l *model.Logement, sel []*candidature, at model.Date, r *model.Regles, preselect bool) []model.Eligibilite {
	if preselect {
		keep := make([]bool, len(sel))
		ps := model.NouvelleSelection(l, at, r)
		parallel(len(sel), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				c := sel[i]
				keep[i] = ps.Garde(c.menage, &c.demande, c.actuel)
			}
		})
		kept := make([]*candidature, 0, len(sel)/4)
		for i, c := range sel {
			if keep[i] {
				kept = append(kept, c)
			}
		}
		sel = kept
	}
	out := make([]model.Eligibilite, len(sel))
	parallel(len(sel), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			c := sel[i]
			out[i] = model.EvaluerCandidat(l, c.menage, &c.demande, c.actuel, at, r)
		}
	})
	return out
}

// parallel runs fn over [0, n) split in parts, on the available cores.
func parallel(n int, fn func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), 8)
	if n < 256 || workers < 2 {
		fn(0, n)
		return
	}
	// More parts than cores, so that a slow part does not hold the others.
	parts := 4 * workers
	chunk := (n + parts - 1) / parts
	next := make(chan int, parts)
	for i := 0; i < parts; i++ {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if lo := i * chunk; lo < n {
					fn(lo, min(lo+chunk, n))
				}
			}
		}()
	}
	wg.Wait()
}

// CandidatsHeader is the header of the candidate list's CSV file.
var CandidatsHeader = []string{"nur", "menage", "plafond_ok", "typologie_adaptee", "sur_occupation_critique", "pmr_ok",
	"taux_effort", "reste_a_vivre_uc_jour", "solvable", "mutation_ok", "prioritaire", "anciennete_mois", "rang", "motifs",
	"niveau", "raison", "premier_quartile", "ressources_uc_quartile", "categories_l441_1", "renouvellement_urbain", "alerte_logement"}

// WriteCSV writes the list, one row per application: flags oui/non, empty
// where the rule does not apply or data is missing; taux d'effort in
// percent and reste à vivre in euros with a decimal comma; motifs in
// French separated by « | »; premier_quartile oui/non on the threshold's
// basis (ressources_uc_quartile: monthly resources × 12 ÷ UC, € per year),
// empty without the year's threshold; categories_l441_1 the letters of
// L.441-1 separated by « , ».
func (lc *ListeCandidats) WriteCSV(w io.Writer) error {
	cw, err := newCSVWriter(w)
	if err != nil {
		return err
	}
	if err := cw.Write(CandidatsHeader); err != nil {
		return err
	}
	for i := range lc.Candidats {
		e := &lc.Candidats[i]
		rang := ""
		if e.Rang > 0 {
			rang = itoa(e.Rang)
		}
		rec := []string{e.NUR, e.Menage,
			flagOK(e.Plafond.Verdict), flagOK(e.Typologie), flagPresent(e.SurOccCritique), flagOK(e.PMR),
			decimal(e.Effort.Taux*100, 1), decimal(e.Effort.ResteAVivreUCJour, 2), flagOK(e.Effort.Verdict),
			flagOK(e.Mutation.Verdict), model.OuiNon(e.Niveau > 0 && e.Niveau < 4), itoa(e.AncienneteMois), rang,
			strings.Join(e.Motifs, " | "), e.NiveauLibelle, e.Raison,
			premierQuartile(e), quartileUC(e), strings.Join(e.CategoriesL4411, ", "), model.OuiNon(e.RenouvellementUrbain), lc.Alerte()}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// premierQuartile: oui under the year's threshold, non at or above, empty
// when the threshold or the resources are missing.
func premierQuartile(e *model.Eligibilite) string {
	if !e.QuartileConnu || e.QuartileSeuil <= 0 {
		return ""
	}
	return model.OuiNon(e.QuartileUC < e.QuartileSeuil)
}

func quartileUC(e *model.Eligibilite) string {
	if !e.QuartileConnu {
		return ""
	}
	return decimal(e.QuartileUC.Float(), 2)
}

// flagOK writes a condition: oui when met, non when not, empty when the
// rule does not apply or data is missing.
func flagOK(v model.Verdict) string {
	switch v.Resultat {
	case model.Conforme:
		return "oui"
	case model.Alerte:
		return "non"
	}
	return ""
}

// flagPresent writes a situation: oui when present, non when absent, empty
// when the rule does not apply or data is missing.
func flagPresent(v model.Verdict) string {
	switch v.Resultat {
	case model.Alerte:
		return "oui"
	case model.Conforme:
		return "non"
	}
	return ""
}

// Alerte is the warning about the dwelling itself shown with its candidate
// list: a G-rated dwelling cannot be let since 01/01/2025; a rent of 0 €
// (not given by the RPLS file for a dwelling vacant on 1 January) makes the
// effort rates meaningless. "" when none.
func (lc *ListeCandidats) Alerte() string {
	var out []string
	if lc.DPE.Flag() {
		out = append(out, lc.DPE.Explication)
	}
	if lc.Logement.Loyer == 0 {
		out = append(out, "Loyer du logement non renseigné (0 €) : les taux d'effort et restes à vivre sont calculés sans loyer ; saisissez-le dans Patrimoine.")
	}
	return strings.Join(out, " ")
}
