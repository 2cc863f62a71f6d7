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
//	“…” — Speaker, quoted by Who, Title, Place, Date (Source)
//
// Parts that are not known are left out, and so is a part that an earlier
// one already says (a UN title that names the country and the year).
// "quoted by" names the speech's or turn's speaker who cited the quote.
func (d *Document) Citation(q *quotes.Span) string {
	who := q.Speaker
	if q.QuotedBy != "" {
		who = strings.TrimPrefix(who+", quoted by "+q.QuotedBy, ", ")
	}
	return d.cite(d.QuoteText(q), who)
}

// PassageText is the text of the passage r of Body: its sentences as
// written, paragraphs joined by a blank line, without a transcript's
// turn labels.
func (d *Document) PassageText(r quotes.Range) string {
	var parts []string
	for _, p := range d.ParagraphRanges() {
		lo, hi := max(r.Start, p.Start), min(r.End, p.End)
		if lo >= hi {
			continue
		}
		if lo == p.Start {
			lo += quotes.TurnLabelLen(d.Body[p.Start:p.End])
		}
		if t := strings.TrimSpace(d.Body[lo:hi]); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

// PassageCitation formats the passage r of Body (a run of sentences) for
// pasting elsewhere, as Citation does a quote; the speaker is whoever
// speaks there (SpeakerAt).
func (d *Document) PassageCitation(r quotes.Range) string {
	return d.cite(d.PassageText(r), d.SpeakerAt(r.Start))
}

// cite writes “text” — who, Title, Place, Date (Source), leaving out
// the parts not known or already said.
func (d *Document) cite(text, who string) string {
	var b strings.Builder
	b.WriteString("“")
	// A comma or colon that led into "said X" does not belong in a citation.
	b.WriteString(strings.TrimRight(text, ",;: "))
	b.WriteString("”")
	var parts []string
	for _, s := range []string{who, d.citeTitle(), d.Place, d.DateString()} {
		if s != "" && !saidIn(parts, s) {
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

// citeTitle is the title as a citation gives it: none when the title is
// only a label made of the speaker's name (a UN list title).
func (d *Document) citeTitle() string {
	if d.Speaker != "" && strings.Contains(d.Title, d.Speaker) {
		return ""
	}
	return d.Title
}

// saidIn reports whether one of parts already holds s.
func saidIn(parts []string, s string) bool {
	for _, p := range parts {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
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
