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

// documentsData is everything the documents of a session need, read in one
// transaction.
type documentsData struct {
	c         *model.Commission
	office    *model.Office
	logements map[string]*model.Logement
	menages   map[string]*model.Menage
}

// lireDocuments reads the session, its dwellings, the households examined,
// the dwellings the tenants rent and the office's identity in one View.
func (a *App) lireDocuments(id string) (*documentsData, error) {
	d := &documentsData{logements: map[string]*model.Logement{}, menages: map[string]*model.Menage{}}
	err := a.DB.View(func(tx *storage.Tx) error {
		var err error
		if d.c, err = tx.Commission(id); err != nil {
			return err
		}
		if d.office, err = tx.Office(); err != nil {
			return err
		}
		logement := func(ref string) error {
			if ref == "" || d.logements[ref] != nil {
				return nil
			}
			l, err := tx.Logement(ref)
			if err != nil {
				return err
			}
			d.logements[ref] = l
			return nil
		}
		menage := func(mid string) error {
			if d.menages[mid] != nil {
				return nil
			}
			m, err := tx.Menage(mid)
			if err != nil {
				return err
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
// preparation gives a draft marked « PROJET ».
func (a *App) PV(id string, w io.Writer) error {
	d, err := a.lireDocuments(id)
	if err != nil {
		return err
	}
	p, err := pdf.MiseEnPagePV(pdf.SourcePV{Commission: d.c, Office: d.office, Logements: d.logements, Menages: d.menages})
	if err != nil {
		return err
	}
	return p.Ecrire(w)
}

// OptionsCourriers dates the letters: Date is the letters' date (today when
// zero); Notification the day the offers are deemed notified, from which the
// ten-day reply deadline runs (the letters' date when zero).
type OptionsCourriers struct {
	Date         model.Date
	Notification model.Date
}

// lettres lays out every letter of a closed session: one per candidate with
// a decision, one per tenant examined for the occupancy.
func (a *App) lettres(d *documentsData, opt OptionsCourriers) ([]*pdf.Lettre, error) {
	if d.c.Statut != model.Close {
		return nil, model.Errorf(model.ECONFLICT, "La commission %s n'est pas close : les courriers partent après la clôture de la séance.", d.c.ID)
	}
	today := opt.Date
	if !opt.Notification.IsZero() && opt.Notification < today {
		return nil, model.Errorf(model.EINVALID, "La date de notification (%s) ne peut pas précéder la date des courriers (%s).", opt.Notification, today)
	}
	if !d.c.Date.IsZero() && today < d.c.Date {
		return nil, model.Errorf(model.EINVALID, "Les courriers ne peuvent pas être datés (%s) d'avant la séance (%s).", today, d.c.Date)
	}
	if err := verifierAdresses(d); err != nil {
		return nil, err
	}
	var out []*pdf.Lettre
	domicile := func(m *model.Menage) *model.Logement {
		if m.Loge() {
			return d.logements[m.Bail.Logement]
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
			l, err := pdf.MiseEnPage(pdf.Courrier{Commission: d.c, Office: d.office, Date: today, Notification: opt.Notification, Menage: m, Domicile: domicile(m),
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
		l, err := pdf.MiseEnPage(pdf.Courrier{Commission: d.c, Office: d.office, Date: today, Menage: m, Domicile: d.logements[o.Logement],
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
	a.Log.Info("courriers", "commission", d.c.ID, "courriers", len(lettres))
	return paths, nil
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
