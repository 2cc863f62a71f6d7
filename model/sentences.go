package model

import (
	"strings"

	"github.com/clipperhouse/uax29/v2/sentences"

	"rostrum/model/quotes"
)

// Sentences are the byte ranges of the sentences of Body, in order, each
// without its trailing space. A sentence never runs across a paragraph,
// and a transcript's turn label ("THE PRESIDENT:") is not part of the
// sentence after it. Boundaries are Unicode's (UAX #29), which keeps
// decimals whole, with the usual exceptions: no break after an
// abbreviation such as Mr., Dr. or U.S., or after an initial (John F.
// Kennedy).
func (d *Document) Sentences() []quotes.Range {
	var out []quotes.Range
	for _, p := range d.ParagraphRanges() {
		out = appendSentences(out, d.Body, p)
	}
	return out
}

// appendSentences appends the sentences of the paragraph p of text.
func appendSentences(out []quotes.Range, text string, p quotes.Range) []quotes.Range {
	start := p.Start + quotes.TurnLabelLen(text[p.Start:p.End])
	para := text[start:p.End]
	first := len(out)
	it := sentences.FromString(para)
	for it.Next() {
		r := trimRange(text, quotes.Range{Start: start + it.Start(), End: start + it.End()})
		if r.Len() == 0 {
			continue
		}
		if len(out) > first && joinsPrevious(text, out[len(out)-1]) {
			out[len(out)-1].End = r.End
			continue
		}
		out = append(out, r)
	}
	return out
}

// trimRange narrows r to leave out the spaces at either end.
func trimRange(text string, r quotes.Range) quotes.Range {
	s := text[r.Start:r.End]
	r.Start += len(s) - len(strings.TrimLeft(s, " \t\n\u00a0\u2003"))
	r.End -= len(s) - len(strings.TrimRight(s, " \t\n\u00a0\u2003"))
	if r.End < r.Start {
		r.End = r.Start
	}
	return r
}

// joinsPrevious reports whether the sentence r ends on an abbreviation or
// an initial rather than a full stop, so the next one continues it.
func joinsPrevious(text string, r quotes.Range) bool {
	s := strings.TrimRight(text[r.Start:r.End], `"'”’»)`)
	if !strings.HasSuffix(s, ".") {
		return false
	}
	return isAbbreviation(s[:len(s)-1])
}

// SentenceAt is the index in ss of the sentence holding the byte offset
// off, or of the first sentence after it; len(ss) when there is none.
func SentenceAt(ss []quotes.Range, off int) int {
	for i, s := range ss {
		if off < s.End {
			return i
		}
	}
	return len(ss)
}
