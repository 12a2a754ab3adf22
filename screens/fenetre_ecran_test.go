package screens

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestCapSize(t *testing.T) {
	cases := []struct {
		name     string
		want     fyne.Size
		l, h     int
		scale    float32
		wantSize fyne.Size
	}{
		{"saved on a big monitor, laptop 1366×768", fyne.NewSize(2500, 1400), 1366, 728, 1, fyne.NewSize(1350, 680)},
		{"fits: unchanged", fyne.NewSize(1280, 700), 1920, 1040, 1, fyne.NewSize(1280, 700)},
		{"Windows at 150 %: pixels are 1.5 units", fyne.NewSize(1280, 700), 1920, 1040, 1.5, fyne.NewSize(1269.3334, 661.3333)},
		{"too wide only", fyne.NewSize(3000, 600), 1366, 728, 1, fyne.NewSize(1350, 600)},
		{"unknown area: unchanged", fyne.NewSize(2500, 1400), 0, 0, 1, fyne.NewSize(2500, 1400)},
	}
	for _, c := range cases {
		if got := CapSize(c.want, c.l, c.h, c.scale); got != c.wantSize {
			t.Errorf("%s: %v, want %v", c.name, got, c.wantSize)
		}
	}
}
