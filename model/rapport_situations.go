package model

import "sort"

// TransfertsRapport is the year's lease transfers for the annual report
// (policy §1.3.1: decided by the management, reported to the commission):
// counts and the list, which the report prints without the persons' names.
type TransfertsRapport struct {
	Acceptes int
	Refuses  int
	Parcours int // refused with more than one year of cohabitation at the decision (rehousing path)
	Liste    []TransfertBail
}

// TransfertsDeLAnnee keeps the transfers decided in year annee, by date.
func TransfertsDeLAnnee(list []TransfertBail, annee int) TransfertsRapport {
	var out TransfertsRapport
	for _, t := range list {
		if t.Date.Year() != annee {
			continue
		}
		out.Liste = append(out.Liste, t)
		switch t.Decision {
		case TransfertAccepte:
			out.Acceptes++
		case TransfertRefuse:
			out.Refuses++
			if ParcoursRelogement(&t, t.Date).Resultat == Conforme {
				out.Parcours++
			}
		}
	}
	sort.SliceStable(out.Liste, func(i, j int) bool { return out.Liste[i].Date < out.Liste[j].Date })
	return out
}
