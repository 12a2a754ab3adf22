package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without time zone: the number of days since
// 0001-01-01, plus one. The zero value means "no date".
type Date int32

// NewDate builds a date; it normalises out-of-range days like time.Date.
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(t.Unix()/86400+epochOffset) + 1
}

// epochOffset is the number of days from 0001-01-01 to 1970-01-01.
const epochOffset = 719162

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

// Today is the local calendar date.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	return time.Unix((int64(d)-1-epochOffset)*86400, 0).UTC()
}

// YMD returns year, month and day.
func (d Date) YMD() (int, time.Month, int) { return d.Time().Date() }

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddYears returns the same day n years later (29 February becomes 1 March).
func (d Date) AddYears(n int) Date { y, m, dd := d.YMD(); return NewDate(y+n, m, dd) }

// AddMonths returns the date n months later (31 January + 1 month = 3 March,
// as time.AddDate normalises).
func (d Date) AddMonths(n int) Date { y, m, dd := d.YMD(); return NewDate(y, m+time.Month(n), dd) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AgeAt returns the age in whole years reached on date at.
func (d Date) AgeAt(at Date) int {
	if d.IsZero() || at.IsZero() {
		return 0
	}
	by, bm, bd := d.YMD()
	ay, am, ad := at.YMD()
	age := ay - by
	if am < bm || (am == bm && ad < bd) {
		age--
	}
	return age
}

// MonthsUntil returns the whole months elapsed from d to at (0 if at is before d).
func (d Date) MonthsUntil(at Date) int {
	if d.IsZero() || at.IsZero() || at < d {
		return 0
	}
	y1, m1, d1 := d.YMD()
	y2, m2, d2 := at.YMD()
	n := (y2-y1)*12 + int(m2-m1)
	if d2 < d1 {
		n--
	}
	return n
}

// String formats as JJ/MM/AAAA, the French form; empty for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.YMD()
	return fmt.Sprintf("%02d/%02d/%04d", dd, m, y)
}

// ISO formats as AAAA-MM-JJ.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

var moisFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

// MonthName returns the French name of a month.
func MonthName(m time.Month) string { return moisFR[m-1] }

// Long writes the date out in French: « 1er mai 2027 », « 22 novembre 2026 ».
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.YMD()
	day := strconv.Itoa(dd)
	if dd == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, moisFR[m-1], y)
}

// MarshalText stores a date as AAAA-MM-JJ.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads AAAA-MM-JJ or JJ/MM/AAAA.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate reads a date written JJ/MM/AAAA (also J/M/AAAA, JJ-MM-AAAA,
// JJ.MM.AAAA) or AAAA-MM-JJ. An empty string gives the zero date. The date
// must exist in the calendar.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	bad := func() error { return Errorf(EINVALID, "« %s » n'est pas une date (JJ/MM/AAAA)", clip(s)) }
	var parts []string
	for _, sep := range []string{"/", "-", "."} {
		if strings.Count(s, sep) == 2 {
			parts = strings.Split(s, sep)
			break
		}
	}
	if len(parts) != 3 {
		return 0, bad()
	}
	var nums [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return 0, bad()
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0, bad()
			}
		}
		nums[i], _ = strconv.Atoi(p)
	}
	y, m, dd := nums[2], nums[1], nums[0]
	if len(parts[0]) == 4 { // AAAA-MM-JJ
		y, dd = nums[0], nums[2]
	} else if len(parts[2]) != 4 {
		return 0, bad()
	}
	if y < 1000 || m < 1 || m > 12 || dd < 1 || dd > 31 {
		return 0, bad()
	}
	d := NewDate(y, time.Month(m), dd)
	if yy, mm, d2 := d.YMD(); yy != y || int(mm) != m || d2 != dd {
		return 0, Errorf(EINVALID, "« %s » n'existe pas dans le calendrier", clip(s))
	}
	return d, nil
}

// clip shortens a user's input quoted in a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
