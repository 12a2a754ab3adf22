package main

import (
	"os"
	"strings"
	"testing"
)

// README's « Ligne de commande » block names every command of the table,
// so the users' guide never lags behind the program.
func TestREADME_ListsEveryCommand(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "## Ligne de commande")
	if start < 0 {
		t.Fatal("README has no « Ligne de commande » section")
	}
	block := text[start:]
	if end := strings.Index(block[3:], "\n## "); end > 0 {
		block = block[:end+3]
	}
	for _, c := range commandes {
		if !strings.Contains(block, "  "+c.nom) {
			t.Errorf("README « Ligne de commande » does not list %q", c.nom)
		}
	}
}
