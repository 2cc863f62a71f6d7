package tui

import (
	"strings"
	"testing"

	"rostrum/internal/termcheck"
)

// terminalSafeCases are what TerminalSafe must make of text bound for the
// terminal. They double as seeds of FuzzTerminalSafe.
var terminalSafeCases = []struct{ name, in, want string }{
	{"plain", "Hello, world.\n\tindented", "Hello, world.\n\tindented"},
	{"SGR kept", "\x1b[38;5;252mtext\x1b[m \x1b[4:3mcurly\x1b[0m", "\x1b[38;5;252mtext\x1b[m \x1b[4:3mcurly\x1b[0m"},
	{"CSI other than SGR dropped", "a\x1b[2Jb\x1b[6nc\x1b[?25ld\x1b[1 qe", "abcde"},
	{"CSI with intermediate ending m dropped", "a\x1b[1 mb", "ab"},
	{"OSC 0 title dropped", "a\x1b]0;TITLE\x07b", "ab"},
	{"OSC 52 clipboard dropped", "a\x1b]52;c;UFdORUQ=\x1b\\b", "ab"},
	{"DCS dropped", "a\x1bP1$r\x1b\\b", "ab"},
	{"PM SOS APC dropped", "a\x1b^pm\x1b\\b\x1bXsos\x1b\\c\x1b_apc\x1b\\d", "abcd"},
	{"unterminated OSC keeps its text", "a\x1b]0;title", "a0;title"},
	{"two-byte escapes dropped", "a\x1b7b\x1b8c\x1bcd\x1b(Be", "abcde"},
	{"lone ESC at the end", "a\x1b", "a"},
	{"C0 controls dropped", "bel\x07 bs\b cr\r del\x7f nul\x00 ff\x0c", "bel bs cr del nul ff"},
	{"C1 controls dropped with their strings", "a\u009d0;T\u009cb\u009b2Jc\u0090q\x1b\\d\u0085e", "abcde"},
	{"C1 ST ends an OSC", "a\x1b]0;T\u009cb", "ab"},
	{"unterminated C1 OSC keeps its text", "a\u009d0;T", "a0;T"},
	{"raw C1 bytes become U+FFFD", "a\x9db", "a\ufffdb"},
	{"bidi override dropped", "user\u202eevil\u202c", "userevil"},
	{"tag characters dropped", "a\U000E0051b\U000E0071c\U000E0041", "abc"},
	{"variation selectors dropped", "a\ufe01\U000E0100b", "ab"},
	{"emoji selector after emoji kept", "\u2764\ufe0f", "\u2764\ufe0f"},
	{"joiners kept where scripts need them", "👩\u200d💻 می\u200cخواهم a\u200db", "👩\u200d💻 می\u200cخواهم ab"},
	{"line separator becomes newline", "a\u2028b", "a\nb"},
	{"link whose text is its address kept",
		"\x1b]8;id=1;https://ok.example/\x07\x1b[4mhttps://ok.example/\x1b[m\x1b]8;;\x07",
		"\x1b]8;;https://ok.example/\x07\x1b[4mhttps://ok.example/\x1b[m\x1b]8;;\x07"},
	{"spoofed link loses its link",
		"see \x1b]8;id=1;https://evil.example\x07\x1b[1mhttps://bank.example/login\x1b[m\x1b]8;;\x07 now",
		"see \x1b[1mhttps://bank.example/login\x1b[m now"},
	{"link cut by a newline loses its link",
		"\x1b]8;;https://a.example/long\x07https://a.example/\n  long\x1b]8;;\x07",
		"https://a.example/\n  long"},
	{"link never closed loses its link", "\x1b]8;;https://a.example\x07https://a.example", "https://a.example"},
	{"javascript link loses its link", "\x1b]8;;javascript:alert(1)\x07javascript:alert(1)\x1b]8;;\x07", "javascript:alert(1)"},
	{"file link loses its link", "\x1b]8;;file:///etc/passwd\x07file:///etc/passwd\x1b]8;;\x07", "file:///etc/passwd"},
	{"link with a control in its address dropped", "\x1b]8;;https://a.example/\x1b[2J\x07x\x1b]8;;\x07", "x"},
	{"close without open ignored", "a\x1b]8;;\x07b", "ab"},
}

func TestTerminalSafe(t *testing.T) {
	for _, tc := range terminalSafeCases {
		t.Run(tc.name, func(t *testing.T) {
			got := TerminalSafe(tc.in)
			if got != tc.want {
				t.Errorf("TerminalSafe(%q)\n = %q\nwant %q", tc.in, got, tc.want)
			}
			if err := termcheck.Check(got); err != nil {
				t.Error(err)
			}
			if again := TerminalSafe(got); again != got {
				t.Errorf("not idempotent: %q then %q", got, again)
			}
		})
	}
}

// TestSafeRenderKeepsOnlyTheReadersMarkers: the filter for renderings
// keeps the eleven marker characters for the painter, and no other tag
// character.
func TestSafeRenderKeepsOnlyTheReadersMarkers(t *testing.T) {
	in := mkQuoteStart + "q" + mkQuoteEnd + mkTermStart + "t" + mkTermEnd + "\U000E0041\U000E0069\U000E007F"
	want := mkQuoteStart + "q" + mkQuoteEnd + mkTermStart + "t" + mkTermEnd
	if got := safeRender(in); got != want {
		t.Errorf("safeRender = %+q, want %+q", got, want)
	}
	if got := TerminalSafe(in); got != "qt" {
		t.Errorf("TerminalSafe = %+q, want %q", got, "qt")
	}
	// A marker inside a link's text is not part of what it shows.
	link := "\x1b]8;;https://a.example\x07" + mkTopicStart + "https://a.example" + mkTopicEnd + "\x1b]8;;\x07"
	if got := safeRender(link); got != link {
		t.Errorf("safeRender(%+q) = %+q", link, got)
	}
}

func FuzzTerminalSafe(f *testing.F) {
	for _, tc := range terminalSafeCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := TerminalSafe(in)
		if err := termcheck.Check(out); err != nil {
			t.Fatalf("TerminalSafe(%q) = %q: %v", in, out, err)
		}
		if TerminalSafe(out) != out {
			t.Fatalf("not idempotent on %q", in)
		}
	})
}

// TestTerminalSafeIsLinear: time at 4x the size stays under 6x, for the
// inputs that could make a filter quadratic: many unterminated strings,
// many links that never close, and long links.
func TestTerminalSafeIsLinear(t *testing.T) {
	inputs := map[string]func(n int) string{
		"unterminated OSC": func(n int) string { return strings.Repeat("\x1b]0;word ", n) },
		"unclosed links":   func(n int) string { return strings.Repeat("\x1b]8;;https://a.example\x07text ", n) },
		"long link": func(n int) string {
			u := "https://a.example/" + strings.Repeat("x", n*8)
			return "\x1b]8;;" + u + "\x07" + u + "\x1b]8;;\x07"
		},
		"strings then one terminator": func(n int) string { return strings.Repeat("\x1bPword ", n) + "\x1b\\" },
	}
	for name, gen := range inputs {
		t.Run(name, func(t *testing.T) {
			assertLinear(t, 10000, func(n int) func() {
				s := gen(n)
				return func() { TerminalSafe(s) }
			})
		})
	}
}
