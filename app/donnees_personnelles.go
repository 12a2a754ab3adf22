package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"logis/app/pdf"
	"logis/model"
	"logis/storage"
)

// The persons' rights (RGPD art. 15 to 21, policy §III): access and
// portability (ExporterMenage), erasure (EffacerMenage), restriction
// (RestreindreMenage) and the three-year retention (Purge).

// DonneesMenage is everything the base holds on one household, as written
// to MENAGE.json (right of access, art. 15, and portability, art. 20).
type DonneesMenage struct {
	Genere   time.Time       `json:"genere"`   // when the export was made
	Office   string          `json:"office"`   // the controller
	Menage   model.Menage    `json:"menage"`   // members, resources, lease, address
	Demandes []model.Demande `json:"demandes"` // its applications
	// Verdicts are the policy's rules as computed on the export's date,
	// with figures, thresholds and sources.
	Verdicts []model.Verdict  `json:"verdicts"`
	Seances  []SeanceDuMenage `json:"seances,omitempty"`
	// Journal lists the journal entries about the household or its
	// applications: date, account, action, and only the changes about it.
	Journal []model.Evenement `json:"journal,omitempty"`
}

// SeanceDuMenage is one session that examined the household, reduced to
// what concerns it: its candidacies and decisions, its occupancy review,
// the follow-up of its offers and, for a closed session, what the snapshot
// holds on it.
type SeanceDuMenage struct {
	ID           string                    `json:"id"`
	Date         model.Date                `json:"date"`
	Type         model.TypeCommission      `json:"type"`
	Statut       model.StatutCommission    `json:"statut"`
	Candidatures []CandidatureDuMenage     `json:"candidatures,omitempty"`
	Occupation   []model.DossierOccupation `json:"occupation,omitempty"`
	Suites       []model.SuiteOffre        `json:"suites,omitempty"`
	Instantane   *model.Instantane         `json:"instantane,omitempty"`
}

// CandidatureDuMenage is one application of the household examined for a
// dwelling: the program's rank and reasons, and the decision.
type CandidatureDuMenage struct {
	Logement string         `json:"logement"`
	Candidat model.Candidat `json:"candidat"`
}

// DonneesDuMenage gathers what the base holds on household id. It refuses
// the consultation role (EFORBIDDEN) and an unknown household (ENOTFOUND).
// Nothing about another household is included: sessions are reduced to the
// household's own lines, journal entries to its own changes.
func (a *App) DonneesDuMenage(id string) (*DonneesMenage, error) {
	if err := a.Peut(model.ActionExporterMenage); err != nil {
		return nil, err
	}
	out := &DonneesMenage{Genere: a.Now().Round(0)}
	var regles *model.Regles
	err := a.DB.View(func(tx *storage.Tx) error {
		m, err := tx.Menage(id)
		if err != nil {
			return err
		}
		out.Menage = *m
		if out.Demandes, err = tx.DemandesOfMenage(id); err != nil {
			return err
		}
		if o, err := tx.Office(); err == nil {
			out.Office = o.Nom
		} else if model.ErrorCode(err) != model.ENOTFOUND {
			return err
		}
		if regles, err = tx.Regles(); err != nil {
			return err
		}
		nurs := nursOf(out.Demandes)
		return tx.ForEachCommission(func(c *model.Commission) error {
			if s := seanceDuMenage(c, id, nurs); s != nil {
				out.Seances = append(out.Seances, *s)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	if out.Menage.Efface.IsZero() {
		var l *model.Logement
		if out.Menage.Loge() {
			if l, err = a.Logement(out.Menage.Bail.Logement); err != nil && model.ErrorCode(err) != model.ENOTFOUND {
				return nil, err
			}
		}
		out.Verdicts = Verifier(&out.Menage, demandeCourante(out.Demandes), l, a.Today(), regles)
	}
	journal, err := a.DB.Journal(0)
	if err != nil {
		return nil, err
	}
	out.Journal = journalDuMenage(journal, id, nursOf(out.Demandes))
	return out, nil
}

func nursOf(ds []model.Demande) map[string]bool {
	out := map[string]bool{}
	for _, d := range ds {
		out[d.NUR] = true
	}
	return out
}

// seanceDuMenage reduces session c to household id's lines; nil when the
// session does not concern it.
func seanceDuMenage(c *model.Commission, id string, nurs map[string]bool) *SeanceDuMenage {
	s := &SeanceDuMenage{ID: c.ID, Date: c.Date, Type: c.Type, Statut: c.Statut}
	mine := map[string]bool{}
	for _, dl := range c.Logements {
		for _, k := range dl.Candidats {
			if k.Menage == id || nurs[k.NUR] {
				s.Candidatures = append(s.Candidatures, CandidatureDuMenage{Logement: dl.Logement, Candidat: k})
				mine[k.NUR] = true
			}
		}
	}
	for _, o := range c.Occupation {
		if o.Menage == id {
			s.Occupation = append(s.Occupation, o)
		}
	}
	for _, su := range c.Suites {
		if mine[su.NUR] || nurs[su.NUR] {
			s.Suites = append(s.Suites, su)
		}
	}
	if len(s.Candidatures) == 0 && len(s.Occupation) == 0 {
		return nil
	}
	if snap := c.Instantane; snap != nil {
		part := &model.Instantane{Pris: snap.Pris, Reprise: snap.Reprise}
		if m := snap.Menage(id); m != nil {
			part.Menages = []model.Menage{*m}
			if m.Bail != nil {
				if l := snap.Logement(m.Bail.Logement); l != nil {
					part.Logements = append(part.Logements, *l)
				}
			}
		}
		for _, k := range s.Candidatures {
			if d := snap.Demande(k.Candidat.NUR); d != nil && !slices.ContainsFunc(part.Demandes, func(x model.Demande) bool { return x.NUR == d.NUR }) {
				part.Demandes = append(part.Demandes, *d)
			}
			if e := snap.Examen(k.Logement, k.Candidat.NUR); e != nil {
				part.Examens = append(part.Examens, *e)
			}
			if l := snap.Logement(k.Logement); l != nil && !slices.ContainsFunc(part.Logements, func(x model.Logement) bool { return x.Reference == l.Reference }) {
				part.Logements = append(part.Logements, *l)
			}
		}
		s.Instantane = part
	}
	return s
}

// journalDuMenage keeps the entries whose changes touch household id or one
// of its applications, or whose action names them, each with only those
// changes (an import of many households shows only this one's line).
func journalDuMenage(all []model.Evenement, id string, nurs map[string]bool) []model.Evenement {
	var out []model.Evenement
	for i := len(all) - 1; i >= 0; i-- { // oldest first
		e := all[i]
		var mine []model.Changement
		for _, c := range e.Changements {
			if (c.Type == "menage" && c.Cle == id) || (c.Type == "demande" && nurs[c.Cle]) {
				mine = append(mine, c)
			}
		}
		if len(mine) == 0 && !nomme(e.Action, id, nurs) {
			continue
		}
		out = append(out, model.Evenement{Seq: e.Seq, Quand: e.Quand, Utilisateur: e.Utilisateur, Action: e.Action, Changements: mine})
	}
	return out
}

// nomme says whether action names id or one of the NURs as a whole word.
func nomme(action, id string, nurs map[string]bool) bool {
	for _, w := range strings.FieldsFunc(action, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '(' || r == ')' || r == ':' || r == '/'
	}) {
		w = strings.TrimSuffix(w, ".json")
		w = strings.TrimSuffix(w, ".pdf")
		if w == id || nurs[w] {
			return true
		}
	}
	return false
}

// ExporterMenage writes DIR/ID.json and DIR/ID.pdf (a French summary to
// hand to the person) and journals the export. It returns the two paths.
func (a *App) ExporterMenage(id, dir string) ([]string, error) {
	d, err := a.DonneesDuMenage(id)
	if err != nil {
		return nil, err
	}
	office, err := a.Office()
	if err != nil && model.ErrorCode(err) != model.ENOTFOUND {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, model.Errorf(model.EINVALID, "Le dossier « %s » n'a pas pu être créé : %s", filepath.Base(dir), model.ErrorMessage(err))
	}
	base := fichierSur(id)
	jsonPath := filepath.Join(dir, base+".json")
	pdfPath := filepath.Join(dir, base+".pdf")
	if err := ecrireFichier(jsonPath, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}); err != nil {
		return nil, err
	}
	if err := ecrireFichier(pdfPath, func(w io.Writer) error {
		return pdf.WriteDonnees(resumeDonnees(d, office, a.Today()), w)
	}); err != nil {
		return nil, err
	}
	if err := a.Journaliser(fmt.Sprintf("Export des données du ménage %s (droit d'accès) : %s, %s", id, filepath.Base(jsonPath), filepath.Base(pdfPath))); err != nil {
		return nil, err
	}
	return []string{jsonPath, pdfPath}, nil
}

// fichierSur makes an id usable as a file name.
func fichierSur(id string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < 0x20 {
			return '_'
		}
		return r
	}, id)
}

// resumeDonnees writes the readable French summary of d handed to the
// person: the office's identity, the date, then each kind of data held.
func resumeDonnees(d *DonneesMenage, o *model.Office, at model.Date) *pdf.Releve {
	r := &pdf.Releve{Date: at, Titre: "Données personnelles détenues – ménage " + d.Menage.ID,
		Intro: "Ce relevé présente toutes les données que l'Office détient sur votre ménage dans son logiciel d'attribution (droit d'accès, art. 15 du RGPD). " +
			"Le fichier " + fichierSur(d.Menage.ID) + ".json qui l'accompagne contient les mêmes données dans un format lisible par une machine (droit à la portabilité, art. 20)."}
	if o != nil {
		r.Emetteur = append([]string{o.Nom}, o.Adresse...)
		if o.Telephone != "" {
			r.Emetteur = append(r.Emetteur, "Tél. "+o.Telephone)
		}
	}
	m := &d.Menage
	var membres []string
	if !m.Efface.IsZero() {
		membres = append(membres, "Données effacées le "+m.Efface.String()+".")
	}
	for _, p := range m.Personnes {
		l := p.NomComplet() + " – " + string(p.Lien)
		if !p.DateNaissance.IsZero() {
			l += ", né(e) le " + p.DateNaissance.String()
		}
		if p.Handicap {
			l += ", carte mobilité inclusion mention invalidité"
		}
		if p.PerteAutonomie {
			l += ", perte d'autonomie reconnue"
		}
		if p.DroitDeVisite {
			l += ", accueilli(e) au titre du droit de visite"
		}
		if p.Activite != "" {
			l += ", activité : " + string(p.Activite)
		}
		membres = append(membres, l)
	}
	if m.Restreint {
		membres = append(membres, "Le traitement de ces données est limité à votre demande (art. 18 du RGPD) : le ménage n'est plus proposé en commission.")
	}
	r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Membres du ménage", Lignes: membres})
	res := m.Ressources
	r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Ressources", Lignes: []string{
		"Revenu fiscal de référence : " + res.RevenuFiscal.String() + " par an",
		"Revenu de l'année N-1 : " + montantDeclare(res.RevenuN1, " par an"),
		"Ressources mensuelles : " + res.Mensuelles.String(),
		"Aide au logement : " + res.APL.String() + " par mois"}})
	var logement []string
	if m.Bail != nil && m.Bail.Logement != "" {
		logement = append(logement, "Bail sur le logement "+m.Bail.Logement+" depuis le "+m.Bail.DateEntree.String()+".")
	}
	if !m.Adresse.Vide() {
		lignes, _ := m.Adresse.Lignes()
		logement = append(logement, "Adresse : "+strings.Join(lignes, ", "))
	}
	if len(logement) == 0 {
		logement = []string{"Aucun bail auprès de l'Office, aucune adresse enregistrée."}
	}
	r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Logement", Lignes: logement})
	var dems []string
	for _, x := range d.Demandes {
		l := "NUR " + x.NUR + ", déposée le " + x.DateDepot.String()
		if x.Active {
			l += ", active"
		} else {
			l += ", inactive"
		}
		if !x.DateRadiation.IsZero() {
			l += ", radiée le " + x.DateRadiation.String()
		}
		if len(x.Communes) > 0 {
			l += ", communes souhaitées : " + strings.Join(x.Communes, ", ")
		}
		if x.DALO {
			l += ", reconnue prioritaire (DALO)"
		}
		if x.Motif != "" {
			l += ", motif : « " + x.Motif + " »"
		}
		if !x.RefusAdapte.IsZero() {
			l += ", refus d'une offre adaptée le " + x.RefusAdapte.String()
			if x.MotifRefus != "" {
				l += " (« " + x.MotifRefus + " »)"
			}
		}
		if len(x.Priorites) > 0 {
			l += fmt.Sprintf(", %d critère(s) de priorité", len(x.Priorites))
		}
		dems = append(dems, l+".")
	}
	if len(dems) == 0 {
		dems = []string{"Aucune demande."}
	}
	r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Demandes de logement", Lignes: dems})
	var ver []string
	for _, v := range d.Verdicts {
		if v.Resultat == model.NonApplicable {
			continue
		}
		ver = append(ver, v.Titre+" : "+v.Resultat.Label()+" – "+v.Explication)
	}
	if len(ver) > 0 {
		r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Vérifications des règles au " + at.String(), Lignes: ver})
	}
	var seances []string
	for _, s := range d.Seances {
		for _, k := range s.Candidatures {
			l := "Commission du " + s.Date.String() + " (" + s.ID + ") : logement " + k.Logement
			if k.Candidat.RangPropo > 0 {
				l += fmt.Sprintf(", rang proposé %d", k.Candidat.RangPropo)
			}
			if k.Candidat.Decision != nil {
				l += ", décision : " + k.Candidat.Decision.Type.Label()
			} else {
				l += ", sans décision"
			}
			seances = append(seances, l+".")
		}
		for _, oc := range s.Occupation {
			seances = append(seances, "Commission du "+s.Date.String()+" ("+s.ID+") : examen de l'occupation du logement "+oc.Logement+", constat : "+oc.Constat+".")
		}
		for _, su := range s.Suites {
			seances = append(seances, "Suite de l'offre du logement "+su.Logement+" : "+string(su.Reponse)+" le "+su.Date.String()+".")
		}
	}
	if len(seances) > 0 {
		r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Commissions", Lignes: seances})
	}
	var journal []string
	for _, e := range d.Journal {
		journal = append(journal, model.DateOf(e.Quand).String()+" "+e.Quand.Format("15:04")+" – "+e.Utilisateur+" – "+e.Action)
	}
	if len(journal) > 0 {
		r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Journal des opérations sur votre dossier", Lignes: journal})
	}
	// The office's DPO field is a contact (address, e-mail); its default is
	// the generic title, which must not be repeated inside parentheses.
	dpo := "au délégué à la protection des données de l'Office"
	if o != nil {
		if d := strings.TrimSpace(o.DPO); d != "" && !strings.HasPrefix(strings.ToLower(d), "le délégué") {
			dpo = "au délégué à la protection des données (" + d + ")"
		}
	}
	r.Sections = append(r.Sections, pdf.SectionReleve{Titre: "Vos droits", Lignes: []string{
		"Vous pouvez demander la rectification, l'effacement ou la limitation du traitement de ces données en vous adressant " + dpo + ". " +
			"Les données d'une demande sont conservées trois ans après sa radiation. Vous pouvez introduire une réclamation auprès de la CNIL (www.cnil.fr)."}})
	return r
}

// montantDeclare writes an amount, or « non déclaré » when zero.
func montantDeclare(c model.Cents, suffixe string) string {
	if c == 0 {
		return "non déclaré"
	}
	return c.String() + suffixe
}
