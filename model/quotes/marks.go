package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The two-rune marks of LaTeX-style text, stored as private runes so the
// scanner treats every mark as one rune.
const (
	markBackticks  = '\uE000' // ``
	markApostrophe = '\uE001' // ''
)

// closersOf lists, for each rune that can open a quotation, the runes that
// close it. '"', '\” and '\'\” close themselves (undirected marks).
var closersOf = map[rune]string{
	'“': "”", '‘': "’", '„': "“”", '‚': "‘’",
	'«': "»", '»': "«", '‹': "›", '›': "‹",
	'「': "」", '『': "』",
	'"': `"`, '\'': "'",
	markBackticks: string(markApostrophe), markApostrophe: string(markApostrophe),
}

// closeOnly are marks that only ever close a quotation (or are apostrophes).
const closeOnly = "”’」』"

// isMark reports whether r is any quotation mark the scanner knows.
func isMark(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '„', '‚', '«', '»', '‹', '›', '「', '」', '『', '』',
		'"', '\'', markBackticks, markApostrophe:
		return true
	}
	return false
}

// markLead marks the bytes that can begin a quotation mark in UTF-8, so
// the scanner can skip every other byte without decoding it.
var markLead = [256]bool{'"': true, '\'': true, '`': true, 0xc2: true, 0xe2: true, 0xe3: true}

// isDouble reports whether an opening mark is a double (primary) mark.
func isDouble(r rune) bool {
	return strings.ContainsRune(`“„«»"「『`, r) || r == markBackticks || r == markApostrophe
}

// undirected marks look the same at both ends of a quotation.
func undirected(r rune) bool { return r == '"' || r == '\'' || r == markApostrophe }

// guillemet marks are often set with a (no-break) space inside them.
func guillemet(r rune) bool { return strings.ContainsRune("«»‹›", r) }

// readMark returns the mark at byte i of text and its length in bytes, or
// 0 when there is none.
func readMark(text string, i int) (rune, int) {
	switch {
	case strings.HasPrefix(text[i:], "``"):
		return markBackticks, 2
	case strings.HasPrefix(text[i:], "''"):
		return markApostrophe, 2
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if isMark(r) {
		return r, size
	}
	return 0, 0
}

// context is what surrounds a mark inside its paragraph.
type context struct {
	prev, next rune // 0 at the paragraph's start or end
	prev2      rune // the rune before prev
	next2      rune // the rune after next
}

func isSpace(r rune) bool { return r == 0 || unicode.IsSpace(r) }

// canOpen: after start, space, bracket, dash, slash, colon or another
// opening mark, and before something that is not a space.
func (c context) canOpen(mark rune) bool {
	next := c.next
	if guillemet(mark) && isSpace(next) && next != 0 {
		next = c.next2
	}
	if isSpace(next) {
		return false
	}
	p := c.prev
	return isSpace(p) || strings.ContainsRune("([{—–-/:;", p) || (isMark(p) && !strings.ContainsRune(closeOnly, p))
}

// canClose: after something that is not a space, and before end, space,
// punctuation or another closing mark.
func (c context) canClose(mark rune) bool {
	if isSpace(c.prev) && !guillemet(mark) {
		return false
	}
	n := c.next
	return isSpace(n) || unicode.IsPunct(n) || isMark(n) || unicode.IsSymbol(n)
}

// isApostrophe reports whether a single mark is an apostrophe: inside a
// word (isn’t, O’Brien, Xi’an) or shortening a year (’90s, ‘90s).
func (c context) isApostrophe(mark rune) bool {
	if !strings.ContainsRune("’‘'", mark) {
		return false
	}
	if isLetterOrDigit(c.prev) && unicode.IsLetter(c.next) {
		return true
	}
	if c.prev == 'n' && strings.ContainsRune("’‘'", c.prev2) {
		return true // rock ’n’ roll
	}
	return isSpace(c.prev) && unicode.IsDigit(c.next) && unicode.IsDigit(c.next2)
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// contextAt reads the runes around the mark at [i, i+size) within the
// paragraph [lo, hi).
func contextAt(text string, lo, hi, i, size int) context {
	var c context
	if i > lo {
		var n int
		c.prev, n = utf8.DecodeLastRuneInString(text[lo:i])
		if i-n > lo {
			c.prev2, _ = utf8.DecodeLastRuneInString(text[lo : i-n])
		}
	}
	if j := i + size; j < hi {
		r, n := utf8.DecodeRuneInString(text[j:hi])
		c.next = r
		if j+n < hi {
			c.next2, _ = utf8.DecodeRuneInString(text[j+n : hi])
		}
	}
	return c
}

// lastMark returns the quotation mark that ends just before byte i, if any.
func lastMark(text string, i int) (rune, int) {
	if i >= 2 && (text[i-2:i] == "``" || text[i-2:i] == "''") {
		return readMark(text, i-2)
	}
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if isMark(r) {
		return r, size
	}
	return 0, 0
}
