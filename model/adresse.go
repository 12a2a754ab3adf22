package model

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Postal address limits (AFNOR XP Z10-011): at most 6 lines of at most 38
// characters, spaces included.
const (
	AdresseLignesMax = 6
	AdresseCarMax    = 38
)

// AdressePostale is a postal address after the recipient's name, in the
// order of AFNOR XP Z10-011: complement lines (2: apartment, floor,
// staircase, « chez »; 3: building, residence), the street (4: number and
// way), the lieu-dit or post-office box (5), and the postal code with the
// town (6, written in capitals).
type AdressePostale struct {
	Complement []string `json:"complement,omitempty"` // at most 2 lines
	Voie       string   `json:"voie,omitempty"`
	LieuDit    string   `json:"lieu_dit,omitempty"`
	CodePostal string   `json:"code_postal,omitempty"`
	Commune    string   `json:"commune,omitempty"`
}

// Vide reports an address with nothing filled in (nil included).
func (a *AdressePostale) Vide() bool {
	if a == nil {
		return true
	}
	for _, c := range a.Complement {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return strings.TrimSpace(a.Voie+a.LieuDit+a.CodePostal+a.Commune) == ""
}

// UnmarshalJSON reads the address as stored, or as bases written before it
// had fields kept it: a list of lines ending with « 94110 ARCUEIL ».
func (a *AdressePostale) UnmarshalJSON(b []byte) error {
	if t := strings.TrimSpace(string(b)); strings.HasPrefix(t, "[") {
		var lignes []string
		if err := json.Unmarshal(b, &lignes); err != nil {
			return err
		}
		*a = AdressePostale{}
		if x := AdresseDeLignes(lignes...); x != nil {
			*a = *x
		}
		return nil
	}
	type plain AdressePostale
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*a = AdressePostale(p)
	return nil
}

var cpVille = regexp.MustCompile(`^([0-9]{5})\s+(.+)$`)

// AdresseDeLignes reads an address written as lines, the last one « code
// postal + commune », the one before it the street, the others complements.
// Blank lines are dropped; nil when nothing is left.
func AdresseDeLignes(lignes ...string) *AdressePostale {
	var l []string
	for _, s := range lignes {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			l = append(l, s)
		}
	}
	if len(l) == 0 {
		return nil
	}
	a := &AdressePostale{}
	last := l[len(l)-1]
	if m := cpVille.FindStringSubmatch(last); m != nil {
		a.CodePostal, a.Commune = m[1], m[2]
	} else {
		a.Commune = last
	}
	l = l[:len(l)-1]
	if len(l) > 0 {
		a.Voie, a.Complement = l[len(l)-1], l[:len(l)-1]
	}
	return a
}

// AdresseDuLogement is the postal address of a dwelling of the office: its
// address « street, building, apartment » gives the street (first part) and
// the complements (the others, innermost first: line 2 apartment, line 3
// building; more parts share line 2).
func AdresseDuLogement(l *Logement) *AdressePostale {
	parts := strings.Split(l.Adresse, ",")
	a := &AdressePostale{Voie: strings.TrimSpace(parts[0]), CodePostal: l.CodePostal, Commune: l.Commune}
	for i := len(parts) - 1; i >= 1; i-- {
		if p := strings.Join(strings.Fields(parts[i]), " "); p != "" {
			a.Complement = append(a.Complement, p)
		}
	}
	// More than two parts (« apt 34, esc. 2, bât. A »): the innermost share
	// line 2, as AFNOR puts apartment, staircase and floor together.
	for len(a.Complement) > 2 {
		a.Complement = append([]string{a.Complement[0] + ", " + a.Complement[1]}, a.Complement[2:]...)
	}
	return a
}

// Abreviations are the postal abbreviations of the AFNOR / La Poste list,
// used only for a line longer than 38 characters: first the kinds of way
// and complements, then titles and saints. Keys are folded (capitals
// without accents).
var Abreviations = [][]struct{ Long, Court string }{
	{ // kinds of way and complements
		{"ALLEE", "ALL"}, {"AVENUE", "AV"}, {"BOULEVARD", "BD"}, {"CARREFOUR", "CAR"}, {"CHEMIN", "CHE"},
		{"CHAUSSEE", "CHS"}, {"CORNICHE", "COR"}, {"COURS", "CRS"}, {"DOMAINE", "DOM"}, {"DESCENTE", "DSC"},
		{"ESPLANADE", "ESP"}, {"FAUBOURG", "FG"}, {"HAMEAU", "HAM"}, {"IMPASSE", "IMP"}, {"LOTISSEMENT", "LOT"},
		{"MONTEE", "MTE"}, {"PASSAGE", "PAS"}, {"PLACE", "PL"}, {"PLATEAU", "PLT"}, {"PROMENADE", "PRO"},
		{"PARVIS", "PRV"}, {"QUARTIER", "QUA"}, {"RESIDENCE", "RES"}, {"RUELLE", "RLE"}, {"ROCADE", "ROC"},
		{"ROND-POINT", "RPT"}, {"ROUTE", "RTE"}, {"SENTIER", "SEN"}, {"SQUARE", "SQ"}, {"TRAVERSE", "TRA"},
		{"VILLA", "VLA"}, {"VILLAGE", "VLGE"}, {"BATIMENT", "BAT"}, {"APPARTEMENT", "APT"}, {"ESCALIER", "ESC"},
		{"ETAGE", "ETG"}, {"IMMEUBLE", "IMM"}, {"ENTREE", "ENT"}, {"LIEU-DIT", "LD"},
	},
	{ // titles and saints
		{"MARECHAL", "MAL"}, {"GENERAL", "GAL"}, {"PRESIDENT", "PDT"}, {"DOCTEUR", "DR"}, {"PROFESSEUR", "PR"},
		{"COLONEL", "COL"}, {"CAPITAINE", "CNE"}, {"COMMANDANT", "CDT"}, {"LIEUTENANT", "LT"}, {"MONSEIGNEUR", "MGR"},
		{"SAINT", "ST"}, {"SAINTE", "STE"}, {"NOTRE-DAME", "N-D"},
	},
}

// abreger brings a line to 38 characters with the postal abbreviations,
// one group after the other, only as far as needed; the line may still be
// too long (the caller refuses it, never cuts it).
func abreger(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, group := range Abreviations {
		if utf8.RuneCountInString(s) <= AdresseCarMax {
			return s
		}
		words := strings.Split(s, " ")
		for i, w := range words {
			words[i] = abregerMot(w, group)
		}
		s = strings.Join(words, " ")
	}
	return s
}

// abregerMot abbreviates a word, or each part of a hyphenated word
// (« Saint-Michel » → « ST-Michel »), keeping trailing punctuation.
func abregerMot(w string, group []struct{ Long, Court string }) string {
	core := strings.TrimRight(w, ",.;")
	tail := w[len(core):]
	k := Fold(core)
	for _, a := range group {
		if k == a.Long {
			return a.Court + tail
		}
	}
	if strings.Contains(core, "-") {
		parts := strings.Split(core, "-")
		changed := false
		for i, p := range parts {
			for _, a := range group {
				if Fold(p) == a.Long {
					parts[i], changed = a.Court, true
				}
			}
		}
		if changed {
			return strings.Join(parts, "-") + tail
		}
	}
	return w
}

// LigneVille writes the last line: « 94400 VITRY SUR SEINE » (capitals
// without accents, hyphens and apostrophes as spaces), abbreviated if needed.
func LigneVille(cp, commune string) string {
	return abreger(strings.TrimSpace(cp + " " + CommuneKey(commune)))
}

// Lignes writes the address lines after the name, abbreviated where a line
// is longer than 38 characters, and the reasons it cannot be printed
// (value-free French phrases): a missing postal code or town, a line still
// too long, too many lines.
func (a *AdressePostale) Lignes() ([]string, []string) {
	if a.Vide() {
		return nil, []string{"l'adresse postale manque"}
	}
	var lignes, pb []string
	add := func(what, s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			return
		}
		if err := CheckTexte(s, MaxTexte); err != nil {
			pb = append(pb, what+" "+ErrorMessage(err))
			return
		}
		l := abreger(s)
		if n := utf8.RuneCountInString(l); n > AdresseCarMax {
			pb = append(pb, fmt.Sprintf("%s compte %d caractères même abrégée ; 38 au plus (norme postale) : écrivez-la en deux lignes ou abrégez-la", what, n))
		}
		lignes = append(lignes, l)
	}
	var compl []string
	for _, c := range a.Complement {
		if c = strings.TrimSpace(c); c != "" {
			compl = append(compl, c)
		}
	}
	if len(compl) > 2 {
		pb = append(pb, fmt.Sprintf("le complément d'adresse compte %d lignes ; 2 au plus (appartement, étage ; bâtiment, résidence)", len(compl)))
	}
	for _, c := range compl {
		add("la ligne de complément", c)
	}
	if strings.TrimSpace(a.Voie) == "" && strings.TrimSpace(a.LieuDit) == "" {
		pb = append(pb, "la voie (numéro et rue) ou le lieu-dit manque")
	}
	add("la voie", a.Voie)
	add("le lieu-dit", a.LieuDit)
	switch {
	case strings.TrimSpace(a.CodePostal) == "":
		pb = append(pb, "le code postal manque")
	case CheckCodePostal(a.CodePostal) != nil:
		pb = append(pb, "le code postal n'a pas 5 chiffres")
	}
	if strings.TrimSpace(a.Commune) == "" {
		pb = append(pb, "la commune manque")
	} else if err := CheckTexte(a.Commune, MaxTexte); err != nil {
		pb = append(pb, "la commune "+ErrorMessage(err))
	} else {
		v := LigneVille(a.CodePostal, a.Commune)
		if n := utf8.RuneCountInString(v); n > AdresseCarMax {
			pb = append(pb, fmt.Sprintf("la ligne du code postal et de la commune compte %d caractères ; 38 au plus", n))
		}
		lignes = append(lignes, v)
	}
	if len(lignes) > AdresseLignesMax-1 {
		pb = append(pb, fmt.Sprintf("l'adresse compte %d lignes sans le nom ; 5 au plus (norme postale)", len(lignes)))
	}
	return lignes, pb
}

// Validate checks an address at entry: every line fits once abbreviated,
// postal code and town are given. Errors: EINVALID listing the reasons.
func (a *AdressePostale) Validate() error {
	if _, pb := a.Lignes(); len(pb) > 0 {
		return Errorf(EINVALID, "Adresse postale : %s.", strings.Join(pb, " ; "))
	}
	return nil
}

// Initiales writes first names as initials: « Marie-Séraphine-Éléonore »
// → « M.-S.-É. », « Anne Claire » → « A. C. ».
func Initiales(prenom string) string {
	var b strings.Builder
	start := true
	for _, r := range strings.TrimSpace(prenom) {
		switch {
		case r == '-' || r == ' ':
			if !start {
				b.WriteString(".")
			}
			b.WriteRune(r)
			start = true
		case start && unicode.IsLetter(r):
			b.WriteRune(unicode.ToUpper(r))
			start = false
		}
	}
	s := b.String()
	if s != "" && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "-") {
		s += "."
	}
	return strings.Join(strings.Fields(s), " ")
}

// LigneDestinataire writes the first line of the address: the holders
// (« Anne et Marc DUPONT », « Anne DUPONT et Marc MARTIN ») when they fit,
// else the holder; first names are shortened to initials before a surname
// is ever touched (« M.-S.-É. DE LA TOUR-VERNADET »), then left out; a
// surname longer than 38 characters is refused, never cut.
func LigneDestinataire(m *Menage) (string, error) {
	t := m.Titulaire()
	if t == nil {
		return "", Errorf(EINVALID, "le ménage n'a pas de membre à qui écrire")
	}
	nom := strings.ToUpper(strings.Join(strings.Fields(t.Nom), " "))
	prenom := strings.Join(strings.Fields(t.Prenom), " ")
	var essais []string
	for i := range m.Personnes {
		p := &m.Personnes[i]
		if p == t || (p.Lien != Conjoint && p.Lien != Cotitulaire) {
			continue
		}
		nom2 := strings.ToUpper(strings.Join(strings.Fields(p.Nom), " "))
		prenom2 := strings.Join(strings.Fields(p.Prenom), " ")
		if nom2 == nom && prenom != "" && prenom2 != "" {
			essais = append(essais, prenom+" et "+prenom2+" "+nom)
		} else if nom2 != "" {
			essais = append(essais, strings.TrimSpace(prenom+" "+nom)+" et "+strings.TrimSpace(prenom2+" "+nom2))
		}
		break
	}
	essais = append(essais, strings.TrimSpace(prenom+" "+nom))
	if prenom != "" {
		essais = append(essais, Initiales(prenom)+" "+nom)
	}
	essais = append(essais, nom)
	for _, e := range essais {
		if e != "" && utf8.RuneCountInString(e) <= AdresseCarMax {
			return e, nil
		}
	}
	return "", Errorf(EINVALID, "le nom du titulaire compte %d caractères ; 38 au plus sur une enveloppe : inscrivez son nom d'usage", utf8.RuneCountInString(nom))
}

// AdresseEnvoi writes the address block of a letter to household m: the
// name line, then its postal address — the one it gave, else, for a tenant,
// its dwelling (domicile). At most 6 lines of 38 characters, the last one
// postal code and town in capitals; nothing is ever cut: an address that
// does not fit is refused with every reason (EINVALID).
func AdresseEnvoi(m *Menage, domicile *Logement) ([]string, error) {
	adr := m.Adresse
	if adr.Vide() && m.Loge() && domicile != nil {
		adr = AdresseDuLogement(domicile)
	}
	if adr.Vide() {
		return nil, Errorf(EINVALID, "Le ménage %s n'a pas d'adresse postale : complétez-la avant d'imprimer les courriers.", m.ID)
	}
	var pb []string
	nom, err := LigneDestinataire(m)
	if err != nil {
		pb = append(pb, ErrorMessage(err))
	}
	corps, p := adr.Lignes()
	pb = append(pb, p...)
	if len(pb) > 0 {
		return nil, Errorf(EINVALID, "L'adresse du ménage %s ne peut pas être imprimée : %s ; corrigez-la dans la fiche du ménage avant d'imprimer les courriers.", m.ID, strings.Join(pb, " ; "))
	}
	return append([]string{nom}, corps...), nil
}

// AbregerLigne is a line as it will be printed: the postal abbreviations
// applied when it is longer than 38 characters (it may still be longer).
func AbregerLigne(s string) string { return abreger(s) }
