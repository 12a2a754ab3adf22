package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// walkFile checks the page structure of a bbolt file by reading it with
// ordinary, bounds-checked reads: every page reachable from the current
// meta page lies inside the file and below its high-water mark, has the
// type its parent expects, holds elements and keys inside its bounds, in
// order, and is reached once. bbolt's own Check trusts these facts and
// reads the memory-mapped file through raw pointers on a goroutine of its
// own, where a wild offset is a fatal memory fault that no recover can
// catch: Check runs it only once walkFile found nothing.
//
// The layout is bbolt's file format 2 (little-endian, as written on every
// platform Logis runs on): 16-byte page header (id, flags, count,
// overflow), 16-byte branch elements (pos, ksize, pgid) and leaf elements
// (flags, pos, ksize, vsize), a meta page (magic, version, page size,
// flags, root bucket, freelist, high-water mark, txid, FNV-64a checksum).
func walkFile(path string, max int) []string { return readFile(path, max, false) }

// headFile is the cheap part of walkFile, run before bbolt opens a file:
// meta pages, size against the high-water mark (a truncated copy), and the
// freelist page, which bbolt loads at once when it opens for writing.
func headFile(path string) []string { return readFile(path, 10, true) }

func readFile(path string, max int, head bool) []string {
	f, err := os.Open(path)
	if err != nil {
		return []string{fmt.Sprintf("Le fichier n'a pas pu être relu : %v.", err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return []string{fmt.Sprintf("Le fichier n'a pas pu être relu : %v.", err)}
	}
	w := &walker{f: f, size: st.Size(), max: max, seen: map[uint64]bool{}, head: head}
	w.run()
	return w.problems
}

const (
	pageHeaderSize   = 16
	elementSize      = 16
	branchPageFlag   = 0x01
	leafPageFlag     = 0x02
	freelistPageFlag = 0x10
	bucketLeafFlag   = 0x01
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	metaChecksumAt   = 56 // offset of the checksum in the meta struct
)

type walker struct {
	f        io.ReaderAt
	size     int64
	pageSize int64
	hwm      uint64 // high-water mark: pages 0..hwm-1 exist
	seen     map[uint64]bool
	problems []string
	max      int
	head     bool // meta, size and freelist only
}

func (w *walker) addf(format string, args ...any) {
	if len(w.problems) < w.max {
		w.problems = append(w.problems, fmt.Sprintf(format, args...))
	}
}

var errStop = errors.New("walk: too many problems")

type meta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64
	txid     uint64
}

// readMeta reads and validates the meta struct at byte offset off.
func (w *walker) readMeta(off int64) (meta, bool) {
	buf := make([]byte, pageHeaderSize+64)
	if _, err := w.f.ReadAt(buf, off); err != nil {
		return meta{}, false
	}
	m := buf[pageHeaderSize:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion {
		return meta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:metaChecksumAt])
	if h.Sum64() != le.Uint64(m[metaChecksumAt:]) {
		return meta{}, false
	}
	return meta{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		hwm: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}

func (w *walker) run() {
	m0, ok0 := w.readMeta(0)
	if !ok0 && !w.head { // bbolt itself falls back on the second one
		w.addf("Structure du fichier endommagée : la première page de description est illisible.")
	}
	var m1 meta
	ok1 := false
	if ok0 && m0.pageSize >= 512 && m0.pageSize <= 1<<16 {
		m1, ok1 = w.readMeta(int64(m0.pageSize))
	} else {
		for _, ps := range []int64{4096, 8192, 16384, 65536} {
			if m1, ok1 = w.readMeta(ps); ok1 {
				break
			}
		}
	}
	m := m0
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		m = m1
	case !ok0 && !ok1:
		if !w.head { // before opening, bbolt says it: not a base, or damaged
			w.addf("Structure du fichier endommagée : aucune page de description n'est lisible.")
		}
		return
	}
	w.pageSize = int64(m.pageSize)
	if w.pageSize < 512 || w.pageSize > 1<<16 {
		w.addf("Structure du fichier endommagée : taille de page %d impossible.", w.pageSize)
		return
	}
	w.hwm = m.hwm
	if pages := uint64(w.size / w.pageSize); pages < w.hwm {
		w.addf("Structure du fichier endommagée : le fichier s'arrête à la page %d alors qu'il en compte %d (fichier tronqué).", pages, w.hwm)
		w.hwm = pages
	}
	w.seen[0], w.seen[1] = true, true
	if m.freelist != 0xFFFFFFFFFFFFFFFF { // bbolt's « no freelist » id
		w.checkFreelist(m.freelist)
	}
	if !w.head {
		_ = w.walkPage(m.root, nil, 0)
	}
}

// readPage returns page id and its overflow pages, after checking they are
// inside the file.
func (w *walker) readPage(id uint64) ([]byte, error) {
	if id < 2 || id >= w.hwm {
		return nil, fmt.Errorf("page %d hors du fichier (%d pages)", id, w.hwm)
	}
	head := make([]byte, pageHeaderSize)
	if _, err := w.f.ReadAt(head, int64(id)*w.pageSize); err != nil {
		return nil, fmt.Errorf("page %d illisible", id)
	}
	overflow := uint64(binary.LittleEndian.Uint32(head[12:]))
	if id+overflow >= w.hwm {
		return nil, fmt.Errorf("page %d déborde du fichier", id)
	}
	buf := make([]byte, int64(1+overflow)*w.pageSize)
	if _, err := w.f.ReadAt(buf, int64(id)*w.pageSize); err != nil {
		return nil, fmt.Errorf("page %d illisible", id)
	}
	if got := binary.LittleEndian.Uint64(buf); got != id {
		return nil, fmt.Errorf("page %d porte le numéro %d", id, got)
	}
	for i := id; i <= id+overflow; i++ {
		if w.seen[i] {
			return nil, fmt.Errorf("page %d atteinte deux fois", i)
		}
		w.seen[i] = true
	}
	return buf, nil
}

func (w *walker) checkFreelist(id uint64) {
	p, err := w.readPage(id)
	if err != nil {
		w.addf("Structure du fichier endommagée : liste des pages libres : %v.", err)
		return
	}
	if flags := binary.LittleEndian.Uint16(p[8:]); flags&freelistPageFlag == 0 {
		w.addf("Structure du fichier endommagée : la liste des pages libres (page %d) est d'un autre type (%#x).", id, flags)
		return
	}
	idx, count := uint64(0), uint64(binary.LittleEndian.Uint16(p[10:]))
	if count == 0xFFFF {
		idx, count = 1, binary.LittleEndian.Uint64(p[pageHeaderSize:])
	}
	if end := pageHeaderSize + (idx+count)*8; count > uint64(len(p)) || end > uint64(len(p)) {
		w.addf("Structure du fichier endommagée : la liste des pages libres (page %d) déborde de sa page.", id)
	}
}

// walkPage checks page id (or the inline page data when id is 0) and the
// pages and buckets below it.
func (w *walker) walkPage(id uint64, inline []byte, depth int) error {
	if len(w.problems) >= w.max {
		return errStop
	}
	if depth > 64 {
		w.addf("Structure du fichier endommagée : arbre trop profond sous la page %d (boucle ?).", id)
		return nil
	}
	p := inline
	if p == nil {
		var err error
		if p, err = w.readPage(id); err != nil {
			w.addf("Structure du fichier endommagée : %v.", err)
			return nil
		}
	} else if len(p) < pageHeaderSize {
		w.addf("Structure du fichier endommagée : compartiment intégré trop court.")
		return nil
	}
	le := binary.LittleEndian
	flags, count := le.Uint16(p[8:]), int(le.Uint16(p[10:]))
	if pageHeaderSize+count*elementSize > len(p) {
		w.addf("Structure du fichier endommagée : page %d : %d éléments ne tiennent pas dans la page.", id, count)
		return nil
	}
	var prev []byte
	for i := range count {
		at := pageHeaderSize + i*elementSize
		e := p[at : at+elementSize]
		var pos, ksize, vsize uint64
		switch flags {
		case branchPageFlag:
			pos, ksize = uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:]))
		case leafPageFlag:
			pos, ksize, vsize = uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		default:
			w.addf("Structure du fichier endommagée : page %d d'un type inattendu (%#x).", id, flags)
			return nil
		}
		start := uint64(at) + pos
		if end := start + ksize + vsize; end > uint64(len(p)) || end < start {
			w.addf("Structure du fichier endommagée : page %d : l'élément %d sort de la page.", id, i)
			return nil
		}
		key := p[start : start+ksize]
		if prev != nil && bytes.Compare(prev, key) >= 0 {
			w.addf("Structure du fichier endommagée : page %d : clés dans le désordre.", id)
		}
		prev = key
		if flags == branchPageFlag {
			if err := w.walkPage(le.Uint64(e[8:]), nil, depth+1); err != nil {
				return err
			}
			continue
		}
		if le.Uint32(e[0:])&bucketLeafFlag == 0 {
			continue
		}
		v := p[start+ksize : start+ksize+vsize]
		if len(v) < 16 {
			w.addf("Structure du fichier endommagée : page %d : compartiment illisible.", id)
			continue
		}
		var err error
		if root := le.Uint64(v); root == 0 {
			err = w.walkPage(0, v[16:], depth+1)
		} else {
			err = w.walkPage(root, nil, depth+1)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
