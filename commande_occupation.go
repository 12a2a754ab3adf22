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
	// Streamed: each household's row is written as it is read.
	write := func(w io.Writer) error {
		_, err := a.WriteOccupationCSV(w, at, due, nil)
		return err
	}
	if *outPath == "" {
		return write(out)
	}
	return writeFile(*outPath, write)
}
