package model_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"rostrum/model"
)

// sanitizeCases are the named inputs of TestSanitize. They double as the
// seed corpus of FuzzSanitize.
var sanitizeCases = []struct {
	name, in, want string
}{
	{"plain ASCII unchanged", "Hello, world.", "Hello, world."},
	{"empty", "", ""},

	// CSI sequences, 7-bit introducer.
	{"CSI colour", "\x1b[31mred\x1b[0m text", "red text"},
	{"CSI clear screen", "before\x1b[2Jafter", "beforeafter"},
	{"CSI several params", "a\x1b[1;31;4mb", "ab"},
	{"CSI truecolour", "a\x1b[38;2;255;0;0mb", "ab"},
	{"CSI private mode", "a\x1b[?25lb", "ab"},
	{"CSI intermediate byte", "a\x1b[2 qb", "ab"},
	{"CSI cursor position", "a\x1b[10;20Hb", "ab"},
	{"CSI unterminated at end", "abc\x1b[31", "abc"},
	{"CSI cut by newline keeps newline", "a\x1b[31\nb", "a\nb"},

	// OSC strings with each terminator.
	{"OSC 0 title BEL", "\x1b]0;evil title\x07text", "text"},
	{"OSC 0 title ESC backslash", "\x1b]0;evil title\x1b\\text", "text"},
	{"OSC 0 title C1 ST", "\x1b]0;evil title\u009ctext", "text"},
	{"OSC 52 clipboard BEL", "x\x1b]52;c;cm0gLXJmIH4=\x07y", "xy"},
	{"OSC 52 clipboard ESC backslash", "x\x1b]52;c;cm0gLXJmIH4=\x1b\\y", "xy"},
	{"OSC 52 clipboard C1 ST", "x\x1b]52;c;cm0gLXJmIH4=\u009cy", "xy"},
	{"OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ here", "click here"},
	{"OSC unterminated keeps text", "a\x1b]0;title and more text", "a0;title and more text"},
	{"OSC unterminated at end", "text\x1b]", "text"},

	// Other control strings.
	{"DCS sixel", "a\x1bPq#0;2;0;0;0#0~~\x1b\\b", "ab"},
	{"DCS BEL terminated", "a\x1bP1$r\x07b", "ab"},
	{"APC kitty graphics", "a\x1b_Gf=24,s=1;AAAA\x1b\\b", "ab"},
	{"SOS string", "a\x1bXstart of string\x1b\\b", "ab"},
	{"PM string", "a\x1b^privacy message\x1b\\b", "ab"},

	// Two- and three-byte escapes.
	{"ESC 7 and ESC 8 save restore", "a\x1b7b\x1b8c", "abc"},
	{"ESC c full reset", "a\x1bcb", "ab"},
	{"ESC ( B charset", "a\x1b(Bb", "ab"},
	{"ESC # 8 alignment test", "a\x1b#8b", "ab"},
	{"ESC = keypad", "a\x1b=b", "ab"},
	{"ESC SP F 7-bit controls", "a\x1b Fb", "ab"},
	{"ESC $ ( C multi-byte charset", "a\x1b$(Cb", "ab"},
	{"lone ESC at end", "abc\x1b", "abc"},
	{"lone ESC before newline", "a\x1b\nb", "a\nb"},
	{"lone ESC before non-ASCII", "a\x1bé", "aé"},
	{"double ESC", "a\x1b\x1b[31mb", "ab"},

	// 8-bit C1 controls written as UTF-8 runes.
	{"C1 CSI rune", "a\u009b31mb", "ab"},
	{"C1 CSI rune with params", "a\u009b1;2;3Hb", "ab"},
	{"C1 OSC rune to C1 ST", "a\u009d0;title\u009cb", "ab"},
	{"C1 OSC rune to BEL", "a\u009d0;title\x07b", "ab"},
	{"C1 DCS rune", "a\u0090q\u009cb", "ab"},
	{"C1 APC rune", "a\u009fapc\u009cb", "ab"},
	{"C1 NEL rune", "a\u0085b", "ab"},
	{"C1 lowest and highest", "a\u0080b\u009fc", "abc"},

	// 8-bit C1 controls as raw bytes in invalid UTF-8.
	{"raw 0x9b CSI", "a\x9b31mb", "ab"},
	{"raw 0x9d OSC to raw ST", "a\x9d0;title\x9cb", "ab"},
	{"raw 0x9d OSC to BEL", "a\x9d0;title\x07b", "ab"},
	{"raw 0x9d unterminated", "a\x9dbc", "abc"},
	{"raw 0x85", "a\x85b", "ab"},

	// C0 controls and DEL.
	{"BEL removed", "a\x07b", "ab"},
	{"backspace removed", "ab\bc", "abc"},
	{"DEL removed", "a\x7fb", "ab"},
	{"NUL removed", "a\x00b", "ab"},
	{"form feed and vertical tab removed", "a\x0cb\x0bc", "abc"},
	{"tab and newline kept", "a\tb\nc", "a\tb\nc"},

	// Line endings.
	{"CRLF to LF", "a\r\nb\r\nc", "a\nb\nc"},
	{"lone CR to LF", "a\rb\rc", "a\nb\nc"},
	{"CR CR LF", "a\r\r\nb", "a\n\nb"},
	{"CRLF CRLF blank line", "a\r\n\r\nb", "a\n\nb"},
	{"trailing CR", "a\r", "a\n"},
	{"LF CR", "a\n\rb", "a\n\nb"},

	// Bidirectional controls and byte order marks.
	{"bidi embeddings and overrides", "a\u202ab\u202bc\u202cd\u202de\u202ef", "abcdef"},
	{"bidi isolates", "a\u2066b\u2067c\u2068d\u2069e", "abcde"},
	{"bidi marks", "a\u200eb\u200fc\u061cd", "abcd"},
	{"zero width space and word joiner", "pass\u200bword\u2060s", "passwords"},
	{"soft hyphen", "co\u00adoperate", "cooperate"},
	{"invisible operators and deprecated formats", "a\u2061b\u2064c\u206ad\u206fe", "abcde"},
	{"interlinear annotation", "a\ufff9b\ufffac\ufffbd", "abcd"},
	{"Hangul fillers and Mongolian separator", "a\u3164b\uffa0c\u115fd\u180ee", "abcde"},
	{"tag characters (hidden text, forged markers)", "say\U000E0051 hi\U000E0071\U000E0069\U000E007F", "say hi"},
	{"line and paragraph separators become newlines", "one\u2028two\u2029three", "one\ntwo\nthree"},
	{"joiners that scripts and emoji need stay", "می\u200cخواهم 👩\u200d💻", "می\u200cخواهم 👩\u200d💻"},
	{"trojan source", "if access != \"user\u202e \u2066// check\u2069 \u2066\" {", "if access != \"user // check \" {"},
	{"BOM at start", "\ufeffHello", "Hello"},
	{"BOM in the middle", "a\ufeffb", "ab"},

	// Invalid UTF-8.
	{"invalid byte 0xff", "a\xffb", "a\ufffdb"},
	{"invalid lead byte", "a\xc3(b", "a\ufffd(b"},
	{"valid U+FFFD kept", "a\ufffdb", "a\ufffdb"},

	// Normalisation.
	{"NFC e acute", "e\u0301", "é"},
	{"NFC in a word", "Cafe\u0301 au lait", "Café au lait"},
	{"NFC across removed escape", "e\x1b[0m\u0301", "é"},
	{"NFC across removed BOM", "e\ufeff\u0301", "é"},
	{"NFC Hangul jamo", "\u1100\u1161", "\uac00"},

	// Curly quotes: their UTF-8 holds the bytes 0x98, 0x99, 0x9c and 0x9d.
	{"curly quotes intact", "“double” and ‘single’", "“double” and ‘single’"},
	{"curly quotes inside OSC", "\x1b]0;“evil” ‘title’\x07after", "after"},
	{"curly quotes inside OSC to ESC backslash", "\x1b]2;“t”\x1b\\after", "after"},
	{"curly quotes right after OSC BEL", "\x1b]0;t\x07“quoted”", "“quoted”"},
	{"curly quotes right after OSC ST", "\x1b]0;t\u009c“quoted”", "“quoted”"},
	{"curly quotes after unterminated OSC", "\x1b]“quoted” ‘text’", "“quoted” ‘text’"},
	{"right quote is not an OSC", "a”b\x07c", "a”bc"},
	{"left quote is not an ST", "\x1b]0;a“b\x07c", "c"},
	{"quotes after DCS", "\x1bPdata\x1b\\“q”", "“q”"},
}

func TestSanitize(t *testing.T) {
	t.Parallel()
	for _, tc := range sanitizeCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := model.Sanitize(tc.in)
			if got != tc.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			assertSafe(t, got)
		})
	}
}

// assertSafe checks the properties Sanitize promises for its output s: no
// C0 control but newline and tab, no DEL, no C1 control, no bidirectional
// control, valid UTF-8, and that sanitising it again changes nothing.
func assertSafe(t testing.TB, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("output is not valid UTF-8: %q", s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
			t.Errorf("output has control byte %#02x at %d: %q", c, i, s)
			return
		}
	}
	for i, r := range s {
		switch {
		case r >= 0x80 && r <= 0x9f:
			t.Errorf("output has C1 control %U at %d: %q", r, i, s)
			return
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Errorf("output has bidi control %U at %d: %q", r, i, s)
			return
		case r == 0xfeff:
			t.Errorf("output has BOM at %d: %q", i, s)
			return
		case r == 0x200b, r == 0x200e, r == 0x200f, r == 0x061c, r == 0x00ad,
			r >= 0x2060 && r <= 0x2064, r >= 0x206a && r <= 0x206f,
			r == 0x2028, r == 0x2029, r >= 0xfff9 && r <= 0xfffb, r >= 0xe0000 && r <= 0xe007f:
			t.Errorf("output has invisible format character %U at %d: %q", r, i, s)
			return
		case r >= 0x80 && !model.PrintableRune(r) && r != 0x200c && r != 0x200d && r != 0xfe0e && r != 0xfe0f:
			t.Errorf("output has %U, which the invisible-character policy drops, at %d: %q", r, i, s)
			return
		}
	}
	if again := model.Sanitize(s); again != s {
		t.Errorf("Sanitize is not idempotent:\n once:  %q\n twice: %q", s, again)
	}
}

// printableASCII reports whether s holds only printable ASCII, newlines
// and tabs, which Sanitize must leave exactly as they are.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

func FuzzSanitize(f *testing.F) {
	for _, tc := range sanitizeCases {
		f.Add(tc.in)
	}
	for _, tc := range policyCases {
		f.Add(tc.in)
	}
	f.Add(string(seedBytes(f)))
	f.Add(dirtyVariant(string(seedBytes(f))))
	f.Add(strings.Repeat("\x1b]", 100) + "text")
	f.Add("\x1b]" + strings.Repeat("“x”", 20) + "\x9c")
	f.Fuzz(func(t *testing.T, in string) {
		out := model.Sanitize(in)
		assertSafe(t, out)
		if printableASCII(in) && out != in {
			t.Errorf("printable ASCII changed: Sanitize(%q) = %q", in, out)
		}
	})
}

// TestSanitizeManyUnterminatedOSC feeds thousands of OSC introducers with
// no terminator: each may drop only its two-byte introducer, so all the
// text between them must survive.
func TestSanitizeManyUnterminatedOSC(t *testing.T) {
	t.Parallel()
	const n = 20000
	cases := []struct {
		name, in, want string
	}{
		{
			name: "unterminated only",
			in:   strings.Repeat("\x1b]word ", n),
			want: strings.Repeat("word ", n),
		},
		{
			name: "C1 introducers",
			in:   strings.Repeat("\u009dword ", n),
			want: strings.Repeat("word ", n),
		},
		{
			name: "terminated strings then unterminated ones",
			in:   strings.Repeat("\x1b]0;t\x07keep ", n) + strings.Repeat("\x1b]more ", n),
			want: strings.Repeat("keep ", n) + strings.Repeat("more ", n),
		},
		{
			name: "a final terminator swallows what an unterminated string opened",
			in:   "head " + strings.Repeat("\x1b]word ", n) + "\x07tail",
			want: "head tail",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := model.Sanitize(tc.in)
			if got != tc.want {
				t.Errorf("Sanitize: got %d bytes, want %d bytes; got starts %q",
					len(got), len(tc.want), got[:min(len(got), 60)])
			}
		})
	}
}

// dirtyVariant sprinkles escape sequences, C1 controls, bidi characters
// and CRLF line endings through s, every few words.
func dirtyVariant(s string) string {
	junk := []string{
		"\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\u009b2J", "\u202e",
		"\x1b]52;c;Zm9v\x1b\\", "\x07", "\ufeff", "\x1b7",
	}
	var b strings.Builder
	for i, w := range strings.SplitAfter(s, " ") {
		if i%5 == 0 {
			b.WriteString(junk[i/5%len(junk)])
		}
		b.WriteString(w)
	}
	return strings.ReplaceAll(b.String(), "\n", "\r\n")
}

func TestDirtyVariantSanitizesToClean(t *testing.T) {
	t.Parallel()
	clean := model.Sanitize(string(seedBytes(t)))
	dirty := dirtyVariant(string(seedBytes(t)))
	if dirty == clean {
		t.Fatal("dirtyVariant added nothing")
	}
	if got := model.Sanitize(dirty); got != clean {
		t.Errorf("sanitised dirty seed differs from the clean seed:\n got %q\nwant %q", got, clean)
	}
}

func BenchmarkSanitize(b *testing.B) {
	clean := string(seedBytes(b))
	inputs := []struct{ name, in string }{
		{"clean", clean},
		{"dirty", dirtyVariant(clean)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.in)))
			for b.Loop() {
				model.Sanitize(in.in)
			}
		})
	}
}
