package storage_test

import (
	"os"
	"path/filepath"
	"testing"

	"logis/model"
	"logis/storage"
)

// The window checks the base before asking a password: a damaged or
// foreign file and a base open elsewhere are refused at once, a missing
// file (a new base) and a sound one are fine; the file is never changed.
func TestCheckBeforeSignIn(t *testing.T) {
	dir := t.TempDir()
	if err := storage.CheckBeforeSignIn(filepath.Join(dir, "nouvelle.db")); err != nil {
		t.Errorf("missing file: %v", err)
	}
	foreign := filepath.Join(dir, "abime.db")
	junk := make([]byte, 20000)
	for i := range junk {
		junk[i] = byte(i*7 + 3)
	}
	os.WriteFile(foreign, junk, 0o600)
	if err := storage.CheckBeforeSignIn(foreign); model.ErrorCode(err) != model.EDAMAGED && model.ErrorCode(err) != model.EINVALID {
		t.Errorf("foreign file: %v", err)
	}
	if after, _ := os.ReadFile(foreign); string(after) != string(junk) {
		t.Error("the foreign file was changed")
	}
	db := MustOpenDB(t)
	path := db.Path()
	if err := storage.CheckBeforeSignIn(path); model.ErrorCode(err) != model.ELOCKED {
		t.Errorf("base open elsewhere: %v", err)
	}
	db.Close()
	if err := storage.CheckBeforeSignIn(path); err != nil {
		t.Errorf("sound base: %v", err)
	}
}
