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
	mu.Regle, mu.Titre, mu.Source = RegleMutation, RegleMutation.Titre(), SourceMutation
	if !m.Loge() || actuel == nil {
		mu.Resultat, mu.Valeur = NonApplicable, "pas locataire de l'Office"
		mu.Explication = "Le ménage n'est pas locataire de l'Office : il ne s'agit pas d'une mutation."
		return mu
	}
	c := Compose(m, at, r)
	sous := SousOccupation(actuel.Pieces, c.Personnes, c.Visite)
	crit := SurOccupationCritique(actuel.Surface, c.Personnes, r)
	sur := SurOccupationTypologie(actuel.Typologie, c, r)
	cond := func(code CodeRegle, ok bool, valeur, seuil, okText, koText string) {
		v := Verdict{Regle: code, Titre: code.Titre(), Source: SourceMutation, Valeur: valeur, Seuil: seuil, Resultat: Conforme, Explication: okText}
		if !ok {
			v.Resultat, v.Explication = Alerte, koText
		}
		mu.Conditions = append(mu.Conditions, v)
	}
	active := d != nil && d.Active
	cond(RegleDemandeActive, active, OuiNon(active), "demande de logement active",
		"La demande de mutation est active.", "Aucune demande de logement active : la mutation ne peut pas être examinée.")

	months := m.Bail.DateEntree.MonthsUntil(at)
	waived := sous.Flag() || crit.Flag()
	okAnc := months >= r.AncienneteMutationMois || waived
	ancText := fmt.Sprintf("Dans le logement depuis le %s (%d mois), au moins %d mois.", m.Bail.DateEntree, months, r.AncienneteMutationMois)
	if months < r.AncienneteMutationMois && waived {
		ancText = fmt.Sprintf("Dans le logement depuis %d mois seulement, mais la condition d'ancienneté ne peut pas être opposée en cas de sous-occupation ou de sur-occupation critique.", months)
	}
	cond(RegleAnciennete, okAnc, fmt.Sprintf("%d mois", months), fmt.Sprintf("au moins %d mois (sauf sous-occupation ou sur-occupation critique)", r.AncienneteMutationMois),
		ancText, fmt.Sprintf("Dans le logement depuis le %s, soit %d mois : moins des %d mois requis.", m.Bail.DateEntree, months, r.AncienneteMutationMois))

	okImp := !m.Bail.Impayes || m.Bail.RapportCESF
	impText := "Pas d'impayé de loyer."
	if m.Bail.Impayes {
		impText = "Impayé de loyer, mais un rapport de la CESF propose la mutation pour prévenir les impayés (§1.2.3)."
	}
	cond(RegleImpayes, okImp, OuiNon(m.Bail.Impayes), "aucun impayé, sauf rapport CESF de prévention", impText,
		"Le ménage est en situation d'impayé sans rapport de la CESF proposant la mutation.")

	visite := "non faite"
	if m.Bail.VisiteFaite {
		visite = "faite"
		if !m.Bail.DateVisite.IsZero() {
			visite = "faite le " + m.Bail.DateVisite.String()
		}
	}
	cond(RegleVisite, m.Bail.VisiteFaite, visite, "visite faite par un agent habilité",
		"La visite préalable du logement actuel a été faite.", "La visite préalable du logement actuel par un agent habilité n'a pas été faite.")
	cond(RegleTroubles, !m.Bail.Troubles, OuiNon(m.Bail.Troubles), "aucun trouble de voisinage ou de jouissance",
		"Aucun trouble de voisinage signalé.", "Le ménage est à l'origine de troubles de voisinage ou de jouissance.")
	cond(RegleViolence, !m.Bail.ComportementViolent, OuiNon(m.Bail.ComportementViolent), "aucun comportement violent",
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
		mu.Motifs = append(mu.Motifs, "relogement pour travaux de l'Office")
	}
	if d != nil && d.RenouvellementUrbain {
		mu.Motifs = append(mu.Motifs, "relogement issu d'une opération de renouvellement urbain")
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
	if rf := RefusAdapte(d, at, r); rf.Flag() || rf.Resultat == Conforme && d.RefusLegitime {
		mu.Explication += " " + rf.Explication
	}
	return mu
}

// refusEnCours is RefusAdapte(d, at, r).Flag() without building any text.
func refusEnCours(d *Demande, at Date, r *Regles) bool {
	return d != nil && !d.RefusAdapte.IsZero() && !d.RefusLegitime && at < d.RefusAdapte.AddMonths(r.NonPrioriteRefusMois)
}

// SourceRefusAdapte quotes the policy on refused offers.
const SourceRefusAdapte = "Politique d'attribution §1.2 : « En cas de refus de proposition adaptée à la situation, la demande de mutation pourra être non priorisée pendant une durée d'une année, à l'exception d'un motif de refus légitime, tel que le handicap notamment. »"

// RefusAdapte applies the policy's penalty (§1.2): after refusing an
// adapted offer, a transfer application may lose its priority for one year
// (NonPrioriteRefusMois months from the refusal), unless the refusal had a
// legitimate reason (such as a disability) recorded with it. Alerte: the
// priority may be withheld; Conforme: a refusal with a legitimate reason, or
// more than a year ago; NonApplicable: no refusal recorded.
func RefusAdapte(d *Demande, at Date, r *Regles) Verdict {
	v := Verdict{Regle: RegleRefusAdapte, Titre: RegleRefusAdapte.Titre(), Source: SourceRefusAdapte,
		Seuil: fmt.Sprintf("priorité suspendue %d mois après un refus sans motif légitime", r.NonPrioriteRefusMois)}
	if d == nil || d.RefusAdapte.IsZero() {
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "aucun refus", "Aucun refus de proposition adaptée n'est enregistré."
		return v
	}
	motif := strings.TrimSpace(d.MotifRefus)
	v.Valeur = "refus du " + d.RefusAdapte.String()
	if motif != "" {
		v.Valeur += " (motif : " + motif + ")"
	}
	fin := d.RefusAdapte.AddMonths(r.NonPrioriteRefusMois)
	switch {
	case d.RefusLegitime:
		v.Resultat = Conforme
		if motif == "" {
			motif = "non précisé"
		}
		v.Explication = fmt.Sprintf("Refus d'une proposition adaptée le %s pour un motif légitime (%s) : la demande garde sa priorité.", d.RefusAdapte, motif)
	case at >= fin:
		v.Resultat = Conforme
		v.Explication = fmt.Sprintf("Refus d'une proposition adaptée le %s, il y a plus de %d mois : la demande a retrouvé sa priorité le %s.", d.RefusAdapte, r.NonPrioriteRefusMois, fin)
	default:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("Refus d'une proposition adaptée le %s sans motif légitime enregistré : la demande de mutation peut ne pas être priorisée jusqu'au %s (%d mois).", d.RefusAdapte, fin, r.NonPrioriteRefusMois)
	}
	return v
}
