package model_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"logis/model"
)

// ref is the fixed reference date of every test (a Sunday). Tests never
// read the clock.
var ref = model.NewDate(2026, time.November, 22)

const nbsp = "\u00a0"

// born returns a birth date at which a person is exactly age years old on
// ref, the birthday being already passed this year.
func born(age int) model.Date { return model.NewDate(2026-age, time.June, 1) }

// pers builds a member of age years on ref.
func pers(l model.Lien, age int) model.Personne {
	return model.Personne{Lien: l, Nom: "Durand", Prenom: "Alex", DateNaissance: born(age)}
}

// handi marks a member as holding a CMI invalidité.
func handi(p model.Personne) model.Personne { p.Handicap = true; return p }

// household builds a household from its members.
func household(ps ...model.Personne) *model.Menage {
	return &model.Menage{ID: "M-001", Personnes: ps}
}

// couple builds a titulaire and a conjoint of the given ages with children.
func couple(a, b int, children ...int) *model.Menage {
	m := household(pers(model.Titulaire, a), pers(model.Conjoint, b))
	for _, c := range children {
		m.Personnes = append(m.Personnes, pers(model.Enfant, c))
	}
	return m
}

// single builds a titulaire alone with children.
func single(a int, children ...int) *model.Menage {
	m := household(pers(model.Titulaire, a))
	for _, c := range children {
		m.Personnes = append(m.Personnes, pers(model.Enfant, c))
	}
	return m
}

// englishDecimal finds a number written with a decimal point; section
// numbers (« §1.2.2 ») are removed first with sectionNumber.
var (
	englishDecimal = regexp.MustCompile(`[0-9]\.[0-9]`)
	sectionNumber  = regexp.MustCompile(`§[0-9.]+`)
)

// checkExplained asserts that a verdict carries what the commission needs
// to read it: a code, a title, an explanation, a source and, when the rule
// applied, the figures compared and the threshold.
func checkExplained(t *testing.T, v model.Verdict) {
	t.Helper()
	if v.Regle == "" || v.Titre == "" || v.Explication == "" || v.Source == "" {
		t.Errorf("verdict %q (%s) lacks code, title, explanation or source: %+v", v.Regle, v.Resultat.Label(), v)
	}
	if (v.Resultat == model.Conforme || v.Resultat == model.Alerte) && (v.Valeur == "" || v.Seuil == "") {
		t.Errorf("verdict %q (%s) lacks its figures or threshold: Valeur=%q Seuil=%q", v.Regle, v.Resultat.Label(), v.Valeur, v.Seuil)
	}
	for _, s := range []string{v.Valeur, v.Seuil, v.Explication} {
		if englishDecimal.MatchString(sectionNumber.ReplaceAllString(s, "§")) {
			t.Errorf("verdict %q writes a number with a decimal point: %q", v.Regle, s)
		}
	}
}

// wantResultat asserts the outcome of a verdict and that it is explained.
func wantResultat(t *testing.T, v model.Verdict, want model.Resultat) {
	t.Helper()
	if v.Resultat != want {
		t.Errorf("%s: got %q, want %q (%s)", v.Regle, v.Resultat.Label(), want.Label(), v.Explication)
	}
	checkExplained(t, v)
}

// wantInvalid asserts err is an EINVALID *Error whose message holds every
// fragment.
func wantInvalid(t *testing.T, err error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want EINVALID containing %q", fragments)
	}
	var e *model.Error
	if !errors.As(err, &e) {
		t.Fatalf("got %T %v, want *model.Error", err, err)
	}
	if e.Code != model.EINVALID {
		t.Errorf("code = %q, want %q", e.Code, model.EINVALID)
	}
	for _, f := range fragments {
		if !strings.Contains(e.Message, f) {
			t.Errorf("message %q does not contain %q", e.Message, f)
		}
	}
}

func TestHelpers_BornGivesExactAge(t *testing.T) {
	for _, age := range []int{0, 13, 14, 27, 65} {
		if got := born(age).AgeAt(ref); got != age {
			t.Errorf("born(%d).AgeAt(ref) = %d", age, got)
		}
	}
}
