package storage

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Keys. Each base has one random 256-bit data key; every value goes through
// the codec sealed with it (AES-256-GCM, the record's bucket and key as
// associated data, so that a value cannot be moved to another record). The
// data key is never written in clear: it is stored wrapped (AES-256-GCM)
// once per account, by a key derived from the account's password with
// Argon2id, and once by the recovery key shown at creation (like
// BitLocker's recovery password). A password is checked by unwrapping: a
// wrong password fails the GCM tag. Source: OWASP Password Storage Cheat
// Sheet (Argon2id), NIST SP 800-38D (GCM).

// kdf holds the Argon2id cost, stored with each wrapped key so that it can
// be raised later without breaking existing accounts.
type kdf struct {
	Temps      uint32 `json:"t"` // passes
	MemoireKiB uint32 `json:"m"` // KiB
	Fils       uint8  `json:"p"` // lanes
	Test       bool   `json:"test,omitempty"`
}

// kdfDefaut is the cost of a sign-in: 64 MiB, 3 passes, 2 lanes, above
// OWASP's minimum (19 MiB, t = 2); about 0,2 s on this 2-core machine
// (BenchmarkArgon2id), well under the 1 s target on a laptop.
var kdfDefaut = kdf{Temps: 3, MemoireKiB: 64 * 1024, Fils: 2}

// kdfTest is a cheap cost allowed only through Options.TestCheapKeys; it is
// stored with the wrapped key (Test: true) so a test base is recognisable.
var kdfTest = kdf{Temps: 1, MemoireKiB: 64, Fils: 1, Test: true}

const (
	dataKeySize     = 32 // AES-256
	recoveryKeySize = 25 // 200 bits: 40 base32 characters
	saltSize        = 16
)

// slot is a wrapped copy of the data key.
type slot struct {
	Sel       []byte `json:"sel,omitempty"` // Argon2id salt (none for the recovery key)
	KDF       kdf    `json:"kdf,omitzero"`
	Enveloppe []byte `json:"cle"` // nonce ‖ GCM(data key)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("storage: no randomness: " + err.Error()) // crypto/rand never fails on supported systems
	}
	return b
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// passwordKey derives the key-encryption key of a password.
func passwordKey(password string, salt []byte, k kdf) []byte {
	return argon2.IDKey([]byte(password), salt, k.Temps, k.MemoireKiB, k.Fils, 32)
}

// recoveryKEK derives the key-encryption key of a recovery key (already
// 200 random bits: a hash suffices).
func recoveryKEK(rk []byte) []byte {
	h := sha256.Sum256(append([]byte("logis/cle-de-secours/"), rk...))
	return h[:]
}

// wrap seals the data key with kek; ad names the slot.
func wrapKey(kek, dataKey []byte, ad string) ([]byte, error) {
	g, err := newGCM(kek)
	if err != nil {
		return nil, err
	}
	nonce := randomBytes(g.NonceSize())
	return g.Seal(nonce, nonce, dataKey, []byte(ad)), nil
}

// errWrongKey is returned by unwrap when kek is not the right one.
var errWrongKey = errors.New("storage: wrong key")

func unwrapKey(kek, sealed []byte, ad string) ([]byte, error) {
	g, err := newGCM(kek)
	if err != nil {
		return nil, err
	}
	if len(sealed) < g.NonceSize()+g.Overhead() {
		return nil, errWrongKey
	}
	k, err := g.Open(nil, sealed[:g.NonceSize()], sealed[g.NonceSize():], []byte(ad))
	if err != nil || len(k) != dataKeySize {
		return nil, errWrongKey
	}
	return k, nil
}

func slotAD(name string) string { return "logis/compte/" + name }

const recoveryAD = "logis/secours"

// newPasswordSlot wraps dataKey for an account's password.
func newPasswordSlot(name, password string, dataKey []byte, k kdf) (slot, error) {
	s := slot{Sel: randomBytes(saltSize), KDF: k}
	var err error
	s.Enveloppe, err = wrapKey(passwordKey(password, s.Sel, k), dataKey, slotAD(name))
	return s, err
}

// open returns the data key when password is right, errWrongKey otherwise.
func (s slot) open(name, password string) ([]byte, error) {
	if s.KDF.Temps == 0 || s.KDF.MemoireKiB == 0 || s.KDF.Fils == 0 {
		return nil, fmt.Errorf("storage: slot of %q has no cost", name)
	}
	return unwrapKey(passwordKey(password, s.Sel, s.KDF), s.Enveloppe, slotAD(name))
}

// newRecoverySlot returns a new recovery key (to show once) and its slot.
func newRecoverySlot(dataKey []byte) (string, slot, error) {
	rk := randomBytes(recoveryKeySize)
	env, err := wrapKey(recoveryKEK(rk), dataKey, recoveryAD)
	return formatRecoveryKey(rk), slot{Enveloppe: env}, err
}

// openRecovery returns the data key when text is the recovery key.
func (s slot) openRecovery(text string) ([]byte, error) {
	rk, err := parseRecoveryKey(text)
	if err != nil {
		return nil, errWrongKey
	}
	return unwrapKey(recoveryKEK(rk), s.Enveloppe, recoveryAD)
}

var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// formatRecoveryKey writes 40 characters in 8 groups of 5, easy to copy by
// hand: « ABCDE-FGHIJ-… ».
func formatRecoveryKey(rk []byte) string {
	s := recoveryEncoding.EncodeToString(rk)
	var groups []string
	for i := 0; i < len(s); i += 5 {
		groups = append(groups, s[i:min(i+5, len(s))])
	}
	return strings.Join(groups, "-")
}

// parseRecoveryKey reads a recovery key typed by hand: case, spaces and
// dashes are ignored, and 0/1/8 read as O/I/B (base32 has no such digits).
func parseRecoveryKey(text string) ([]byte, error) {
	s := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\t', '\n', '\r':
			return -1
		case '0':
			return 'O'
		case '1':
			return 'I'
		case '8':
			return 'B'
		}
		return r
	}, strings.ToUpper(text))
	b, err := recoveryEncoding.DecodeString(s)
	if err != nil || len(b) != recoveryKeySize {
		return nil, errWrongKey
	}
	return b, nil
}

// sameKey compares two keys in constant time.
func sameKey(a, b []byte) bool { return subtle.ConstantTimeCompare(a, b) == 1 }

// wipe overwrites a key in memory once it is no longer needed (best
// effort: the Go runtime may have copied it).
func wipe(b []byte) { clear(b) }

// envelopeSealed is the version byte of a value sealed with the data key:
// 0x02 ‖ 12-byte nonce ‖ AES-256-GCM(plain) with its 16-byte tag.
const envelopeSealed = 0x02

// keyring seals and opens values with the data key of an open base.
type keyring struct {
	aead cipher.AEAD
	dk   []byte // kept in memory only, to wrap it for a new account
}

func newKeyring(dataKey []byte) (*keyring, error) {
	g, err := newGCM(dataKey)
	if err != nil {
		return nil, err
	}
	return &keyring{aead: g, dk: bytes.Clone(dataKey)}, nil
}

// dataKey returns a copy of the data key (to wipe after use).
func (k *keyring) dataKey() ([]byte, error) {
	if k == nil || len(k.dk) != dataKeySize {
		return nil, errLocked
	}
	return bytes.Clone(k.dk), nil
}

// recordAD binds a sealed value to its place: version, bucket and key.
func recordAD(bucket, key []byte) []byte {
	ad := make([]byte, 0, 2+len(bucket)+len(key))
	ad = append(ad, envelopeSealed)
	ad = append(ad, bucket...)
	ad = append(ad, 0)
	return append(ad, key...)
}

// seal returns a new slice: version ‖ nonce ‖ ciphertext ‖ tag.
func (k *keyring) seal(bucket, key, plain []byte) []byte {
	ns := k.aead.NonceSize()
	out := make([]byte, 1+ns, 1+ns+len(plain)+k.aead.Overhead())
	out[0] = envelopeSealed
	if _, err := rand.Read(out[1:]); err != nil {
		panic("storage: no randomness: " + err.Error())
	}
	return k.aead.Seal(out, out[1:1+ns], plain, recordAD(bucket, key))
}

// errTampered is the cause of a sealed value that does not authenticate:
// altered, truncated, moved from another record, sealed with another key,
// or replaced by a clear value. It is damage (errDamaged): never decoded.
var errTampered = fmt.Errorf("%w: sealed value does not authenticate (format 0x02)", errDamaged)

// open checks and decrypts a sealed value (with its version byte).
func (k *keyring) open(bucket, key, stored []byte) ([]byte, error) {
	return k.openTo(nil, bucket, key, stored)
}

// openTo is open writing the plain form into dst's storage when it is large
// enough (scans reuse one buffer per batch: the decoders copy what they keep).
func (k *keyring) openTo(dst, bucket, key, stored []byte) ([]byte, error) {
	ns := k.aead.NonceSize()
	if len(stored) < 1+ns+k.aead.Overhead() || stored[0] != envelopeSealed {
		return nil, errTampered
	}
	plain, err := k.aead.Open(dst[:0], stored[1:1+ns], stored[1+ns:], recordAD(bucket, key))
	if err != nil {
		return nil, errTampered
	}
	return plain, nil
}
