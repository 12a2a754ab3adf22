package app_test

import (
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// sessionFixtures: the standard applicants, dwelling ARC-T3 and a second
// one, ARC-T3B, and the occupant of ARC-T3 marked « à présenter ».
func sessionFixtures(t *testing.T) *app.App {
	t.Helper()
	a := MustOpenApp(t)
	fs, ls := standardFixtures()
	seedCandidates(t, a, fs, append(ls, logementT3("ARC-T3B"))...)
	err := a.DB.Update("à présenter", func(tx *storage.Tx) error {
		m, err := tx.Menage("M-OCCUPANT")
		if err != nil {
			return err
		}
		m.APresenter = true
		return tx.PutMenage(m)
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func wantCode(t *testing.T, err error, code string, contains string) {
	t.Helper()
	if model.ErrorCode(err) != code || !strings.Contains(model.ErrorMessage(err), contains) {
		t.Fatalf("err = %v (code %s), want %s containing %q", err, model.ErrorCode(err), code, contains)
	}
}

func membres(presents int) []model.Membre {
	var out []model.Membre
	for i, q := range []string{"Administratrice", "Administrateur", "Maire de la commune", "Représentant du préfet"} {
		out = append(out, model.Membre{Nom: "Membre " + string(rune('A'+i)), Qualite: q, Voix: true, Present: i < presents, Maire: i == 2})
	}
	return out
}

var (
	nurDALO   = "0942500000001GDPUB"
	nurPRIO   = "0942600000004GDPUB"
	nurCESF   = "0942200000008GDPUB"
	nurOLD    = "0941500000002GDPUB"
	nurNEW    = "0942400000003GDPUB"
	nurEFFORT = "0942300000006GDPUB"
)

func nonAttribution() model.Decision {
	return model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}, Precisions: "Le logement a été attribué au candidat DALO classé avant vous."}
}

func TestApp_CommissionWorkflow(t *testing.T) {
	a := sessionFixtures(t)
	day := date(2026, 11, 19)

	c, err := a.NouvelleCommission(day, "Siège, salle du conseil", "arcueil", model.CommissionMixte)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "C2026-001" || c.Commune != "Arcueil" || c.Statut != model.EnPreparation {
		t.Fatalf("new session %+v", c)
	}
	id := c.ID
	if _, err := a.NouvelleCommission(day, " ", "", model.CommissionAttribution); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("session without place: %v", err)
	}

	t.Run("Membres", func(t *testing.T) {
		q, err := a.SetMembres(id, membres(1))
		if err != nil || q.Resultat != model.Alerte || !strings.Contains(q.Explication, "1 présent(s) sur 4, il en faut 2") {
			t.Fatalf("quorum %+v, %v", q, err)
		}
		q, err = a.SetMembres(id, membres(3))
		if err != nil || q.Resultat != model.Conforme {
			t.Fatalf("quorum %+v, %v", q, err)
		}
		two := membres(3)
		two[0].Maire = true
		_, err = a.SetMembres(id, two)
		wantCode(t, err, model.EINVALID, "Un seul membre est le maire")
	})

	t.Run("AjouterLogement", func(t *testing.T) {
		v, err := a.AjouterLogement(id, "ARC-T3", nil, "")
		if err != nil || v.Resultat != model.Conforme {
			t.Fatalf("verdict %+v, %v", v, err)
		}
		c, _ := a.Commission(id)
		d := c.Dossier("ARC-T3")
		var got []string
		for _, k := range d.Candidats {
			got = append(got, k.NUR)
			if k.Profil == nil || k.Raison == "" || k.RangPropo != len(got) {
				t.Errorf("candidate %s: %+v", k.NUR, k)
			}
		}
		if strings.Join(got, ",") != nurDALO+","+nurPRIO+","+nurCESF {
			t.Fatalf("default candidates %v (the first three ranked)", got)
		}
		if !d.Candidats[0].Profil.DALO || !d.Candidats[2].Profil.Mutation || d.Candidats[0].Profil.UC != 1.3 {
			t.Errorf("profiles %+v %+v", d.Candidats[0].Profil, d.Candidats[2].Profil)
		}
		_, err = a.AjouterLogement(id, "ARC-T3", nil, "")
		wantCode(t, err, model.ECONFLICT, "déjà examiné")
		_, err = a.AjouterLogement(id, "NOPE", []string{}, "")
		wantCode(t, err, model.ENOTFOUND, "NOPE")

		// One candidate only: an alert until a legal exception is given.
		v, err = a.AjouterLogement(id, "ARC-T3B", []string{nurOLD}, "")
		if err != nil || v.Resultat != model.Alerte || !strings.Contains(v.Explication, "au moins trois candidats") {
			t.Fatalf("rule of three %+v, %v", v, err)
		}
		_, err = a.SetException(id, "ARC-T3B", "parce que")
		wantCode(t, err, model.EINVALID, "n'est pas une exception prévue")
		v, err = a.SetException(id, "ARC-T3B", model.ExceptionsTroisCandidats[0])
		if err != nil || v.Resultat != model.Conforme {
			t.Fatalf("with exception %+v, %v", v, err)
		}
		for _, nur := range []string{nurNEW, nurEFFORT, "0942000000005GDPUB"} {
			if _, err := a.AjouterCandidat(id, "ARC-T3B", nur); err != nil {
				t.Fatal(err)
			}
		}
		_, err = a.AjouterCandidat(id, "ARC-T3B", nurNEW)
		wantCode(t, err, model.ECONFLICT, "déjà candidate")
		_, err = a.AjouterCandidat(id, "ARC-T3B", "0941800000011GDPUB") // lives in ARC-T3, not ARC-T3B: allowed
		if err != nil {
			t.Fatal(err)
		}
		c, _ = a.Commission(id)
		rich := c.Dossier("ARC-T3B").Candidat("0942000000005GDPUB")
		if rich.RangPropo != 0 || !strings.Contains(rich.Raison, "l'aurait écarté") || !strings.Contains(rich.Raison, "plafond") {
			t.Errorf("hand-added excluded candidate: %+v", rich)
		}
		v, err = a.RetirerCandidat(id, "ARC-T3B", "0941800000011GDPUB")
		if err != nil || v.Resultat != model.Conforme || v.Valeur != "4 candidat(s)" {
			t.Fatalf("after removal %+v, %v", v, err)
		}
		_, err = a.RetirerCandidat(id, "ARC-T3B", "0941800000011GDPUB")
		wantCode(t, err, model.ENOTFOUND, "n'est pas candidate")
	})

	t.Run("Decider", func(t *testing.T) {
		decide := func(ref, nur string, d model.Decision) error {
			_, err := a.Decider(id, ref, nur, d)
			return err
		}
		cs := model.Decision{Type: model.ConditionSuspensive, Pieces: []string{model.PiecesJustificatives[0]}, DateLimite: date(2026, 12, 18)}
		if err := decide("ARC-T3", nurDALO, cs); err != nil {
			t.Fatal(err)
		}
		wantCode(t, decide("ARC-T3", nurPRIO, model.Decision{Type: model.Attribution}), model.EINVALID, "un seul candidat")
		wantCode(t, decide("ARC-T3", nurPRIO, model.Decision{Type: model.AttributionClassee, Rang: 2}), model.EINVALID, "ne se combine pas")
		wantCode(t, decide("ARC-T3", nurPRIO, model.Decision{Type: model.NonAttribution}), model.EINVALID, "motifs en fait et en droit sont obligatoires")
		wantCode(t, decide("ARC-T3", nurPRIO, model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}}), model.EINVALID, "précisez les faits")
		if err := decide("ARC-T3", nurPRIO, nonAttribution()); err != nil {
			t.Fatal(err)
		}
		irr := model.Decision{Type: model.Irrecevabilite, Motifs: []string{"plafond"}, Precisions: "Revenu fiscal de référence 2024 supérieur au plafond PLUS de la catégorie 3."}
		if err := decide("ARC-T3", nurCESF, irr); err != nil {
			t.Fatal(err)
		}
		wantCode(t, decide("ARC-T3", "0942000000005GDPUB", irr), model.ENOTFOUND, "n'est pas candidate")

		cl := func(r int) model.Decision { return model.Decision{Type: model.AttributionClassee, Rang: r} }
		for nur, r := range map[string]int{nurOLD: 1, nurNEW: 2} {
			if err := decide("ARC-T3B", nur, cl(r)); err != nil {
				t.Fatal(err)
			}
		}
		wantCode(t, decide("ARC-T3B", nurEFFORT, cl(2)), model.EINVALID, "le rang 2 est donné à 2 candidats")
		wantCode(t, decide("ARC-T3B", nurEFFORT, cs), model.EINVALID, "ne se combine pas")
		if err := decide("ARC-T3B", nurEFFORT, cl(3)); err != nil {
			t.Fatal(err)
		}
		if err := decide("ARC-T3B", "0942000000005GDPUB", model.Decision{Type: model.Irrecevabilite, Motifs: []string{"plafond"}, Precisions: "Ressources au-dessus du plafond PLUS applicable."}); err != nil {
			t.Fatal(err)
		}
		j, _ := a.DB.Journal(1)
		if j[0].Action != "Commission C2026-001 : décision pour le logement ARC-T3B" {
			t.Errorf("journal action %q", j[0].Action)
		}
	})

	t.Run("Occupation", func(t *testing.T) {
		added, err := a.AjouterOccupation(id, nil)
		if err != nil || len(added) != 1 || added[0].Menage != "M-OCCUPANT" || added[0].Logement != "ARC-T3" {
			t.Fatalf("added %+v, %v", added, err)
		}
		again, err := a.AjouterOccupation(id, []string{"M-OCCUPANT"})
		if err != nil || len(again) != 0 {
			t.Fatalf("added twice: %+v %v", again, err)
		}
		_, err = a.AjouterOccupation(id, []string{"M-DALO"})
		wantCode(t, err, model.EINVALID, "n'est pas locataire")
	})

	t.Run("CloturerRefused", func(t *testing.T) {
		if p, err := a.VerifierCloture(id); err != nil || len(p) != 1 || !strings.Contains(p[0], "M-OCCUPANT") {
			t.Fatalf("VerifierCloture = %q, %v", p, err)
		}
		_, err := a.Cloturer(id)
		wantCode(t, err, model.EINVALID, "Le ménage M-OCCUPANT (examen de l'occupation) n'a pas de constat")
		_, err = a.ConstaterOccupation(id, "M-OCCUPANT", "", "T2")
		wantCode(t, err, model.EINVALID, "obligatoires")
		if _, err := a.ConstaterOccupation(id, "M-OCCUPANT", "Occupation conforme à la composition du ménage.", "Maintien dans le logement actuel (T3)"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SetMembres(id, membres(1)); err != nil {
			t.Fatal(err)
		}
		_, err = a.Cloturer(id)
		wantCode(t, err, model.EINVALID, "Le quorum n'est pas atteint")
		if _, err := a.SetMembres(id, membres(3)); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("Cloturer", func(t *testing.T) {
		c, err := a.Cloturer(id)
		if err != nil {
			t.Fatal(err)
		}
		if c.Statut != model.Close || c.Cloture.IsZero() {
			t.Fatalf("closed session %+v", c)
		}
		_, err = a.Decider(id, "ARC-T3", nurPRIO, model.Decision{Type: model.Attribution})
		wantCode(t, err, model.ECONFLICT, "amendement")
		wantCode(t, a.SupprimerCommission(id), model.ECONFLICT, "close")
		_, err = a.AjouterLogement(id, "ARC-OLD1", []string{}, model.ExceptionsTroisCandidats[0])
		wantCode(t, err, model.ECONFLICT, "close")
	})

	t.Run("Amender", func(t *testing.T) {
		_, err := a.Amender(id, "erreur", app.ChangerDecision("ARC-T3", nurDALO, model.Decision{Type: model.Attribution}))
		wantCode(t, err, model.EINVALID, "motif de l'amendement")
		// Two attributions for one dwelling: refused, nothing written.
		_, err = a.Amender(id, "Erreur de saisie en séance", app.ChangerDecision("ARC-T3", nurPRIO, model.Decision{Type: model.Attribution}))
		wantCode(t, err, model.EINVALID, "un seul candidat")
		am, err := a.Amender(id, "Pièce manquante reçue avant la séance : erreur de saisie", app.ChangerDecision("ARC-T3", nurDALO, model.Decision{Type: model.Attribution}))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(am.Objet, "logement ARC-T3, demande "+nurDALO+" : décision « Attribution sous condition suspensive » remplacée par « Attribution »") || am.Utilisateur == "" {
			t.Fatalf("amendement %+v", am)
		}
		c, _ := a.Commission(id)
		if c.Statut != model.Close || len(c.Amendements) != 1 || c.Dossier("ARC-T3").Candidat(nurDALO).Decision.Type != model.Attribution {
			t.Fatalf("after amendment %+v", c)
		}
		j, _ := a.DB.Journal(1)
		if j[0].Action != "Commission C2026-001 : amendement" || len(j[0].Changements) != 1 || j[0].Changements[0].Cle != id {
			t.Fatalf("journal %+v", j[0])
		}
		_, err = a.Amender(id, "Même décision saisie deux fois", app.ChangerDecision("ARC-T3", nurDALO, model.Decision{Type: model.Attribution}))
		wantCode(t, err, model.EINVALID, "ne change rien")
		if _, err := a.Amender(id, "Correction du constat après la séance", app.ChangerConstat("M-OCCUPANT", "Occupation conforme.", "T3 conservé")); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("Commissions", func(t *testing.T) {
		c2, err := a.NouvelleCommission(date(2027, 1, 14), "Mairie de Cachan", "Cachan", model.CommissionAttribution)
		if err != nil || c2.ID != "C2027-001" {
			t.Fatalf("%+v %v", c2, err)
		}
		list, err := a.Commissions()
		if err != nil || len(list) != 2 || list[0].ID != id || list[1].ID != "C2027-001" {
			t.Fatalf("list %v", err)
		}
		_, err = a.Cloturer(c2.ID)
		wantCode(t, err, model.EINVALID, "n'a pas encore eu lieu")
		_, err = a.AjouterOccupation(c2.ID, []string{"M-OCCUPANT"})
		wantCode(t, err, model.EINVALID, "commission d'attribution")
		_, err = a.AjouterLogement(c2.ID, "ARC-T3B", []string{}, "")
		wantCode(t, err, model.EINVALID, "examine les logements de Cachan")
		if err := a.SupprimerCommission(c2.ID); err != nil {
			t.Fatal(err)
		}
	})
}

func TestApp_CommissionDeuxLogements(t *testing.T) {
	a := sessionFixtures(t)
	c, err := a.NouvelleCommission(date(2026, 11, 20), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"ARC-T3", "ARC-T3B"} {
		if _, err := a.AjouterLogement(c.ID, ref, []string{nurDALO}, model.ExceptionsTroisCandidats[0]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Decider(c.ID, "ARC-T3", nurDALO, model.Decision{Type: model.Attribution}); err != nil {
		t.Fatal(err)
	}
	_, err = a.Decider(c.ID, "ARC-T3B", nurDALO, model.Decision{Type: model.AttributionClassee, Rang: 1})
	wantCode(t, err, model.ECONFLICT, "reçoit déjà le logement ARC-T3")
	// Rank 2 alone is accepted while entering, refused at closing.
	if _, err := a.Decider(c.ID, "ARC-T3B", nurDALO, model.Decision{Type: model.AttributionClassee, Rang: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetMembres(c.ID, membres(4)); err != nil {
		t.Fatal(err)
	}
	_, err = a.Cloturer(c.ID)
	wantCode(t, err, model.EINVALID, "rang 1 absent")
}
