package storage

import (
	"bytes"
	"testing"
)

func TestCodec_SealUnseal(t *testing.T) {
	plain := []byte(`{"id":"M000001","personnes":[]}`)
	stored, err := seal(bucketMenages, []byte("M000001"), plain)
	if err != nil || stored[0] != formatClear || len(stored) != len(plain)+5 {
		t.Fatalf("seal = %q, %v", stored, err)
	}
	if got, err := unseal(bucketMenages, []byte("M000001"), stored); err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("unseal = %q, %v", got, err)
	}
	for _, c := range []struct {
		name        string
		bucket, key []byte
		stored      []byte
	}{
		{"OtherKey", bucketMenages, []byte("M000002"), stored},
		{"OtherBucket", bucketLogements, []byte("M000001"), stored},
		// (bucket, key) is length-prefixed: moving a byte from one to the other is seen.
		{"ShiftedBoundary", []byte("menagesM"), []byte("000001"), stored},
		{"Empty", bucketMenages, []byte("M000001"), nil},
		{"Short", bucketMenages, []byte("M000001"), []byte{0x01, 0, 0}},
		{"Legacy", bucketMenages, []byte("M000001"), plain},
	} {
		if _, err := unseal(c.bucket, c.key, c.stored); !isDamaged(err) {
			t.Errorf("%s: err = %v", c.name, err)
		}
	}
	for i := range stored {
		for _, bit := range []byte{0x01, 0x80} {
			bad := bytes.Clone(stored)
			bad[i] ^= bit
			if _, err := unseal(bucketMenages, []byte("M000001"), bad); !isDamaged(err) {
				t.Fatalf("byte %d bit %x flipped: not detected", i, bit)
			}
		}
	}
}

func TestCodec_LegacyPlain(t *testing.T) {
	for _, v := range []string{`{}`, `[1]`, `2`, `"x"`, ` {}`, "\n{}", `null`, `true`} {
		if !legacyPlain([]byte(v)) {
			t.Errorf("%q: not recognised as bare JSON", v)
		}
	}
	if legacyPlain([]byte{formatClear, '{', '}'}) || legacyPlain(nil) {
		t.Error("a sealed or empty value taken for bare JSON")
	}
}

// Cost of the check on a household-sized value (≈ 700 bytes).
func BenchmarkCodec_Unseal(b *testing.B) {
	plain := bytes.Repeat([]byte(`{"nom":"Martin","prenom":"P0"},`), 23)
	stored, _ := seal(bucketMenages, []byte("M000001"), plain)
	b.SetBytes(int64(len(plain)))
	for b.Loop() {
		if _, err := unseal(bucketMenages, []byte("M000001"), stored); err != nil {
			b.Fatal(err)
		}
	}
}
