package pdf

import (
	"strings"
	"unicode"

	"logis/model"
)

// The address window of a French DL envelope (110 × 220 mm, A4 folded in
// three): 110 mm from the left edge, 55 mm from the top, 85 × 33 mm.
const (
	FenetreX = 110.0
	FenetreY = 55.0
	FenetreL = 85.0
	FenetreH = 33.0
)

// Postal address limits (AFNOR XP Z 10-011).
const (
	AdresseLignesMax = 6
	AdresseCarMax    = 38
)

// Adresse is the recipient block of a letter, placed in the envelope window.
type Adresse struct {
	X, Y, L, H float64 // mm from the page's left and top edges
	Lignes     []string
}

// nouvelleAdresse places lines in the window.
func nouvelleAdresse(lignes []string) Adresse {
	return Adresse{X: FenetreX, Y: FenetreY, L: FenetreL, H: FenetreH, Lignes: lignes}
}

// adressePostale writes the postal address of a household: the holders'
// names, then the dwelling of the office it rents (domicile) or the address
// it gave, the last line being postal code and town in capitals without
// punctuation. At most 6 lines of 38 characters.
func adressePostale(m *model.Menage, domicile *model.Logement) ([]string, error) {
	var corps []string
	var cpVille string
	switch {
	case m.Loge() && domicile != nil:
		parts := strings.Split(domicile.Adresse, ",")
		for i := len(parts) - 1; i >= 1; i-- { // inside first (apt), then building, then street
			if p := strings.TrimSpace(parts[i]); p != "" {
				corps = append(corps, p)
			}
		}
		if p := strings.TrimSpace(parts[0]); p != "" {
			corps = append(corps, p)
		}
		cpVille = domicile.CodePostal + " " + domicile.Commune
	case len(m.Adresse) > 0:
		for _, l := range m.Adresse[:len(m.Adresse)-1] {
			if l = strings.TrimSpace(l); l != "" {
				corps = append(corps, l)
			}
		}
		cpVille = m.Adresse[len(m.Adresse)-1]
	default:
		return nil, model.Errorf(model.EINVALID, "Le ménage %s n'a pas d'adresse postale : complétez-la avant d'imprimer les courriers.", m.ID)
	}
	der := ligneVille(cpVille)
	if len(der) < 7 || !chiffres(der[:5]) || der[5] != ' ' {
		return nil, model.Errorf(model.EINVALID, "L'adresse du ménage %s ne se termine pas par le code postal et la commune : corrigez-la avant d'imprimer les courriers.", m.ID)
	}
	lignes := []string{ligneAdresse(nomsDestinataires(m))}
	for _, l := range corps {
		lignes = append(lignes, ligneAdresse(l))
	}
	if len(lignes) > AdresseLignesMax-1 { // keep the name and the lines nearest the town
		lignes = append(lignes[:1], lignes[len(lignes)-(AdresseLignesMax-2):]...)
	}
	return append(lignes, der), nil
}

// nomsDestinataires names the holders: « Prénom NOM », or both holders of
// a couple when they fit on one line.
func nomsDestinataires(m *model.Menage) string {
	t := m.Titulaire()
	if t == nil {
		return "Le ménage " + m.ID
	}
	nom := t.NomComplet()
	for i := range m.Personnes {
		p := &m.Personnes[i]
		if p == t || (p.Lien != model.Conjoint && p.Lien != model.Cotitulaire) {
			continue
		}
		var deux string
		if strings.EqualFold(strings.TrimSpace(p.Nom), strings.TrimSpace(t.Nom)) && t.Prenom != "" && p.Prenom != "" {
			deux = strings.TrimSpace(t.Prenom) + " et " + p.NomComplet()
		} else {
			deux = nom + " et " + p.NomComplet()
		}
		if len([]rune(deux)) <= AdresseCarMax {
			return deux
		}
		break
	}
	return nom
}

// Abbreviations of the postal norm, used only when a line is too long.
var abreviations = []struct{ long, court string }{
	{"appartement", "apt"}, {"bâtiment", "bât"}, {"boulevard", "bd"}, {"avenue", "av"},
	{"résidence", "rés"}, {"escalier", "esc"}, {"allée", "all"}, {"place", "pl"},
	{"Saint-", "St-"}, {"Sainte-", "Ste-"},
}

// ligneAdresse cleans one line and brings it to 38 characters at most.
func ligneAdresse(s string) string {
	s = strings.Join(strings.Fields(propre(s)), " ")
	for _, a := range abreviations {
		if len([]rune(s)) <= AdresseCarMax {
			break
		}
		s = strings.ReplaceAll(s, a.long, a.court)
	}
	r := []rune(s)
	if len(r) <= AdresseCarMax {
		return s
	}
	cut := AdresseCarMax
	for i := AdresseCarMax; i > AdresseCarMax/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimSpace(string(r[:cut]))
}

// ligneVille writes « 94400 VITRY SUR SEINE »: capitals without accents,
// punctuation replaced by spaces.
func ligneVille(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(propre(s)) {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case sansAccent[r] != "":
			b.WriteString(sansAccent[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return ligneAdresse(b.String())
}

var sansAccent = map[rune]string{
	'À': "A", 'Â': "A", 'Ä': "A", 'Á': "A", 'Ã': "A", 'Ç': "C", 'É': "E", 'È': "E", 'Ê': "E", 'Ë': "E",
	'Î': "I", 'Ï': "I", 'Í': "I", 'Ô': "O", 'Ö': "O", 'Ó': "O", 'Ù': "U", 'Û': "U", 'Ü': "U", 'Ú': "U",
	'Ÿ': "Y", 'Ñ': "N", 'Œ': "OE", 'Æ': "AE",
}

func chiffres(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
