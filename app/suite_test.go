package app_test

import (
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// closedSuiteSession closes a session of 19/11/2026 in Arcueil: ARC-T3B
// ranked (M-CESF, a tenant, rank 1; M-DALO rank 2; M-PRIO not allocated),
// ARC-T3 (still occupied by M-OCCUPANT) allocated to M-OLD.
func closedSuiteSession(t *testing.T, a *app.App) string {
	t.Helper()
	c, err := a.NouvelleCommission(date(2026, 11, 19), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	id := c.ID
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = a.SetMembres(id, membres(3))
	must(err)
	_, err = a.AjouterLogement(id, "ARC-T3B", []string{nurCESF, nurDALO, nurPRIO}, "")
	must(err)
	_, err = a.AjouterLogement(id, "ARC-T3", []string{nurOLD, nurNEW, nurEFFORT}, "")
	must(err)
	for _, x := range []struct {
		ref, nur string
		d        model.Decision
	}{
		{"ARC-T3B", nurCESF, model.Decision{Type: model.AttributionClassee, Rang: 1}},
		{"ARC-T3B", nurDALO, model.Decision{Type: model.AttributionClassee, Rang: 2}},
		{"ARC-T3B", nurPRIO, nonAttribution()},
		{"ARC-T3", nurOLD, model.Decision{Type: model.Attribution}},
		{"ARC-T3", nurNEW, nonAttribution()},
		{"ARC-T3", nurEFFORT, nonAttribution()},
	} {
		_, err = a.Decider(id, x.ref, x.nur, x.d)
		must(err)
	}
	_, err = a.Cloturer(id)
	must(err)
	return id
}

func TestApp_SaisirSuite(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSuiteSession(t, a)
	demande := func(nur string) *model.Demande {
		var d *model.Demande
		if err := a.DB.View(func(tx *storage.Tx) (err error) { d, err = tx.Demande(nur); return err }); err != nil {
			t.Fatal(err)
		}
		return d
	}

	t.Run("RankTwoWaits", func(t *testing.T) {
		_, err := a.SaisirSuite(id, "", nurDALO, model.SuiteOffre{Reponse: model.OffreAcceptee})
		wantCode(t, err, model.EINVALID, "ne détient pas l'offre du logement ARC-T3B (elle est à la demande "+nurCESF)
	})
	t.Run("RefusalNeedsReason", func(t *testing.T) {
		_, err := a.SaisirSuite(id, "", nurCESF, model.SuiteOffre{Reponse: model.OffreRefusee})
		wantCode(t, err, model.EINVALID, "le motif du refus est obligatoire")
		_, err = a.SaisirSuite(id, "", nurCESF, model.SuiteOffre{Reponse: model.OffreAcceptee, Legitime: true})
		wantCode(t, err, model.EINVALID, "ne vaut que pour un refus")
		_, err = a.SaisirSuite(id, "", nurCESF, model.SuiteOffre{Reponse: model.OffreRefusee, Motif: "étage", Date: date(2026, 11, 1)})
		wantCode(t, err, model.EINVALID, "précède la séance")
	})
	t.Run("TenantRefusalSetsPenaltyAndPassesToRankTwo", func(t *testing.T) {
		before, err := a.ObjectifsAnnee(2026)
		if err != nil || before[3].Numerateur != 1 || before[3].Denominateur != 2 {
			t.Fatalf("transfers before the refusal %+v %v", before[3], err)
		}
		res, err := a.SaisirSuite(id, "", nurCESF, model.SuiteOffre{Reponse: model.OffreRefusee, Motif: "trop loin de l'école", Date: date(2026, 11, 21)})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Penalite || res.Suivant != nurDALO || res.RangSuiv != 2 || res.Logement != "ARC-T3B" {
			t.Fatalf("result %+v", res)
		}
		d := demande(nurCESF)
		if d.RefusAdapte != date(2026, 11, 21) || d.MotifRefus != "trop loin de l'école" || d.RefusLegitime {
			t.Errorf("refusal recorded %s %q %v", d.RefusAdapte, d.MotifRefus, d.RefusLegitime)
		}
		if v := model.RefusAdapte(d, date(2026, 12, 1), model.DefaultRegles()); !v.Flag() {
			t.Errorf("the §1.2 penalty does not run: %+v", v)
		}
		if !strings.Contains(strings.Join(res.Messages, " "), "passe au rang 2 : demande "+nurDALO) {
			t.Errorf("messages %q", res.Messages)
		}
		c, _ := a.Commission(id)
		if k := c.TitulaireOffre("ARC-T3B"); k == nil || k.NUR != nurDALO {
			t.Errorf("holder %+v", k)
		}
		// The decision itself is untouched: a follow-up, not an amendment.
		if d := c.Dossier("ARC-T3B").Candidat(nurCESF).Decision; d.Type != model.AttributionClassee || d.Rang != 1 || len(c.Amendements) != 0 {
			t.Errorf("decision changed: %+v, %d amendments", d, len(c.Amendements))
		}
		_, err = a.SaisirSuite(id, "", nurCESF, model.SuiteOffre{Reponse: model.OffreAcceptee})
		wantCode(t, err, model.EINVALID, "déjà été refusée")
		// The year's objectives read the follow-up: ARC-T3B now goes to the DALO rank 2.
		after, _ := a.ObjectifsAnnee(2026)
		if after[3].Numerateur != 0 || after[3].Denominateur != 2 {
			t.Errorf("transfers after the refusal %+v", after[3])
		}
	})
	t.Run("LeaseStrikesOffAndHouses", func(t *testing.T) {
		if _, err := a.SaisirSuite(id, "", nurDALO, model.SuiteOffre{Reponse: model.OffreAcceptee}); err != nil {
			t.Fatal(err)
		}
		_, err := a.SaisirSuite(id, "", nurDALO, model.SuiteOffre{Reponse: model.OffreBailSigne})
		wantCode(t, err, model.EINVALID, "date de signature du bail est obligatoire")
		res, err := a.SaisirSuite(id, "ARC-T3B", nurDALO, model.SuiteOffre{Reponse: model.OffreBailSigne, Date: date(2026, 11, 22)})
		if err != nil || !res.Radiee || res.Penalite {
			t.Fatalf("%+v %v", res, err)
		}
		d := demande(nurDALO)
		if d.Active || d.DateRadiation != date(2026, 11, 22) {
			t.Errorf("application %+v", d)
		}
		var m *model.Menage
		var l *model.Logement
		a.DB.View(func(tx *storage.Tx) error { m, _ = tx.Menage("M-DALO"); l, _ = tx.Logement("ARC-T3B"); return nil })
		if !m.Loge() || m.Bail.Logement != "ARC-T3B" || m.Bail.DateEntree != date(2026, 11, 22) || l.Statut != model.Occupe {
			t.Errorf("tenancy %+v, dwelling %s", m.Bail, l.Statut)
		}
		c, _ := a.Commission(id)
		if e := c.EtatOffre("ARC-T3B", nurDALO); e.BailLe != date(2026, 11, 22) || len(c.Suites) != 3 {
			t.Errorf("state %+v, %d events", e, len(c.Suites))
		}
		_, err = a.SaisirSuite(id, "", nurDALO, model.SuiteOffre{Reponse: model.OffreSansReponse})
		wantCode(t, err, model.EINVALID, "bail est déjà signé")
	})
	t.Run("OccupiedDwelling", func(t *testing.T) {
		_, err := a.SaisirSuite(id, "", nurOLD, model.SuiteOffre{Reponse: model.OffreBailSigne, Date: date(2026, 11, 20)})
		wantCode(t, err, model.ECONFLICT, "encore occupé par le ménage M-OCCUPANT")
		if demande(nurOLD).DateRadiation != 0 {
			t.Error("struck off although refused")
		}
	})
	t.Run("LegitimateRefusalNoPenaltyNoNext", func(t *testing.T) {
		res, err := a.SaisirSuite(id, "", nurOLD, model.SuiteOffre{Reponse: model.OffreRefusee, Motif: "logement au 2e étage sans ascenseur, handicap", Legitime: true})
		if err != nil || res.Penalite || res.Suivant != "" {
			t.Fatalf("%+v %v", res, err)
		}
		if demande(nurOLD).RefusAdapte != 0 {
			t.Error("penalty set on a legitimate refusal")
		}
		if !strings.Contains(strings.Join(res.Messages, " "), "revient à une prochaine commission") {
			t.Errorf("messages %q", res.Messages)
		}
	})
	t.Run("NonTenantNoAnswerNoPenalty", func(t *testing.T) {
		_, err := a.SaisirSuite(id, "", nurPRIO, model.SuiteOffre{Reponse: model.OffreSansReponse})
		wantCode(t, err, model.ENOTFOUND, "aucune offre")
	})
	t.Run("SessionInPreparation", func(t *testing.T) {
		c, _ := a.NouvelleCommission(date(2026, 11, 20), "Siège", "Arcueil", model.CommissionAttribution)
		_, err := a.SaisirSuite(c.ID, "ARC-T3", nurOLD, model.SuiteOffre{Reponse: model.OffreAcceptee})
		wantCode(t, err, model.EINVALID, "n'est pas close")
	})
}
