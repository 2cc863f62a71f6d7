// Package readstate persists the user's reading state: which documents have
// been read, which quotes are starred, and where reading left off.
//
// The state lives in one small JSON file, by default
// $XDG_STATE_HOME/rostrum/state.json. Several instances of rostrum may run
// at once: every change takes an exclusive lock, re-reads the file, applies
// itself to what is on disk and replaces the file atomically, so no
// instance loses another's changes. A file that cannot be read or parsed
// is never overwritten: a damaged one is renamed aside by the reader (a
// command that only reads leaves it alone), anything else is left in
// place, and both are reported in a warning. The file is read only when
// it is a regular file of at most MaxSize, and without blocking.
package readstate

import (
	"path/filepath"
	"slices"
	"time"

	"rostrum/internal/xdgdir"
)

// Version is the format version written to the file.
const Version = 1

// Star is a starred quote. Doc is the document ID and Start, End are byte
// offsets of the quote in the document body; together they identify the
// star. The other fields are a copy kept so the quote can be listed even
// when its document is not loaded.
type Star struct {
	Doc      string    `json:"doc"`
	Path     string    `json:"path,omitempty"`
	Title    string    `json:"title,omitempty"`
	Date     string    `json:"date,omitempty"`
	Speaker  string    `json:"speaker,omitempty"`
	Text     string    `json:"text,omitempty"`
	Citation string    `json:"citation,omitempty"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Starred  time.Time `json:"starred"`
}

// Last is the document open when rostrum last ran, and its scroll offset.
type Last struct {
	Doc    string `json:"doc"`
	Path   string `json:"path,omitempty"`
	Offset int    `json:"offset"`
}

// State is the whole persisted state.
type State struct {
	Version int                  `json:"version"`
	Read    map[string]time.Time `json:"read"`  // document ID → when first read
	Stars   []Star               `json:"stars"` // oldest first
	Last    *Last                `json:"last,omitempty"`
}

// IsRead reports whether the document with this ID is marked read.
func (s State) IsRead(id string) bool {
	_, ok := s.Read[id]
	return ok
}

// Starred reports whether the quote doc[start:end] is starred.
func (s State) Starred(doc string, start, end int) bool {
	return s.starIndex(doc, start, end) >= 0
}

func (s State) starIndex(doc string, start, end int) int {
	return slices.IndexFunc(s.Stars, func(x Star) bool {
		return x.Doc == doc && x.Start == start && x.End == end
	})
}

// clone returns a copy sharing no maps, slices or pointers with s.
func (s State) clone() State {
	c := State{Version: s.Version, Read: make(map[string]time.Time, len(s.Read))}
	for k, v := range s.Read {
		c.Read[k] = v
	}
	c.Stars = slices.Clone(s.Stars)
	if s.Last != nil {
		l := *s.Last
		c.Last = &l
	}
	return c
}

// ExportDir is where the reader writes exported quotes:
// $XDG_DATA_HOME/rostrum/exports (XDG's default when unset or relative).
// It is outside any folder the reader opens, so an export never comes
// back as a document. getenv looks the variable up.
func ExportDir(getenv func(string) string) string {
	return filepath.Join(xdgdir.Home(getenv, "XDG_DATA_HOME"), "rostrum", "exports")
}

// DefaultPath is where the state file lives: $XDG_STATE_HOME/rostrum/state.json,
// or under the XDG default (~/.local/state on Linux) when XDG_STATE_HOME is
// unset or not absolute. getenv looks the variable up, at each call.
func DefaultPath(getenv func(string) string) string {
	return filepath.Join(xdgdir.Home(getenv, "XDG_STATE_HOME"), "rostrum", "state.json")
}
