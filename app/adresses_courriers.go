package app

import (
	"strings"

	"logis/model"
)

// verifierAdresses checks, before any letter of a session is laid out, that
// every recipient's postal address can be printed (model.AdresseEnvoi: at
// most 6 lines of 38 characters, never cut). It lists every letter that
// cannot go and why, so that the agent corrects them all at once; nothing is
// printed until then. Errors: EINVALID.
func verifierAdresses(d *documentsData) error {
	var pb []string
	seen := map[string]bool{}
	check := func(mid string, domicile *model.Logement, lettre string) {
		m := d.postaux[mid]                                            // letters go to the current address
		if m == nil || !m.Efface.IsZero() || seen[mid+"\x00"+lettre] { // an erased household gets no letter
			return
		}
		seen[mid+"\x00"+lettre] = true
		if _, err := model.AdresseEnvoi(m, domicile); err != nil {
			pb = append(pb, "– "+lettre+" : "+model.ErrorMessage(err))
		}
	}
	for i := range d.c.Logements {
		dl := &d.c.Logements[i]
		for j := range dl.Candidats {
			k := &dl.Candidats[j]
			if k.Decision == nil {
				continue
			}
			var dom *model.Logement
			if m := d.postaux[k.Menage]; m != nil && m.Loge() {
				dom = d.domiciles[m.Bail.Logement]
			}
			check(k.Menage, dom, "courrier de décision au ménage "+k.Menage+" (logement "+dl.Logement+")")
		}
	}
	for i := range d.c.Occupation {
		o := &d.c.Occupation[i]
		var dom *model.Logement
		if m := d.postaux[o.Menage]; m != nil && m.Loge() {
			dom = d.domiciles[m.Bail.Logement]
		}
		check(o.Menage, dom, "courrier d'examen de l'occupation au ménage "+o.Menage+" (logement "+o.Logement+")")
	}
	if len(pb) == 0 {
		return nil
	}
	return model.Errorf(model.EINVALID, "%d courrier(s) ne peuvent pas partir : l'adresse postale manque ou ne tient pas sur l'enveloppe (6 lignes de 38 caractères au plus). Aucun courrier n'a été écrit ; corrigez ces adresses dans la fiche des ménages puis relancez l'impression.\n%s",
		len(pb), strings.Join(pb, "\n"))
}
