package model

import (
	"fmt"
	"strings"
)

// Mutation is the check of the policy's conditions for an internal transfer.
type Mutation struct {
	Verdict
	Conditions []Verdict // one per condition, in the policy's order
	Motifs     []string  // priority grounds: sous-occupation, handicap, …
}

// ConditionsMutation checks the policy's conditions (§1.2) for a household
// already renting from the office: active application, one year in the
// dwelling (waived for sous-occupation and critical sur-occupation), no
// arrears unless a CESF report proposes the move, prior home visit, no
// neighbourhood troubles, no violent behaviour.
func ConditionsMutation(m *Menage, d *Demande, actuel *Logement, at Date, r *Regles) Mutation {
	mu := Mutation{}
	mu.Regle, mu.Titre, mu.Source = "mutation", "Conditions de mutation", SourceMutation
	if !m.Loge() || actuel == nil {
		mu.Resultat, mu.Valeur = NonApplicable, "pas locataire de l'Office"
		mu.Explication = "Le ménage n'est pas locataire de l'Office : il ne s'agit pas d'une mutation."
		return mu
	}
	c := Compose(m, at, r)
	sous := SousOccupation(actuel.Pieces, c.Personnes)
	crit := SurOccupationCritique(actuel.Surface, c.Personnes, r)
	sur := SurOccupationTypologie(actuel.Typologie, c, r)
	cond := func(code, titre string, ok bool, valeur, seuil, okText, koText string) {
		v := Verdict{Regle: code, Titre: titre, Source: SourceMutation, Valeur: valeur, Seuil: seuil, Resultat: Conforme, Explication: okText}
		if !ok {
			v.Resultat, v.Explication = Alerte, koText
		}
		mu.Conditions = append(mu.Conditions, v)
	}
	active := d != nil && d.Active
	cond("demande_active", "Demande active", active, OuiNon(active), "demande de logement active",
		"La demande de mutation est active.", "Aucune demande de logement active : la mutation ne peut pas être examinée.")

	months := m.Bail.DateEntree.MonthsUntil(at)
	waived := sous.Flag() || crit.Flag()
	okAnc := months >= r.AncienneteMutationMois || waived
	ancText := fmt.Sprintf("Dans le logement depuis le %s (%d mois), au moins %d mois.", m.Bail.DateEntree, months, r.AncienneteMutationMois)
	if months < r.AncienneteMutationMois && waived {
		ancText = fmt.Sprintf("Dans le logement depuis %d mois seulement, mais la condition d'ancienneté ne peut pas être opposée en cas de sous-occupation ou de sur-occupation critique.", months)
	}
	cond("anciennete", "Un an dans le logement", okAnc, fmt.Sprintf("%d mois", months), fmt.Sprintf("au moins %d mois (sauf sous-occupation ou sur-occupation critique)", r.AncienneteMutationMois),
		ancText, fmt.Sprintf("Dans le logement depuis le %s, soit %d mois : moins des %d mois requis.", m.Bail.DateEntree, months, r.AncienneteMutationMois))

	okImp := !m.Bail.Impayes || m.Bail.RapportCESF
	impText := "Pas d'impayé de loyer."
	if m.Bail.Impayes {
		impText = "Impayé de loyer, mais un rapport de la CESF propose la mutation pour prévenir les impayés (§1.2.3)."
	}
	cond("impayes", "Pas d'impayé", okImp, OuiNon(m.Bail.Impayes), "aucun impayé, sauf rapport CESF de prévention", impText,
		"Le ménage est en situation d'impayé sans rapport de la CESF proposant la mutation.")

	visite := "non faite"
	if m.Bail.VisiteFaite {
		visite = "faite"
		if !m.Bail.DateVisite.IsZero() {
			visite = "faite le " + m.Bail.DateVisite.String()
		}
	}
	cond("visite", "Visite préalable du logement", m.Bail.VisiteFaite, visite, "visite faite par un agent habilité",
		"La visite préalable du logement actuel a été faite.", "La visite préalable du logement actuel par un agent habilité n'a pas été faite.")
	cond("troubles", "Pas de troubles de voisinage", !m.Bail.Troubles, OuiNon(m.Bail.Troubles), "aucun trouble de voisinage ou de jouissance",
		"Aucun trouble de voisinage signalé.", "Le ménage est à l'origine de troubles de voisinage ou de jouissance.")
	cond("violence", "Pas de comportement violent", !m.Bail.ComportementViolent, OuiNon(m.Bail.ComportementViolent), "aucun comportement violent",
		"Aucun comportement violent signalé.", "Un comportement violent envers des locataires, le personnel ou des partenaires bloque la mutation.")

	var failed []string
	for _, v := range mu.Conditions {
		if v.Flag() {
			failed = append(failed, strings.ToLower(v.Titre[:1])+v.Titre[1:])
		}
	}
	if sous.Flag() {
		mu.Motifs = append(mu.Motifs, "sous-occupation")
	}
	if c.Handicap {
		mu.Motifs = append(mu.Motifs, "situation de handicap")
	}
	if m.Bail.Impayes && m.Bail.RapportCESF {
		mu.Motifs = append(mu.Motifs, "prévention des impayés")
	}
	if crit.Flag() {
		mu.Motifs = append(mu.Motifs, "sur-occupation critique")
	} else if sur.Flag() {
		mu.Motifs = append(mu.Motifs, "sur-occupation")
	}
	if d != nil && d.RelogementTravaux {
		mu.Motifs = append(mu.Motifs, "relogement pour travaux ou renouvellement urbain")
	}
	mu.Seuil = "toutes les conditions du §1.2 remplies"
	if len(failed) == 0 {
		mu.Resultat, mu.Valeur = Conforme, "conditions remplies"
		mu.Explication = "Toutes les conditions de mutation de la politique d'attribution sont remplies."
		if len(mu.Motifs) > 0 {
			mu.Explication += " Motifs de priorité : " + strings.Join(mu.Motifs, ", ") + "."
		}
	} else {
		mu.Resultat, mu.Valeur = Alerte, fmt.Sprintf("%d condition(s) non remplie(s)", len(failed))
		mu.Explication = "Conditions non remplies : " + strings.Join(failed, ", ") + "."
	}
	if d != nil && !d.RefusAdapte.IsZero() && d.RefusAdapte.AddDays(0).MonthsUntil(at) < r.NonPrioriteRefusMois {
		mu.Explication += fmt.Sprintf(" Refus d'une proposition adaptée le %s sans motif légitime : la demande peut ne pas être priorisée pendant %d mois.", d.RefusAdapte, r.NonPrioriteRefusMois)
	}
	return mu
}
