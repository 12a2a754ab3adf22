package storage

import "syscall"

// releasePages tells the kernel the process no longer needs the pages of
// the mapped base it has read (MADV_DONTNEED): they stay in the page cache
// and come back on the next access, but stop counting in the process's
// resident size. A full scan of a 200 MB base otherwise leaves the whole
// file resident. The mapping cannot move while tx is open (bbolt remaps
// only under its mmap lock, which every open transaction holds for reading),
// and the base is written with pwrite, so the pages read again are the
// file's. Only in read transactions: a write transaction's size may run
// past the mapping (pages allocated but not yet mapped), and the advice must
// never reach another mapping. Errors are ignored: this only frees memory.
func (tx *Tx) releasePages() {
	if tx.btx.Writable() {
		return
	}
	info := tx.db.bolt.Info()
	n := uintptr(tx.btx.Size()) &^ uintptr(info.PageSize-1)
	if info.Data == 0 || n == 0 {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, info.Data, n, syscall.MADV_DONTNEED)
}
