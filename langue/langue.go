// Package langue corrects, before Fyne reads it, a system locale Fyne cannot
// parse (« C.UTF-8 », « POSIX.UTF-8 », a misspelt LANG): Fyne's language
// package reads it at its own initialisation and prints three English
// « Fyne error: Error parsing user locale » lines on every command.
//
// It imports only syscall, so that Go initialises it before Fyne's packages
// (packages are initialised in import-path order as soon as their imports
// are): main imports it for that side effect alone.
package langue

import "syscall"

func init() { Corriger(syscall.Getenv, syscall.Setenv) }

// Corriger sets LANGUAGE=fr when the locale the environment gives (LC_ALL,
// else LC_MESSAGES, else LANG, as gettext reads them) is not a language tag
// and LANGUAGE is unset; Fyne then reads « fr » instead. A plain « C » or
// « POSIX » is left alone: Fyne reads it without complaint.
func Corriger(getenv func(string) (string, bool), setenv func(string, string) error) {
	loc := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v, _ := getenv(name); v != "" {
			loc = v
			break
		}
	}
	if loc == "" || loc == "C" || loc == "POSIX" {
		return
	}
	if v, _ := getenv("LANGUAGE"); v != "" {
		return
	}
	if !Valide(loc) {
		_ = setenv("LANGUAGE", "fr")
	}
}

// Valide tells whether a POSIX locale (« fr_FR.UTF-8 », « de », « sr@latin »)
// starts with a language code of two or three ASCII letters.
func Valide(loc string) bool {
	n := 0
	for n < len(loc) && loc[n] != '_' && loc[n] != '.' && loc[n] != '@' && loc[n] != '-' {
		c := loc[n] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
		n++
	}
	return n == 2 || n == 3
}
