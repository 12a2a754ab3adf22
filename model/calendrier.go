package model

import "time"

// Paques returns Easter Sunday of year y (Gregorian computus).
func Paques(y int) Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return NewDate(y, time.Month(month), day)
}

// JourFerie names the French public holiday on d, or "" (metropolitan
// France: Easter Monday, Ascension and Whit Monday included).
func JourFerie(d Date) string {
	y, m, dd := d.YMD()
	switch {
	case m == time.January && dd == 1:
		return "jour de l'An"
	case m == time.May && dd == 1:
		return "fête du Travail"
	case m == time.May && dd == 8:
		return "Victoire 1945"
	case m == time.July && dd == 14:
		return "fête nationale"
	case m == time.August && dd == 15:
		return "Assomption"
	case m == time.November && dd == 1:
		return "Toussaint"
	case m == time.November && dd == 11:
		return "Armistice 1918"
	case m == time.December && dd == 25:
		return "Noël"
	}
	switch p := Paques(y); d {
	case p.AddDays(1):
		return "lundi de Pâques"
	case p.AddDays(39):
		return "Ascension"
	case p.AddDays(50):
		return "lundi de Pentecôte"
	}
	return ""
}

// JourOuvre reports whether d is neither a Saturday, a Sunday nor a public holiday.
func JourOuvre(d Date) bool {
	w := d.Weekday()
	return w != time.Saturday && w != time.Sunday && JourFerie(d) == ""
}

// Delai is a reply deadline with the reasoning behind it.
type Delai struct {
	Notification Date
	Jours        int
	Brut         Date // last day of the period before any postponement
	Echeance     Date // the deadline, moved to the next working day
	Reports      []string
}

// DelaiReponse computes the reply deadline of an offer (R.441-10 CCH): at
// least `jours` days counted from the day after notification; a deadline
// falling on a Saturday, a Sunday or a public holiday moves to the next
// working day.
func DelaiReponse(notification Date, jours int) Delai {
	d := Delai{Notification: notification, Jours: jours, Brut: notification.AddDays(jours)}
	e := d.Brut
	for !JourOuvre(e) {
		why := map[time.Weekday]string{time.Saturday: "samedi", time.Sunday: "dimanche"}[e.Weekday()]
		if f := JourFerie(e); f != "" {
			why = f
		}
		d.Reports = append(d.Reports, e.String()+" ("+why+")")
		e = e.AddDays(1)
	}
	d.Echeance = e
	return d
}

var joursFR = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// LongAvecJour writes « lundi 7 décembre 2026 ».
func (d Date) LongAvecJour() string {
	if d.IsZero() {
		return ""
	}
	return joursFR[d.Weekday()] + " " + d.Long()
}
