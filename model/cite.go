package model

import (
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
// per line, ready to paste into notes.
func CitationMarkdown(citation string) string {
	return "> " + strings.ReplaceAll(citation, "\n", "\n> ")
}
