package app

import (
	"fmt"
	"sort"
	"strings"

	"logis/model"
	"logis/storage"
)

// The decisions taken before the office used Logis, imported from a file
// (« logis import decisions FICHIER.csv »): one row per candidate examined,
// columns seance;date;commune;logement;nur;decision;rang;motif. Each seance
// becomes a closed session marked « séance importée » (no members, no
// quorum checked), with the applicants' situation as known at import time.
// All or nothing; importing the same file again changes nothing.

// LieuSeanceImportee is the place written for an imported session: its
// minutes and lists say it was imported.
const LieuSeanceImportee = "Séance importée : décisions prises avant Logis (membres et quorum non enregistrés)"

// decisionsImport maps the decision column to the five decisions.
var decisionsImport = map[string]model.TypeDecision{
	"attribution":     model.Attribution,
	"classement":      model.AttributionClassee,
	"condition":       model.ConditionSuspensive,
	"non_attribution": model.NonAttribution,
	"irrecevabilite":  model.Irrecevabilite,
}

// decisionRow is one row of the decisions file, parsed.
type decisionRow struct {
	line                 int
	seance, commune, ref string
	nur                  string
	date                 model.Date
	dec                  model.Decision
}

func parseDecisionRow(c *cells, today model.Date) decisionRow {
	r := decisionRow{line: c.line, seance: c.str("seance", true), date: c.date("date", true),
		commune: canonCommune(c.str("commune", true)), ref: c.str("logement", true),
		nur: strings.ToUpper(strings.ReplaceAll(c.str("nur", true), " ", ""))}
	if !r.date.IsZero() && r.date > today {
		c.fail("date", r.date.String(), "est dans le futur : seules les décisions déjà prises s'importent")
	}
	v := c.str("decision", true)
	typ, ok := decisionsImport[strings.ReplaceAll(strings.ToLower(model.Fold(v)), "-", "_")]
	if v != "" && !ok {
		c.fail("decision", v, "n'est pas une décision (attribution, classement, condition, non_attribution ou irrecevabilite)")
	}
	r.dec.Type = typ
	rang := c.integer("rang", typ == model.AttributionClassee, "un rang (1, 2, 3…)", 1, 99)
	if typ == model.AttributionClassee {
		r.dec.Rang = rang
	} else if rang != 0 {
		c.fail("rang", c.t.get(c.row, "rang"), "n'a de sens que pour un classement")
	}
	motif := c.t.get(c.row, "motif")
	switch typ {
	case model.NonAttribution, model.Irrecevabilite:
		list := model.MotifsNonAttribution
		if typ == model.Irrecevabilite {
			list = model.MotifsIrrecevabilite
		}
		if motif == "" {
			c.errs = append(c.errs, ImportError{Ligne: c.line, Colonne: "motif", Raison: "les motifs en fait et en droit sont obligatoires pour une non-attribution ou une irrecevabilité"})
		} else if m, ok := model.MotifByCode(list, strings.ToLower(motif)); ok {
			r.dec.Motifs = []string{m.Code}
		} else {
			r.dec.Precisions = motif
		}
	default:
		r.dec.Precisions = motif
	}
	return r
}

// prepareDecisions reads the decisions file; the returned function checks
// the dwellings and applications and writes the sessions.
func (a *App) prepareDecisions(t *csvTable, name string, rep *ImportReport, progress Progress) (func(*storage.Tx) ([]ImportError, error), []ImportError) {
	today := a.Today()
	var rs []decisionRow
	errs := rows(t, progress, func(c *cells) {
		r := parseDecisionRow(c, today)
		if len(c.errs) == 0 {
			rs = append(rs, r)
		}
	})
	// Group by session, keeping the file's order.
	bySeance := map[string][]decisionRow{}
	var order []string
	for _, r := range rs {
		if _, ok := bySeance[r.seance]; !ok {
			order = append(order, r.seance)
		}
		bySeance[r.seance] = append(bySeance[r.seance], r)
	}
	for _, id := range order {
		first := bySeance[id][0]
		seen := map[string]int{}
		for _, r := range bySeance[id] {
			if r.date != first.date || !model.SameCommune(r.commune, first.commune) {
				errs = append(errs, ImportError{Ligne: r.line, Colonne: "date", Raison: fmt.Sprintf("la séance « %s » a déjà la date %s et la commune %s ligne %d", clipValue(id), first.date, first.commune, first.line)})
			}
			k := r.ref + "\x00" + r.nur
			if l, ok := seen[k]; ok {
				errs = append(errs, ImportError{Ligne: r.line, Colonne: "nur", Raison: fmt.Sprintf("la demande %s figure déjà pour le logement %s dans cette séance ligne %d", r.nur, clipValue(r.ref), l)})
			}
			seen[k] = r.line
		}
	}
	return func(tx *storage.Tx) ([]ImportError, error) {
		reg, err := tx.Regles()
		if err != nil {
			return nil, err
		}
		var errs []ImportError
		for _, id := range order {
			c, cerrs, err := a.seanceImportee(tx, reg, id, bySeance[id], name)
			if err != nil {
				return nil, err
			}
			if len(cerrs) > 0 {
				errs = append(errs, cerrs...)
				continue
			}
			old, err := tx.Commission(id)
			switch {
			case err == nil && old.Import != nil && signatureDecisions(old) == signatureDecisions(c):
				continue // imported before: unchanged
			case err == nil:
				what := "existe déjà dans Logis"
				if old.Import != nil {
					what = "a déjà été importée avec d'autres décisions (une séance close se corrige par un amendement motivé)"
				}
				errs = append(errs, ImportError{Ligne: bySeance[id][0].line, Colonne: "seance", Raison: fmt.Sprintf("la séance « %s » %s", clipValue(id), what)})
				continue
			case model.ErrorCode(err) != model.ENOTFOUND:
				return nil, err
			}
			// What is known at import time, from which its documents are
			// drawn (not what the commission saw: the minutes say so).
			snap, _, err := instantane(tx, c, nil)
			if err != nil {
				return nil, err
			}
			snap.Pris = c.Import.Le
			c.Instantane = snap
			if err := tx.PutCommission(c); err != nil {
				errs = append(errs, ImportError{Ligne: bySeance[id][0].line, Colonne: "seance", Raison: model.ErrorMessage(err)})
				continue
			}
			rep.Crees++
		}
		return errs, nil
	}, errs
}

// seanceImportee builds the closed session id from its rows: the dwellings
// and applications must exist; the decisions of each dwelling must hold
// together (one attribution, ranks 1, 2, 3… without gap) and an application
// receives one dwelling at most.
func (a *App) seanceImportee(tx *storage.Tx, reg *model.Regles, id string, rows []decisionRow, name string) (*model.Commission, []ImportError, error) {
	now := a.Now().Round(0)
	c := &model.Commission{ID: id, Date: rows[0].date, Lieu: LieuSeanceImportee, Commune: rows[0].commune,
		Type: model.CommissionAttribution, Statut: model.Close, Cloture: rows[0].date.Time(), // closed the day it sat
		Import: &model.ImportSeance{Fichier: baseName(name), Le: now}}
	var errs []ImportError
	firstLine := map[string]int{}
	for _, r := range rows {
		l, err := tx.Logement(r.ref)
		if model.ErrorCode(err) == model.ENOTFOUND {
			errs = append(errs, ImportError{Ligne: r.line, Colonne: "logement", Raison: fmt.Sprintf("le logement « %s » n'existe pas (importez d'abord logements.csv)", clipValue(r.ref))})
			continue
		} else if err != nil {
			return nil, nil, err
		}
		if !model.SameCommune(l.Commune, r.commune) {
			errs = append(errs, ImportError{Ligne: r.line, Colonne: "commune", Raison: fmt.Sprintf("le logement %s est à %s, pas à %s", l.Reference, l.Commune, clipValue(r.commune))})
			continue
		}
		dem, err := tx.Demande(r.nur)
		if model.ErrorCode(err) == model.ENOTFOUND {
			errs = append(errs, ImportError{Ligne: r.line, Colonne: "nur", Raison: fmt.Sprintf("la demande « %s » n'existe pas (importez d'abord demandes.csv)", clipValue(r.nur))})
			continue
		} else if err != nil {
			return nil, nil, err
		}
		m, err := tx.Menage(dem.Menage)
		if err != nil {
			return nil, nil, err
		}
		d := c.Dossier(l.Reference)
		if d == nil {
			c.Logements = append(c.Logements, model.DossierLogement{Logement: l.Reference, Commune: l.Commune, QPV: l.QPV})
			d = &c.Logements[len(c.Logements)-1]
			firstLine[l.Reference] = r.line
		}
		dec := r.dec
		d.Candidats = append(d.Candidats, model.Candidat{NUR: dem.NUR, Menage: m.ID, Raison: "séance importée", Decision: &dec,
			Profil: profilImport(m, dem, l.Reference, c.Date, reg)})
	}
	alloue := map[string]string{}
	for i := range c.Logements {
		d := &c.Logements[i]
		if err := d.ControleDecisions(true); err != nil {
			errs = append(errs, ImportError{Ligne: firstLine[d.Logement], Colonne: "decision", Raison: "séance " + clipValue(id) + " : " + model.ErrorMessage(err)})
		}
		if b := d.Beneficiaire(); b != nil {
			if other, ok := alloue[b.NUR]; ok {
				errs = append(errs, ImportError{Ligne: firstLine[d.Logement], Colonne: "nur", Raison: fmt.Sprintf("la demande %s reçoit le logement %s et le logement %s dans la séance %s", b.NUR, other, d.Logement, clipValue(id))})
			}
			alloue[b.NUR] = d.Logement
		}
	}
	return c, errs, nil
}

// profilImport is what the objectives need to know of an imported
// candidate, read at import time as ajouterCandidat reads it when a
// candidate is added to a session; a household now living in the dwelling
// (the lease signed since) is not counted as a transfer for it. Keep it in
// step with ajouterCandidat (app/commission.go).
func profilImport(m *model.Menage, dem *model.Demande, ref string, at model.Date, r *model.Regles) *model.ProfilCandidat {
	uc, _ := model.UnitesConsommation(m, at, r)
	q1, q1ok := model.RessourcesParUCQuartile(m, uc)
	return &model.ProfilCandidat{DALO: dem.DALO, DALOPrefet: dem.DALOPrefet, Prioritaire: dem.CategoriesL4411() > 0 || dem.ViolencesFamiliales,
		Mutation: m.Loge() && m.Bail.Logement != ref, RenouvellementUrbain: dem.RenouvellementUrbain,
		RessourcesUC: model.RessourcesParUC(m, uc), UC: uc, QuartileUC: q1, QuartileConnu: q1ok}
}

// signatureDecisions is what an imported session holds from its file: the
// header and each decision, in a stable order.
func signatureDecisions(c *model.Commission) string {
	var lines []string
	for _, d := range c.Logements {
		for _, k := range d.Candidats {
			dec := model.Decision{}
			if k.Decision != nil {
				dec = *k.Decision
			}
			lines = append(lines, fmt.Sprintf("%s|%s|%s|%d|%s|%s", d.Logement, k.NUR, dec.Type, dec.Rang, strings.Join(dec.Motifs, ","), dec.Precisions))
		}
	}
	sort.Strings(lines)
	return fmt.Sprintf("%s|%s|%s\n", c.Date.ISO(), model.CommuneKey(c.Commune), c.Type) + strings.Join(lines, "\n")
}

// Importee reports whether session c was brought in from a decisions file.
func Importee(c *model.Commission) bool { return c != nil && c.Import != nil }
