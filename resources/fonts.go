package resources

import _ "embed"

// DejaVuSans and DejaVuSansBold are the TrueType fonts embedded in every PDF
// (minutes and letters), so accents, « guillemets », no-break spaces and €
// print the same in every viewer. Licence: fonts/LICENSE-DejaVu.txt.
//
//go:embed fonts/DejaVuSans.ttf
var DejaVuSans []byte

// DejaVuSansBold is the bold face of DejaVuSans.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var DejaVuSansBold []byte
