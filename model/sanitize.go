package model

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Control bytes and runes the sanitiser recognises. C1 controls appear
// either as UTF-8 encoded runes (U+0080–U+009F) or, in text that is not
// valid UTF-8, as single raw bytes 0x80–0x9F; both forms are handled.
const (
	esc   = 0x1b
	bel   = 0x07
	c1CSI = 0x9b
	c1OSC = 0x9d
	c1DCS = 0x90
	c1SOS = 0x98
	c1ST  = 0x9c
	c1PM  = 0x9e
	c1APC = 0x9f
)

// Sanitize makes text safe to print on a terminal and ready for analysis.
//
// It removes every escape sequence (CSI, OSC, DCS, SOS, PM, APC and the
// two- and three-byte escapes) together with its parameters, removes C0 and
// C1 control characters other than newline and tab, applies the
// invisible-character policy of FilterRune (format characters, variation
// selectors, tag characters, private use and the other invisible
// characters are dropped; see invisible.go), turns CRLF, lone CR and
// U+2028/U+2029 into LF, replaces invalid UTF-8 with U+FFFD and normalises
// the result to NFC.
//
// The result contains no byte below 0x20 other than '\n' and '\t', no DEL,
// no C1 control and no rune FilterRune would drop, and
// Sanitize(Sanitize(s)) == Sanitize(s).
func Sanitize(s string) string {
	if isClean(s) {
		return norm.NFC.String(s)
	}
	sc := scrubber{src: s, termAt: -2}
	sc.out.Grow(len(s))
	sc.run()
	return norm.NFC.String(sc.out.String())
}

// isClean reports whether s is valid UTF-8 with nothing for the scrubber to
// remove, so the common case costs one pass and no allocation.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !PrintableRune(r) {
			return false
		}
		i += size
	}
	return true
}

// scrubber holds the state of one sanitising pass.
type scrubber struct {
	src string
	out strings.Builder
	// termAt caches the position of the next string terminator (BEL, ESC \
	// or ST) at or after the last search; -1 means there is none, -2 that no
	// search has run. It keeps the pass linear when a document holds many
	// unterminated OSC or DCS introducers.
	termAt int
	// prev is the last rune written, for the policy's characters that
	// are kept only after some others.
	prev rune
}

func (sc *scrubber) run() {
	s := sc.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == esc:
			i = sc.skipEscape(i)
		case c == '\r':
			sc.out.WriteByte('\n')
			sc.prev = '\n'
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case c == '\n' || c == '\t':
			sc.out.WriteByte(c)
			sc.prev = rune(c)
			i++
		case c < 0x20 || c == 0x7f:
			i++
		case c < utf8.RuneSelf:
			sc.out.WriteByte(c)
			sc.prev = rune(c)
			i++
		default:
			i = sc.rune(i)
		}
	}
}

// rune handles the non-ASCII sequence at i and returns the next position.
func (sc *scrubber) rune(i int) int {
	r, size := utf8.DecodeRuneInString(sc.src[i:])
	if r == utf8.RuneError && size == 1 {
		b := sc.src[i]
		if b >= 0x80 && b <= 0x9f { // a raw 8-bit C1 control
			return sc.skipC1(rune(b), i, 1)
		}
		sc.out.WriteRune(utf8.RuneError)
		sc.prev = utf8.RuneError
		return i + 1
	}
	if r >= 0x80 && r <= 0x9f {
		return sc.skipC1(r, i, size)
	}
	if w, ok := FilterRune(sc.prev, r); ok {
		sc.out.WriteRune(w)
		sc.prev = w
	}
	return i + size
}

// skipC1 skips a C1 control of introLen bytes at i and, for CSI and the
// string controls, the sequence it introduces.
func (sc *scrubber) skipC1(r rune, i, introLen int) int {
	switch r {
	case c1CSI:
		return skipCSI(sc.src, i+introLen)
	case c1OSC, c1DCS, c1SOS, c1PM, c1APC:
		return sc.skipString(i, introLen)
	}
	return i + introLen
}

// skipEscape skips the escape sequence that starts with ESC at i.
func (sc *scrubber) skipEscape(i int) int {
	s := sc.src
	if i+1 >= len(s) {
		return i + 1
	}
	switch s[i+1] {
	case '[':
		return skipCSI(s, i+2)
	case ']', 'P', 'X', '^', '_':
		return sc.skipString(i, 2)
	}
	// nF escapes: intermediates 0x20–0x2F, then a final byte 0x30–0x7E.
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	return i + 1 // a lone ESC: drop it and keep what follows
}

// skipCSI skips the parameters, intermediates and final byte of a control
// sequence whose introducer ends just before i.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		return i + 1
	}
	return i
}

// skipString skips a control string (OSC, DCS, SOS, PM, APC) starting at i
// with an introducer of introLen bytes, up to and including its terminator.
// Without a terminator only the introducer is dropped, so an unterminated
// string cannot swallow the rest of the document.
func (sc *scrubber) skipString(i, introLen int) int {
	start := i + introLen
	end, termLen := sc.nextTerminator(start)
	if end < 0 {
		return start
	}
	return end + termLen
}

// nextTerminator finds the first BEL, ESC \ or ST at or after i and returns
// its position and length, or -1.
func (sc *scrubber) nextTerminator(i int) (int, int) {
	if sc.termAt == -1 || sc.termAt < i {
		if sc.termAt == -1 {
			return -1, 0
		}
		sc.termAt = findTerminator(sc.src, i)
		if sc.termAt < 0 {
			sc.termAt = -1
			return -1, 0
		}
	}
	return sc.termAt, terminatorLen(sc.src, sc.termAt)
}

func findTerminator(s string, i int) int {
	for j := i; j < len(s); {
		c := s[j]
		if c < utf8.RuneSelf {
			if c == bel || (c == esc && j+1 < len(s) && s[j+1] == '\\') {
				return j
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == c1ST || (r == utf8.RuneError && size == 1 && c == c1ST) {
			return j
		}
		j += size
	}
	return -1
}

// terminatorLen is the length in bytes of the terminator at j: ESC \ and
// the UTF-8 form of ST take two bytes, BEL and a raw ST byte one.
func terminatorLen(s string, j int) int {
	if s[j] == esc || s[j] == 0xc2 {
		return 2
	}
	return 1
}
