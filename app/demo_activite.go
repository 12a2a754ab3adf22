package app

import (
	"hash/fnv"

	"logis/model"
)

// demoActivites gives the adults of a demo household a situation, drawn from
// the household's ID so that the demo's other draws are unchanged.
func demoActivites(m *model.Menage, today model.Date) {
	h := fnv.New64a()
	h.Write([]byte(m.ID))
	x := h.Sum64()
	for i := range m.Personnes {
		p := &m.Personnes[i]
		age := p.DateNaissance.AgeAt(today)
		if age < 16 {
			continue
		}
		x = x*6364136223846793005 + 1442695040888963407
		d := int(x>>33) % 100
		switch {
		case age >= 65:
			p.Activite = model.Retraite
			if d < 5 {
				p.Activite = model.EnEmploi
			}
		case age < 25 && p.Lien == model.Enfant:
			p.Activite = []model.Activite{model.Etudiant, model.EnEmploi, model.DemandeurEmploi}[d%3]
		case d < 62:
			p.Activite = model.EnEmploi
		case d < 78:
			p.Activite = model.DemandeurEmploi
		case d < 86:
			p.Activite = model.Retraite
		default:
			p.Activite = model.AutreInactif
		}
		if d == 99 {
			p.Activite = "" // a few situations not recorded
		}
	}
}
