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

// DossierSeance writes, as PDF into w, the « dossier de séance » a member
// of the commission takes home: one page per dwelling examined (its
// characteristics and rent; the candidates in presentation mode — initials,
// the NUR's last four characters, incomes as bands, disability and
// violence as « critère de priorité »; the program's proposed rank and its
// reason; for a closed session the rules' verdicts the commission saw),
// watermarked « CONFIDENTIEL » with the member's name. membre must be a
// member of the session (EINVALID otherwise). Each copy is journaled.
// Refused to the consultation role (EFORBIDDEN).
func (a *App) DossierSeance(id, membre string, w io.Writer) error {
	r, nom, err := a.MiseEnPageDossierSeance(id, membre)
	if err != nil {
		return err
	}
	if err := pdf.WriteDonnees(r, w); err != nil {
		return err
	}
	return a.Journaliser(fmt.Sprintf("Dossier de séance %s : exemplaire de %s", id, nom))
}

// MiseEnPageDossierSeance lays out the members' file of session id for
// membre (see DossierSeance) and returns it with the member's name as
// printed. Nothing is journaled.
func (a *App) MiseEnPageDossierSeance(id, membre string) (*pdf.Releve, string, error) {
	if err := a.Peut(model.ActionDocuments); err != nil {
		return nil, "", err
	}
	d, err := a.lireDocuments(id)
	if err != nil {
		return nil, "", err
	}
	nom := ""
	for _, m := range d.c.Membres {
		if memeMembre(m, membre) {
			nom = m.NomCivil()
		}
	}
	if nom == "" {
		return nil, "", model.Errorf(model.EINVALID, "« %s » n'est pas un membre de la séance %s : ajoutez-le dans « Membres et quorum », ou indiquez le nom tel qu'il y figure.", clipNom(membre), id)
	}
	return releveSeance(d, nom, a.Today()), nom, nil
}

// memeMembre reports whether s names member m: its name, or its name as
// printed on the minutes (« Mme Nadia Benali », « Madame Nadia Benali »),
// ignoring case, spacing and the civilité.
func memeMembre(m model.Membre, s string) bool {
	return sansCivilite(m.Nom) == sansCivilite(s)
}

// sansCivilite folds s (case, non-breaking and repeated spaces) and drops a
// leading civilité.
func sansCivilite(s string) string {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(s, "\u00a0", " ")))
	if len(f) > 1 {
		switch f[0] {
		case "mme", "madame", "m.", "monsieur":
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

func clipNom(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// releveSeance lays out the members' file of a session (see DossierSeance).
func releveSeance(d *documentsData, membre string, at model.Date) *pdf.Releve {
	c := d.c
	r := &pdf.Releve{Date: at, Titre: "Dossier de séance – commission du " + c.Date.String() + " (" + c.ID + ")",
		Filigrane:      "CONFIDENTIEL\n" + membre,
		SautParSection: true,
		Intro: "Exemplaire personnel de " + membre + ", confidentiel : ne pas diffuser ni copier ; à détruire après la séance. " +
			"Les candidats y sont présentés sans leur nom (initiales), avec les quatre derniers caractères du NUR, les ressources par tranches, " +
			"et le handicap ou les violences seulement comme « critère de priorité ». Les rangs sont des propositions du programme : la commission décide."}
	if d.office != nil {
		r.Emetteur = append([]string{d.office.Nom}, d.office.Adresse...)
	}
	for _, dl := range c.Logements {
		sec := pdf.SectionReleve{Titre: "Logement " + dl.Logement}
		if l := d.logements[dl.Logement]; l != nil {
			sec.Lignes = append(sec.Lignes, fmt.Sprintf("%s, %s m², %s – %s. Financement %s, loyer %s + charges %s = %s par mois.",
				model.TypologieLabel(l.Typologie), model.FormatNumber(l.Surface, 1), strings.TrimSpace(l.Adresse), l.Commune,
				l.Financement, l.Loyer, l.Charges, l.Quittance()))
		}
		if len(dl.Candidats) == 0 {
			sec.Lignes = append(sec.Lignes, "Aucun candidat présenté.")
		}
		for _, k := range dl.Candidats {
			m := d.menages[k.Menage]
			noms := model.NomsDe(m)
			who := "Candidat"
			if m != nil {
				who = model.InitialesNom(m.Nom())
			}
			rang := "hors classement"
			if k.RangPropo > 0 {
				rang = fmt.Sprintf("rang proposé %d", k.RangPropo)
			}
			line := fmt.Sprintf("• %s – NUR %s – %s", who, model.NURMasque(k.NUR), rang)
			if m != nil {
				line += fmt.Sprintf(" – %d personne(s), revenu fiscal de référence %s par an, ressources mensuelles %s",
					len(m.Personnes), model.BandeMontant(m.Ressources.RevenuFiscal), model.BandeMontant(m.Ressources.Mensuelles))
				prio := m.HasHandicap() || m.HasPerteAutonomie()
				if c.Instantane != nil {
					if dem := c.Instantane.Demande(k.NUR); dem != nil && (dem.ViolencesFamiliales || dem.DALO || dem.CategoriesL4411() > 0) {
						prio = true
					}
				}
				if prio {
					line += " – " + model.CritereMasque
				}
			}
			sec.Lignes = append(sec.Lignes, line+".")
			if k.Raison != "" {
				sec.Lignes = append(sec.Lignes, "   Raison du rang : "+model.MasquerTexte(k.Raison, noms))
			}
			if c.Instantane != nil {
				if e := c.Instantane.Examen(dl.Logement, k.NUR); e != nil {
					for _, v := range e.Verdicts {
						if v.Resultat == model.NonApplicable {
							continue
						}
						mv := model.MasquerVerdict(v, noms)
						sec.Lignes = append(sec.Lignes, "   "+mv.Titre+" : "+mv.Resultat.Label()+" – "+mv.Explication)
					}
				}
			}
		}
		r.Sections = append(r.Sections, sec)
	}
	if len(r.Sections) == 0 {
		r.Sections = []pdf.SectionReleve{{Titre: "Aucun logement examiné", Lignes: []string{"La séance n'examine encore aucun logement."}}}
	}
	return r
}

// EcrireDossierSeance writes the members' file of session id for membre
// into dir, as « ID-dossier-NOM.pdf », and returns its path (see
// DossierSeance).
func (a *App) EcrireDossierSeance(id, membre, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", model.Errorf(model.EINVALID, "Le dossier « %s » n'a pas pu être créé.", filepath.Base(dir))
	}
	path := filepath.Join(dir, fichierSur(id)+"-dossier-"+fichierSur(strings.ReplaceAll(strings.TrimSpace(membre), " ", "-"))+".pdf")
	if err := ecrireFichier(path, func(w io.Writer) error { return a.DossierSeance(id, membre, w) }); err != nil {
		return "", err
	}
	return path, nil
}
