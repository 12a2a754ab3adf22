package storage

import (
	"bytes"
	"reflect"
	"sync"

	"github.com/vmihailenco/msgpack/v5"
)

// The records scanned in full (dwellings, residences, households,
// applications) are encoded with MessagePack instead of JSON: the same
// fields, named by their json tags, decoded about four times faster
// (BenchmarkCodec). Other values (settings, sessions, accounts, journal)
// stay JSON. The plain form says which it is: a JSON record starts with
// « { », a MessagePack one with a map header (0x80–0x8f, 0xde, 0xdf), so
// records written before stay readable and are re-encoded when next saved.

// binaryBuckets are the buckets whose records are written as MessagePack.
var binaryBuckets = map[string]bool{
	string(bucketResidences): true, string(bucketLogements): true,
	string(bucketMenages): true, string(bucketDemandes): true,
}

// isBinary tells whether a plain form is MessagePack (a map header).
func isBinary(plain []byte) bool {
	if len(plain) == 0 {
		return false
	}
	c := plain[0]
	return c >= 0x80 && c <= 0x8f || c == 0xde || c == 0xdf
}

// marshalFor returns the plain form of v for a record of bucket.
func marshalFor(bucket []byte, v any) ([]byte, error) {
	if !binaryBuckets[string(bucket)] {
		return marshal(v)
	}
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	enc.SetCustomStructTag("json")
	enc.SetSortMapKeys(true) // deterministic: equal values, equal bytes
	enc.SetOmitEmpty(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type binDecoder struct {
	r *bytes.Reader
	d *msgpack.Decoder
}

var binDecoders = sync.Pool{New: func() any {
	r := bytes.NewReader(nil)
	d := msgpack.NewDecoder(r)
	d.SetCustomStructTag("json")
	return &binDecoder{r: r, d: d}
}}

// unmarshalBinary reads a MessagePack plain form into v.
func unmarshalBinary(plain []byte, v any) error {
	bd := binDecoders.Get().(*binDecoder)
	defer binDecoders.Put(bd)
	bd.r.Reset(plain)
	bd.d.Reset(bd.r)
	bd.d.SetCustomStructTag("json")
	return bd.d.Decode(v)
}

// binaryFields decodes a MessagePack map into its raw fields.
func binaryFields(plain []byte) (map[string]msgpack.RawMessage, error) {
	var m map[string]msgpack.RawMessage
	err := unmarshalBinary(plain, &m)
	return m, err
}

// changedBinaryFields names the top-level fields that differ between two
// MessagePack plain forms.
func changedBinaryFields(old, cur []byte) []string {
	a, err1 := binaryFields(old)
	b, err2 := binaryFields(cur)
	if err1 != nil || err2 != nil {
		return nil
	}
	return champsDifferents(a, b)
}

// recode gives old (a plain form of a value of v's type, in either
// encoding) in the encoding of bucket, so that it compares with a new plain
// form; old is returned as is when it cannot be read.
func recode(bucket, old []byte, v any) []byte {
	if len(old) == 0 || isBinary(old) == binaryBuckets[string(bucket)] {
		return old
	}
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer {
		return old
	}
	fresh := reflect.New(t.Elem()).Interface()
	if unmarshal(old, fresh) != nil {
		return old
	}
	p, err := marshalFor(bucket, fresh)
	if err != nil {
		return old
	}
	return p
}
