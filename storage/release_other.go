//go:build !linux

package storage

// releasePages is a no-op outside Linux (see release_linux.go).
func (tx *Tx) releasePages() {}
