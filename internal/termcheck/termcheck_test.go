package termcheck

import "testing"

func TestCheck(t *testing.T) {
	ok := []string{
		"", "plain text\n\twith tab", "\x1b[1;38;5;30mcolour\x1b[m", "\x1b[4:3munder\x1b[0m",
		"\x1b]8;;https://a.example/\x07https://a.example/\x1b]8;;\x07",
		"\x1b]8;id=1;https://a.example/\x1b\\\x1b[4mhttps://a.example/\x1b[m\x1b]8;;\x1b\\",
		"👩\u200d💻 \u2764\ufe0f می\u200cخواهم",
	}
	bad := []string{
		"\x1b[2J", "\x1b]0;title\x07", "\x1bP1$r\x1b\\", "\x1b^pm\x1b\\", "\x1bXsos\x1b\\", "\x1b7",
		"a\x07", "a\bb", "a\rb", "a\x7f", "a\u009db", "a\u202eb", "a\U000E0051b", "a\ufe01", "a\u200db", "a\xffb",
		"\x1b]8;;https://evil.example\x07https://bank.example\x1b]8;;\x07",
		"\x1b]8;;javascript:x\x07javascript:x\x1b]8;;\x07",
		"\x1b]8;;https://a.example\x07https://a.example",
		"\x1b]8;;https://a.example\x07https://a.\nexample\x1b]8;;\x07",
	}
	for _, s := range ok {
		if err := Check(s); err != nil {
			t.Errorf("Check(%q) = %v, want nil", s, err)
		}
	}
	for _, s := range bad {
		if Check(s) == nil {
			t.Errorf("Check(%q) = nil, want an error", s)
		}
	}
}
