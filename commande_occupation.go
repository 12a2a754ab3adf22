package main

import (
	"io"

	"logis/app"
)

func cmdOccupation(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("occupation")
	date := fs.String("date", "", "")
	outPath := fs.String("out", "", "")
	avant := fs.String("echeance-avant", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageError("occupation : option inconnue")
	}
	at, err := parseDateFlag("--date", *date, a.Today())
	if err != nil {
		return err
	}
	due, err := parseDateFlag("--echeance-avant", *avant, 0)
	if err != nil {
		return err
	}
	rv, err := a.RevueOccupationAvant(at, due, nil)
	if err != nil {
		return err
	}
	if *outPath == "" {
		return rv.WriteCSV(out)
	}
	return writeFile(*outPath, rv.WriteCSV)
}
