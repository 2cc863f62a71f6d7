package model

import "sort"

// The invisible-character policy: what Sanitize (for text read) and the
// terminal filters of the reader and `rostrum show` (for text printed) do
// with characters that draw nothing, steer how other characters are shown,
// or have no agreed meaning. One function, FilterRune, decides for both.
//
// | Class | Examples | What happens | Why |
// |---|---|---|---|
// | C0 and C1 controls (Cc), DEL | BEL, BS, ESC, CSI U+009B, OSC U+009D | dropped (escape sequences with their parameters) | they drive the terminal |
// | Newline, tab | U+000A, U+0009 | kept | text structure |
// | CR, CRLF | U+000D | newline (in text read); dropped (in text printed) | line endings; a lone CR overprints |
// | Line and paragraph separators (Zl, Zp) | U+2028, U+2029 | newline | they end a line |
// | Bidirectional controls (Cf) | U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C | dropped | they reorder what is shown (Trojan Source) |
// | Zero-width joiner and non-joiner (Cf) | U+200D, U+200C | kept once after a character outside ASCII that is not a space or another joiner; dropped elsewhere | Persian, Arabic and Indic scripts and emoji sequences need them; runs of them or joiners between ASCII letters hide text |
// | Emoji presentation selectors | U+FE0E, U+FE0F | kept once directly after a character that can be an emoji (and after 0–9 # * for keycaps); dropped elsewhere | they pick text or emoji style; anywhere else they only carry hidden data |
// | Other variation selectors | U+FE00–FE0D, U+E0100–E01EF, Mongolian U+180B–180D, U+180F | dropped | each one after any character hides a byte (hidden messages in copied text) |
// | Other format characters (Cf) | U+00AD soft hyphen, U+200B, U+2060–2064, U+206A–206F, U+FEFF, U+FFF9–FFFB, U+180E, U+0600–0605, U+06DD, U+070F, U+0890–0891, U+08E2, U+110BD, U+110CD, U+13430–1343F, U+1BCA0–1BCA3, U+1D173–1D17A | dropped | they are invisible or change the characters around them; prepended concatenation marks swallow the digits after them |
// | Tag characters | U+E0000–E007F | dropped | hidden text (prompt injection); the reader uses them as its own markers |
// | Other default-ignorable characters | U+034F, U+115F, U+1160, U+17B4, U+17B5, U+3164, U+FFA0, U+FFF0–FFF8, U+E0080–E0FFF | dropped | they show as nothing, so they hide text or fake blanks |
// | Braille pattern blank | U+2800 | a space | it looks like a space but defeats trimming and searching |
// | Private use (Co) | U+E000–F8FF, U+F0000–10FFFD | dropped | no agreed meaning: each font draws what it likes |
// | Noncharacters, surrogates | U+FDD0–FDEF, U+xxFFFE, U+xxFFFF, U+D800–DFFF | dropped | not text |
// | Invalid UTF-8 | | U+FFFD | |
// | Everything else | letters, marks, symbols, spaces, unassigned code points | kept | |
//
// A character reference in Markdown (`&#x1b;`, `&#xE0051;`, `&zwj;`) is
// kept as the literal text of the reference unless it stands for a
// character PrintableRune accepts.

// hiddenRanges are the characters dropped wherever they stand: format
// characters (Cf), default-ignorable code points, variation selectors,
// private use, surrogates and noncharacters (those at the end of each
// plane are handled apart). The joiners and the emoji presentation
// selectors, kept in some places, are decided before this table is looked
// at. Sorted and disjoint; TestHiddenRangesCoverUnicodeClasses checks that
// they cover Go's tables for these classes.
var hiddenRanges = []struct{ lo, hi rune }{
	{0x00ad, 0x00ad},    // soft hyphen
	{0x034f, 0x034f},    // combining grapheme joiner
	{0x0600, 0x0605},    // Arabic prepended concatenation marks
	{0x061c, 0x061c},    // Arabic letter mark
	{0x06dd, 0x06dd},    // Arabic end of ayah
	{0x070f, 0x070f},    // Syriac abbreviation mark
	{0x0890, 0x0891},    // Arabic pound and piastre marks above
	{0x08e2, 0x08e2},    // Arabic disputed end of ayah
	{0x115f, 0x1160},    // Hangul fillers
	{0x17b4, 0x17b5},    // Khmer inherent vowels
	{0x180b, 0x180f},    // Mongolian variation selectors and vowel separator
	{0x200b, 0x200f},    // zero width space, joiners, directional marks
	{0x202a, 0x202e},    // bidirectional embeddings and overrides
	{0x2060, 0x206f},    // word joiner, invisible operators, isolates, deprecated
	{0x3164, 0x3164},    // Hangul filler
	{0xd800, 0xdfff},    // surrogates
	{0xe000, 0xf8ff},    // private use
	{0xfdd0, 0xfdef},    // noncharacters
	{0xfe00, 0xfe0f},    // variation selectors
	{0xfeff, 0xfeff},    // byte order mark
	{0xffa0, 0xffa0},    // halfwidth Hangul filler
	{0xfff0, 0xfffb},    // unassigned specials, interlinear annotation
	{0x110bd, 0x110bd},  // Kaithi number sign
	{0x110cd, 0x110cd},  // Kaithi number sign above
	{0x13430, 0x1343f},  // Egyptian hieroglyph format controls
	{0x1bca0, 0x1bca3},  // shorthand format controls
	{0x1d173, 0x1d17a},  // musical symbol format controls
	{0xe0000, 0xe0fff},  // tags, variation selectors supplement, reserved
	{0xf0000, 0x10ffff}, // supplementary private use areas
}

// hiddenRune reports whether r is in hiddenRanges or is a noncharacter.
func hiddenRune(r rune) bool {
	if r < 0x00ad {
		return false
	}
	if r&0xfffe == 0xfffe {
		return true // U+xxFFFE and U+xxFFFF in every plane
	}
	i := sort.Search(len(hiddenRanges), func(i int) bool { return hiddenRanges[i].hi >= r })
	return i < len(hiddenRanges) && hiddenRanges[i].lo <= r
}

const (
	zwnj = 0x200c
	zwj  = 0x200d
	vs15 = 0xfe0e // text presentation selector
	vs16 = 0xfe0f // emoji presentation selector
)

// FilterRune applies the invisible-character policy to r, which follows
// prev, the last rune kept (0 at the start of the text). It returns the
// rune to write in r's place and false when r is dropped. C0 controls
// other than newline and tab, DEL and C1 controls are dropped; escape
// sequences are the caller's to remove whole.
func FilterRune(prev, r rune) (rune, bool) {
	switch {
	case r == '\n' || r == '\t':
		return r, true
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return 0, false
	case r < 0xad:
		return r, true
	case r == 0x2028 || r == 0x2029:
		return '\n', true
	case r == 0x2800:
		return ' ', true
	case r == zwj || r == zwnj:
		return r, joinerMayFollow(prev)
	case r == vs15 || r == vs16:
		return r, emojiBase(prev)
	case hiddenRune(r):
		return 0, false
	}
	return r, true
}

// PrintableRune reports whether r is kept as itself wherever it stands:
// not a control, not a character FilterRune drops or changes, and not one
// it keeps only in some places. Character references in Markdown are
// decoded only to such runes.
func PrintableRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return false
	case r > 0x10ffff:
		return false
	case r == 0x2028, r == 0x2029, r == 0x2800, r == zwj, r == zwnj, r == vs15, r == vs16:
		return false
	}
	return !hiddenRune(r)
}

// joinerMayFollow reports whether a zero-width joiner or non-joiner may
// follow prev: a character outside ASCII that is not a space and not a
// joiner itself. The three characters outside ASCII whose NFC form is
// ASCII count as ASCII, so that sanitising twice changes nothing.
func joinerMayFollow(prev rune) bool {
	switch prev {
	case zwj, zwnj, 0x037e, 0x1fef, 0x212a:
		return false
	}
	return prev >= 0x80 && !isSpaceRune(prev)
}

// isSpaceRune reports whether r is a space or line break outside ASCII.
func isSpaceRune(r rune) bool {
	switch {
	case r == 0x85, r == 0xa0, r == 0x1680, r >= 0x2000 && r <= 0x200a,
		r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// emojiRanges are the characters that can be shown as emoji, which an
// emoji or text presentation selector may follow: the keycap bases, the
// symbols of Latin-1 and the BMP with emoji forms, and the emoji planes.
var emojiRanges = []struct{ lo, hi rune }{
	{'#', '#'}, {'*', '*'}, {'0', '9'},
	{0x00a9, 0x00a9}, {0x00ae, 0x00ae}, {0x203c, 0x203c}, {0x2049, 0x2049},
	{0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21a9, 0x21aa},
	{0x231a, 0x231b}, {0x2328, 0x2328}, {0x23cf, 0x23cf}, {0x23e9, 0x23f3},
	{0x23f8, 0x23fa}, {0x24c2, 0x24c2}, {0x25aa, 0x25ab}, {0x25b6, 0x25b6},
	{0x25c0, 0x25c0}, {0x25fb, 0x25fe}, {0x2600, 0x27bf}, {0x2934, 0x2935},
	{0x2b05, 0x2b07}, {0x2b1b, 0x2b1c}, {0x2b50, 0x2b50}, {0x2b55, 0x2b55},
	{0x3030, 0x3030}, {0x303d, 0x303d}, {0x3297, 0x3297}, {0x3299, 0x3299},
	{0x1f000, 0x1faff},
}

// emojiBase reports whether r can be shown as an emoji.
func emojiBase(r rune) bool {
	i := sort.Search(len(emojiRanges), func(i int) bool { return emojiRanges[i].hi >= r })
	return i < len(emojiRanges) && emojiRanges[i].lo <= r
}
