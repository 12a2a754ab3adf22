package model_test

import (
	"strings"
	"testing"

	"logis/model"
)

func TestAutorise(t *testing.T) {
	tests := []struct {
		role   model.Role
		action model.Action
		ok     bool
		msg    string
	}{
		{model.Responsable, model.ActionComptes, true, ""},
		{model.Responsable, model.ActionImporter, true, ""},
		{model.Agent, model.ActionImporter, true, ""},
		{model.Agent, model.ActionComptes, false, "votre rôle (agent) ne permet pas de gérer les comptes"},
		{model.Agent, model.ActionParametres, false, "votre rôle (agent) ne permet pas de modifier les paramètres"},
		{model.Consultation, model.ActionConsulter, true, ""},
		{model.Consultation, model.ActionJournal, true, ""},
		{model.Agent, model.ActionExporterMenage, true, ""},
		{model.Agent, model.ActionEffacer, true, ""},
		{model.Agent, model.ActionPurger, false, "votre rôle (agent) ne permet pas de purger la base"},
		{model.Responsable, model.ActionPurger, true, ""},
		{model.Consultation, model.ActionExporterMenage, false, "votre rôle (consultation) ne permet pas d'exporter les données d'un ménage"},
		{model.Consultation, model.ActionImporter, false, "votre rôle (consultation) ne permet pas d'importer des fichiers"},
		{model.Consultation, model.ActionExporter, false, "votre rôle (consultation) ne permet pas d'exporter des données personnelles"},
		{model.Consultation, model.ActionSaisir, false, "votre rôle (consultation) ne permet pas de modifier les données"},
		// pv, courriers and rapport share this action: the phrase names all three.
		{model.Consultation, model.ActionDocuments, false, "votre rôle (consultation) ne permet pas d'éditer des courriers ou des procès-verbaux"},
		{"", model.ActionConsulter, false, "votre rôle (aucun) ne permet pas de consulter la base"},
		{model.Responsable, "inconnue", false, "n'est pas prévue"},
	}
	for _, tt := range tests {
		t.Run(string(tt.role)+"/"+string(tt.action), func(t *testing.T) {
			err := model.Autorise(tt.role, tt.action)
			if tt.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if model.ErrorCode(err) != model.EFORBIDDEN || !strings.Contains(model.ErrorMessage(err), tt.msg) {
				t.Fatalf("got %v (%s), want EFORBIDDEN %q", err, model.ErrorCode(err), tt.msg)
			}
		})
	}
}

func TestParseRole(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want model.Role
		ok   bool
	}{
		{"agent", model.Agent, true}, {" Responsable ", model.Responsable, true},
		{"consultation", model.Consultation, true}, {"admin", "", false}, {"", "", false},
	} {
		got, err := model.ParseRole(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestValidateCompte(t *testing.T) {
	for _, tt := range []struct {
		nom, mdp string
		nomOK    bool
		mdpOK    bool
	}{
		{"m.dupont", "correct-cheval-pile", true, true},
		{"a_b-c9", "court", true, false},
		{"", "0123456789", false, true},
		{"marie dupont", "0123456789", false, true},
		{"jean;x", "0123456789", false, true},
		{strings.Repeat("a", 41), "0123456789", false, true},
		{"motdepasse", "MotDePasse", true, false},
	} {
		if err := model.ValidateNomCompte(tt.nom); (err == nil) != tt.nomOK {
			t.Errorf("ValidateNomCompte(%q) = %v", tt.nom, err)
		}
		if err := model.ValidateMotDePasse(tt.nom, tt.mdp); (err == nil) != tt.mdpOK {
			t.Errorf("ValidateMotDePasse(%q, %q) = %v", tt.nom, tt.mdp, err)
		}
	}
	c := model.Compte{Nom: "m.dupont", Role: "chef"}
	if err := c.Validate(); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("role chef accepted: %v", err)
	}
}
