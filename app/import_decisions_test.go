package app_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
)

const decisionsHeader = "seance;date;commune;logement;nur;decision;rang;motif\n"

// decisionsFile: two past sessions of Arcueil, as a spreadsheet writes them
// (dates JJ/MM/AAAA, a commune in capitals).
func decisionsFile() string {
	return decisionsHeader +
		"CAL-2026-02;10/02/2026;Arcueil;ARC-T3B;" + nurCESF + ";classement;1;\n" +
		"CAL-2026-02;10/02/2026;Arcueil;ARC-T3B;" + nurDALO + ";classement;2;\n" +
		"CAL-2026-02;10/02/2026;Arcueil;ARC-T3B;" + nurPRIO + ";non_attribution;;autre_candidat\n" +
		"CAL-2026-02;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";attribution;;\n" +
		"CAL-2026-02;10/02/2026;Arcueil;ARC-T3;" + nurNEW + ";irrecevabilite;;Ressources supérieures au plafond PLUS de la catégorie 3.\n" +
		"CAL-2026-03;2026-03-05;ARCUEIL;ARC-OLD1;" + nurEFFORT + ";condition;;\n"
}

func TestApp_ImportDecisions(t *testing.T) {
	a := sessionFixtures(t)
	rep := mustImport(t, a, "decisions", decisionsFile())
	if rep.Lignes != 6 || rep.Crees != 2 {
		t.Fatalf("report %+v", rep)
	}
	c, err := a.Commission("CAL-2026-02")
	if err != nil {
		t.Fatal(err)
	}
	if c.Statut != model.Close || !app.Importee(c) || c.Lieu != app.LieuSeanceImportee || len(c.Membres) != 0 ||
		c.Date != date(2026, 2, 10) || c.Commune != "Arcueil" || len(c.Logements) != 2 || c.Import.Fichier != "decisions.csv" {
		t.Fatalf("session %+v", c)
	}
	// The snapshot is taken at import time, not later as if the session
	// had been closed by an earlier version.
	if s := c.Instantane; s == nil || s.Reprise || !s.Pris.Equal(c.Import.Le) || s.Logement("ARC-T3B") == nil || s.Demande(nurCESF) == nil {
		t.Errorf("snapshot %+v", s)
	}
	d := c.Dossier("ARC-T3B")
	if b := d.Beneficiaire(); b == nil || b.NUR != nurCESF {
		t.Errorf("ARC-T3B to %+v", b)
	}
	if k := d.Candidat(nurCESF); k.Profil == nil || !k.Profil.Mutation || k.Profil.UC <= 0 {
		t.Errorf("CESF profile %+v", k.Profil)
	}
	if k := d.Candidat(nurDALO); !k.Profil.DALO || k.Decision.Rang != 2 {
		t.Errorf("DALO %+v %+v", k.Profil, k.Decision)
	}
	if k := d.Candidat(nurPRIO); k.Decision.Type != model.NonAttribution || strings.Join(k.Decision.Motifs, ",") != "autre_candidat" {
		t.Errorf("PRIO %+v", k.Decision)
	}
	if k := c.Dossier("ARC-T3").Candidat(nurNEW); k.Decision.Type != model.Irrecevabilite || !strings.Contains(k.Decision.Precisions, "plafond PLUS") {
		t.Errorf("NEW %+v", k.Decision)
	}
	if c2, _ := a.Commission("CAL-2026-03"); c2 == nil || c2.Dossier("ARC-OLD1").Candidats[0].Decision.Type != model.ConditionSuspensive {
		t.Errorf("second session %+v", c2)
	}

	if model.DateOf(c.Cloture) != c.Date {
		t.Errorf("closed on %v, sat on %s", c.Cloture, c.Date)
	}
	t.Run("MinutesSayImported", func(t *testing.T) {
		var buf bytes.Buffer
		if err := a.PV("CAL-2026-02", &buf); err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, buf.Bytes())
		if !strings.Contains(text, "close le mardi 10 février 2026") && !strings.Contains(text, "close le 10 février 2026") {
			t.Errorf("minutes:\n%s", text)
		}
		// Said at the head (title, then the header's « Origine »), in the
		// members' part and in the closing mention — not as a place.
		p, err := a.MiseEnPagePV("CAL-2026-02")
		if err != nil {
			t.Fatal(err)
		}
		const said = "Séance importée : décisions prises avant Logis ; membres et quorum non enregistrés"
		flat := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
		if len(p.Titre) < 3 || flat(p.Titre[2]) != said {
			t.Errorf("title %q", p.Titre)
		}
		head := map[string]string{}
		for _, r := range p.Entete {
			head[r[0]] = flat(r[1])
		}
		if head["Lieu"] != "non enregistré" || !strings.HasPrefix(head["Origine"], said+". Décisions reprises du fichier « ") ||
			!strings.Contains(head["Dossiers"], "enregistrés à l'import le") {
			t.Errorf("header %q", head)
		}
		if !strings.Contains(flat(p.Quorum), "n'ont pas été enregistrés dans Logis") || !strings.Contains(flat(p.Mentions[0]), "avant l'utilisation de Logis") ||
			strings.Contains(p.Mentions[0], "proposer un ordre des candidats, avec ses explications") {
			t.Errorf("quorum %q, mention %q", p.Quorum, p.Mentions[0])
		}
		if got := strings.Join(strings.Fields(strings.ReplaceAll(text, "\u00a0", " ")), " "); !strings.Contains(got, said) {
			t.Errorf("PDF lacks %q:\n%s", said, got)
		}
	})
	t.Run("ReimportChangesNothing", func(t *testing.T) {
		before, _ := json.Marshal(mustList(t, a))
		rep := mustImport(t, a, "decisions", decisionsFile())
		after, _ := json.Marshal(mustList(t, a))
		if rep.Crees != 0 || string(before) != string(after) {
			t.Fatalf("re-import: %+v\n%s\n%s", rep, before, after)
		}
	})
	t.Run("ReimportChangedRefused", func(t *testing.T) {
		changed := strings.Replace(decisionsFile(), nurOLD+";attribution;;", nurOLD+";non_attribution;;effort", 1)
		_, err := a.Import("decisions", "d.csv", strings.NewReader(changed), nil)
		wantCode(t, err, model.EINVALID, "ligne 2, colonne seance : la séance « CAL-2026-02 » a déjà été importée avec d'autres décisions")
	})
	t.Run("AmendImportedSession", func(t *testing.T) {
		// No members, one candidate: an imported session is still corrected by a reasoned amendment.
		am, err := a.Amender("CAL-2026-03", "Pièce reçue : l'attribution était définitive.", app.ChangerDecision("ARC-OLD1", nurEFFORT, model.Decision{Type: model.Attribution}))
		if err != nil || !strings.Contains(am.Objet, "décision « Attribution sous condition suspensive » remplacée par « Attribution »") {
			t.Fatalf("%+v %v", am, err)
		}
	})
	t.Run("FollowUpOnImportedSession", func(t *testing.T) {
		res, err := a.SaisirSuite("CAL-2026-02", "", nurCESF, model.SuiteOffre{Reponse: model.OffreRefusee, Motif: "trop cher", Date: date(2026, 2, 20)})
		if err != nil || res.Suivant != nurDALO || !res.Penalite {
			t.Fatalf("%+v %v", res, err)
		}
	})
}

func mustList(t *testing.T, a *app.App) []model.Commission {
	t.Helper()
	l, err := a.Commissions()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestApp_ImportDecisionsRefused(t *testing.T) {
	a := sessionFixtures(t)
	logis, err := a.NouvelleCommission(date(2026, 1, 5), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	for name, x := range map[string]struct{ rows, want string }{
		"UnknownDwelling":   {"S1;10/02/2026;Arcueil;NOPE;" + nurOLD + ";attribution;;\n", "ligne 3, colonne logement : le logement « NOPE » n'existe pas"},
		"UnknownNUR":        {"S1;10/02/2026;Arcueil;ARC-T3;0940000000099GDPUB;attribution;;\n", "ligne 3, colonne nur : la demande « 0940000000099GDPUB » n'existe pas"},
		"RankMissing":       {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";classement;;\n", "ligne 3, colonne rang : valeur obligatoire manquante"},
		"RankOnAttribution": {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";attribution;1;\n", "« 1 » n'a de sens que pour un classement"},
		"RankGap": {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";classement;1;\nS1;10/02/2026;Arcueil;ARC-T3;" + nurNEW + ";classement;3;\n",
			"sans trou (rang 2 absent)"},
		"TwoAttributions": {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";attribution;;\nS1;10/02/2026;Arcueil;ARC-T3;" + nurNEW + ";attribution;;\n",
			"qu'à un seul candidat"},
		"TwoDwellings": {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";attribution;;\nS1;10/02/2026;Arcueil;ARC-T3B;" + nurOLD + ";attribution;;\n",
			"reçoit le logement ARC-T3 et le logement ARC-T3B"},
		"Future":          {"S1;10/02/2027;Arcueil;ARC-T3;" + nurOLD + ";attribution;;\n", "est dans le futur"},
		"UnknownDecision": {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";ajournement;;\n", "« ajournement » n'est pas une décision"},
		"NoReason":        {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";non_attribution;;\n", "motifs en fait et en droit sont obligatoires"},
		"Commune":         {"S1;10/02/2026;Cachan;ARC-T3;" + nurOLD + ";attribution;;\n", "le logement ARC-T3 est à Arcueil, pas à Cachan"},
		"TwoDates": {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";attribution;;\nS1;11/02/2026;Arcueil;ARC-T3B;" + nurNEW + ";attribution;;\n",
			"ligne 4, colonne date : la séance « S1 » a déjà la date 10/02/2026"},
		"LogisSession": {logis.ID + ";10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";attribution;;\n", "la séance « " + logis.ID + " » existe déjà dans Logis"},
		"Duplicate": {"S1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";attribution;;\nS1;10/02/2026;Arcueil;ARC-T3;" + nurOLD + ";non_attribution;;effort\n",
			"figure déjà pour le logement ARC-T3"},
		"MissingColumn": {"", "l'en-tête ne correspond pas au modèle « décisions » : colonne absente : rang"},
	} {
		t.Run(name, func(t *testing.T) {
			text := decisionsHeader + "S0;01/02/2026;Arcueil;ARC-OLD2;" + nurEFFORT + ";attribution;;\n" + x.rows
			if name == "MissingColumn" {
				text = "seance;date;commune;logement;nur;decision;motif\n"
			}
			_, err := a.Import("decisions", "d.csv", strings.NewReader(text), nil)
			wantCode(t, err, model.EINVALID, x.want)
			if l := mustList(t, a); len(l) != 1 {
				t.Fatalf("something was written: %d sessions", len(l))
			}
		})
	}
}
