package app

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
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
	p, err := a.MiseEnPagePV(id)
	if err != nil {
		return err
	}
	return p.Ecrire(w)
}

// MiseEnPagePV lays out the minutes of session id as data (see PV).
func (a *App) MiseEnPagePV(id string) (*pdf.PV, error) {
	d, err := a.lireDocuments(id)
	if err != nil {
		return nil, err
	}
	return pdf.MiseEnPagePV(pdf.SourcePV{Commission: d.c, Office: d.office, Logements: d.logements, Menages: d.menages})
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
// a decision, one per tenant examined for the occupancy.
func (a *App) lettres(d *documentsData, opt OptionsCourriers) ([]*pdf.Lettre, error) {
	if d.c.Statut != model.Close {
		return nil, model.Errorf(model.ECONFLICT, "La commission %s n'est pas close : les courriers partent après la clôture de la séance.", d.c.ID)
	}
	today := opt.Date
	if opt.Mode == "" {
		opt.Mode = model.Recommande
	}
	if _, err := model.ParseModeNotification(string(opt.Mode)); err != nil {
		return nil, err
	}
	if opt.Notification.IsZero() {
		opt.Notification = model.ReceptionPrevue(today, opt.Mode, d.office.DelaiPostalJours())
	}
	if opt.Notification < today {
		return nil, model.Errorf(model.EINVALID, "La date de notification (%s) ne peut pas précéder la date des courriers (%s).", opt.Notification, today)
	}
	if !d.c.Date.IsZero() && today < d.c.Date {
		return nil, model.Errorf(model.EINVALID, "Les courriers ne peuvent pas être datés (%s) d'avant la séance (%s).", today, d.c.Date)
	}
	var out []*pdf.Lettre
	// The postal address is today's: the household's current record and
	// the dwelling it rents today.
	domicile := func(id string) *model.Logement {
		if m := d.postaux[id]; m != nil && m.Loge() {
			return d.domiciles[m.Bail.Logement]
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
			m := d.menages[k.Menage]
			if m == nil {
				return nil, errMenageAbsent(k.Menage)
			}
			l, err := pdf.MiseEnPage(pdf.Courrier{Commission: d.c, Office: d.office, Date: today, Notification: opt.Notification, Mode: opt.Mode, Menage: m,
				Postal: d.postaux[k.Menage], Domicile: domicile(k.Menage),
				Candidat: k, Logement: d.logements[dl.Logement]})
			if err != nil {
				return nil, err
			}
			out = append(out, l)
		}
	}
	for i := range d.c.Occupation {
		o := &d.c.Occupation[i]
		m := d.menages[o.Menage]
		if m == nil {
			return nil, errMenageAbsent(o.Menage)
		}
		l, err := pdf.MiseEnPage(pdf.Courrier{Commission: d.c, Office: d.office, Date: today, Menage: m,
			Postal: d.postaux[o.Menage], Domicile: domicile(o.Menage),
			Logement: d.logements[o.Logement], Occupation: o})
		if err != nil {
			return nil, err
		}
		out = append(out, l)
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
	return out, nil
}

// Courriers writes the letters of session id into dir: first one combined
// PDF to print (« <id>_courriers.pdf », each letter on new pages), then one
// file per letter. It returns the paths written, the combined file first.
func (a *App) Courriers(id string, dir string, progress Progress) ([]string, error) {
	return a.CourriersAvec(id, dir, OptionsCourriers{}, progress)
}

// CourriersAvec is Courriers with the letters' date and the notification
// date of the offers given.
func (a *App) CourriersAvec(id string, dir string, opt OptionsCourriers, progress Progress) ([]string, error) {
	if opt.Date.IsZero() {
		opt.Date = a.Today()
	}
	d, err := a.lireDocuments(id)
	if err != nil {
		return nil, err
	}
	lettres, err := a.lettres(d, opt)
	if err != nil {
		return nil, err
	}
	if len(lettres) == 0 {
		return nil, model.Errorf(model.EINVALID, "La commission %s n'a aucune décision ni examen de l'occupation : il n'y a pas de courrier à écrire.", id)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, model.Errorf(model.EINVALID, "Le dossier « %s » ne peut pas être créé.", dir)
	}
	total := 2 * len(lettres)
	liasse, err := pdf.ComposerCourriers(lettres, opt.Date, func(done, _ int) { progress.report(done, total) })
	if err != nil {
		return nil, err
	}
	combined := filepath.Join(dir, d.c.ID+"_courriers.pdf")
	if err := ecrireFichier(combined, liasse.EcrireTout); err != nil {
		return nil, err
	}
	paths := []string{combined}
	// One file per letter, cut out of the combined PDF (no second drawing,
	// the fonts are parsed once).
	for i, l := range lettres {
		b, err := liasse.Courrier(i)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, l.Fichier)
		if err := ecrireFichier(p, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return nil, err
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
	if err := a.noterEnvoi(d.c.ID, opt, d.office, len(lettres)); err != nil {
		return paths, err
	}
	a.Log.Info("courriers", "commission", d.c.ID, "courriers", len(lettres))
	return paths, nil
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

// ecrireFichier writes through a temporary file renamed at the end, so that
// a failure never leaves half a PDF.
func ecrireFichier(path string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".logis-*")
	if err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire dans le dossier de « %s ».", path)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return model.Errorf(model.EINVALID, "Impossible d'écrire « %s » (disque plein ?).", path)
	}
	if err := tmp.Close(); err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire « %s ».", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire « %s » : le fichier est peut-être ouvert dans un autre programme.", path)
	}
	return nil
}
