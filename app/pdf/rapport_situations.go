package pdf

import (
	"fmt"

	"logis/model"
)

// blocTransferts lays out the year's lease transfers: counts, then one row
// per transfer without the persons' names (the board needs the decision,
// not who asked).
func blocTransferts(t model.TransfertsRapport) BlocRapport {
	b := BlocRapport{Titre: "8. Transferts de bail (politique d'attribution §1.3.1)"}
	n := len(t.Liste)
	if n == 0 {
		b.Paragraphes = []string{"Aucun transfert de bail n'a été décidé dans l'année."}
		return b
	}
	b.Paragraphes = []string{fmt.Sprintf("%d transfert(s) de bail décidé(s) par la Direction de la Gestion Locative et porté(s) à la connaissance de la commission : %d accepté(s), %d refusé(s), dont %d ouvrant un parcours de relogement (cohabitation de plus d'un an à la date de la décision).",
		n, t.Acceptes, t.Refuses, t.Parcours)}
	tab := TableauRapport{Entetes: []string{"Date", "Logement", "Lien avec le titulaire", "Décision", "Motif du refus"}, Largeurs: []float64{22, 30, 36, 22, 60}}
	for _, x := range t.Liste {
		tab.Lignes = append(tab.Lignes, []string{x.Date.String(), x.Logement, x.Lien, x.Decision.Label(), x.Motif})
	}
	b.Tableaux = []TableauRapport{tab}
	b.Notes = []string{"Les noms des personnes ne figurent pas dans ce rapport ; ils sont portés au procès-verbal de la séance qui en a été informée."}
	return b
}
