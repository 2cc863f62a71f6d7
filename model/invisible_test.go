package model_test

import (
	"testing"
	"unicode"

	"rostrum/model"
)

// policyCases check the invisible-character policy class by class, through
// Sanitize. They double as seeds of FuzzSanitize.
var policyCases = []struct {
	class, name, in, want string
}{
	// Format characters (Cf).
	{"Cf", "soft hyphen", "co\u00adoperate", "cooperate"},
	{"Cf", "zero width space", "pass\u200bword", "password"},
	{"Cf", "directional marks", "a\u200eb\u200fc\u061cd", "abcd"},
	{"Cf", "bidi override", "user\u202eevil", "userevil"},
	{"Cf", "bidi isolates", "a\u2066b\u2069c", "abc"},
	{"Cf", "invisible operators", "a\u2061b\u2062c\u2063d\u2064e", "abcde"},
	{"Cf", "byte order mark", "a\ufeffb", "ab"},
	{"Cf", "interlinear annotation", "a\ufff9b\ufffac\ufffbd", "abcd"},
	{"Cf", "Mongolian vowel separator", "a\u180eb", "ab"},
	{"Cf", "prepended concatenation marks", "\u06001\u06012\u06023\u06034\u06045\u06056\u06dd7\u070f8\u08e29\U000110bd0\U000110cd!", "1234567890!"},
	{"Cf", "Arabic marks above", "a\u0890b\u0891c", "abc"},
	{"Cf", "musical format characters", "a\U0001d173b\U0001d17ac", "abc"},
	{"Cf", "shorthand format controls", "a\U0001bca0b\U0001bca3c", "abc"},
	{"Cf", "Egyptian hieroglyph format controls", "a\U00013430b\U0001343fc", "abc"},

	// Tag characters.
	{"tags", "hidden ASCII in tags", "hi\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065\U000e007f", "hi"},
	{"tags", "forged reader markers", "\U000e0051quote\U000e0071", "quote"},
	{"tags", "language tag", "\U000e0001\U000e0065\U000e006ex", "x"},

	// Variation selectors.
	{"VS", "emoji selector after an emoji kept", "\u2764\ufe0f love", "\u2764\ufe0f love"},
	{"VS", "text selector after an emoji kept", "\u263a\ufe0e", "\u263a\ufe0e"},
	{"VS", "keycap kept", "1\ufe0f\u20e3", "1\ufe0f\u20e3"},
	{"VS", "emoji selector after a letter dropped", "a\ufe0fb", "ab"},
	{"VS", "second selector dropped", "\u2764\ufe0f\ufe0f\ufe0e", "\u2764\ufe0f"},
	{"VS", "hidden bytes after an emoji dropped", "\U0001f600\ufe00\ufe01\U000e0100\U000e01ef!", "\U0001f600!"},
	{"VS", "hidden bytes after a letter dropped", "a\U000e0110\U000e0120\U000e0130b", "ab"},
	{"VS", "Mongolian free variation selectors", "\u1820\u180b\u180c\u180d\u180f", "\u1820"},
	{"VS", "selector at the start", "\ufe0fx", "x"},

	// Joiners.
	{"joiners", "non-joiner in Persian kept", "می\u200cخواهم", "می\u200cخواهم"},
	{"joiners", "joiner in an emoji sequence kept", "👩\u200d💻", "👩\u200d💻"},
	{"joiners", "joiner after an emoji selector kept", "\u2764\ufe0f\u200d\U0001f525", "\u2764\ufe0f\u200d\U0001f525"},
	{"joiners", "joiner in Devanagari kept", "क\u094d\u200dष", "क\u094d\u200dष"},
	{"joiners", "joiners between ASCII letters dropped", "a\u200db\u200cc", "abc"},
	{"joiners", "run of joiners collapses to one", "ب\u200d\u200c\u200d\u200cت", "ب\u200dت"},
	{"joiners", "joiner after a space dropped", "ب \u200dت", "ب ت"},
	{"joiners", "joiner after the Kelvin sign dropped", "\u212a\u200dx", "Kx"},
	{"joiners", "joiner at the start dropped", "\u200dx", "x"},

	// Other default-ignorable characters.
	{"ignorable", "combining grapheme joiner", "a\u034fb", "ab"},
	{"ignorable", "Hangul fillers", "a\u115fb\u1160c\u3164d\uffa0e", "abcde"},
	{"ignorable", "Khmer inherent vowels", "a\u17b4b\u17b5c", "abc"},
	{"ignorable", "unassigned ignorables", "a\u2065b\ufff0c\U000e0fffd", "abcd"},

	// Look-alike blanks, line separators.
	{"blank", "braille pattern blank is a space", "a\u2800\u2800b", "a  b"},
	{"separators", "line and paragraph separators", "a\u2028b\u2029c", "a\nb\nc"},

	// Private use, noncharacters.
	{"Co", "private use", "a\ue000b\uf8ffc\U000f0000d\U0010fffde", "abcde"},
	{"noncharacter", "noncharacters", "a\ufdd0b\ufffec\U0001fffed\U0010ffffe", "abcde"},

	// Kept.
	{"kept", "no-break and other spaces", "a\u00a0b\u2003c\u3000d", "a\u00a0b\u2003c\u3000d"},
	{"kept", "combining marks", "e\u0301\u0323", "\u1eb9\u0301"},
	{"kept", "flags and skin tones", "🇰🇿👍🏽", "🇰🇿👍🏽"},
	{"kept", "replacement and object characters", "\ufffd\ufffc", "\ufffd\ufffc"},
}

func TestInvisiblePolicy(t *testing.T) {
	t.Parallel()
	for _, tc := range policyCases {
		t.Run(tc.class+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			got := model.Sanitize(tc.in)
			if got != tc.want {
				t.Errorf("Sanitize(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			assertSafe(t, got)
		})
	}
}

// TestFilterRuneCoversClasses walks every code point: a format character
// (Cf), private use (Co), surrogate (Cs), control (Cc), variation selector,
// default-ignorable or noncharacter is never kept as itself, but for the
// joiners after a letter outside ASCII and the emoji presentation
// selectors after an emoji; and PrintableRune never accepts one.
func TestFilterRuneCoversClasses(t *testing.T) {
	t.Parallel()
	classes := []*unicode.RangeTable{unicode.Cf, unicode.Co, unicode.Cs, unicode.Cc,
		unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point}
	prevs := []rune{0, 'a', '1', '\n', ' ', 'ب', 0x2764, 0x1f600, 0x200d}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		invisible := unicode.In(r, classes...) || r&0xfffe == 0xfffe || r >= 0xfdd0 && r <= 0xfdef
		if !invisible {
			continue
		}
		if model.PrintableRune(r) {
			t.Errorf("PrintableRune(%U) = true", r)
		}
		if r == '\n' || r == '\t' {
			continue
		}
		for _, prev := range prevs {
			w, ok := model.FilterRune(prev, r)
			if !ok || w != r {
				continue
			}
			switch {
			case (r == 0x200c || r == 0x200d) && prev >= 0x80 && prev != 0x200d:
			case (r == 0xfe0e || r == 0xfe0f) && (prev == '1' || prev >= 0x2764):
			default:
				t.Errorf("FilterRune(%U, %U) keeps it", prev, r)
			}
		}
	}
}

// TestPrintableRuneIsKeptEverywhere: a rune PrintableRune accepts passes
// FilterRune unchanged after any character.
func TestPrintableRuneIsKeptEverywhere(t *testing.T) {
	t.Parallel()
	prevs := []rune{0, 'a', '\n', 0x200d, 0xfe0f, 0xe000}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !model.PrintableRune(r) {
			continue
		}
		for _, prev := range prevs {
			if w, ok := model.FilterRune(prev, r); !ok || w != r {
				t.Fatalf("PrintableRune(%U) but FilterRune(%U, %U) = %U, %v", r, prev, r, w, ok)
			}
		}
	}
}
