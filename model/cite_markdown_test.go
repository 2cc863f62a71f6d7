package model

import "testing"

func TestCitationMarkdownShowsWhatIsWritten(t *testing.T) {
	for in, want := range map[string]string{
		"“a” — B":                                   "> “a” — B",
		"two\nlines":                                "> two\n> lines",
		"AT&T, 3 < 4, Q & A, a&b":                   "> AT&T, 3 < 4, Q & A, a&b",
		"&#x1b;]0;x&#x7; &#27; &amp; &lt;":          "> &amp;#x1b;]0;x&amp;#x7; &amp;#27; &amp;amp; &amp;lt;",
		"<script>x</script> <!-- c --> <https://x>": "> &lt;script>x&lt;/script> &lt;!-- c --> &lt;https://x>",
		"\x1b]0;title\x07ok\u202e":                  "> ok",
	} {
		if got := CitationMarkdown(in); got != want {
			t.Errorf("CitationMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}
