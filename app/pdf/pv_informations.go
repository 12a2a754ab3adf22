package pdf

import "logis/model"

// BlocInformation is a titled list of the minutes' information part.
type BlocInformation struct {
	Titre  string
	Lignes []string
}

// blocsInformations lays out what the session was told about without
// deciding it: the lease transfers decided by the management (policy
// §1.3.1) and the emergency procedures (§1.3.6), over the period covered.
func blocsInformations(info *model.InformationsSeance) []BlocInformation {
	if info == nil {
		return nil
	}
	periode := "du " + info.Depuis.String() + " au " + info.Jusqua.String()
	tr := BlocInformation{Titre: "Transferts de bail décidés par la Direction de la Gestion Locative " + periode + " (politique d'attribution §1.3.1) : la commission en est informée, elle n'en décide pas."}
	for _, t := range info.Transferts {
		tr.Lignes = append(tr.Lignes, t.Resume(true)+".")
	}
	if len(tr.Lignes) == 0 {
		tr.Lignes = []string{"Aucun transfert de bail sur la période."}
	}
	ur := BlocInformation{Titre: "Procédures d'urgence " + periode + " (politique d'attribution §1.3.6) : conventions d'occupation précaire conclues hors classement, après sinistre, incendie, habitat indigne ou indécent."}
	for _, u := range info.Urgences {
		ur.Lignes = append(ur.Lignes, u.Resume()+".")
	}
	if len(ur.Lignes) == 0 {
		ur.Lignes = []string{"Aucune procédure d'urgence sur la période."}
	}
	return []BlocInformation{tr, ur}
}
