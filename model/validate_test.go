package model_test

import (
	"strings"
	"testing"

	"logis/model"
)

func validLogement() *model.Logement {
	return &model.Logement{Reference: "GEN-0305", Residence: "GEN-03", Commune: "Gentilly", Typologie: 3, Pieces: 3,
		Surface: 65.5, Etage: 2, Financement: model.PLUS, Loyer: model.Euros(620), Charges: model.Euros(110)}
}

func TestLogement_Validate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		if err := validLogement().Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
	})
	t.Run("bounds are accepted", func(t *testing.T) {
		for _, edit := range []func(l *model.Logement){
			func(l *model.Logement) { l.Typologie, l.Pieces = 1, 1 },
			func(l *model.Logement) { l.Typologie, l.Pieces = 6, 20 },
			func(l *model.Logement) { l.Surface = 1000 },
			func(l *model.Logement) { l.Etage = -2 },
			func(l *model.Logement) { l.Etage = 60 },
			func(l *model.Logement) { l.Loyer, l.Charges = 0, 0 },
			func(l *model.Logement) { l.Financement = model.PLI },
		} {
			l := validLogement()
			edit(l)
			if err := l.Validate(); err != nil {
				t.Errorf("Validate(%+v): %v", l, err)
			}
		}
	})
	tests := []struct {
		name string
		edit func(l *model.Logement)
		frag string
	}{
		{"ErrReferenceRequired", func(l *model.Logement) { l.Reference = " " }, "la référence est obligatoire"},
		{"ErrCommuneRequired", func(l *model.Logement) { l.Commune = "" }, "la commune est obligatoire"},
		{"ErrTypologieZero", func(l *model.Logement) { l.Typologie = 0 }, "la typologie doit aller de T1 à T6"},
		{"ErrTypologieSeven", func(l *model.Logement) { l.Typologie = 7 }, "la typologie doit aller de T1 à T6"},
		{"ErrPiecesZero", func(l *model.Logement) { l.Pieces = 0 }, "le nombre de pièces doit aller de 1 à 20"},
		{"ErrPiecesTooMany", func(l *model.Logement) { l.Pieces = 21 }, "le nombre de pièces doit aller de 1 à 20"},
		{"ErrSurfaceZero", func(l *model.Logement) { l.Surface = 0 }, "la surface habitable doit être comprise entre 0 et 1"},
		{"ErrSurfaceTooLarge", func(l *model.Logement) { l.Surface = 1000.5 }, "la surface habitable"},
		{"ErrEtageTooLow", func(l *model.Logement) { l.Etage = -3 }, "l'étage doit aller de -2 à 60"},
		{"ErrEtageTooHigh", func(l *model.Logement) { l.Etage = 61 }, "l'étage doit aller de -2 à 60"},
		{"ErrLoyerNegative", func(l *model.Logement) { l.Loyer = -1 }, "le loyer et les charges ne peuvent pas être négatifs"},
		{"ErrChargesNegative", func(l *model.Logement) { l.Charges = -1 }, "le loyer et les charges ne peuvent pas être négatifs"},
		{"ErrFinancementEmpty", func(l *model.Logement) { l.Financement = "" }, "le financement doit être PLAI, PLUS, PLS ou PLI"},
		{"ErrFinancementUnknown", func(l *model.Logement) { l.Financement = "HLMO" }, "le financement doit être PLAI, PLUS, PLS ou PLI"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := validLogement()
			tc.edit(l)
			wantInvalid(t, l.Validate(), "Logement ", tc.frag)
		})
	}
	t.Run("every fault is listed", func(t *testing.T) {
		l := validLogement()
		l.Typologie, l.Pieces = 0, 0
		wantInvalid(t, l.Validate(), "Logement GEN-0305 : la typologie", " ; le nombre de pièces")
	})
}

func TestResidence_Validate(t *testing.T) {
	if err := (&model.Residence{Code: "GEN-03", Commune: "Gentilly"}).Validate(); err != nil {
		t.Errorf("OK: %v", err)
	}
	wantInvalid(t, (&model.Residence{Commune: "Gentilly"}).Validate(), "Le code de la résidence est obligatoire.")
	wantInvalid(t, (&model.Residence{Code: "GEN-03", Commune: " "}).Validate(), "La commune de la résidence GEN-03 est obligatoire.")
}

func validMenage() *model.Menage {
	m := couple(40, 38, 10)
	m.Ressources = model.Ressources{RevenuFiscal: model.Euros(30000), RevenuN1: model.Euros(25000), Mensuelles: model.Euros(2500), APL: model.Euros(120)}
	m.Bail = &model.Bail{Logement: "ARC-0101", DateEntree: model.NewDate(2020, 3, 15)}
	return m
}

func TestMenage_Validate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		if err := validMenage().Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
	})
	t.Run("an applicant not yet housed needs no lease", func(t *testing.T) {
		m := validMenage()
		m.Bail = nil
		if err := m.Validate(); err != nil {
			t.Errorf("Validate: %v", err)
		}
	})
	t.Run("ErrIDRequired", func(t *testing.T) {
		m := validMenage()
		m.ID = " "
		wantInvalid(t, m.Validate(), "L'identifiant du ménage est obligatoire.")
	})
	tests := []struct {
		name string
		edit func(m *model.Menage)
		frag string
	}{
		{"ErrRevenuFiscalNegative", func(m *model.Menage) { m.Ressources.RevenuFiscal = -1 }, "les ressources ne peuvent pas être négatives"},
		{"ErrRevenuN1Negative", func(m *model.Menage) { m.Ressources.RevenuN1 = -1 }, "les ressources ne peuvent pas être négatives"},
		{"ErrMensuellesNegative", func(m *model.Menage) { m.Ressources.Mensuelles = -1 }, "les ressources ne peuvent pas être négatives"},
		{"ErrAPLNegative", func(m *model.Menage) { m.Ressources.APL = -1 }, "les ressources ne peuvent pas être négatives"},
		{"ErrNomRequired", func(m *model.Menage) { m.Personnes[1].Nom = "" }, "le nom du membre n° 2 est obligatoire"},
		{"ErrDateNaissanceRequired", func(m *model.Menage) { m.Personnes[2].DateNaissance = 0 }, "la date de naissance du membre n° 3 est obligatoire"},
		{"ErrLienUnknown", func(m *model.Menage) { m.Personnes[2].Lien = "voisin" }, "le lien du membre n° 3 est inconnu"},
		{"ErrLienEmpty", func(m *model.Menage) { m.Personnes[1].Lien = "" }, "le lien du membre n° 2 est inconnu"},
		{"ErrTwoTitulaires", func(m *model.Menage) { m.Personnes[1].Lien = model.Titulaire }, "un ménage n'a qu'un titulaire"},
		{"ErrDateEntreeRequired", func(m *model.Menage) { m.Bail.DateEntree = 0 }, "la date d'entrée dans le logement est obligatoire"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := validMenage()
			tc.edit(m)
			wantInvalid(t, m.Validate(), "Ménage M-001 : ", tc.frag)
		})
	}
}

func validDemande() *model.Demande {
	return &model.Demande{NUR: "1111023517879GDPUB", Menage: "M-001", DateDepot: model.NewDate(2024, 1, 15),
		Typologies: []int{3, 4}, Communes: []string{"Arcueil"}, Priorites: []int{1, 15}, Active: true}
}

func TestDemande_Validate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		if err := validDemande().Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
	})
	t.Run("NUR whose counter code holds digits", func(t *testing.T) {
		d := validDemande()
		d.NUR = "0942501000123GD94A"
		if err := d.Validate(); err != nil {
			t.Errorf("Validate: %v", err)
		}
	})
	tests := []struct {
		name string
		edit func(d *model.Demande)
		frag string
	}{
		{"ErrNURRequired", func(d *model.Demande) { d.NUR = "" }, "le NUR doit être le numéro unique d'enregistrement"},
		{"ErrNURLetters", func(d *model.Demande) { d.NUR = "ABC" }, "le NUR doit être"},
		{"ErrNURWithoutCounter", func(d *model.Demande) { d.NUR = "1111023517879" }, "le NUR doit être"},
		{"ErrNURTooShort", func(d *model.Demande) { d.NUR = "123456789" }, "le NUR doit être"},
		{"ErrNURLowercase", func(d *model.Demande) { d.NUR = "1111023517879gdpub" }, "le NUR doit être"},
		{"ErrNURSpaces", func(d *model.Demande) { d.NUR = "1111023517879 GDPUB" }, "le NUR doit être"},
		{"ErrMenageRequired", func(d *model.Demande) { d.Menage = " " }, "le ménage est obligatoire"},
		{"ErrDateDepotRequired", func(d *model.Demande) { d.DateDepot = 0 }, "la date de dépôt est obligatoire"},
		{"ErrPrioriteZero", func(d *model.Demande) { d.Priorites = []int{0} }, "les priorités sont les catégories de l'article L.441-1 numérotées comme l'annexe 1 (1 à 8, 10 à 15)"},
		{"ErrPriorite16", func(d *model.Demande) { d.Priorites = []int{3, 16} }, "(1 à 8, 10 à 15)"},
		// Annex 1, « 9) » are the bans attached to g bis: not a category.
		{"ErrPriorite9", func(d *model.Demande) { d.Priorites = []int{9} }, "« 9 » n'est pas une catégorie de l'article L.441-1 : dans l'annexe 1, les lignes « 9) » sont les interdictions imposées à l'auteur qui accompagnent la catégorie g bis"},
		{"ErrTypologieZero", func(d *model.Demande) { d.Typologies = []int{0} }, "les typologies souhaitées vont de T1 à T6"},
		{"ErrTypologieSeven", func(d *model.Demande) { d.Typologies = []int{7} }, "les typologies souhaitées vont de T1 à T6"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := validDemande()
			tc.edit(d)
			wantInvalid(t, d.Validate(), "Demande ", tc.frag)
		})
	}
}

func TestDemande_Helpers(t *testing.T) {
	d := validDemande()
	if !d.Prioritaire() {
		t.Error("a demande with annex-1 priorities is not prioritaire")
	}
	if (&model.Demande{}).Prioritaire() {
		t.Error("an empty demande is prioritaire")
	}
	if !(&model.Demande{DALO: true}).Prioritaire() {
		t.Error("a DALO demande is not prioritaire")
	}
	if !d.WantsCommune("ARCUEIL") || d.WantsCommune("Cachan") {
		t.Errorf("WantsCommune: Arcueil %v, Cachan %v", d.WantsCommune("ARCUEIL"), d.WantsCommune("Cachan"))
	}
	if !(&model.Demande{}).WantsCommune("Cachan") {
		t.Error("no wish means any commune")
	}
	if len(model.PrioriteLabels) != 16 || model.PrioriteLabels[0] != "" {
		t.Fatalf("PrioriteLabels has %d entries", len(model.PrioriteLabels))
	}
	for i := 1; i <= 15; i++ {
		if (model.PrioriteLabels[i] == "") != (i == 9) {
			t.Errorf("PrioriteLabels[%d] = %q", i, model.PrioriteLabels[i])
		}
	}
}

func TestCommuneKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vitry-sur-Seine", "VITRY SUR SEINE"},
		{"  vitry   sur seine ", "VITRY SUR SEINE"},
		{"L'Haÿ-les-Roses", "L HAY LES ROSES"},
		{"Créteil", "CRETEIL"},
		{"ÉVRY", "EVRY"},
		{"Cœuilly", "COEUILLY"},
	}
	for _, tc := range tests {
		if got := model.CommuneKey(tc.in); got != tc.want {
			t.Errorf("CommuneKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !model.SameCommune("Vitry sur Seine", "VITRY-SUR-SEINE") || model.SameCommune("Arcueil", "Cachan") {
		t.Error("SameCommune")
	}
	if got := model.Fold("Hôtel de Ville à Gentilly"); got != "HOTEL DE VILLE A GENTILLY" {
		t.Errorf("Fold = %q", got)
	}
}

func TestOffice_Validate(t *testing.T) {
	t.Run("OK: the default identity", func(t *testing.T) {
		if err := model.DefaultOffice().Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
	})
	t.Run("limits are accepted", func(t *testing.T) {
		o := model.DefaultOffice()
		o.Adresse = []string{"1", "2", "3", "4", "5", strings.Repeat("é", 38)} // 6 lines, 38 characters (76 bytes)
		o.Logo = make([]byte, 2<<20)
		if err := o.Validate(); err != nil {
			t.Errorf("Validate: %v", err)
		}
	})
	tests := []struct {
		name string
		edit func(o *model.Office)
		frag string
	}{
		{"ErrNomRequired", func(o *model.Office) { o.Nom = "" }, "le nom de l'Office est obligatoire"},
		{"ErrAdresseEmpty", func(o *model.Office) { o.Adresse = nil }, "l'adresse compte de 1 à 6 lignes"},
		{"ErrAdresseSevenLines", func(o *model.Office) { o.Adresse = []string{"1", "2", "3", "4", "5", "6", "94110 ARCUEIL"} }, "l'adresse compte de 1 à 6 lignes"},
		{"ErrAdresseLineTooLong", func(o *model.Office) { o.Adresse[0] = strings.Repeat("a", 39) }, "au plus 38 caractères"},
		{"ErrSignataireRequired", func(o *model.Office) { o.Signataire = " " }, "le signataire est obligatoire"},
		{"ErrVilleRequired", func(o *model.Office) { o.Ville = "" }, "la ville d'où partent les courriers est obligatoire"},
		{"ErrLogoTooLarge", func(o *model.Office) { o.Logo = make([]byte, 2<<20+1) }, "le logo ne doit pas dépasser 2 Mo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := model.DefaultOffice()
			tc.edit(o)
			wantInvalid(t, o.Validate(), "Identité de l'Office : ", tc.frag)
		})
	}
}

func TestParseFinancement(t *testing.T) {
	for in, want := range map[string]model.Financement{"PLUS": model.PLUS, "plai": model.PLAI, "PLA-I": model.PLAI, " pls ": model.PLS, "Pli": model.PLI} {
		if got, err := model.ParseFinancement(in); err != nil || got != want {
			t.Errorf("ParseFinancement(%q) = %q, %v", in, got, err)
		}
	}
	_, err := model.ParseFinancement("HLM")
	wantInvalid(t, err, "« HLM » n'est pas un financement (PLAI, PLUS, PLS ou PLI)")
}

func TestParseTypologie(t *testing.T) {
	for in, want := range map[string]int{"T3": 3, "t3": 3, "3": 3, "F4": 4, "studio": 1, "T1": 1, "T6": 6, "T6+": 6, "T6 et+": 6, "T7": 6, " T2 ": 2} {
		if got, err := model.ParseTypologie(in); err != nil || got != want {
			t.Errorf("ParseTypologie(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "T0", "T10", "grand", "T3bis"} {
		_, err := model.ParseTypologie(in)
		wantInvalid(t, err, "n'est pas une typologie (T1 à T6)")
	}
	for in, want := range map[int]string{1: "T1", 5: "T5", 6: "T6 et +", 7: "T6 et +"} {
		if got := model.TypologieLabel(in); got != want {
			t.Errorf("TypologieLabel(%d) = %q", in, got)
		}
	}
}

func TestParseLien(t *testing.T) {
	for in, want := range map[string]model.Lien{"titulaire": model.Titulaire, "Conjointe": model.Conjoint, "époux": model.Conjoint,
		"pacs": model.Conjoint, "fils": model.Enfant, "fille": model.Enfant, "co-titulaire": model.Cotitulaire, "ASCENDANT": model.Ascendant, "autre": model.Autre} {
		if got, err := model.ParseLien(in); err != nil || got != want {
			t.Errorf("ParseLien(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := model.ParseLien("voisin")
	wantInvalid(t, err, "« voisin » n'est pas un lien")
}

func TestStatut_Label(t *testing.T) {
	for s, want := range map[model.Statut]string{model.Vacant: "vacant", model.Occupe: "occupé", model.Travaux: "en travaux", "autre": "autre"} {
		if got := s.Label(); got != want {
			t.Errorf("Label(%q) = %q", s, got)
		}
	}
}

func TestMenage_Helpers(t *testing.T) {
	m := household(pers(model.Enfant, 5), model.Personne{Lien: model.Titulaire, Nom: "Martin", Prenom: "Léa", DateNaissance: born(35)})
	if m.Titulaire() != &m.Personnes[1] || m.Nom() != "Léa MARTIN" {
		t.Errorf("Titulaire %p, Nom %q", m.Titulaire(), m.Nom())
	}
	m = household(model.Personne{Lien: model.Autre, Nom: "Petit"})
	if m.Titulaire() != &m.Personnes[0] || m.Nom() != "PETIT" {
		t.Errorf("without titulaire: Nom %q", m.Nom())
	}
	if household().Titulaire() != nil || household().Nom() != "(sans membre)" {
		t.Error("empty household")
	}
	m = validMenage()
	if !m.Loge() || m.HasHandicap() {
		t.Errorf("Loge %v, HasHandicap %v", m.Loge(), m.HasHandicap())
	}
	m.Personnes[2].Handicap = true
	m.Bail.Logement = ""
	if m.Loge() || !m.HasHandicap() {
		t.Errorf("Loge %v, HasHandicap %v", m.Loge(), m.HasHandicap())
	}
	if q := validLogement().Quittance(); q != model.Euros(730) {
		t.Errorf("Quittance = %s", q)
	}
}
