package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// mustOpenAs opens the base at path as user.
func mustOpenAs(t *testing.T, path, user, password string) *app.App {
	t.Helper()
	o := testOptions()
	o.User, o.Password = user, password
	db, err := storage.Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return app.New(db)
}

func TestApp_Droits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logis.db")
	a := mustOpenAs(t, path, "test", "mot-de-passe-de-test")
	for _, c := range []struct{ nom, role string }{{"c.lecteur", "consultation"}, {"a.agent", "agent"}} {
		if err := a.DB.AddAccount(model.Compte{Nom: c.nom, Role: model.Role(c.role)}, "secret-"+c.nom); err != nil {
			t.Fatal(err)
		}
	}
	a.DB.Close()

	t.Run("ErrConsultationImport", func(t *testing.T) {
		l := mustOpenAs(t, path, "c.lecteur", "secret-c.lecteur")
		_, err := l.Import("logements", "l.csv", strings.NewReader(logementsCSV), nil)
		if model.ErrorCode(err) != model.EFORBIDDEN || !strings.Contains(model.ErrorMessage(err), "votre rôle (consultation) ne permet pas d'importer des fichiers") {
			t.Fatalf("import by consultation: %v", err)
		}
		if err := l.Sauvegarder(filepath.Join(t.TempDir(), "s.db"), false); model.ErrorCode(err) != model.EFORBIDDEN {
			t.Fatalf("backup by consultation: %v", err)
		}
		if c, err := l.DB.Counts(); err != nil || c.Logements != 0 {
			t.Fatalf("counts %+v %v", c, err)
		}
		l.DB.Close()
	})

	t.Run("AgentImportJournaled", func(t *testing.T) {
		ag := mustOpenAs(t, path, "a.agent", "secret-a.agent")
		mustImport(t, ag, "logements", logementsCSV)
		if err := ag.SaveRegles(model.DefaultRegles()); model.ErrorCode(err) != model.EFORBIDDEN ||
			!strings.Contains(model.ErrorMessage(err), "votre rôle (agent) ne permet pas de modifier les paramètres") {
			t.Fatalf("rules by agent: %v", err)
		}
		backup := filepath.Join(t.TempDir(), "s.db")
		if err := ag.Sauvegarder(backup, false); err != nil {
			t.Fatal(err)
		}
		j, err := ag.DB.Journal(2)
		if err != nil || len(j) != 2 || j[0].Action != "Sauvegarde de la base : s.db" || j[0].Utilisateur != "a.agent" || !j[0].SansEcriture || j[1].SansEcriture ||
			!strings.HasPrefix(j[1].Action, "Import logements") || j[1].Utilisateur != "a.agent" {
			t.Fatalf("journal = %+v %v", j, err)
		}
		ag.DB.Close()
	})
}
