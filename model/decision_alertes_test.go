package model

import (
	"strings"
	"testing"
)

func TestDecision_AlertesDateLimite(t *testing.T) {
	envoi := NewDate(2026, 11, 26) // Thursday
	cases := []struct {
		name   string
		limite Date
		want   []string
	}{
		{"lundi à 11 jours", NewDate(2026, 12, 7), nil},
		{"samedi", NewDate(2026, 12, 12), []string{"est un samedi"}},
		{"dimanche", NewDate(2026, 12, 13), []string{"est un dimanche"}},
		{"Noël", NewDate(2026, 12, 25), []string{"jour férié (Noël)"}},
		{"7 jours seulement", NewDate(2026, 12, 3), []string{"moins de 8 jours"}},
		{"8 jours", NewDate(2026, 12, 4), nil},
		{"samedi à 2 jours", NewDate(2026, 11, 28), []string{"est un samedi", "moins de 8 jours"}},
	}
	for _, c := range cases {
		d := Decision{Type: ConditionSuspensive, Pieces: []string{PiecesJustificatives[0]}, DateLimite: c.limite}
		got := d.AlertesDateLimite(envoi)
		if len(got) != len(c.want) {
			t.Errorf("%s : %q, want %q", c.name, got, c.want)
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s : %q lacks %q", c.name, got[i], w)
			}
		}
	}
	if got := (&Decision{Type: Attribution}).AlertesDateLimite(envoi); got != nil {
		t.Errorf("attribution : %q", got)
	}
}

func TestDecision_ProprietaireNonAttribution(t *testing.T) {
	prec := "Le ménage possède un pavillon à Cachan."
	d := Decision{Type: Irrecevabilite, Motifs: []string{"proprietaire"}, Precisions: prec}
	if err := d.Validate(NewDate(2026, 11, 19)); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "L.441-2-2") {
		t.Errorf("irrecevabilité pour propriétaire : %v", err)
	}
	d.Type = NonAttribution
	if err := d.Validate(NewDate(2026, 11, 19)); err != nil {
		t.Errorf("non-attribution pour propriétaire : %v", err)
	}
	// A decision recorded before the move still prints its reason.
	if m, ok := MotifDecision(Irrecevabilite, "proprietaire"); !ok || m.Droit != "art. L.441-2-2 du CCH" {
		t.Errorf("motif ancien %+v %v", m, ok)
	}
	if m, _ := MotifDecision(Irrecevabilite, "plafond"); !strings.HasPrefix(m.Libelle, "vos ressources") {
		t.Errorf("plafond écrit au lecteur : %q", m.Libelle)
	}
}

func TestControleDecisions_RangsEtDeux(t *testing.T) {
	d := DossierLogement{Logement: "L1", Candidats: []Candidat{
		{NUR: "A", Decision: &Decision{Type: AttributionClassee, Rang: 1}},
		{NUR: "B", Decision: &Decision{Type: AttributionClassee, Rang: 3}},
	}}
	err := d.ControleDecisions(true)
	if !strings.Contains(ErrorMessage(err), "les rangs 1 et 2 sans trou (rang 2 absent)") {
		t.Errorf("err = %v", err)
	}
}
