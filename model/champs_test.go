package model_test

import (
	"testing"
	"time"

	"logis/model"
)

func TestParseNUR(t *testing.T) {
	ok := []struct{ in, want string }{
		{"0942501000123GD94A", "0942501000123GD94A"}, // counter code with digits
		{"0942501000123 gd94a", "0942501000123GD94A"},
		{" 094 25 01 000123 GDPUB ", "0942501000123GDPUB"},
		{"02A2501000123GDPUB", "02A2501000123GDPUB"}, // Corse-du-Sud
		{"1111023517879GDPUB", "1111023517879GDPUB"},
	}
	for _, tc := range ok {
		got, err := model.ParseNUR(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseNUR(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "1111023517879", "0942501000123GD94", "0942501000123GD94AB", "094250100012GD94AB",
		"0942501000123-GD94A", "0942501000123194AB", "ABC2501000123GDPUB", "0942501000123GDPU\u00e9", "0942501000123GD\x0094A"} {
		_, err := model.ParseNUR(in)
		wantInvalid(t, err, "n'est pas un numéro unique (NUR) : 13 chiffres (département, année, mois, numéro) puis les 5 lettres ou chiffres du guichet, ex. 0942501000123GD94A")
	}
}

func TestCheckCodePostal(t *testing.T) {
	for _, cp := range []string{"94110", "75013", "20000", "97400", "01000"} {
		if err := model.CheckCodePostal(cp); err != nil {
			t.Errorf("CheckCodePostal(%q): %v", cp, err)
		}
	}
	for _, cp := range []string{"", "9411", "941100", "94 110", "9411O", "00100", "99999", "96000"} {
		wantInvalid(t, model.CheckCodePostal(cp), "n'est pas un code postal (5 chiffres, ex. 94110)")
	}
}

func TestCommunesOfTheOffice(t *testing.T) {
	list := model.DefaultCommunes()
	for _, tc := range []struct{ nom, cp, want string }{
		{"Arcueil", "94110", "Arcueil"},
		{"VITRY SUR SEINE", "94400", "Vitry-sur-Seine"},
		{"cachan", "", "Cachan"},
	} {
		got, err := model.CheckCommuneOffice(list, tc.nom, tc.cp)
		if err != nil || got != tc.want {
			t.Errorf("CheckCommuneOffice(%q, %q) = %q, %v", tc.nom, tc.cp, got, err)
		}
	}
	_, err := model.CheckCommuneOffice(list, "Paris", "75013")
	wantInvalid(t, err, "« Paris » n'est pas une commune de l'Office : Arcueil, Cachan, Gentilly, Villejuif, Vitry-sur-Seine ; la liste se règle dans Paramètres")
	_, err = model.CheckCommuneOffice(list, "Arceuil", "94110")
	wantInvalid(t, err, "« Arceuil » n'est pas une commune de l'Office (vouliez-vous dire Arcueil ?)")
	_, err = model.CheckCommuneOffice(list, "Cachan", "94110")
	wantInvalid(t, err, "le code postal 94110 n'est pas celui de Cachan (94230)")

	if err := model.ValidateCommunes(list); err != nil {
		t.Errorf("default list: %v", err)
	}
	wantInvalid(t, model.ValidateCommunes(nil), "au moins une commune")
	wantInvalid(t, model.ValidateCommunes([]model.CommuneOffice{{"Arcueil", "94110"}, {"ARCUEIL", "94110"}}), "ARCUEIL figure deux fois")
	wantInvalid(t, model.ValidateCommunes([]model.CommuneOffice{{"Arcueil", "9411"}}), "ligne 1 : « 9411 » n'est pas un code postal")
}

func TestPlausibleDates(t *testing.T) {
	today := model.NewDate(2026, time.November, 30)
	if err := model.CheckNaissance(model.NewDate(1900, 1, 1), today); err != nil {
		t.Error(err)
	}
	if err := model.CheckNaissance(today, today); err != nil {
		t.Error(err)
	}
	wantInvalid(t, model.CheckNaissance(today.AddDays(1), today), "la date de naissance est dans le futur")
	wantInvalid(t, model.CheckNaissance(model.NewDate(1899, 12, 31), today), "la date de naissance est antérieure à 1900")
	wantInvalid(t, model.CheckPassee("la date de dépôt", model.NewDate(2027, 1, 5), today), "la date de dépôt (05/01/2027) est dans le futur")
	wantInvalid(t, model.CheckPassee("la date d'entrée", model.NewDate(1850, 1, 5), today), "la date d'entrée (05/01/1850) est antérieure à 1900")
	if err := model.CheckPassee("x", 0, today); err != nil {
		t.Error("a missing date is the caller's rule")
	}
}

func TestCheckTexte(t *testing.T) {
	if err := model.CheckTexte("Élise-Noé D'ARC", model.MaxNom); err != nil {
		t.Error(err)
	}
	wantInvalid(t, model.CheckTexte("A\x00B", 60), "contient un caractère de contrôle invisible (U+0000)")
	wantInvalid(t, model.CheckTexte("A\u0085B", 60), "(U+0085)")
	wantInvalid(t, model.CheckTexte("AB\n", 60), "(U+000A)")
	wantInvalid(t, model.CheckTexte("HÃ©lÃ¨ne", 60), "texte mal converti")
	wantInvalid(t, model.CheckTexte("Prix 10 â‚¬", 60), "texte mal converti")
	wantInvalid(t, model.CheckTexte("ABCDEFGHIJ", 9), "compte 10 caractères ; 9 au plus")
	wantInvalid(t, model.CheckTexte("\xff", 9), "encodage")
	for _, s := range []string{"Ãtre", "CHÂTEAU", "Âge d'or", "À côté"} {
		if model.Mojibake(s) {
			t.Errorf("Mojibake(%q) = true", s)
		}
	}
}
