package model

// Postal address limits (AFNOR XP Z10-011): at most 6 lines of at most 38
// characters, spaces included.
const (
	AdresseLignesMax = 6
	AdresseCarMax    = 38
)
