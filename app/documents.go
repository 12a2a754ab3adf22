package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"logis/app/pdf"
	"logis/model"
	"logis/storage"
)

// documentsData is everything the documents of a session need. For a
// closed session, logements and menages come from its snapshot (what the
// commission saw); postaux and domiciles are always the current records,
// for the postal address of the letters.
type documentsData struct {
	c         *model.Commission
	office    *model.Office
	logements map[string]*model.Logement
	menages   map[string]*model.Menage
	postaux   map[string]*model.Menage   // current households, for the address
	domiciles map[string]*model.Logement // current dwellings of the tenants, for the address
}

// lireDocuments reads the session, its dwellings, the households examined,
// the dwellings the tenants rent and the office's identity in one View. A
// closed session without a snapshot (closed by an earlier version) gets one
// first, in its own transaction (see reprendreInstantane).
func (a *App) lireDocuments(id string) (*documentsData, error) {
	d, err := a.lireDocumentsTx(id)
	if err == nil && d.c.Statut == model.Close && d.c.Instantane == nil {
		if _, err = a.reprendreInstantane(id); err == nil {
			d, err = a.lireDocumentsTx(id)
		}
	}
	return d, err
}

func (a *App) lireDocumentsTx(id string) (*documentsData, error) {
	d := &documentsData{logements: map[string]*model.Logement{}, menages: map[string]*model.Menage{},
		postaux: map[string]*model.Menage{}, domiciles: map[string]*model.Logement{}}
	err := a.DB.View(func(tx *storage.Tx) error {
		var err error
		if d.c, err = tx.Commission(id); err != nil {
			return err
		}
		if d.office, err = tx.Office(); err != nil {
			return err
		}
		snap := d.c.Instantane
		if d.c.Statut != model.Close {
			snap = nil // a draft shows the records as they are
		}
		lireLogement := func(ref string, into map[string]*model.Logement) error {
			if ref == "" || into[ref] != nil {
				return nil
			}
			l, err := tx.Logement(ref)
			if err != nil {
				return err
			}
			into[ref] = l
			return nil
		}
		logement := func(ref string) error {
			if snap != nil {
				if l := snap.Logement(ref); l != nil {
					d.logements[ref] = l
				}
				return nil // not in the snapshot: the documents say only the reference
			}
			return lireLogement(ref, d.logements)
		}
		menage := func(mid string) error {
			if d.postaux[mid] != nil {
				return nil
			}
			m, err := tx.Menage(mid)
			if err != nil && !(snap != nil && model.ErrorCode(err) == model.ENOTFOUND) {
				return err
			}
			if m != nil {
				d.postaux[mid] = m
				if m.Loge() {
					if err := lireLogement(m.Bail.Logement, d.domiciles); err != nil && model.ErrorCode(err) != model.ENOTFOUND {
						return err
					}
				}
			}
			if snap != nil {
				if sm := snap.Menage(mid); sm != nil {
					d.menages[mid] = sm
					if sm.Loge() {
						return logement(sm.Bail.Logement)
					}
				}
				return nil
			}
			d.menages[mid] = m
			if m.Loge() {
				return logement(m.Bail.Logement)
			}
			return nil
		}
		for _, dl := range d.c.Logements {
			if err := logement(dl.Logement); err != nil {
				return err
			}
			for _, k := range dl.Candidats {
				if err := menage(k.Menage); err != nil {
					return err
				}
			}
		}
		for _, o := range d.c.Occupation {
			if err := logement(o.Logement); err != nil {
				return err
			}
			if err := menage(o.Menage); err != nil {
				return err
			}
		}
		return nil
	})
	return d, err
}

// PV writes the minutes of session id as PDF into w. A session still in
// preparation gives a draft marked « PROJET »; a closed session's minutes
// are drawn from its snapshot only, so they never change after closing but
// through an amendment.
func (a *App) PV(id string, w io.Writer) error {
	if err := a.Peut(model.ActionDocuments); err != nil {
		return err
	}
	p, err := a.MiseEnPagePV(id)
	if err != nil {
		return err
	}
	if err := p.Ecrire(w); err != nil {
		return err
	}
	return a.Journaliser("Export : procès-verbal de la commission " + id)
}

// MiseEnPagePV lays out the minutes of session id as data (see PV).
func (a *App) MiseEnPagePV(id string) (*pdf.PV, error) {
	d, err := a.lireDocuments(id)
	if err != nil {
		return nil, err
	}
	sit, err := a.SituationsSeance(id)
	if err != nil {
		return nil, err
	}
	info, err := a.InformationsSeance(id)
	if err != nil {
		return nil, err
	}
	return pdf.MiseEnPagePV(pdf.SourcePV{Commission: d.c, Office: d.office, Logements: d.logements, Menages: d.menages,
		Situations: sit, Informations: info})
}

// OptionsCourriers dates the letters: Date is the letters' date (today when
// zero); Mode how they are notified (model.Recommande when empty);
// Notification the day the letters are deemed received, from which an
// offer's ten-day reply deadline runs — when zero, computed from the mode:
// the letters' date for a hand delivery, else that date plus the postal
// delay of Paramètres (model.ReceptionPrevue).
type OptionsCourriers struct {
	Date         model.Date
	Mode         model.ModeNotification
	Notification model.Date
}

// lettres lays out every letter of a closed session: one per candidate with
// a decision, one per tenant examined for the occupancy. A letter that
// cannot be written as the law requires (a documents deadline already
// passed at the letters' date…) is left out and listed in ecartes, in
// French, named by its application or household number; the others are
// written.
func (a *App) lettres(d *documentsData, opt OptionsCourriers) (out []*pdf.Lettre, ecartes []string, err error) {
	opt, err = d.options(opt)
	if err != nil {
		return nil, nil, err
	}
	today := opt.Date
	// Every recipient's address is checked first: the letters go out as one
	// batch once every address fits an envelope (adresses_courriers.go).
	if err := verifierAdresses(d); err != nil {
		return nil, nil, err
	}
	ajouter := func(l *pdf.Lettre, err error) error {
		switch {
		case err == nil:
			out = append(out, l)
		case model.ErrorCode(err) == model.EINVALID:
			ecartes = append(ecartes, model.ErrorMessage(err))
		default:
			return err
		}
		return nil
	}
	for i := range d.c.Logements {
		dl := &d.c.Logements[i]
		for j := range dl.Candidats {
			k := &dl.Candidats[j]
			if k.Decision == nil {
				continue
			}
			if m := d.menages[k.Menage]; m != nil && !m.Efface.IsZero() { // right to erasure: no name nor address left
				ecartes = append(ecartes, fmt.Sprintf("Demande %s : %s (droit à l'effacement), aucun courrier.", k.NUR, m.Nom()))
				continue
			}
			c, err := d.courrierCandidat(dl.Logement, k, opt)
			if err != nil {
				return nil, nil, err
			}
			if err := ajouter(pdf.MiseEnPage(c)); err != nil {
				return nil, nil, err
			}
		}
	}
	for i := range d.c.Occupation {
		o := &d.c.Occupation[i]
		m := d.menages[o.Menage]
		if m == nil {
			return nil, nil, errMenageAbsent(o.Menage)
		}
		if err := ajouter(pdf.MiseEnPage(pdf.Courrier{Commission: d.c, Office: d.office, Date: today, Menage: m,
			Postal: d.postaux[o.Menage], Domicile: d.domicile(o.Menage),
			Logement: d.logements[o.Logement], Occupation: o})); err != nil {
			return nil, nil, err
		}
	}
	// Two letters with the same name (one application examined for two
	// dwellings) get a number.
	seen := map[string]int{}
	for _, l := range out {
		seen[l.Fichier]++
		if n := seen[l.Fichier]; n > 1 {
			l.Fichier = strings.TrimSuffix(l.Fichier, ".pdf") + "_" + itoa(n) + ".pdf"
		}
	}
	return out, ecartes, nil
}

// options checks that session d is closed and the letters' dates of opt,
// and completes opt: mode recommandé when empty, receipt from the mode and
// the postal delay of Paramètres when zero. Errors: ECONFLICT (session not
// closed), EINVALID (mode, dates before the session or the receipt before
// the letters).
func (d *documentsData) options(opt OptionsCourriers) (OptionsCourriers, error) {
	if d.c.Statut != model.Close {
		return opt, model.Errorf(model.ECONFLICT, "La commission %s n'est pas close : les courriers partent après la clôture de la séance.", d.c.ID)
	}
	if opt.Mode == "" {
		opt.Mode = model.Recommande
	}
	if _, err := model.ParseModeNotification(string(opt.Mode)); err != nil {
		return opt, err
	}
	if opt.Notification.IsZero() {
		opt.Notification = model.ReceptionPrevue(opt.Date, opt.Mode, d.office.DelaiPostalJours())
	}
	if opt.Notification < opt.Date {
		return opt, model.Errorf(model.EINVALID, "La date de notification (%s) ne peut pas précéder la date des courriers (%s).", opt.Notification, opt.Date)
	}
	if !d.c.Date.IsZero() && opt.Date < d.c.Date {
		return opt, model.Errorf(model.EINVALID, "Les courriers ne peuvent pas être datés (%s) d'avant la séance (%s).", opt.Date, d.c.Date)
	}
	return opt, nil
}

// domicile is the dwelling household id rents today (its postal address),
// nil when it rents none.
func (d *documentsData) domicile(id string) *model.Logement {
	if m := d.postaux[id]; m != nil && m.Loge() {
		return d.domiciles[m.Bail.Logement]
	}
	return nil
}

// courrierCandidat gathers the letter of candidate k for dwelling ref: the
// household and the dwelling as the commission saw them (the snapshot of a
// closed session), today's postal address, dated and notified as opt says
// (opt.Notification computed).
func (d *documentsData) courrierCandidat(ref string, k *model.Candidat, opt OptionsCourriers) (pdf.Courrier, error) {
	m := d.menages[k.Menage]
	if m == nil {
		return pdf.Courrier{}, errMenageAbsent(k.Menage)
	}
	if d.logements[ref] == nil {
		return pdf.Courrier{}, model.Errorf(model.ENOTFOUND, "Le logement %s n'est ni dans l'instantané de la séance ni dans la base : ses courriers ne peuvent pas être écrits.", ref)
	}
	c := pdf.Courrier{Commission: d.c, Office: d.office, Date: opt.Date, Notification: opt.Notification, Mode: opt.Mode, Menage: m,
		Postal: d.postaux[k.Menage], Domicile: d.domicile(k.Menage),
		Candidat: k, Logement: d.logements[ref]}
	if s := d.c.Instantane; s != nil && d.c.Statut == model.Close {
		c.Examen, c.Demande = s.Examen(ref, k.NUR), s.Demande(k.NUR)
	}
	return c, nil
}

// RapportCourriers is what a printing of the letters did.
type RapportCourriers struct {
	Fichiers []string // the combined PDF to print first, then one file per letter
	// Ecartes are the letters not written, each with why (French; named by
	// application or household number, never by name). The others are.
	Ecartes []string
	// Avertissements are what the office should check before posting: the
	// identity of Paramètres still the example's, a documents deadline on a
	// closed day or too close to the letters.
	Avertissements []string
}

func plafondDepasse(e *model.ExamenInstantane) bool {
	for _, v := range e.Verdicts {
		if v.Regle == "plafond" {
			return v.Resultat == model.Alerte
		}
	}
	return false
}

// avertissements lists what to check before posting the letters of d.
func avertissements(d *documentsData, date model.Date) []string {
	var out []string
	if p := d.office.IdentiteProvisoire(); len(p) > 0 {
		out = append(out, "Identité de l'Office à compléter dans Paramètres avant l'envoi : "+strings.Join(p, " ; ")+".")
	}
	for _, dl := range d.c.Logements {
		for _, k := range dl.Candidats {
			if k.Decision != nil && k.Decision.Type == model.Irrecevabilite && slices.Contains(k.Decision.Motifs, "plafond") && d.c.Instantane != nil {
				if e := d.c.Instantane.Examen(dl.Logement, k.NUR); e == nil || !plafondDepasse(e) {
					out = append(out, "Demande "+k.NUR+" : irrecevabilité pour ressources, mais les montants examinés par la commission ne montrent pas de dépassement du plafond ; le courrier n'en donne pas les chiffres : vérifiez la décision et ses précisions.")
				}
			}
			if k.Decision == nil || k.Decision.DateLimite <= date {
				continue // a passed deadline leaves the letter out (Ecartes)
			}
			for _, a := range k.Decision.AlertesDateLimite(date) {
				out = append(out, "Demande "+k.NUR+" (condition suspensive) : "+a+".")
			}
		}
	}
	return out
}

// Courriers writes the letters of session id into dir: first one combined
// PDF to print (« <id>_courriers.pdf », each letter on new pages), then one
// file per letter. It returns the paths written, the combined file first.
func (a *App) Courriers(id string, dir string, progress Progress) ([]string, error) {
	return a.CourriersAvec(id, dir, OptionsCourriers{}, progress)
}

// CourriersAvec is Courriers with the letters' date, mode and receipt
// given. Letters left out (see RapportCourriers) make an EINVALID error
// listing them, the others being written: use CourriersRapport to tell
// them apart.
func (a *App) CourriersAvec(id string, dir string, opt OptionsCourriers, progress Progress) ([]string, error) {
	if err := a.Peut(model.ActionDocuments); err != nil {
		return nil, err
	}
	r, err := a.CourriersRapport(id, dir, opt, progress)
	if err == nil && len(r.Ecartes) > 0 {
		err = model.Errorf(model.EINVALID, "%d courrier(s) non écrit(s), les autres l'ont été : %s", len(r.Ecartes), strings.Join(r.Ecartes, " "))
	}
	return r.Fichiers, err
}

// CourriersRapport writes the letters of session id into dir (see
// Courriers) and says which were left out and what to check before
// posting.
func (a *App) CourriersRapport(id string, dir string, opt OptionsCourriers, progress Progress) (RapportCourriers, error) {
	var r RapportCourriers
	if opt.Date.IsZero() {
		opt.Date = a.Today()
	}
	d, err := a.lireDocuments(id)
	if err != nil {
		return r, err
	}
	lettres, ecartes, err := a.lettres(d, opt)
	if err != nil {
		return r, err
	}
	r.Ecartes, r.Avertissements = ecartes, avertissements(d, opt.Date)
	if len(lettres) == 0 && len(ecartes) > 0 {
		return r, model.Errorf(model.EINVALID, "Aucun courrier n'a pu être écrit : %s", strings.Join(ecartes, " "))
	}
	if len(lettres) == 0 {
		return r, model.Errorf(model.EINVALID, "La commission %s n'a aucune décision ni examen de l'occupation : il n'y a pas de courrier à écrire.", id)
	}
	if err := os.MkdirAll(dir, ModeDossierPrive); err != nil {
		return r, model.Errorf(model.EINVALID, "Le dossier « %s » ne peut pas être créé.", dir)
	}
	if err := a.Journaliser(fmt.Sprintf("Export : %d courrier(s) de la commission %s", len(lettres), id)); err != nil {
		return r, err
	}
	total := 2 * len(lettres)
	liasse, err := pdf.ComposerCourriers(lettres, opt.Date, func(done, _ int) { progress.report(done, total) })
	if err != nil {
		return r, err
	}
	combined := filepath.Join(dir, d.c.ID+"_courriers.pdf")
	if err := ecrireFichier(combined, liasse.EcrireTout); err != nil {
		return r, err
	}
	paths := []string{combined}
	// One file per letter, cut out of the combined PDF (no second drawing,
	// the fonts are parsed once).
	for i, l := range lettres {
		b, err := liasse.Courrier(i)
		if err != nil {
			return r, err
		}
		p := filepath.Join(dir, l.Fichier)
		if err := ecrireFichier(p, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return r, err
		}
		paths = append(paths, p)
		progress.report(len(lettres)+i+1, total)
	}
	// Letters of an earlier run that this one did not write again (a decision
	// amended since) are removed, so that no outdated letter is sent.
	ecrits := map[string]bool{}
	for _, p := range paths {
		ecrits[filepath.Base(p)] = true
	}
	if anciens, err := filepath.Glob(filepath.Join(dir, d.c.ID+"_*.pdf")); err == nil {
		for _, p := range anciens {
			if !ecrits[filepath.Base(p)] && pdf.EstCourrier(d.c.ID, filepath.Base(p)) {
				os.Remove(p)
			}
		}
	}
	r.Fichiers = paths
	if err := a.noterEnvoi(d.c.ID, opt, d.office, len(lettres)); err != nil {
		return r, err
	}
	a.Log.Info("courriers", "commission", d.c.ID, "courriers", len(lettres), "ecartes", len(ecartes))
	return r, nil
}

// noterEnvoi records in the session the printing of its letters, with their
// date and mode of notification (the minutes state it); printing the same
// letters again the same way records nothing new.
func (a *App) noterEnvoi(id string, opt OptionsCourriers, o *model.Office, n int) error {
	if opt.Mode == "" {
		opt.Mode = model.Recommande
	}
	if opt.Notification.IsZero() {
		opt.Notification = model.ReceptionPrevue(opt.Date, opt.Mode, o.DelaiPostalJours())
	}
	e := model.Envoi{Date: opt.Date, Mode: opt.Mode, Reception: opt.Notification, Courriers: n}
	return a.DB.Update("Commission "+id+" : courriers du "+opt.Date.String()+" ("+opt.Mode.Label()+")", func(tx *storage.Tx) error {
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		if k := len(c.Envois); k > 0 && c.Envois[k-1] == e {
			return nil
		}
		c.Envois = append(c.Envois, e)
		return tx.PutCommission(c)
	})
}

func errMenageAbsent(id string) error {
	return model.Errorf(model.ENOTFOUND, "Le ménage %s n'est ni dans la base ni dans l'instantané de la séance : son courrier ne peut pas être écrit.", id)
}
