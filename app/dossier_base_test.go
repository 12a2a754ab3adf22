package app_test

import (
	"path/filepath"
	"testing"
)

func TestDossierDeLaBase(t *testing.T) {
	a := MustOpenApp(t)
	got := a.DossierDeLaBase()
	if got == "" || got == "." || filepath.Join(got, filepath.Base(a.DB.Path())) != a.DB.Path() {
		t.Errorf("DossierDeLaBase() = %q for the base %q", got, a.DB.Path())
	}
}
