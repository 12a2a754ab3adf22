//go:build !windows

package app

import "os/exec"

// cacherFenetre has nothing to hide outside Windows.
func cacherFenetre(*exec.Cmd) {}

// imprimerSysteme sends path to the default printer through CUPS.
func imprimerSysteme(path string) error { return lancer(commandeImprimer(path)) }
