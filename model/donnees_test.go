package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestPurgeable(t *testing.T) {
	at := NewDate(2026, time.November, 22)
	radiee := func(d Date) Demande { return Demande{NUR: "1", DateRadiation: d} }
	loge := &Menage{ID: "L", Bail: &Bail{Logement: "A", DateEntree: NewDate(2010, 1, 1)}}
	libre := &Menage{ID: "M"}
	for _, c := range []struct {
		nom  string
		m    *Menage
		ds   []Demande
		want bool
	}{
		{"la veille des trois ans", libre, []Demande{radiee(NewDate(2023, time.November, 21))}, true},
		{"le jour des trois ans", libre, []Demande{radiee(NewDate(2023, time.November, 22))}, false},
		{"le lendemain", libre, []Demande{radiee(NewDate(2023, time.November, 23))}, false},
		{"la dernière radiation compte", libre, []Demande{radiee(NewDate(2015, 1, 1)), radiee(NewDate(2024, 1, 1))}, false},
		{"une demande active", libre, []Demande{radiee(NewDate(2015, 1, 1)), {NUR: "2", Active: true}}, false},
		{"une demande sans date", libre, []Demande{radiee(NewDate(2015, 1, 1)), {NUR: "2"}}, false},
		{"aucune demande", libre, nil, false},
		{"locataire", loge, []Demande{radiee(NewDate(2015, 1, 1))}, false},
	} {
		if got, _ := Purgeable(c.m, c.ds, at, DureeConservation); got != c.want {
			t.Errorf("%s : %v, want %v", c.nom, got, c.want)
		}
	}
}

func TestEffacerInstantane(t *testing.T) {
	s := &Instantane{}
	m := Menage{ID: "M-X", Personnes: []Personne{{Lien: Titulaire, Nom: "Quastrelli", Prenom: "Zélie", DateNaissance: NewDate(1980, 1, 1), Handicap: true}},
		Ressources: Ressources{RevenuFiscal: Euros(20000)}, Adresse: AdresseDeLignes("1 rue Quastrelli", "94110 Arcueil"),
		Bail: &Bail{Logement: "A", DateEntree: NewDate(2018, 1, 1), Impayes: true}}
	other := Menage{ID: "M-A", Personnes: []Personne{{Lien: Titulaire, Nom: "Autre", DateNaissance: NewDate(1970, 1, 1)}}}
	d := Demande{NUR: "0942500000001GDPUB", Menage: "M-X", DateDepot: NewDate(2025, 1, 1), Priorites: []int{8}, Motif: "Zélie Quastrelli victime", ViolencesFamiliales: true}
	s.Ajouter(nil, []Menage{m, other}, []Demande{d}, []ExamenInstantane{{Logement: "L1", NUR: d.NUR, Verdicts: []Verdict{{Titre: "Plafond"}}}})
	if !EffacerInstantane(s, "M-X", "E000001", NewDate(2026, 11, 22)) {
		t.Fatal("ménage non trouvé")
	}
	raw, _ := json.Marshal(s)
	for _, bad := range []string{"Quastrelli", "Zélie", "1980-01-01", "victime", "impayes", `"handicap":true`, "violences_familiales", "M-X"} {
		if strings.Contains(string(raw), bad) {
			t.Errorf("%q reste dans l'instantané", bad)
		}
	}
	e := s.Menage("E000001")
	if e == nil || len(e.Personnes) != 1 || e.Personnes[0].Lien != Titulaire || e.Ressources.RevenuFiscal != Euros(20000) || e.Bail.Logement != "A" || e.Nom() != "ménage effacé le 22/11/2026" {
		t.Fatalf("gardé %+v", e)
	}
	if sd := s.Demande(d.NUR); sd == nil || sd.Menage != "E000001" || len(sd.Priorites) != 1 || s.Examen("L1", d.NUR) == nil {
		t.Fatalf("demande %+v", sd)
	}
	if s.Menage("M-A") == nil || s.Menage("M-A").Personnes[0].Nom != "Autre" {
		t.Error("l'autre ménage a changé")
	}
}
