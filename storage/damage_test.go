package storage_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"logis/model"
	"logis/storage"
)

// filledBase writes a closed base of a few hundred pages at dir/name and
// returns its path.
func filledBase(t testing.TB, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	db, err := storage.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		for i := range 600 {
			ref := fmt.Sprintf("L%04d", i)
			if err := tx.PutLogement(newLogement(ref, "")); err != nil {
				return err
			}
			if err := tx.PutMenage(newMenage(fmt.Sprintf("M%06d", i), ref, 1+i%5)); err != nil {
				return err
			}
		}
		return nil
	})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// damages are the kinds of damage a copy meets: each returns the damaged
// bytes of a clean file.
var damages = []struct {
	name string
	do   func(data []byte, seed uint64) []byte
}{
	{"TruncatedHalf", func(d []byte, _ uint64) []byte { return d[:len(d)/2/4096*4096] }},
	{"TruncatedOdd", func(d []byte, _ uint64) []byte { return d[:len(d)/3+123] }},
	{"ZeroedPage", func(d []byte, _ uint64) []byte {
		p := len(d) / 4096 / 2
		clear(d[p*4096 : (p+1)*4096])
		return d
	}},
	{"RandomPages", func(d []byte, seed uint64) []byte {
		r := rand.New(rand.NewPCG(seed, 7))
		for range 2 {
			p := 2 + r.IntN(len(d)/4096-2)
			for range 16 {
				d[p*4096+r.IntN(4096)] = byte(r.Uint32())
			}
		}
		return d
	}},
	{"GarbagePage", func(d []byte, seed uint64) []byte {
		r := rand.New(rand.NewPCG(seed, 9))
		p := 2 + r.IntN(len(d)/4096-2)
		for i := p * 4096; i < (p+1)*4096; i++ {
			d[i] = byte(r.Uint32())
		}
		return d
	}},
	{"MetaPages", func(d []byte, _ uint64) []byte { clear(d[:2*4096]); return d }},
}

// Every kind of damage is reported (EDAMAGED or a list of problems), never
// a panic; a read-only check leaves the file as it was.
func TestDamagedFiles(t *testing.T) {
	cleanPath := filledBase(t, t.TempDir(), "propre.db")
	clean, err := os.ReadFile(cleanPath)
	if err != nil {
		t.Fatal(err)
	}
	ro := testOptions()
	ro.ReadOnly = true
	cleanDump := dumpBase(t, cleanPath, ro)
	for _, dmg := range damages {
		for seed := range uint64(6) {
			if seed > 0 && dmg.name != "RandomPages" && dmg.name != "GarbagePage" {
				break
			}
			t.Run(fmt.Sprintf("%s-%d", dmg.name, seed), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "abime.db")
				data := dmg.do(bytes.Clone(clean), seed)
				if err := os.WriteFile(path, data, 0o600); err != nil {
					t.Fatal(err)
				}
				reported := false
				db, err := storage.Open(path, ro)
				if err != nil {
					reported = storage.IsDamaged(err)
					if !reported {
						t.Fatalf("open: %v", err)
					}
				} else {
					problems, err := db.Check()
					reported = len(problems) > 0 || storage.IsDamaged(err)
					if err != nil && !storage.IsDamaged(err) {
						t.Errorf("check: %v", err)
					}
					verr := db.View(func(tx *storage.Tx) error {
						return tx.ForEachMenage(func(*model.Menage) error { return nil })
					})
					if verr != nil && !storage.IsDamaged(verr) {
						t.Errorf("scan: %v %v", verr, errors.Unwrap(verr))
					}
					bk := filepath.Join(t.TempDir(), "copie.db")
					if err := db.Backup(bk); err != nil && model.ErrorCode(err) != model.EINTERNAL && !storage.IsDamaged(err) {
						t.Errorf("backup: %v", err)
					}
					if err := db.Close(); err != nil {
						t.Errorf("close: %v", err)
					}
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
					t.Error("a read-only check changed the file")
				}
				// Unreported damage must have hit unused pages only.
				if !reported && dumpBase(t, path, ro) != cleanDump {
					t.Error("damage not reported, yet the records read differ")
				}
				// Opening for writing is refused or works, never panics.
				if db, err := storage.Open(path, testOptions()); err == nil {
					db.Check()
					db.Close()
				} else if !storage.IsDamaged(err) {
					t.Errorf("open for writing: %v", err)
				}
			})
		}
	}
}

// dumpBase returns every dwelling and household of the base as read.
func dumpBase(t *testing.T, path string, opts storage.Options) string {
	t.Helper()
	db, err := storage.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b bytes.Buffer
	err = db.View(func(tx *storage.Tx) error {
		enc := json.NewEncoder(&b)
		if err := tx.ForEachLogement(func(l *model.Logement) error { return enc.Encode(l) }); err != nil {
			return err
		}
		return tx.ForEachMenage(func(m *model.Menage) error { return enc.Encode(m) })
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// FuzzDamagedBase corrupts a real base at fuzzed places: opening it
// read-only, checking it, scanning it and copying it must never crash, and
// any damage that changes what is read must be reported.
func FuzzDamagedBase(f *testing.F) {
	dir := f.TempDir()
	cleanPath := filledBase(f, dir, "propre.db")
	clean, err := os.ReadFile(cleanPath)
	if err != nil {
		f.Fatal(err)
	}
	ro := storage.Options{ReadOnly: true, LockTimeout: testOptions().LockTimeout}
	f.Add(uint32(len(clean)/2), []byte{0xff})
	f.Add(uint32(4096*3+20), []byte{0, 0, 0, 0})
	f.Add(uint32(len(clean)-4096+100), []byte("xyz"))
	f.Fuzz(func(t *testing.T, at uint32, patch []byte) {
		if len(patch) == 0 || len(patch) > 64 {
			return
		}
		data := bytes.Clone(clean)
		off := int(at) % len(data)
		copy(data[off:], patch)
		path := filepath.Join(t.TempDir(), "abime.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := storage.Open(path, ro)
		if err != nil {
			return // refused: reported
		}
		defer db.Close()
		problems, cerr := db.Check()
		_ = db.View(func(tx *storage.Tx) error {
			return tx.ForEachMenage(func(*model.Menage) error { return nil })
		})
		_ = db.Backup(filepath.Join(t.TempDir(), "copie.db"))
		if len(problems) == 0 && cerr == nil {
			db.Close()
			cleanDump := dumpBase(t, cleanPath, ro)
			if dumpBase(t, path, ro) != cleanDump {
				t.Fatal("damage not reported, yet the records read differ")
			}
		}
	})
}
