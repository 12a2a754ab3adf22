package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Codes of the national RPLS file (répertoire des logements locatifs des
// bailleurs sociaux): arrêté du 5 janvier 2010, annexe, tableau 2, and the
// open-data « données détaillées au logement » that use the same codes.

// SourceRPLS is quoted next to every mapped RPLS value.
const SourceRPLS = "Arrêté du 5 janvier 2010 (répertoire RPLS), annexe, tableau 2"

// SourceDPE is the rule that forbids letting a G-rated dwelling.
const SourceDPE = "Art. L.173-2 CCH et décret n° 2002-120 art. 3 bis (loi Climat et résilience) : logement classé G non décent depuis le 01/01/2025"

// financementRPLS is one FINAN code: its label and the resource ceiling it
// carries in Logis ("" when the code alone does not tell it).
type financementRPLS struct {
	Libelle string
	Plafond Financement
}

// FinancementsRPLS maps the FINAN codes (position 32). Codes whose ceiling
// is not determined by the code alone (PAP locatif, PCL, PLR/PSR, ILM, ILN,
// CFF loans, « autre ») map to "": the CUS column then says it.
var FinancementsRPLS = map[string]financementRPLS{
	"10": {"PLA d'intégration", PLAI},
	"11": {"PLA loyer minoré / très social / insertion", PLAI},
	"12": {"PLA ordinaire", PLUS},
	"13": {"PLUS", PLUS},
	"14": {"PLS / PPLS / PCLS / PLA CFF", PLS},
	"15": {"PAP locatif", ""},
	"16": {"PLI", PLI},
	"17": {"PCL", ""},
	"49": {"autre financement", ""},
	"50": {"HBM", PLUS},
	"51": {"PLR / PSR", ""},
	"52": {"HLM/O", PLUS},
	"53": {"ILM", ""},
	"54": {"ILN", ""},
	"55": {"prêts spéciaux du CFF", ""},
	"99": {"autre financement (avant 1977)", ""},
}

// plafondsCUS maps the CUS column (position 47: « plafond de ressources
// correspondant au titre de la CUS »).
var plafondsCUS = map[string]Financement{"11": PLAI, "13": PLUS, "14": PLS, "16": PLI}

// FinancementRPLS returns the financing whose resource ceiling applies to a
// dwelling, from its FINAN code and, when given, its CUS ceiling code (which
// wins: it is the ceiling the office applies). The string explains the
// mapping. Errors (EINVALID) name the code and what to do.
func FinancementRPLS(finan, cus string) (Financement, string, error) {
	finan, cus = twoDigits(finan), twoDigits(cus)
	lib := ""
	if f, ok := FinancementsRPLS[finan]; ok {
		lib = f.Libelle
	} else if finan != "" {
		return "", "", Errorf(EINVALID, "« %s » n'est pas un code de financement RPLS (10 à 17, 49, 50 à 55, 99)", clip(finan))
	}
	if cus != "" {
		f, ok := plafondsCUS[cus]
		if !ok {
			return "", "", Errorf(EINVALID, "« %s » n'est pas un plafond CUS (11 PLAI, 13 PLUS, 14 PLS, 16 PLI)", clip(cus))
		}
		if finan == "" {
			return f, fmt.Sprintf("plafond CUS %s → %s", cus, f), nil
		}
		return f, fmt.Sprintf("financement %s (%s), plafond CUS %s → %s", finan, lib, cus, f), nil
	}
	if finan == "" {
		return "", "", Errorf(EINVALID, "financement absent (colonnes FINAN et CUS vides)")
	}
	f := FinancementsRPLS[finan].Plafond
	if f == "" {
		return "", "", Errorf(EINVALID, "le financement %s (%s) ne dit pas seul le plafond de ressources : renseignez la colonne CUS (11 PLAI, 13 PLUS, 14 PLS, 16 PLI)", finan, lib)
	}
	return f, fmt.Sprintf("financement %s (%s) → plafonds %s", finan, lib, f), nil
}

func twoDigits(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
		return "0" + s
	}
	return s
}

// QPVRPLS reads the QPV column: a QPV code (« QP094021 », « QN09402M ») or
// 1 means in a QPV; empty, 0 or 2 means outside (the arrêté's 1 oui / 2 non).
func QPVRPLS(v string) (bool, error) {
	u := strings.ToUpper(strings.TrimSpace(v))
	switch u {
	case "", "0", "2", "NON", "N":
		return false, nil
	case "1", "OUI", "O":
		return true, nil
	}
	if len(u) >= 6 && len(u) <= 10 && (strings.HasPrefix(u, "QP") || strings.HasPrefix(u, "QN")) && alnum(u) {
		return true, nil
	}
	return false, Errorf(EINVALID, "« %s » n'est ni un code de QPV (QP…, QN…) ni 1 / 2", clip(v))
}

func alnum(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// TypologieRPLS is the typology of a dwelling of n main rooms (NBPIECE, 1 to
// 9): T1 to T5, T6 and more beyond.
func TypologieRPLS(n int) int {
	if n > 6 {
		return 6
	}
	return n
}

// ParseClasseDPE reads an energy class A to G; "" is no diagnosis.
func ParseClasseDPE(v string) (string, error) {
	u := strings.ToUpper(strings.TrimSpace(v))
	if u == "" || len(u) == 1 && u[0] >= 'A' && u[0] <= 'G' {
		return u, nil
	}
	return "", Errorf(EINVALID, "« %s » n'est pas une classe énergétique (A à G)", clip(v))
}

// DateDPERPLS reads DPEDATE (« MM/AAAA », « 01/1900 » when no diagnosis
// was made; JJ/MM/AAAA and AAAA-MM-JJ accepted): the first day of the month,
// 0 when there is no diagnosis.
func DateDPERPLS(v string) (Date, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	if m, y, ok := strings.Cut(v, "/"); ok && !strings.Contains(y, "/") {
		mm, e1 := strconv.Atoi(m)
		yy, e2 := strconv.Atoi(y)
		if e1 != nil || e2 != nil || mm < 1 || mm > 12 || yy < 1900 || yy > 2100 {
			return 0, Errorf(EINVALID, "« %s » n'est pas une date de diagnostic (MM/AAAA)", clip(v))
		}
		if yy == 1900 {
			return 0, nil
		}
		return NewDate(yy, time.Month(mm), 1), nil
	}
	d, err := ParseDate(v)
	if err != nil {
		return 0, Errorf(EINVALID, "« %s » n'est pas une date de diagnostic (MM/AAAA)", clip(v))
	}
	if d.Year() == 1900 {
		return 0, nil
	}
	return d, nil
}

// ParseAnneeRPLS reads a year (CONSTRUCT: « aaaa »), 1800 to 2100.
func ParseAnneeRPLS(v string) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 1800 || y > 2100 {
		return 0, Errorf(EINVALID, "« %s » n'est pas une année (AAAA)", clip(v))
	}
	return y, nil
}

// InterdictionG is the date from which a G-rated dwelling is no longer
// decent, hence cannot be let (new leases and renewals).
var InterdictionG = NewDate(2025, time.January, 1)

// DecenceEnergetique says whether dwelling l may be let on date at given its
// energy class: an alert for a G class from 01/01/2025, données manquantes
// when no class is recorded.
func DecenceEnergetique(l *Logement, at Date) Verdict {
	v := Verdict{Regle: "dpe", Titre: "Performance énergétique (DPE)", Source: SourceDPE,
		Seuil: "classe G interdite à la location depuis le " + InterdictionG.String()}
	switch {
	case l.ClasseDPE == "":
		v.Resultat = Incomplet
		v.Explication = "Classe énergétique du logement inconnue (aucun DPE enregistré)."
	case l.ClasseDPE == "G" && at >= InterdictionG:
		v.Resultat, v.Valeur = Alerte, "classe G"
		v.Explication = fmt.Sprintf("Logement classé G au DPE : il ne peut plus être donné en location depuis le %s (non décent). Travaux de rénovation avant toute attribution.", InterdictionG)
	default:
		v.Resultat, v.Valeur = Conforme, "classe "+l.ClasseDPE
		v.Explication = fmt.Sprintf("Logement classé %s au DPE : location possible.", l.ClasseDPE)
	}
	return v
}

// contingentsRPLS are the reservation codes (position 63) in the words the
// office uses for its contingents.
var contingentsRPLS = map[string]string{
	"1": "préfecture (fonctionnaires)",
	"2": "préfecture",
	"3": "Action Logement",
	"4": "collectivité territoriale",
	"5": "préfecture (fonctionnaires)",
	"6": "autre réservataire",
	"7": "bailleur",
}

// ContingentRPLS reads the contingent code of a reserved dwelling (1 to 7;
// 7 is not reserved: the office's own stock, « bailleur »); "" stays "".
func ContingentRPLS(v string) (string, error) {
	v = strings.TrimLeft(strings.TrimSpace(v), "0")
	if v == "" {
		return "", nil
	}
	c, ok := contingentsRPLS[v]
	if !ok {
		return "", Errorf(EINVALID, "« %s » n'est pas un code de contingent RPLS (1 à 7)", clip(v))
	}
	return c, nil
}
