package app

import (
	"encoding/csv"
	"io"
	"sort"

	"logis/model"
	"logis/storage"
)

// settingPoids is the setting holding the fragility weights.
const settingPoids = "fragilite_poids"

// PoidsFragilite returns the weights of the fragility score (the default,
// equal weights, when the office never set them).
func (a *App) PoidsFragilite() (model.PoidsFragilite, error) {
	var w model.PoidsFragilite
	err := a.DB.View(func(tx *storage.Tx) (err error) { w, err = poidsFragilite(tx); return err })
	return w, err
}

func poidsFragilite(tx *storage.Tx) (model.PoidsFragilite, error) {
	w := model.DefaultPoidsFragilite()
	_, err := tx.Setting(settingPoids, &w)
	return w, err
}

// SavePoidsFragilite stores the weights (EINVALID when out of range).
func (a *App) SavePoidsFragilite(w model.PoidsFragilite) error {
	if err := a.Peut(model.ActionParametres); err != nil {
		return err
	}
	if err := w.Validate(); err != nil {
		return err
	}
	return a.DB.Update("Paramètres : poids de l'indice de fragilité", func(tx *storage.Tx) error { return tx.PutSetting(settingPoids, w) })
}

// FragiliteResidence is the fragility index of one residence.
type FragiliteResidence struct {
	Residence model.Residence
	Date      model.Date // the tenants counted are those of this date
	Indice    model.IndiceFragilite
}

// tenantsByResidence returns the current tenant households of each
// residence on date at (a lease entered on or before at).
func tenantsByResidence(tx *storage.Tx, at model.Date) (map[string][]model.Menage, error) {
	resOf := map[string]string{}
	err := tx.ForEachLogement(func(l *model.Logement) error {
		resOf[l.Reference] = l.Residence
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := map[string][]model.Menage{}
	err = tx.ForEachMenage(func(m *model.Menage) error {
		if !m.Loge() || m.Bail.DateEntree > at {
			return nil
		}
		if res, ok := resOf[m.Bail.Logement]; ok && res != "" {
			out[res] = append(out[res], *m)
		}
		return nil
	})
	return out, err
}

// tenantsOf returns the current tenant households of residence code on
// date at, through the index residence → dwellings → households.
func tenantsOf(tx *storage.Tx, code string, at model.Date) ([]model.Menage, error) {
	refs, err := tx.LogementsOfResidence(code)
	if err != nil {
		return nil, err
	}
	var out []model.Menage
	for _, ref := range refs {
		occ, err := tx.OccupantsOf(ref)
		if err != nil {
			return nil, err
		}
		for _, m := range occ {
			if m.Loge() && m.Bail.DateEntree <= at {
				out = append(out, m)
			}
		}
	}
	return out, nil
}

// Fragilites computes the index of every residence on date at, the most
// fragile first (residences whose score is missing last, by code).
func (a *App) Fragilites(at model.Date) ([]FragiliteResidence, error) {
	if at.IsZero() {
		at = a.Today()
	}
	var out []FragiliteResidence
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		w, err := poidsFragilite(tx)
		if err != nil {
			return err
		}
		tenants, err := tenantsByResidence(tx, at)
		if err != nil {
			return err
		}
		return tx.ForEachResidence(func(res *model.Residence) error {
			out = append(out, FragiliteResidence{Residence: *res, Date: at, Indice: model.Fragilite(tenants[res.Code], res.Commune, at, r, w)})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Indice, out[j].Indice
		if a.ScoreConnu != b.ScoreConnu {
			return a.ScoreConnu
		}
		if a.ScoreConnu && a.Score != b.Score {
			return a.Score > b.Score
		}
		return out[i].Residence.Code < out[j].Residence.Code
	})
	return out, nil
}

// Fragilite computes the index of residence code on date at.
func (a *App) Fragilite(code string, at model.Date) (FragiliteResidence, error) {
	if at.IsZero() {
		at = a.Today()
	}
	var f FragiliteResidence
	err := a.DB.View(func(tx *storage.Tx) error {
		res, err := tx.Residence(code)
		if err != nil {
			return err
		}
		r, w, tenants, err := residenceFragilite(tx, code, at)
		if err != nil {
			return err
		}
		f = FragiliteResidence{Residence: *res, Date: at, Indice: model.Fragilite(tenants, res.Commune, at, r, w)}
		return nil
	})
	return f, err
}

// residenceFragilite reads what the index of residence code needs: the
// rule tables, the weights of Paramètres and the tenants on date at.
func residenceFragilite(tx *storage.Tx, code string, at model.Date) (*model.Regles, model.PoidsFragilite, []model.Menage, error) {
	r, err := tx.Regles()
	if err != nil {
		return nil, model.PoidsFragilite{}, nil, err
	}
	w, err := poidsFragilite(tx)
	if err != nil {
		return nil, model.PoidsFragilite{}, nil, err
	}
	tenants, err := tenantsOf(tx, code, at)
	return r, w, tenants, err
}

// EffetCandidat is the effect of housing a candidate in a dwelling on the
// fragility of its residence, for the commission.
type EffetCandidat struct {
	Residence model.Residence
	Effet     model.EffetAttribution
}

// FragiliteCandidat computes the effect of housing household menage in
// dwelling ref on date at. ENOTFOUND when the dwelling, its residence or the
// household does not exist.
func (a *App) FragiliteCandidat(ref, menage string, at model.Date) (EffetCandidat, error) {
	if at.IsZero() {
		at = a.Today()
	}
	var e EffetCandidat
	err := a.DB.View(func(tx *storage.Tx) error {
		l, err := tx.Logement(ref)
		if err != nil {
			return err
		}
		res, err := tx.Residence(l.Residence)
		if err != nil {
			return err
		}
		m, err := tx.Menage(menage)
		if err != nil {
			return err
		}
		r, w, tenants, err := residenceFragilite(tx, res.Code, at)
		if err != nil {
			return err
		}
		e = EffetCandidat{Residence: *res, Effet: model.FragiliteApres(tenants, m, res.Commune, at, r, w)}
		return nil
	})
	return e, err
}

// FragiliteHeader is the header of `logis fragilite`'s CSV file.
var FragiliteHeader = []string{"residence", "nom", "commune", "qpv", "menages",
	"part_ressources", "menages_ressources_basses", "menages_ressources_connues",
	"part_monoparentales", "familles_monoparentales", "part_familles_nombreuses", "familles_nombreuses", "menages_composition_connue",
	"taux_activite", "adultes_actifs", "adultes_18_64_renseignes", "adultes_18_64_non_renseignes",
	"score", "seuil_ressources", "explication"}

// WriteFragiliteCSV writes one line per residence: shares in percent with
// a decimal comma, empty when données manquantes; counts behind each.
func WriteFragiliteCSV(w io.Writer, list []FragiliteResidence) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	if err := cw.Write(FragiliteHeader); err != nil {
		return err
	}
	part := func(p model.PartFragilite) string {
		if !p.Connue() {
			return ""
		}
		return decimal(p.Taux()*100, 1)
	}
	for _, f := range list {
		ix := &f.Indice
		p := ix.Parts
		score := ""
		if ix.ScoreConnu {
			score = decimal(ix.Score, 1)
		}
		rec := []string{f.Residence.Code, f.Residence.Nom, f.Residence.Commune, model.OuiNon(f.Residence.QPV), itoa(ix.Menages),
			part(p[model.PartRessources]), itoa(p[model.PartRessources].Num), itoa(p[model.PartRessources].Denom),
			part(p[model.PartMonoparentales]), itoa(p[model.PartMonoparentales].Num),
			part(p[model.PartNombreuses]), itoa(p[model.PartNombreuses].Num), itoa(p[model.PartNombreuses].Denom),
			part(p[model.PartActivite]), itoa(p[model.PartActivite].Num), itoa(p[model.PartActivite].Denom), itoa(p[model.PartActivite].Manquants),
			score, ix.Seuil, ix.Explication}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
