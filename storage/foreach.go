package storage

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Full scans decode records on several goroutines while the caller's
// function runs, in key order, on the calling goroutine. Only the calling
// goroutine touches bbolt (the cursor); workers only read the raw values,
// which stay valid until the transaction ends, and decode them into the
// reused slots of a batch. forEach waits for its workers before returning.

// releaseEvery is how many records a scan reads between two releases
// of the mapped pages (releasePages): a full scan keeps resident only
// the pages read since (the records and what their decoding reads in
// other buckets: a household's people). A variable for the tests.
var releaseEvery = 8192

const (
	firstBatch = 16  // small first batch: early stops waste little
	maxBatch   = 256 // records per batch
	maxWorkers = 8
)

// batch is a run of consecutive records and their decoded values.
type batch[T any] struct {
	tx     *Tx // only its keys are read by the workers
	bucket []byte
	keys   [][]byte
	raws   [][]byte
	vals   []T
	errs   []error
	stop   *atomic.Bool
	done   chan struct{}
	buf    []byte // decrypted form of the record being decoded
}

func (b *batch[T]) decode() {
	defer close(b.done)
	var zero T
	i := 0
	defer func() {
		// A panic in a decoder must not kill the program from a worker:
		// it becomes the error of this record and of the ones left.
		if r := recover(); r != nil {
			for ; i < len(b.raws); i++ {
				b.errs[i] = fmt.Errorf("storage: panic while decoding: %v", r)
			}
		}
	}()
	for ; i < len(b.raws); i++ {
		if b.stop.Load() {
			return
		}
		b.vals[i] = zero // fresh slices and pointers for each record
		b.errs[i] = b.tx.decodeBuf(&b.buf, b.bucket, b.keys[i], b.raws[i], &b.vals[i])
	}
}

// forEach decodes every record of k in key order and calls fn with a
// pointer that is reused between calls. A record that cannot be decoded
// stops the scan with an error.
func forEach[T any](tx *Tx, k kind, fn func(*T) error) error {
	return scan(tx, k, func(_ []byte, v *T, err error) error {
		if err != nil {
			return err
		}
		return fn(v)
	})
}

// scan calls fn for each record of k in key order, with the decoding error
// of that record if any (v is then partly filled). tx refuses writes while
// it runs.
func scan[T any](tx *Tx, k kind, fn func(key []byte, v *T, err error) error) error {
	if err := tx.flushBucket(k.bucket); err != nil {
		return err
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return err
	}
	tx.iterating++
	defer func() { tx.iterating-- }()

	workers := min(runtime.GOMAXPROCS(0), maxWorkers)
	c := b.Cursor()
	key, raw := c.First()
	if key == nil {
		return nil
	}

	if workers < 2 {
		v := new(T)
		var zero T
		var buf []byte
		read := 0
		for ; key != nil; key, raw = c.Next() {
			if read++; read > releaseEvery {
				tx.releasePages()
				read = 0
			}
			*v = zero
			err := tx.decodeBuf(&buf, k.bucket, key, raw, v)
			if err != nil {
				err = corrupt(tx, k, string(key), err)
			}
			if err := fn(key, v, err); err != nil {
				return err
			}
		}
		return nil
	}

	var stop atomic.Bool
	jobs := make(chan *batch[T], workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			debug.SetPanicOnFault(true) // a fault in the mapped file is a record error (batch.decode)
			for bt := range jobs {
				bt.decode()
			}
		}()
	}
	defer func() {
		stop.Store(true)
		close(jobs)
		wg.Wait() // no worker may read a value once the transaction ends
	}()

	var free, queue []*batch[T]
	size := firstBatch
	read := 0
	for {
		// Keep workers+1 batches in flight.
		for key != nil && len(queue) <= workers {
			var bt *batch[T]
			if n := len(free); n > 0 {
				bt, free = free[n-1], free[:n-1]
			} else {
				bt = &batch[T]{tx: tx, bucket: k.bucket, vals: make([]T, maxBatch), errs: make([]error, maxBatch), stop: &stop}
			}
			bt.keys, bt.raws = bt.keys[:0], bt.raws[:0]
			for ; key != nil && len(bt.keys) < size; key, raw = c.Next() {
				bt.keys = append(bt.keys, key)
				bt.raws = append(bt.raws, raw)
			}
			bt.done = make(chan struct{})
			jobs <- bt
			queue = append(queue, bt)
			size = min(2*size, maxBatch)
		}
		if len(queue) == 0 {
			return nil
		}
		bt := queue[0]
		queue = queue[1:]
		<-bt.done
		if read += len(bt.raws); read > releaseEvery {
			tx.releasePages() // batches in flight fault their pages in again
			read = 0
		}
		for i, key := range bt.keys {
			err := bt.errs[i]
			if err != nil {
				err = corrupt(tx, k, string(key), err)
			}
			if err := fn(key, &bt.vals[i], err); err != nil {
				return err
			}
		}
		free = append(free, bt)
	}
}
