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
// C1 control characters other than newline and tab, removes bidirectional
// override and isolate characters (U+202A–U+202E, U+2066–U+2069), byte
// order marks and the invisible format characters of invisibleRune, turns
// CRLF, lone CR and U+2028/U+2029 into LF, replaces invalid UTF-8 with
// U+FFFD and normalises the result to NFC.
//
// The result contains no byte below 0x20 other than '\n' and '\t', no DEL
// and no C1 control, and Sanitize(Sanitize(s)) == Sanitize(s).
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
		if r == utf8.RuneError || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// unsafeRune reports whether a non-ASCII rune is one the sanitiser drops
// (or, for the line and paragraph separators, turns into a newline).
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r == 0xfeff: // byte order mark / zero width no-break space
		return true
	}
	return invisibleRune(r)
}

// invisibleRune reports whether r is a format character that draws
// nothing yet changes what the reader sees or copies: marks that steer
// bidirectional text, zero-width spaces and joiners of words, invisible
// operators, interlinear annotations, fillers, and the Unicode tag
// characters (with which text can smuggle hidden instructions, and which
// the reading pane keeps for its own markers). The zero-width joiner and
// non-joiner stay: Persian, Indic scripts and emoji need them.
func invisibleRune(r rune) bool {
	switch {
	case r == 0x00ad, // soft hyphen
		r == 0x061c,              // Arabic letter mark
		r == 0x115f, r == 0x1160, // Hangul fillers
		r == 0x180e,              // Mongolian vowel separator
		r == 0x200b,              // zero width space
		r == 0x200e, r == 0x200f, // left-to-right and right-to-left marks
		r == 0x2028, r == 0x2029, // line and paragraph separators (become newlines)
		r >= 0x2060 && r <= 0x2064, // word joiner, invisible operators
		r >= 0x206a && r <= 0x206f, // deprecated format characters
		r == 0x3164, r == 0xffa0,   // Hangul fillers
		r >= 0xfff9 && r <= 0xfffb,   // interlinear annotation
		r >= 0xe0000 && r <= 0xe007f: // tag characters
		return true
	}
	return false
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
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case c == '\n' || c == '\t':
			sc.out.WriteByte(c)
			i++
		case c < 0x20 || c == 0x7f:
			i++
		case c < utf8.RuneSelf:
			sc.out.WriteByte(c)
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
		return i + 1
	}
	if r >= 0x80 && r <= 0x9f {
		return sc.skipC1(r, i, size)
	}
	switch {
	case r == 0x2028 || r == 0x2029:
		sc.out.WriteByte('\n')
	case !unsafeRune(r):
		sc.out.WriteString(sc.src[i : i+size])
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
