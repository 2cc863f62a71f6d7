package readstate

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// Store is the state file of one running instance. Its methods are safe
// for concurrent use, and several Stores, in one process or many, may
// share a file.
type Store struct {
	path string
	lock *flock.Flock // path + ".lock"; guarded by op

	op sync.Mutex // serialises operations within this Store

	mu   sync.RWMutex // guards the fields below
	st   State
	warn string
}

// Open reads the state file at path (New, then Reload). A missing file
// gives an empty state and no warning; nothing is created until the first
// change. A damaged file (one that does not parse, or is over MaxSize) is
// renamed to path.corrupt-YYYYMMDD-HHMMSS, a fresh empty file is written,
// and Open returns an empty state with a one-line warning saying where the
// old file was kept. Anything else that cannot be read (a named pipe, a
// device, a folder, a file without permission) is left in place with a
// warning, and changes fail rather than replace it. Open never fails.
//
// Open writes; a command that only reads the state uses Read.
func Open(path string) (*Store, string) {
	s := New(path)
	return s, s.Reload()
}

// New is a Store for the file at path that has not read it yet: its state
// is empty until Reload. The reader reads it off its UI goroutine.
func New(path string) *Store {
	return &Store{path: path, lock: flock.New(path+".lock", flock.SetPermissions(0o600)), st: empty()}
}

// Read reads the state file at path for a command that only reads it: it
// never renames, writes or creates anything. A missing file is an empty
// state; a file that cannot be read or parsed gives an empty state and a
// one-line warning, and is left as it is.
func Read(path string) (State, string) {
	st, err := readState(path)
	var bad *badFileError
	if errors.As(err, &bad) {
		return st, leftInPlace(path, bad)
	}
	return st, ""
}

// Path is the state file's path.
func (s *Store) Path() string { return s.path }

// State returns a copy of the state as last read or written.
func (s *Store) State() State {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.clone()
}

// Reload re-reads the file to pick up other instances' changes. A damaged
// file is set aside as in Open, the warning returned, and the in-memory
// state kept and written afresh in its place; a file that cannot be used
// is left in place, with a warning, and the in-memory state kept.
func (s *Store) Reload() string {
	s.op.Lock()
	defer s.op.Unlock()
	// Reading needs no lock, since writes replace the file atomically.
	st, err := readState(s.path)
	warn := ""
	if errors.As(err, new(*badFileError)) {
		st, warn = s.recover()
	}
	s.mu.Lock()
	s.st = st
	s.mu.Unlock()
	return warn
}

// recover deals with a bad file found without the lock. Under the lock it
// reads the file again, in case another instance has just replaced it; if
// it is still damaged, it sets it aside and writes the in-memory state in
// its place, so that state is not lost by the next change, which starts
// from what is on disk. A file that cannot be set aside, or is not one to
// set aside, is left alone.
func (s *Store) recover() (_ State, warn string) {
	cur := s.State()
	if err := s.lock.Lock(); err != nil {
		return cur, fmt.Sprintf("state file %s is unusable; left it in place (could not lock: %s)", s.path, oneLine(err))
	}
	defer func() {
		if err := s.unlock(); err != nil {
			if warn != "" {
				warn += "; "
			}
			warn += oneLine(err)
		}
	}()
	st, err := readState(s.path)
	var bad *badFileError
	if !errors.As(err, &bad) {
		return st, ""
	}
	if !bad.damaged {
		return cur, leftInPlace(s.path, bad)
	}
	warn, err = setAside(s.path, bad)
	if err != nil {
		return cur, oneLine(err)
	}
	if err := writeState(s.path, cur); err != nil {
		warn += "; could not write a new one: " + oneLine(err)
	}
	return cur, warn
}

// TakeWarning returns, and forgets, the warning from the latest change
// that found the file bad and set it aside ("" if none).
func (s *Store) TakeWarning() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.warn
	s.warn = ""
	return w
}

// update applies one operation: under the file lock it re-reads the file,
// applies op to what is on disk, writes the result atomically if op
// changed it, and keeps the result in memory. If the file on disk has
// been damaged it is set aside and op applies to the in-memory state; a
// file that cannot be used fails the change and is left in place.
func (s *Store) update(op func(*State) bool) (err error) {
	s.op.Lock()
	defer s.op.Unlock()
	if err := mkdir(s.path); err != nil {
		return err
	}
	if err := s.lock.Lock(); err != nil {
		return fmt.Errorf("locking state file: %w", err)
	}
	// Reported even when the change was saved: a lock still held makes
	// every other instance wait.
	defer func() {
		if uerr := s.unlock(); uerr != nil {
			err = errors.Join(err, uerr)
		}
	}()

	st, err := readState(s.path)
	write := false
	var bad *badFileError
	if errors.As(err, &bad) {
		if !bad.damaged {
			return errors.New(leftInPlace(s.path, bad))
		}
		warn, err := setAside(s.path, bad)
		if err != nil {
			return err
		}
		s.mu.Lock()
		s.warn = warn
		st = s.st.clone()
		s.mu.Unlock()
		write = true
	}
	if op(&st) || write {
		if err := writeState(s.path, st); err != nil {
			return fmt.Errorf("saving state: %w", err)
		}
	}
	s.mu.Lock()
	s.st = st
	s.mu.Unlock()
	return nil
}

// unlock releases the file lock taken by an operation.
func (s *Store) unlock() error {
	if err := s.lock.Unlock(); err != nil {
		return fmt.Errorf("releasing the state file lock %s: %w", s.lock.Path(), err)
	}
	return nil
}

// MarkRead marks the document with this ID read, keeping the time it was
// first read, or unread.
func (s *Store) MarkRead(id string, read bool) error {
	return s.update(func(st *State) bool {
		if st.IsRead(id) == read {
			return false
		}
		if read {
			st.Read[id] = now().UTC().Truncate(time.Second)
		} else {
			delete(st.Read, id)
		}
		return true
	})
}

// ToggleStar stars the quote q, adding it last, or, if a star with the
// same Doc, Start and End exists, removes that. It reports whether the
// quote is starred now. A zero q.Starred is set to the current time.
func (s *Store) ToggleStar(q Star) (starred bool, err error) {
	err = s.update(func(st *State) bool {
		if i := st.starIndex(q.Doc, q.Start, q.End); i >= 0 {
			st.Stars = slices.Delete(st.Stars, i, i+1)
			starred = false
			return true
		}
		if q.Starred.IsZero() {
			q.Starred = now().UTC().Truncate(time.Second)
		}
		st.Stars = append(st.Stars, q)
		starred = true
		return true
	})
	return starred, err
}

// SetLast records the open document and its scroll offset.
func (s *Store) SetLast(l Last) error {
	return s.update(func(st *State) bool {
		if st.Last != nil && *st.Last == l {
			return false
		}
		st.Last = &l
		return true
	})
}
