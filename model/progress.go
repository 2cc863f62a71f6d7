package model

import (
	"sync"
	"time"
)

// Batching of progress reports: at most this many documents, or this
// long, between two reports.
const (
	flushDocs  = 256
	flushEvery = 50 * time.Millisecond
)

// flusher hands finished sources to a Progress function in source order,
// in batches, as soon as every source before them has finished.
type flusher struct {
	mu        sync.Mutex
	fn        func(Progress)
	ready     []bool
	docs      [][]*Document
	probs     [][]Problem
	next      int
	pendDocs  []*Document
	pendProbs []Problem
	last      time.Time
}

func newFlusher(n int, early []Problem, fn func(Progress)) *flusher {
	return &flusher{fn: fn, ready: make([]bool, n), docs: make([][]*Document, n),
		probs: make([][]Problem, n), pendProbs: append([]Problem(nil), early...)}
}

// done records that source i has finished and reports what is in order.
func (f *flusher) done(i int, ds []*Document, ps []Problem) {
	if f.fn == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ready[i], f.docs[i], f.probs[i] = true, ds, ps
	for f.next < len(f.ready) && f.ready[f.next] {
		f.pendDocs = append(f.pendDocs, f.docs[f.next]...)
		f.pendProbs = append(f.pendProbs, f.probs[f.next]...)
		f.docs[f.next], f.probs[f.next] = nil, nil
		f.next++
	}
	if len(f.pendDocs) >= flushDocs || time.Since(f.last) >= flushEvery {
		f.flush()
	}
}

// finish reports whatever is left, and the end.
func (f *flusher) finish() {
	if f.fn == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.flush()
}

func (f *flusher) flush() {
	if len(f.pendDocs) == 0 && len(f.pendProbs) == 0 && f.next < len(f.ready) {
		return
	}
	f.fn(Progress{Docs: f.pendDocs, Problems: f.pendProbs, Done: f.next, Total: len(f.ready)})
	f.pendDocs, f.pendProbs = nil, nil
	f.last = time.Now()
}
