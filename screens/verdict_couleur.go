package screens

import (
	"strings"
)

// sansCoupure glues a unit to its number for the window: Fyne 2.7 wraps
// lines at any Unicode space, the no-break space (U+00A0) included, so
// « 35 % » or « 2,1 UC » could end a line with the number. The no-break
// space before %, €, UC and m² becomes a word joiner (U+2060, no width):
// the unit stays with its number (« 35% »), which no line breaks. The model
// writes the no-break space, which PDFs and CSV files keep.
func sansCoupure(s string) string { return colleUnites.Replace(s) }

var colleUnites = strings.NewReplacer("\u00a0%", "\u2060%", "\u00a0€", "\u2060€", "\u00a0UC", "\u2060UC", "\u00a0m²", "\u2060m²")
