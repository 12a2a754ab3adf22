package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"logis/app/pdf"
	"logis/model"
)

// MiseEnPageOffreSuivante lays out, as data, the offer letter of the
// ranked candidate who holds the offer of dwelling ref of closed session id
// once the ranks before have refused it or let the deadline pass (art.
// R.441-3 CCH): the dwelling and the household as the commission saw them
// (the snapshot), today's postal address, the reply deadline of ten days
// from the receipt (R.441-10 CCH; opt as for the session's letters, dated
// today when opt.Date is zero). nur, when given, must be that candidate;
// ref may be empty when nur holds one offer in the session. Errors:
// EFORBIDDEN (role), ENOTFOUND, ECONFLICT (session not closed), EINVALID
// (nobody holds the offer, the holder is the session's first offer — its
// letter is the session's —, the lease is signed, dates).
func (a *App) MiseEnPageOffreSuivante(id, ref, nur string, opt OptionsCourriers) (*pdf.Lettre, error) {
	l, _, err := a.offreSuivante(id, ref, nur, opt)
	return l, err
}

// offreSuivante lays out the letter and tells what it is.
func (a *App) offreSuivante(id, ref, nur string, opt OptionsCourriers) (*pdf.Lettre, *OffreSuivante, error) {
	if err := a.Peut(model.ActionDocuments); err != nil {
		return nil, nil, err
	}
	if opt.Date.IsZero() {
		opt.Date = a.Today()
	}
	d, err := a.lireDocuments(id)
	if err != nil {
		return nil, nil, err
	}
	if opt, err = d.options(opt); err != nil {
		return nil, nil, err
	}
	nur = strings.TrimSpace(nur)
	if ref = strings.TrimSpace(ref); ref == "" {
		if nur == "" {
			return nil, nil, model.Errorf(model.EINVALID, "Indiquez le logement ou la demande du courrier d'offre.")
		}
		if ref, err = offreDe(d.c, nur); err != nil {
			return nil, nil, err
		}
	}
	if d.c.Dossier(ref) == nil {
		return nil, nil, model.Errorf(model.ENOTFOUND, "Le logement %s n'est pas examiné par la commission %s.", ref, id)
	}
	t := d.c.TitulaireOffre(ref)
	switch {
	case t == nil:
		return nil, nil, model.Errorf(model.EINVALID, "Plus aucun candidat classé ne détient l'offre du logement %s (commission %s) : il n'y a pas de courrier d'offre à écrire ; le logement revient à une prochaine commission.", ref, id)
	case nur != "" && t.NUR != nur:
		return nil, nil, model.Errorf(model.EINVALID, "La demande %s ne détient pas l'offre du logement %s : elle est à la demande %s.", nur, ref, t.NUR)
	case t.Decision == nil || t.Decision.Type != model.AttributionClassee || t.Decision.Rang < 2:
		return nil, nil, model.Errorf(model.EINVALID, "La demande %s détient l'offre du logement %s depuis la séance : son courrier d'offre est celui de la séance (Documents › Préparer les courriers).", t.NUR, ref)
	}
	if e := d.c.EtatOffre(ref, t.NUR); e.Reponse == model.OffreBailSigne {
		return nil, nil, model.Errorf(model.EINVALID, "Le bail du logement %s est signé (le %s) par la demande %s : l'offre n'est plus à envoyer.", ref, e.BailLe, t.NUR)
	}
	c, err := d.courrierCandidat(ref, t, opt)
	if err != nil {
		return nil, nil, err
	}
	c.Passage = true
	l, err := pdf.MiseEnPage(c)
	if err != nil {
		return nil, nil, err
	}
	return l, &OffreSuivante{Logement: ref, NUR: t.NUR, Rang: t.Decision.Rang, Echeance: l.Echeance}, nil
}

// OffreSuivante is an offer letter written after the session.
type OffreSuivante struct {
	Fichier  string     // path of the PDF written
	Logement string     // the dwelling offered
	NUR      string     // the application it goes to
	Rang     int        // its rank in the classement
	Echeance model.Date // the reply deadline stated
}

// CourrierOffreSuivante writes into dir the offer letter of
// MiseEnPageOffreSuivante, « <séance>_<NUR>_offre-rang-<n>.pdf », and
// journals it (identifiers only). Errors: those of MiseEnPageOffreSuivante,
// EINVALID (the folder cannot be written).
func (a *App) CourrierOffreSuivante(id, ref, nur, dir string, opt OptionsCourriers) (*OffreSuivante, error) {
	l, o, err := a.offreSuivante(id, ref, nur, opt)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, ModeDossierPrive); err != nil {
		return nil, model.Errorf(model.EINVALID, "Le dossier « %s » ne peut pas être créé.", dir)
	}
	o.Fichier = filepath.Join(dir, l.Fichier)
	if err := ecrireFichier(o.Fichier, func(w io.Writer) error { return pdf.EcrireCourrier(w, l) }); err != nil {
		return nil, err
	}
	if err := a.Journaliser(fmt.Sprintf("Export : courrier d'offre au rang %d de la commission %s, logement %s", o.Rang, id, o.Logement)); err != nil {
		return nil, err
	}
	return o, nil
}
