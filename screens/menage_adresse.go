package screens

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"logis/model"
)

// adresseChamps are the postal-address fields of the household sheet, in
// the order of the envelope (AFNOR XP Z10-011).
type adresseChamps struct {
	compl1, compl2, voie, lieuDit, cp, commune *Champ
}

// checkLigneAdresse checks one address line as it will be printed: no
// control character, at most 38 characters once the postal abbreviations
// are applied.
func checkLigneAdresse(label string) func(string) error {
	return func(s string) error {
		if err := model.CheckTexte(s, model.MaxTexte); err != nil {
			return model.Errorf(model.EINVALID, "%s : la valeur %s.", label, model.ErrorMessage(err))
		}
		if n := utf8.RuneCountInString(model.AbregerLigne(s)); n > model.AdresseCarMax {
			return model.Errorf(model.EINVALID, "%s : %d caractères même abrégée ; 38 au plus (norme postale) : écrivez-la plus court ou sur la ligne de complément.", label, n)
		}
		return nil
	}
}

func newAdresseChamps(form *Form) *adresseChamps {
	a := &adresseChamps{
		compl1:  NewChamp("Complément (appartement, étage, « chez »)", false),
		compl2:  NewChamp("Complément (bâtiment, résidence)", false),
		voie:    NewChamp("Numéro et voie", false),
		lieuDit: NewChamp("Lieu-dit ou boîte postale", false),
		cp:      NewChamp("Code postal", false),
		commune: NewChamp("Commune", false),
	}
	a.compl1.check = checkLigneAdresse("Complément")
	a.compl2.check = checkLigneAdresse("Complément")
	a.voie.check = checkLigneAdresse("Voie")
	a.lieuDit.check = checkLigneAdresse("Lieu-dit")
	a.cp.check = func(s string) error {
		if err := model.CheckCodePostal(s); err != nil {
			return model.Errorf(model.EINVALID, "Code postal : %s.", model.ErrorMessage(err))
		}
		return nil
	}
	a.commune.check = func(s string) error {
		if err := model.CheckTexte(s, model.MaxTexte); err != nil {
			return model.Errorf(model.EINVALID, "Commune : la valeur %s.", model.ErrorMessage(err))
		}
		if n := utf8.RuneCountInString(model.LigneVille("00000", s)); n > model.AdresseCarMax {
			return model.Errorf(model.EINVALID, "Commune : avec le code postal, %d caractères ; 38 au plus (norme postale).", n)
		}
		return nil
	}
	form.Add(a.compl1, a.compl2, a.voie, a.lieuDit, a.cp, a.commune)
	return a
}

func (a *adresseChamps) object() fyne.CanvasObject {
	hint := wrapped("Adresse où envoyer les courriers (6 lignes de 38 caractères au plus avec le nom ; abréviations postales appliquées si besoin). "+
		"Pour un locataire de l'Office, laissez vide : les courriers partent à l'adresse du logement.", fyne.TextStyle{Italic: true})
	return container.NewVBox(hint,
		container.NewGridWithColumns(2, cell("Complément (appartement, étage, « chez »)", a.compl1.Object()), cell("Complément (bâtiment, résidence)", a.compl2.Object())),
		container.NewGridWithColumns(2, cell("Numéro et voie", a.voie.Object()), cell("Lieu-dit ou boîte postale", a.lieuDit.Object())),
		container.NewGridWithColumns(2, cell("Code postal", a.cp.Object()), cell("Commune", a.commune.Object())))
}

// set shows an address (nil for none).
func (a *adresseChamps) set(ad *model.AdressePostale) {
	if ad == nil {
		ad = &model.AdressePostale{}
	}
	var c1, c2 string
	if len(ad.Complement) > 0 {
		c1 = ad.Complement[0]
	}
	if len(ad.Complement) > 1 {
		c2 = ad.Complement[1]
	}
	a.compl1.SetText(c1)
	a.compl2.SetText(c2)
	a.voie.SetText(ad.Voie)
	a.lieuDit.SetText(ad.LieuDit)
	a.cp.SetText(ad.CodePostal)
	a.commune.SetText(ad.Commune)
}

// adresse is the address typed; nil when every field is empty.
func (a *adresseChamps) adresse() *model.AdressePostale {
	ad := &model.AdressePostale{Voie: a.voie.Text(), LieuDit: a.lieuDit.Text(), CodePostal: a.cp.Text(), Commune: a.commune.Text()}
	for _, c := range []*Champ{a.compl1, a.compl2} {
		if v := c.Text(); v != "" {
			ad.Complement = append(ad.Complement, v)
		}
	}
	if ad.Vide() {
		return nil
	}
	return ad
}

// errors are the reasons the address typed cannot be printed (the fields'
// own errors are reported by the form), and the name line's when the
// members' names do not fit on an envelope.
func (a *adresseChamps) errors(m *model.Menage) []string {
	var out []string
	if ad := a.adresse(); ad != nil {
		for _, c := range []*Champ{a.compl1, a.compl2, a.voie, a.lieuDit, a.cp, a.commune} {
			if c.Err() != nil {
				return nil
			}
		}
		if err := ad.Validate(); err != nil {
			out = append(out, model.ErrorMessage(err))
		} else if co, err := model.CommuneDeLOffice(OfficeCommunes(), ad.Commune); err == nil && co.CodePostal != ad.CodePostal {
			out = append(out, fmt.Sprintf("Adresse postale : le code postal %s n'est pas celui %s (%s).", ad.CodePostal, model.De(co.Nom), co.CodePostal))
		}
	}
	if m.Titulaire() != nil && m.Titulaire().Nom != "" {
		if _, err := model.LigneDestinataire(m); err != nil {
			out = append(out, "Nom sur l'enveloppe : "+model.ErrorMessage(err)+".")
		}
	}
	return out
}
