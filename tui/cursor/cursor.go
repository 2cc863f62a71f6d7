// Package cursor keeps the cursor of the overlays that narrow their
// entries as the user types (the quote browser, the topic picker): the
// entries shown, the cursor among them and the first of them in view.
package cursor

import (
	"fmt"
	"strings"

	"rostrum/tui/box"
)

// List is the entries of a list that a filter shows, by their index in
// the list, with a cursor among them and the first of them in view. The
// zero List shows nothing.
//
// Invariants: 0 <= cursor < Len() unless nothing is shown (cursor 0);
// 0 <= offset <= cursor.
type List struct {
	shown  []int
	cursor int
	offset int
}

// Narrow shows the entries 0 <= i < n whose hay(i), in lower case, holds
// every word of text in any case, in order, and puts the cursor on the
// first of them.
func (l *List) Narrow(text string, n int, hay func(i int) string) {
	words := strings.Fields(strings.ToLower(text))
	l.shown = l.shown[:0]
	for i := range n {
		if holdsAll(hay(i), words) {
			l.shown = append(l.shown, i)
		}
	}
	l.cursor, l.offset = 0, 0
}

// holdsAll reports whether hay contains every one of words.
func holdsAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Len is the number of entries shown.
func (l List) Len() int { return len(l.shown) }

// At is the index in the list of the k-th entry shown.
func (l List) At(k int) int { return l.shown[k] }

// Cursor is the position of the cursor among the entries shown.
func (l List) Cursor() int { return l.cursor }

// Selected is the index in the list of the entry under the cursor, and
// false when nothing is shown.
func (l List) Selected() (int, bool) {
	if len(l.shown) == 0 {
		return 0, false
	}
	return l.shown[l.cursor], true
}

// Move moves the cursor by delta entries, clamped, keeping it in a
// window of rows entries.
func (l *List) Move(delta, rows int) {
	l.cursor, l.offset = box.Scroll(l.cursor, l.offset, delta, len(l.shown), rows)
}

// InView is the positions, from up to before to, of the entries shown in
// a window of rows entries.
func (l List) InView(rows int) (from, to int) {
	return l.offset, min(l.offset+rows, len(l.shown))
}

// Check reports the first broken invariant of what, a list of n entries,
// for tests.
func (l List) Check(what string, n int) error {
	shown := len(l.shown)
	if shown == 0 && l.cursor != 0 || shown > 0 && (l.cursor < 0 || l.cursor >= shown) || l.offset < 0 || l.offset > l.cursor {
		return fmt.Errorf("%s cursor %d, offset %d, %d entries", what, l.cursor, l.offset, shown)
	}
	for _, i := range l.shown {
		if i < 0 || i >= n {
			return fmt.Errorf("%s shows entry %d of %d", what, i, n)
		}
	}
	return nil
}
