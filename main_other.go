//go:build !windows

package main

import (
	"io"
	"os"
)

// consoleParente gives the process's own outputs: a terminal, a file or a pipe.
func consoleParente() (stdout, stderr io.Writer, console bool) {
	return os.Stdout, os.Stderr, true
}

// boiteErreur and boiteAvertissement have nothing to add outside Windows:
// the message is on stderr.
func boiteErreur(string)        {}
func boiteAvertissement(string) {}
