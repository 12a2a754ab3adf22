package storage

import "testing"

// BenchmarkArgon2id measures the cost of one sign-in (key derivation).
func BenchmarkArgon2id(b *testing.B) {
	salt := randomBytes(saltSize)
	for b.Loop() {
		passwordKey("correct-cheval-pile", salt, kdfDefaut)
	}
}
