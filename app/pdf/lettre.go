package pdf

import (
	"fmt"
	"regexp"
	"strings"

	"logis/model"
)

// nb is the no-break space of French typography (before « : », inside « »).
const nb = "\u00a0"

// SorteOccupation is the kind of the letter sent to a tenant after the
// examination of the occupancy; the other kinds are the five decisions.
const SorteOccupation = "occupation"

// DelaiReponseJours is the reply deadline of an offer (art. R.441-10 CCH).
const DelaiReponseJours = 10

// TribunalAdministratif is the court competent for the Val-de-Marne.
const TribunalAdministratif = "tribunal administratif de Melun"

// Paragraphe is one block of a letter's body.
type Paragraphe struct {
	Titre   string      // bold heading, optional
	Texte   string      // the paragraph, optional
	Gras    bool        // Texte in bold (the decision, the deadline)
	Puces   []string    // bulleted items after Texte
	Tableau [][2]string // label → value rows (the dwelling offered)
}

// Lettre is one letter laid out as plain data: every word that will be
// printed and where the address goes; drawing adds nothing but page numbers.
type Lettre struct {
	Sorte        string // a model.TypeDecision, or SorteOccupation
	Fichier      string // file name, without personal data
	Date         model.Date
	Expediteur   []string // the office: name first, then its address and contact
	Logo         []byte
	References   [][2]string
	Destinataire Adresse
	LieuDate     string
	Objet        string
	Salutation   string
	Corps        []Paragraphe
	Formule      string
	Signature    []string
	Donnees      string // personal-data mention (footer)
	Contact      string // footer
	Echeance     model.Date
	Delai        *model.Delai // the reply deadline of an offer, when there is one
}

// Texte returns every word of the letter in reading order, for tests and
// for checking that a mention is present.
func (l *Lettre) Texte() string {
	var b lignes
	w := b.ecrire
	w(l.Expediteur...)
	for _, r := range l.References {
		w(r[0] + " " + r[1])
	}
	w(l.Destinataire.Lignes...)
	w(l.LieuDate, l.Objet, l.Salutation)
	for _, p := range l.Corps {
		w(p.Titre, p.Texte)
		w(p.Puces...)
		for _, r := range p.Tableau {
			w(r[0] + " " + r[1])
		}
	}
	w(l.Formule)
	w(l.Signature...)
	w(l.Donnees, l.Contact)
	return b.String()
}

// Courrier is what one letter needs, read from the database by the caller.
type Courrier struct {
	Commission   *model.Commission
	Office       *model.Office
	Date         model.Date             // date of the letter
	Notification model.Date             // expected receipt of the letter, from which an offer's ten days run; the letter's date when zero
	Mode         model.ModeNotification // how the letter is notified (stated with the offer's deadline)
	Menage       *model.Menage          // the household as the commission saw it (the snapshot of a closed session)
	Postal       *model.Menage          // the household as it is today, for the postal address; Menage when nil
	Domicile     *model.Logement        // the dwelling the household rents from the office today, if any (address)

	// A decision letter: the candidate and the dwelling examined, and the
	// verdicts of the rules as the commission saw them (the snapshot).
	Candidat *model.Candidat
	Logement *model.Logement
	Examen   *model.ExamenInstantane
	Demande  *model.Demande // the application as the commission saw it (DALO), optional

	// Passage makes a ranked candidate's letter the offer they receive once
	// every rank before theirs has refused it or not answered (R.441-3 and
	// R.441-10 CCH), after the session: an offer letter with its reply
	// deadline, not the session's letter saying they wait.
	Passage bool

	// Or a letter after the examination of the occupancy.
	Occupation *model.DossierOccupation
}

// MiseEnPage lays out one letter.
func MiseEnPage(c Courrier) (*Lettre, error) {
	if c.Commission == nil || c.Office == nil || c.Menage == nil || c.Date.IsZero() {
		return nil, fmt.Errorf("pdf: courrier incomplet")
	}
	l := &Lettre{Date: c.Date}
	o := c.Office
	l.Expediteur = append([]string{o.Nom}, o.Adresse...)
	if o.Telephone != "" {
		l.Expediteur = append(l.Expediteur, "Tél."+nb+o.Telephone)
	}
	if o.Courriel != "" {
		l.Expediteur = append(l.Expediteur, o.Courriel)
	}
	l.Logo = o.Logo
	lignes, err := adressePostale(c.postal(), c.Domicile)
	if err != nil {
		return nil, err
	}
	l.Destinataire = nouvelleAdresse(lignes)
	l.LieuDate = o.Ville + ", le " + c.Date.Long()
	l.Salutation = "Madame, Monsieur,"
	l.Formule = "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées."
	// Art. L.212-1 CRPA: the signatory's first name, name and capacity.
	for _, s := range []string{o.Titre, o.Signataire, o.SignataireNomComplet()} {
		if strings.TrimSpace(s) != "" {
			l.Signature = append(l.Signature, s)
		}
	}
	l.Contact = contact(o)
	switch {
	case c.Occupation != nil:
		err = lettreOccupation(l, c)
	case c.Candidat != nil && c.Candidat.Decision != nil && c.Logement != nil:
		err = lettreDecision(l, c)
	default:
		err = fmt.Errorf("pdf: courrier sans décision")
	}
	if err != nil {
		return nil, err
	}
	return l, nil
}

// postal is the household whose address the letter goes to: today's.
func (c *Courrier) postal() *model.Menage {
	if c.Postal != nil {
		return c.Postal
	}
	return c.Menage
}

func contact(o *model.Office) string {
	parts := []string{o.Nom}
	if o.Telephone != "" {
		parts = append(parts, "tél."+nb+insecable(o.Telephone))
	}
	if o.Courriel != "" {
		parts = append(parts, o.Courriel)
	}
	return strings.Join(parts, " – ")
}

// mentionDonnees is the personal-data mention (RGPD art. 13; politique
// d'attribution, III): controller, purpose, recipients, retention, rights,
// the data-protection officer's contact, CNIL.
func mentionDonnees(o *model.Office, finalite string) string {
	dpo := strings.TrimSpace(o.DPO)
	if dpo == "" {
		dpo = "le délégué à la protection des données de l'Office"
	}
	return "Protection des données personnelles" + nb + ": responsable du traitement" + nb + ": " + o.Nom + ". Vos données sont utilisées pour " + finalite +
		", sans décision automatisée ni transfert hors de l'Espace économique européen, et conservées 3" + nb + "ans. " +
		"Destinataires" + nb + ": " + o.DestinatairesDonnees() + ". " +
		"Vous disposez d'un droit d'accès, de rectification, d'effacement et de portabilité de vos données, ainsi que d'un droit à la limitation du traitement, " +
		"à exercer " + contactDPO(dpo) + ". Vous pouvez introduire une réclamation auprès de la CNIL (www.cnil.fr)."
}

// contactDPO writes « auprès du délégué à la protection des données
// (dpo@…) » when the contact is an address, else « auprès de » the phrase
// given (« auprès de la déléguée… »).
func contactDPO(dpo string) string {
	if strings.ContainsAny(dpo, "@0123456789") {
		return "auprès du délégué à la protection des données (" + dpo + ")"
	}
	return aupresDe(dpo)
}

// aupresDe contracts the article: « auprès du délégué », « auprès de dpo@… ».
func aupresDe(s string) string {
	low := strings.ToLower(s)
	switch {
	case strings.HasPrefix(low, "le "):
		return "auprès du " + s[3:]
	case strings.HasPrefix(low, "les "):
		return "auprès des " + s[4:]
	}
	return "auprès de " + s
}

var nonFichier = regexp.MustCompile(`[^A-Za-z0-9-]+`)

// nomFichier builds « C2026-001_0942300000001GDPUB_attribution.pdf »: the
// session, the application number (or the household ID) and the kind —
// never a name.
func nomFichier(parts ...string) string {
	for i, p := range parts {
		parts[i] = strings.Trim(nonFichier.ReplaceAllString(p, "-"), "-")
	}
	return strings.Join(parts, "_") + ".pdf"
}

// EstCourrier reports whether a file name is that of a letter of session
// id, as written by Courriers (not the combined file, not the minutes).
func EstCourrier(id, nom string) bool {
	prefixe := nomFichier(id) // « C2026-001.pdf »
	prefixe = strings.TrimSuffix(prefixe, ".pdf") + "_"
	if !strings.HasPrefix(nom, prefixe) || !strings.HasSuffix(nom, ".pdf") {
		return false
	}
	parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(nom, prefixe), ".pdf"), "_")
	if len(parts) == 3 && chiffres(parts[2]) {
		parts = parts[:2]
	}
	if len(parts) != 2 || parts[0] == "" {
		return false
	}
	switch parts[1] {
	case "attribution", "classement", "condition-suspensive", "non-attribution", "irrecevabilite", SorteOccupation:
		return true
	}
	return false
}

// seance writes « le jeudi 19 novembre 2026 (salle du conseil) »; an
// imported session has no place recorded (its Lieu says it was imported,
// which is not for the applicant).
func seance(c *model.Commission) string {
	s := "le " + c.Date.LongAvecJour()
	if strings.TrimSpace(c.Lieu) != "" && c.Import == nil {
		s += " (" + strings.TrimSpace(c.Lieu) + ")"
	}
	return s
}

const caleol = "la commission d'attribution des logements et d'examen de l'occupation des logements (CALEOL)"

// adresseLogement writes a dwelling's address on one line.
func adresseLogement(lg *model.Logement) string {
	return strings.TrimSpace(lg.Adresse) + ", " + lg.CodePostal + " " + lg.Commune
}

func etage(n int) string {
	switch {
	case n == 0:
		return "rez-de-chaussée"
	case n == 1:
		return "1er" + nb + "étage"
	case n < 0:
		return fmt.Sprintf("sous-sol (niveau %d)", n)
	}
	return fmt.Sprintf("%de"+nb+"étage", n)
}

// offre describes the dwelling: address, size, floor, rent and charges.
func offre(lg *model.Logement) [][2]string {
	pieces := fmt.Sprintf("%d"+nb+"pièces principales", lg.Pieces)
	if lg.Pieces == 1 {
		pieces = "1" + nb + "pièce principale"
	}
	desc := fmt.Sprintf("%s, %s, %s"+nb+"m² habitables, %s",
		model.TypologieLabel(lg.Typologie), pieces, model.FormatNumber(lg.Surface, 2), etage(lg.Etage))
	if lg.Etage > 0 {
		if lg.Ascenseur {
			desc += " avec ascenseur"
		} else {
			desc += " sans ascenseur"
		}
	}
	if lg.PMR {
		desc += ", adapté aux personnes à mobilité réduite"
	}
	return [][2]string{
		{"Adresse", adresseLogement(lg) + " (référence " + lg.Reference + ")"},
		{"Logement", desc},
		{"Loyer et charges", "loyer " + lg.Loyer.String() + " + provisions pour charges " + lg.Charges.String() + " = " + lg.Quittance().String() +
			" par mois, avant déduction de l'aide au logement"},
	}
}

// lettreDecision writes the letter of one of the five decisions.
func lettreDecision(l *Lettre, c Courrier) error {
	d, cand, lg, cm := c.Candidat.Decision, c.Candidat, c.Logement, c.Commission
	l.Sorte = string(d.Type)
	l.Fichier = nomFichier(cm.ID, cand.NUR, string(d.Type))
	l.References = [][2]string{
		{"Nos réf." + nb + ":", cm.ID + " / " + lg.Reference},
		{"Demande n°" + nb + ":", cand.NUR},
		{"Affaire suivie par" + nb + ":", "le service des attributions"},
	}
	l.Objet = "Objet" + nb + ": " + objetDecision(d) + " – logement " + model.TypologieLabel(lg.Typologie) + ", " + lg.Commune
	l.Donnees = mentionDonnees(c.Office, "instruire votre demande de logement social et organiser les délibérations de la commission d'attribution (mesures précontractuelles)")
	l.Corps = append(l.Corps, Paragraphe{
		Texte: "Nous vous informons que " + caleol + " s'est réunie " + seance(cm) +
			". Elle a examiné votre demande de logement social n°" + nb + cand.NUR + " pour le logement suivant" + nb + ":",
		Tableau: offre(lg),
	})
	notif := c.Notification
	if notif.IsZero() {
		notif = c.Date
	}
	switch d.Type {
	case model.Attribution:
		l.Corps = append(l.Corps, Paragraphe{Texte: "La commission a décidé de vous attribuer ce logement.", Gras: true})
		offreDelai(l, notif, c.Mode, "Cette décision vaut offre de logement.")
		avertissementDALO(l, c)
	case model.AttributionClassee:
		n := classes(cm, lg.Reference)
		rang := fmt.Sprintf("au rang n°"+nb+"%d", d.Rang)
		if n > 1 {
			rang += fmt.Sprintf(" sur %d candidats classés", n)
		}
		l.Corps = append(l.Corps, Paragraphe{Texte: "La commission a décidé d'attribuer ce logement par classement des candidats. Votre candidature est classée " + rang + ".", Gras: true})
		if c.Passage {
			if d.Rang < 2 {
				return fmt.Errorf("pdf: offre au rang suivant pour le rang %d", d.Rang)
			}
			lettrePassage(l, c, n, notif)
			break
		}
		if d.Rang == 1 {
			offreDelai(l, notif, c.Mode, "Classé en premier, vous êtes le premier à qui ce logement est proposé : cette décision vaut offre de logement. Si vous refusez cette offre, ou si vous ne répondez pas dans le délai, le logement sera proposé au candidat classé au rang suivant.")
			avertissementDALO(l, c)
		} else {
			avant := "le candidat classé avant vous le refuse ou ne répond"
			if d.Rang > 2 {
				avant = "les candidats classés avant vous (" + rangsAvant(d.Rang) + ") le refusent ou ne répondent"
			}
			l.Corps = append(l.Corps,
				Paragraphe{Texte: "Le logement est d'abord proposé au candidat classé au rang n°" + nb + "1. Il vous sera proposé si " + avant +
					" pas dans le délai : le logement va alors au candidat suivant dans l'ordre du classement."},
				Paragraphe{Texte: "Si le logement vous est proposé, vous recevrez une offre écrite qui vous laissera un délai d'au moins dix jours pour répondre. Dans le cas contraire, nous vous en informerons par écrit ; votre demande de logement social reste active."},
			)
			// Not (yet) given the dwelling: a decision against the applicant,
			// the appeal routes make the two months run (R.421-5 CJA).
			l.Corps = append(l.Corps, recours(c.Office)...)
		}
	case model.ConditionSuspensive:
		if len(d.Pieces) == 0 || d.DateLimite.IsZero() {
			return fmt.Errorf("pdf: condition suspensive sans pièces ou sans date limite")
		}
		if d.DateLimite <= c.Date {
			return model.Errorf(model.EINVALID, "Demande %s : la date limite de production des pièces (%s) n'est pas postérieure à la date des courriers (%s). La commission doit fixer une nouvelle date (amendement) avant l'envoi.", cand.NUR, d.DateLimite, c.Date)
		}
		l.Echeance = d.DateLimite
		l.Corps = append(l.Corps,
			Paragraphe{Texte: "La commission a décidé de vous attribuer ce logement sous condition suspensive : l'attribution deviendra définitive lorsque vous aurez fourni la ou les pièces suivantes, manquantes à votre dossier (article R.441-2-4-1 du code de la construction et de l'habitation)" + nb + ":", Gras: true, Puces: d.Pieces},
			Paragraphe{Texte: "Ces pièces doivent nous parvenir au plus tard le " + insecable(d.DateLimite.LongAvecJour()) + ".", Gras: true},
			Paragraphe{Texte: "Si elles nous parviennent dans ce délai et confirment les éléments de votre demande, le bail sera signé avec vous : nous vous proposerons alors un rendez-vous pour la signature et l'état des lieux. À défaut, la condition ne sera pas remplie, l'attribution sera caduque et le logement pourra être attribué à un autre candidat. Vous pouvez déposer ces pièces à l'accueil de l'Office ou nous les adresser par courrier, en rappelant la référence indiquée en haut de cette lettre."},
		)
	case model.NonAttribution, model.Irrecevabilite:
		intro := "La commission a décidé de ne pas vous attribuer ce logement (décision de non-attribution, article R.441-3 du code de la construction et de l'habitation), pour les motifs de fait et de droit suivants" + nb + ":"
		suite := "Votre demande de logement social reste active : elle pourra être présentée à la commission pour un autre logement."
		if d.Type == model.Irrecevabilite {
			intro = "La commission a rejeté votre candidature pour irrecevabilité (article R.441-3 du code de la construction et de l'habitation) : les conditions légales d'accès à un logement social ne sont pas remplies, pour les motifs de fait et de droit suivants" + nb + ":"
			suite = "Si votre situation évolue (par exemple un avis d'imposition plus récent, un titre de séjour renouvelé), vous pouvez nous transmettre tout élément nouveau : votre demande pourra être réexaminée."
		}
		var puces []string
		for _, code := range d.Motifs {
			m, ok := model.MotifDecision(d.Type, code)
			if !ok {
				return fmt.Errorf("pdf: motif inconnu %q", code)
			}
			txt := majuscule(m.Libelle)
			if code == "plafond" {
				txt += chiffresPlafond(c.Examen, cm.Date)
			}
			puces = append(puces, txt+" (fondement"+nb+": "+m.Droit+").")
		}
		if len(puces) == 0 && strings.TrimSpace(d.Precisions) == "" {
			return model.Errorf(model.EINVALID, "La décision du candidat %s n'a pas de motifs : complétez-la avant d'imprimer les courriers.", cand.NUR)
		}
		l.Corps = append(l.Corps, Paragraphe{Texte: intro, Gras: true, Puces: puces})
		if p := strings.TrimSpace(d.Precisions); p != "" {
			l.Corps = append(l.Corps, Paragraphe{Titre: "Les faits retenus par la commission", Texte: p})
		}
		l.Corps = append(l.Corps, Paragraphe{Texte: suite})
		l.Corps = append(l.Corps, recours(c.Office)...)
	default:
		return fmt.Errorf("pdf: décision inconnue %q", d.Type)
	}
	l.Corps = append(l.Corps, Paragraphe{Texte: "Pour toute question, le service des attributions se tient à votre disposition" + telephone(c.Office) + "."})
	return nil
}

// SorteOffreSuivante names, in file names, the offer letter sent after the
// session to the next rank of a classement (Courrier.Passage).
const SorteOffreSuivante = "offre-rang"

// lettrePassage writes the offer made to ranked candidate c once the ranks
// before have refused it or let the deadline pass (R.441-3 CCH), with its
// reply deadline from the receipt (R.441-10 CCH). It names no other
// candidate. n is the number of candidates ranked.
func lettrePassage(l *Lettre, c Courrier, n int, notif model.Date) {
	d, cand, cm := c.Candidat.Decision, c.Candidat, c.Commission
	l.Fichier = nomFichier(cm.ID, cand.NUR, fmt.Sprintf("%s-%d", SorteOffreSuivante, d.Rang))
	l.Objet = fmt.Sprintf("Objet"+nb+": proposition de logement (classement, rang n°"+nb+"%d) – logement %s, %s", d.Rang, model.TypologieLabel(c.Logement.Typologie), c.Logement.Commune)
	avant := "Le candidat classé au rang n°" + nb + "1 ayant refusé ce logement ou n'ayant pas répondu dans le délai"
	if d.Rang > 2 {
		avant = "Les candidats classés avant vous (" + rangsAvant(d.Rang) + ") ayant refusé ce logement ou n'ayant pas répondu dans le délai"
	}
	l.Corps = append(l.Corps, Paragraphe{Texte: avant + ", le logement vous est désormais proposé (article R.441-3 du code de la construction et de l'habitation).", Gras: true})
	apres := "le logement sera proposé au candidat classé au rang suivant."
	if d.Rang >= n {
		apres = "le logement sera présenté à une prochaine commission d'attribution."
	}
	offreDelai(l, notif, c.Mode, "Ce courrier vaut offre de logement. Si vous refusez cette offre, ou si vous ne répondez pas dans le délai, "+apres)
	avertissementDALO(l, c)
}

func objetDecision(d *model.Decision) string {
	switch d.Type {
	case model.Attribution:
		return "proposition de logement"
	case model.AttributionClassee:
		return "attribution d'un logement par classement"
	case model.ConditionSuspensive:
		return "attribution d'un logement sous condition suspensive"
	case model.NonAttribution:
		return "décision de non-attribution d'un logement"
	case model.Irrecevabilite:
		return "rejet de votre candidature pour irrecevabilité"
	}
	return "décision de la commission d'attribution"
}

func telephone(o *model.Office) string {
	if strings.TrimSpace(o.Telephone) == "" {
		return ""
	}
	return " au " + insecable(o.Telephone)
}

// rangsAvant names the ranks before rang (> 2): « rangs 1 et 2 », « rangs 1
// à 3 ».
func rangsAvant(rang int) string {
	if rang == 3 {
		return "rangs 1 et 2"
	}
	return fmt.Sprintf("rangs 1 à %d", rang-1)
}

// classes counts the candidates ranked for a dwelling.
func classes(cm *model.Commission, ref string) int {
	n := 0
	for _, dl := range cm.Logements {
		if dl.Logement != ref {
			continue
		}
		for _, c := range dl.Candidats {
			if c.Decision != nil && c.Decision.Type == model.AttributionClassee {
				n++
			}
		}
	}
	return n
}

// chiffresPlafond gives the figures of the resource ceiling as the
// commission saw them (income retained, ceiling, category, year), from the
// verdict of the snapshot when it found the excess (else « données
// manquantes »: the facts are in the commission's précisions): « : revenu fiscal de référence N-2 (revenus 2024)
// retenu, 42 866 € ; plafond PLUS 2026, …, catégorie 2, 40 233 € ».
func chiffresPlafond(e *model.ExamenInstantane, seance model.Date) string {
	if e != nil {
		for _, v := range e.Verdicts {
			if v.Regle != "plafond" || v.Resultat != model.Alerte || v.Valeur == "" || v.Seuil == "" {
				continue // figures that do not show the excess are not written as if they did
			}
			valeur := v.Valeur
			if strings.HasPrefix(valeur, "revenu fiscal de référence N-2") && !seance.IsZero() {
				valeur = strings.Replace(valeur, "N-2", fmt.Sprintf("N-2 (revenus %d)", seance.Year()-2), 1)
			}
			return nb + ": vos ressources retenues (" + valeur + ") dépassent le " + v.Seuil
		}
	}
	return " (montants" + nb + ": données manquantes)"
}

// avertissementDALO warns a DALO applicant, or one offered a dwelling of the
// préfet's contingent, that refusing without a legitimate reason may end
// the benefit of the DALO decision (art. L.441-2-3 CCH).
func avertissementDALO(l *Lettre, c Courrier) {
	dalo := c.Candidat.Profil != nil && (c.Candidat.Profil.DALO || c.Candidat.Profil.DALOPrefet)
	if c.Demande != nil {
		dalo = dalo || c.Demande.DALO || c.Demande.DALOPrefet
	}
	prefet := strings.Contains(model.Fold(c.Logement.Contingent), "PREFE")
	if !dalo && !prefet {
		return
	}
	qui := "Ce logement vous est proposé sur le contingent réservé au préfet."
	if dalo {
		qui = "Vous avez été reconnu prioritaire au titre du droit au logement opposable (DALO)."
	}
	l.Corps = append(l.Corps, Paragraphe{Texte: qui + " Si vous refusez cette offre sans motif légitime, vous pourriez perdre le bénéfice de la décision de la commission de médiation : le préfet pourrait considérer que son obligation de vous reloger est remplie (article L.441-2-3 du code de la construction et de l'habitation).", Gras: true})
}

// offreDelai adds the reply deadline of an offer (R.441-10 CCH): at least ten
// days from the day after the letter's receipt (reception: expected from the
// mode of notification), moved past Saturdays, Sundays and public holidays,
// written out; no reply counts as a refusal.
func offreDelai(l *Lettre, reception model.Date, mode model.ModeNotification, intro string) {
	dl := model.DelaiReponse(reception, DelaiReponseJours)
	l.Delai, l.Echeance = &dl, dl.Echeance
	txt := intro + " Vous disposez d'un délai de dix jours, à compter du lendemain de sa réception, pour nous faire connaître par écrit votre acceptation ou votre refus."
	var calcul string
	switch mode {
	case model.MainPropre:
		calcul = "Ce courrier vous étant remis en main propre le " + insecable(reception.Long()) + ", votre réponse doit nous parvenir au plus tard le " + insecable(dl.Echeance.LongAvecJour()) + "."
	case model.Recommande, model.CourrierSimple:
		calcul = "Ce courrier vous étant adressé par " + mode.Label() + ", sa réception est prévue le " + insecable(reception.Long()) +
			" : votre réponse doit alors nous parvenir au plus tard le " + insecable(dl.Echeance.LongAvecJour()) + "."
	default:
		calcul = "Ce courrier étant notifié le " + insecable(reception.Long()) + ", votre réponse doit nous parvenir au plus tard le " + insecable(dl.Echeance.LongAvecJour()) + "."
	}
	var detail []string // in plain type: why the date moved, a later receipt
	if dl.Echeance != dl.Brut {
		why := "un " + joursSemaine[dl.Brut.Weekday()]
		if f := model.JourFerie(dl.Brut); f != "" {
			why = "un jour férié (" + f + ")"
		}
		detail = append(detail, "Le dixième jour, le "+dl.Brut.LongAvecJour()+", étant "+why+", le délai est reporté au premier jour ouvré suivant.")
	}
	switch mode {
	case model.Recommande:
		detail = append(detail, "Si la lettre vous est présentée plus tard, le délai court à compter du lendemain de sa première présentation par La Poste.")
	case model.CourrierSimple:
		detail = append(detail, "Si vous le recevez plus tard, le délai court à compter du lendemain de sa réception.")
	}
	l.Corps = append(l.Corps, Paragraphe{Texte: txt}, Paragraphe{Texte: calcul, Gras: true})
	if len(detail) > 0 {
		l.Corps = append(l.Corps, Paragraphe{Texte: strings.Join(detail, " ")})
	}
	l.Corps = append(l.Corps, Paragraphe{Texte: "Sans réponse de votre part dans ce délai, votre silence vaudra refus de cette offre et le logement pourra être proposé à un autre candidat (article R.441-10 du code de la construction et de l'habitation). Pour visiter le logement avant de répondre, prenez rendez-vous avec le service des attributions."})
}

var joursSemaine = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// recours states the appeal routes of a decision that does not give the
// applicant the dwelling (art. R.421-1 and R.421-5 CJA: without them the
// two-month delay does not run).
func recours(o *model.Office) []Paragraphe {
	adr := o.Nom
	if len(o.Adresse) > 0 {
		adr += ", " + strings.Join(o.Adresse, ", ")
	}
	return []Paragraphe{{
		Titre: "Voies et délais de recours",
		Texte: "Vous pouvez contester cette décision dans un délai de deux mois à compter de sa notification" + nb + ":",
		Puces: []string{
			"par un recours gracieux auprès de l'Office, par lettre adressée à " + adr + ", en exposant vos arguments ;",
			"par un recours contentieux devant le " + TribunalAdministratif + ", par courrier ou par l'application Télérecours citoyens (www.telerecours.fr).",
		},
	}, {
		Texte: "Un recours gracieux formé dans ce délai le prolonge : le délai de deux mois pour saisir le tribunal court alors de la réponse de l'Office, ou de son silence gardé pendant deux mois (rejet implicite).",
	}}
}

// insecable binds the words of a date so that it never breaks across lines.
func insecable(s string) string { return strings.ReplaceAll(s, " ", nb) }

func majuscule(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// Sentences on the situations found by the occupancy review, addressed to
// the tenant (codes of app.SituationCodes).
var situationsLocataire = map[string]string{
	"sous_occupation":               "votre logement compte plus de pièces que le nombre de ses occupants plus un (sous-occupation, article L.621-2 du code de la construction et de l'habitation)",
	"sur_occupation_critique":       "la surface habitable de votre logement est inférieure au minimum fixé pour le nombre de ses occupants (sur-occupation, article R.822-25 du code de la construction et de l'habitation)",
	"sur_occupation":                "la taille de votre logement ne correspond plus à la composition de votre ménage (sur-occupation au regard du tableau d'occupation de la politique d'attribution de l'Office)",
	"logement_adapte_sans_handicap": "votre logement, adapté aux personnes à mobilité réduite, n'est plus occupé par une personne en situation de handicap",
	"handicap_sans_logement_adapte": "un membre de votre ménage en situation de handicap occupe un logement qui n'est pas adapté à ce handicap",
	"depassement_plafond":           "les ressources de votre ménage dépassent le plafond applicable à votre logement",
}

// suitesOccupation say what the office does next, per situation.
var suitesOccupation = map[string]string{
	"sur_occupation_critique":       "L'Office étudiera avec vous une mutation vers un logement plus grand ; si vous n'avez pas de demande de mutation active, nous vous invitons à la déposer.",
	"sur_occupation":                "L'Office étudiera avec vous une mutation vers un logement plus grand ; si vous n'avez pas de demande de mutation active, nous vous invitons à la déposer.",
	"logement_adapte_sans_handicap": "L'Office pourra vous proposer un logement de taille comparable, non adapté, afin que votre logement puisse bénéficier à une personne en situation de handicap.",
	"handicap_sans_logement_adapte": "L'Office étudiera avec vous une mutation vers un logement adapté, ou l'adaptation de votre logement actuel.",
	"depassement_plafond":           "L'Office vous informera des conséquences de ce dépassement sur votre loyer (supplément de loyer de solidarité) et des possibilités d'accès à un logement intermédiaire ou à la propriété.",
}

// lettreOccupation writes the letter to a tenant after the examination of
// the occupancy (L.442-5-2 CCH).
func lettreOccupation(l *Lettre, c Courrier) error {
	o, cm, m := c.Occupation, c.Commission, c.Menage
	lg := c.Logement
	if lg == nil {
		lg = c.Domicile
	}
	if lg == nil {
		return fmt.Errorf("pdf: examen de l'occupation sans logement")
	}
	if c.Domicile == nil {
		p := c.postal()
		lignes, err := adressePostale(&model.Menage{ID: p.ID, Personnes: p.Personnes, Bail: p.Bail, Adresse: p.Adresse}, lg)
		if err != nil {
			return err
		}
		l.Destinataire = nouvelleAdresse(lignes)
	}
	l.Sorte = SorteOccupation
	l.Fichier = nomFichier(cm.ID, m.ID, SorteOccupation)
	l.References = [][2]string{
		{"Nos réf." + nb + ":", cm.ID + " / " + lg.Reference},
		{"Ménage n°" + nb + ":", m.ID},
		{"Affaire suivie par" + nb + ":", "le service de la gestion locative"},
	}
	l.Objet = "Objet" + nb + ": examen de l'occupation de votre logement – commission du " + insecable(cm.Date.Long())
	l.Donnees = mentionDonnees(c.Office, "gérer votre location et examiner les conditions d'occupation des logements (article L.442-5-2 du code de la construction et de l'habitation, exécution du bail)")
	l.Corps = append(l.Corps, Paragraphe{
		Texte: "Tous les trois ans, l'Office examine les conditions d'occupation de ses logements (article L.442-5-2 du code de la construction et de l'habitation). Réunie " +
			seance(cm) + ", " + caleol + " a examiné la situation de votre logement (" + lg.Reference + ", " + adresseLogement(lg) + ").",
	})
	var puces []string
	for _, s := range o.Situations {
		if t, ok := situationsLocataire[s]; ok {
			puces = append(puces, majuscule(t)+".")
		} else {
			puces = append(puces, majuscule(s)+".")
		}
	}
	if len(puces) > 0 {
		l.Corps = append(l.Corps, Paragraphe{Titre: "La situation constatée", Puces: puces})
	}
	constat := strings.TrimSpace(o.Constat)
	if constat == "" {
		constat = "La commission a pris acte de cette situation."
	}
	adapte := strings.TrimSpace(o.LogementAdapte)
	if adapte == "" {
		adapte = "Il sera défini avec vous lors d'un entretien."
	}
	l.Corps = append(l.Corps,
		Paragraphe{Titre: "Le constat de la commission", Texte: constat},
		Paragraphe{Titre: "Le logement qui serait adapté à votre ménage", Texte: adapte},
	)
	suite := Paragraphe{Titre: "La suite", Texte: "Cet examen ne modifie ni votre bail ni votre loyer. Les services de l'Office prendront contact avec vous pour faire le point sur votre situation et étudier avec vous les solutions possibles ; d'ici là, le service de la gestion locative se tient à votre disposition" + telephone(c.Office) + "."}
	vu := map[string]bool{}
	for _, s := range o.Situations {
		if s == "sous_occupation" {
			suite.Puces = append(suite.Puces, sousOccupation(m, lg, c.Date))
		} else if t, ok := suitesOccupation[s]; ok && !vu[t] {
			vu[t] = true
			suite.Puces = append(suite.Puces, t)
		}
	}
	l.Corps = append(l.Corps, suite)
	return nil
}

// sousOccupation explains the offers and their consequence (L.442-3-1 CCH),
// and whether the tenant is exempt (model.MotifsExonerationSousOccupation).
func sousOccupation(m *model.Menage, lg *model.Logement, at model.Date) string {
	offres := "L'Office vous proposera un logement plus petit, adapté à la taille de votre ménage, avec un loyer inférieur à celui de votre logement actuel, et une aide au déménagement. "
	if why := model.MotifsExonerationSousOccupation(m, lg, at); len(why) > 0 {
		return offres + "Au vu de votre dossier (" + strings.Join(why, ", ") + "), ces offres vous seront faites sans obligation de les accepter : " +
			"la perte du droit au maintien dans les lieux après le refus de trois offres (article L.442-3-1 du code de la construction et de l'habitation) ne vous est pas applicable, " +
			"comme à tout locataire âgé de plus de 65" + nb + "ans, en situation de handicap ou de perte d'autonomie (ou ayant à sa charge une telle personne) ou logé dans un quartier prioritaire de la politique de la ville."
	}
	return offres + "Si vous refusez trois offres de relogement correspondant à vos besoins, vous perdrez le droit au maintien dans les lieux : six mois après la notification de la troisième offre, vous serez déchu de tout titre d'occupation de votre logement (article L.442-3-1 du code de la construction et de l'habitation). " +
		"Cette règle ne s'applique pas aux locataires âgés de plus de 65" + nb + "ans, aux locataires en situation de handicap ou de perte d'autonomie ou ayant à leur charge une telle personne, ni aux logements situés dans un quartier prioritaire de la politique de la ville."
}
