package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Room kept around the window for its frame and title bar, in pixels.
const (
	margeLargeur = 16
	margeHauteur = 48
)

// CapSize returns want reduced to fit a work area of aire pixels (the
// screen less the taskbar) at scale pixels per Fyne unit, with room for the
// window's frame: a size remembered on a big monitor, reopened on a laptop,
// must not put the status bar off screen. An unknown area (zero) keeps want.
func CapSize(want fyne.Size, aireL, aireH int, scale float32) fyne.Size {
	if aireL <= 0 || aireH <= 0 || scale <= 0 {
		return want
	}
	maxL := float32(aireL-margeLargeur) / scale
	maxH := float32(aireH-margeHauteur) / scale
	if maxL > 0 && want.Width > maxL {
		want.Width = maxL
	}
	if maxH > 0 && want.Height > maxH {
		want.Height = maxH
	}
	return want
}

// capToScreen shrinks the window to the primary monitor's work area once the
// toolkit has created it: its scale (Windows display scaling) is known only
// then, and when that happens is not said, so the check runs a few times in
// the first seconds.
func (m *Main) capToScreen(want fyne.Size) { capWindow(m.win, want) }

// tailleParDefaut is the window's size until the account's remembered one is
// known (sign-in, first start): it fits a 1366 × 768 laptop screen at 100 %.
var tailleParDefaut = fyne.NewSize(1280, 700)

// capWindow caps win to the screen's work area once the window exists (its
// scale is known only then), keeping want when it fits.
func capWindow(win fyne.Window, want fyne.Size) {
	// Repeated checks on a timer, no use case and no result: not enFond.
	go func() {
		for i := 0; i < 12; i++ {
			time.Sleep(250 * time.Millisecond)
			fyne.DoAndWait(func() {
				l, h := aireDeTravail()
				capped := CapSize(want, l, h, win.Canvas().Scale())
				if cur := win.Canvas().Size(); cur.Width > capped.Width+1 || cur.Height > capped.Height+1 {
					win.Resize(capped)
					win.CenterOnScreen()
				}
			})
		}
	}()
}

// aireDeTravail is the primary monitor's work area in pixels (0, 0 when
// GLFW cannot tell: no monitor, or the test driver).
func aireDeTravail() (l, h int) {
	defer func() {
		if recover() != nil {
			l, h = 0, 0
		}
	}()
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return 0, 0
	}
	_, _, l, h = mon.GetWorkarea()
	return l, h
}
