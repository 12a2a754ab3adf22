package main

import (
	"os"
	"strings"
	"testing"
)

// The Windows package's LISEZMOI tells an office's IT person how the first
// account of a new base is made (the window's « Nouvelle base » note) and to
// keep the recovery key, not only how to sign in with an existing account.
func TestLISEZMOI_FirstSignInOnNewBase(t *testing.T) {
	b, err := os.ReadFile("tools/windows/LISEZMOI.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"base neuve", "responsable", "clé de secours", "mot-de-passe --secours", "Paramètres › Comptes et journal"} {
		if !strings.Contains(s, want) {
			t.Errorf("LISEZMOI.txt does not say %q", want)
		}
	}
}
