package model

import (
	"regexp"
	"strings"

	"rostrum/model/quotes"
)

// QuoteText is a quote's words without its marks, as one line per
// paragraph of the quote.
func (d *Document) QuoteText(q *quotes.Span) string {
	return q.Text(d.Body)
}

// Citation formats a quote for pasting elsewhere:
//
//	“…” — Speaker, Place, Date (Source)
//
// Parts that are not known are left out; an unattributed quote is cited to
// the document instead of a speaker: “…” — in “Title”, Place, Date.
func (d *Document) Citation(q *quotes.Span) string {
	var b strings.Builder
	b.WriteString("“")
	// A comma or colon that led into "said X" does not belong in a citation.
	b.WriteString(strings.TrimRight(d.QuoteText(q), ",;: "))
	b.WriteString("”")
	var parts []string
	who := q.Speaker
	if who == "" && d.Title != "" {
		who = "in “" + d.Title + "”"
	}
	for _, s := range []string{who, d.Place, d.DateString()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		b.WriteString(" — ")
		b.WriteString(strings.Join(parts, ", "))
	}
	if d.Source != "" {
		b.WriteString(" (" + d.Source + ")")
	}
	return b.String()
}

// CitationMarkdown is a citation as a Markdown block quote, one "> " line
// per line, ready to paste into notes. The citation is sanitised and
// escaped (MarkdownText), so a renderer shows it as it is.
func CitationMarkdown(citation string) string {
	return "> " + strings.ReplaceAll(MarkdownText(Sanitize(citation)), "\n", "\n> ")
}

// markdownActive matches what a Markdown renderer would turn into
// something else than the characters written: a character reference
// (&#x1b; would come back as ESC, &#x202e; as a bidi override) and the
// start of raw HTML or of an autolink.
var markdownActive = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|<[A-Za-z/!?]`)

// MarkdownText writes the & of a character reference as &amp; and the <
// that would open HTML as &lt;, which a renderer shows as the characters
// they stand for (a backslash escape is not enough: Glamour decodes the
// reference after it); an & or a < elsewhere (AT&T, 3 < 4) is left as it
// is, for whoever reads the Markdown as text.
func MarkdownText(s string) string {
	return markdownActive.ReplaceAllStringFunc(s, func(m string) string {
		if m[0] == '&' {
			return "&amp;" + m[1:]
		}
		return "&lt;" + m[1:]
	})
}
