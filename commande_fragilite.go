package main

import (
	"fmt"
	"io"

	"logis/app"
)

// cmdFragilite writes the fragility index of every residence, the most
// fragile first.
func cmdFragilite(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("fragilite")
	date := fs.String("date", "", "")
	outPath := fs.String("out", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageError("fragilite : options --date AAAA-MM-JJ, --out FICHIER.csv")
	}
	at, err := parseDateFlag("--date", *date, a.Today())
	if err != nil {
		return err
	}
	list, err := a.Fragilites(at)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return app.WriteFragiliteCSV(w, list) }
	if *outPath == "" {
		return write(out)
	}
	if err := writeFile(*outPath, write); err != nil {
		return err
	}
	fmt.Fprintf(out, "Indice de fragilité au %s : %d résidence(s) ; fichier écrit dans %s\n", at, len(list), *outPath)
	return nil
}
