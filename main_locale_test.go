package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestLocaleChild is run by TestLocaleCSansMessageAnglais in a child process
// with a C locale: it does nothing, its start-up is what is checked.
func TestLocaleChild(t *testing.T) {}

// Under a « C » locale (LANG=C.UTF-8, the default of many servers and
// containers, or LC_ALL=C.UTF-8) no English « Fyne error: Error parsing user
// locale C » line may be printed when the program starts.
func TestLocaleCSansMessageAnglais(t *testing.T) {
	for _, env := range [][]string{
		{"LANG=C.UTF-8"},
		{"LC_ALL=C.UTF-8"},
		{"LANG=fr_FR.UTF-8", "LC_MESSAGES=POSIX.UTF-8"},
		{"LANG=C"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLocaleChild$")
		cmd.Env = append(withoutLocale(os.Environ()), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", env, err, out)
		}
		if s := string(out); strings.Contains(s, "Fyne error") || strings.Contains(s, "locale") {
			t.Errorf("%v: start-up printed:\n%s", env, s)
		}
	}
}

func withoutLocale(env []string) []string {
	var kept []string
	for _, e := range env {
		k, _, _ := strings.Cut(e, "=")
		if k == "LANG" || k == "LANGUAGE" || strings.HasPrefix(k, "LC_") {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}
