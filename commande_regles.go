package main

import (
	"fmt"
	"io"

	"logis/app"
)

// cmdExport writes the rule tables as entered: export regles --out DOSSIER.
func cmdExport(a *app.App, args []string, out io.Writer) error {
	what, rest := splitFirst(args)
	if what != "regles" {
		return usageError("export : seul « export regles --out DOSSIER » existe")
	}
	fs := newFlags("export")
	dir := fs.String("out", "", "")
	if err := fs.Parse(rest); err != nil || fs.NArg() > 0 || *dir == "" {
		return usageError("export regles : indiquez le dossier avec --out DOSSIER")
	}
	paths, err := a.ExportRegles(*dir)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(out, p)
	}
	return nil
}
