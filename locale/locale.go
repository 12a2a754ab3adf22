// Package locale fixes, before any other package starts, a « C » or
// « POSIX » locale with an encoding (LANG=C.UTF-8, the default of many
// servers and containers): Fyne's language package reads it at its own
// initialisation and prints three English « Error parsing user locale C »
// lines. Logis speaks French whatever the system language, so it asks for
// French through LANGUAGE, which only the choice of messages reads.
//
// It imports nothing but the standard library's os and strings: Go
// initialises packages in import-path order once their imports are ready,
// so this package (« logis/… ») runs before text/template, which Fyne's
// language package needs. main imports it for this side effect only.
package locale

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix sets LANGUAGE=fr when the locale that decides messages (the first of
// LC_ALL, LC_MESSAGES and LANG that is set) is C or POSIX with an encoding
// (« C.UTF-8 ») and LANGUAGE is unset. A plain « C » is left alone: Fyne
// reads it as no locale.
func Fix() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	var l string
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l = os.Getenv(k); l != "" {
			break
		}
	}
	if strings.HasPrefix(l, "C.") || strings.HasPrefix(l, "POSIX.") {
		_ = os.Setenv("LANGUAGE", "fr")
	}
}
