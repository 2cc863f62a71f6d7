// Package model is Rostrum's domain: documents, their parsing and
// sanitising, and loading a corpus from files or embedded seeds. It imports
// no UI package and knows nothing of terminals, widths or keys.
package model

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"

	"rostrum/model/quotes"
	"rostrum/model/topics"
)

// Format names the input format a document was parsed from.
type Format string

// The formats the parser recognises.
const (
	FormatWire Format = "wire" // agency wire: "date YYYY-MM-DD", dateline, credit
	FormatText Format = "text" // plain text, with or without a headline line
)

// Document is one speech or news item, parsed and sanitised.
//
// Invariants: Body is the sanitised, normalised text (NFC, LF line
// endings, no control characters but '\n' and '\t'); Paragraphs are the
// non-empty paragraphs of Body in order, each a substring of Body, and
// Body is exactly their join with "\n\n". Offsets into a document always
// refer to Body. ID depends only on the file's content, so it is stable
// across runs and renames.
type Document struct {
	ID         string
	Path       string // where it came from, made safe to print: a file path, "-" for standard input, or "seeds/NAME"
	File       string // the exact path on disk, "" for standard input and embedded seeds
	Format     Format
	Title      string
	Date       time.Time // zero when unknown
	YearOnly   bool      // only the year of Date is known
	Place      string    // from the dateline, e.g. "Tianjin, China"
	Source     string    // agency credit, e.g. "Trend" or "TASS"
	Speaker    string    // main speaker, when known
	URL        string    // where the document was published, when known
	Keywords   []string  // tags given in its metadata (front matter, JSON Lines)
	Body       string
	Paragraphs []string
	Words      int
	Problems   []string // non-fatal issues met while reading the file

	// Quotes are the quotations in Body, in text order; Terms are the
	// scare-quoted terms and titles, styled quietly but never listed.
	Quotes []quotes.Span
	Terms  []quotes.Span
	// People are the people named in Body, in order of first mention.
	People []quotes.Person
	// Turns are, for a transcript, the speaker of each paragraph's turn
	// ("" where the speaker is not named, as for "Q:"); nil for other
	// documents.
	Turns []string
	// StrayMarks counts quotation marks that pair with nothing.
	StrayMarks int

	// Topics are the topic tags, highest score first; TopicMatches are
	// where their terms are in Body. Facets are the people,
	// organisations, places and source the document is about.
	Topics       []topics.Tag
	TopicMatches []topics.Match
	Facets       Facets

	// indexed are the document's distinct lower-case words, made while it
	// is analysed (in parallel) and handed to the corpus's text index,
	// which clears them.
	indexed []string
}

// HasDate reports whether the document's date is known.
func (d *Document) HasDate() bool { return !d.Date.IsZero() }

// DateString is the date as YYYY-MM-DD (YYYY when only the year is
// known), or "" when unknown.
func (d *Document) DateString() string {
	switch {
	case d.Date.IsZero():
		return ""
	case d.YearOnly:
		return d.Date.Format("2006")
	}
	return d.Date.Format(time.DateOnly)
}

// ReadingMinutes estimates reading time at 230 words a minute, at least 1.
func (d *Document) ReadingMinutes() int {
	return max(1, (d.Words+115)/230)
}

// contentID derives a document ID from its sanitised text: the first 12
// hex digits of its SHA-256, so the same text has the same ID everywhere.
func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:6])
}

// setBody stores paragraphs, joins them into Body and counts words, keeping
// the invariant that each paragraph is a substring of Body.
func (d *Document) setBody(paras []string) {
	d.Body = strings.Join(paras, "\n\n")
	d.Paragraphs = make([]string, len(paras))
	off := 0
	for i, p := range paras {
		d.Paragraphs[i] = d.Body[off : off+len(p)]
		off += len(p) + 2
	}
	d.Words = countWords(d.Body)
}

// countWords counts the runs of non-space characters, as
// len(strings.Fields(s)) would, without building the slice.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// ParagraphRanges are the byte ranges of the paragraphs in Body.
func (d *Document) ParagraphRanges() []quotes.Range {
	out := make([]quotes.Range, len(d.Paragraphs))
	off := 0
	for i, p := range d.Paragraphs {
		out[i] = quotes.Range{Start: off, End: off + len(p)}
		off += len(p) + 2
	}
	return out
}

// findQuotes extracts the quotations and people of the body and, when no
// speaker came with the document, makes the most-quoted person its main
// speaker.
func (d *Document) findQuotes() {
	res := quotes.ExtractWith(d.Body, d.ParagraphRanges(), quotes.Options{Speaker: d.Speaker})
	d.Quotes, d.Terms = d.Quotes[:0], d.Terms[:0]
	for _, s := range res.Spans {
		if s.Kind == quotes.Quote {
			d.Quotes = append(d.Quotes, s)
		} else {
			d.Terms = append(d.Terms, s)
		}
	}
	d.People = res.People
	d.StrayMarks = len(res.Stray)
	d.Turns = res.Turns
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if by := d.SpeakerAt(q.Outer.Start); by != q.Speaker {
			q.QuotedBy = by
		}
	}
	if d.Speaker == "" {
		d.Speaker = mostQuoted(d.Quotes)
	}
}

// SpeakerAt is who speaks at the byte offset off of Body: in a
// transcript, the speaker of the turn (none for an unnamed one); else the
// document's speaker, "" when not known.
func (d *Document) SpeakerAt(off int) string {
	if d.Turns == nil {
		return d.Speaker
	}
	for i, p := range d.ParagraphRanges() {
		if off < p.End+2 {
			return d.Turns[i]
		}
	}
	return ""
}

// mostQuoted is the speaker with the most quotes, or "" when nobody is
// quoted or two people share the lead.
func mostQuoted(qs []quotes.Span) string {
	count := map[string]int{}
	for _, q := range qs {
		if q.Speaker != "" {
			count[q.Speaker]++
		}
	}
	best, n, tie := "", 0, false
	for name, c := range count {
		switch cmp.Compare(c, n) {
		case 1:
			best, n, tie = name, c, false
		case 0:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// Tag scores the document against a topic lexicon, replacing its topics.
// The title, the lead (first paragraph) and the rest of the body weigh
// differently.
func (d *Document) Tag(lx *topics.Lexicon) { d.tagTokens(lx, nil) }

// tagTokens is Tag with the body's tokens when the caller has them.
func (d *Document) tagTokens(lx *topics.Lexicon, toks []topics.Token) {
	leadEnd := 0
	if len(d.Paragraphs) > 0 {
		leadEnd = len(d.Paragraphs[0])
	}
	d.Topics, d.TopicMatches = lx.Score(topics.Input{Title: d.Title, Body: d.Body, LeadEnd: leadEnd, BodyTokens: toks})
}

// HasTopic reports whether the document carries the topic with that ID.
func (d *Document) HasTopic(id string) bool {
	for _, t := range d.Topics {
		if t.ID == id {
			return true
		}
	}
	return false
}
