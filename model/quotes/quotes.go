// Package quotes finds quotations in a text, tells quotes from scare-quoted
// terms and titles, and attributes each quote to its speaker by ordered,
// precision-first rules (see shared/design/QUOTES.md). It works on plain
// text and byte offsets only and imports nothing of the rest of Rostrum.
package quotes

import "strings"

// Kind says what a quoted span is.
type Kind int

// The kinds of quoted span. Only Quote spans are listed and copied as
// quotations; Term and Title spans may be styled quietly.
const (
	Quote Kind = iota // something someone said or wrote
	Term              // a scare-quoted or so-called word or phrase
	Title             // the title of a work, report or operation
)

// String names the kind in lower case.
func (k Kind) String() string {
	switch k {
	case Term:
		return "term"
	case Title:
		return "title"
	}
	return "quote"
}

// Range is a half-open byte range [Start, End) of the text.
type Range struct{ Start, End int }

// Len is the range's length in bytes.
func (r Range) Len() int { return r.End - r.Start }

// Segment is one stretch of a quote's content, without its marks.
// NewParagraph is set on the first segment of each further paragraph of a
// quote that runs over several paragraphs.
type Segment struct {
	Range
	NewParagraph bool
}

// Attribution names who said a quote and why Rostrum thinks so.
type Attribution struct {
	Speaker    string  // canonical name of the person, "" when unresolved
	Mention    string  // the words naming the speaker: "Tokayev", "he", "a spokesman"
	MentionAt  Range   // where Mention is; zero when there is none
	Cue        string  // the cue words: "said", "according to"
	CueAt      Range   // where Cue is; zero when there is none
	Rule       Rule    // the rule that fired
	Confidence float64 // 0–1
}

// Rule names the attribution rule that fired, in the order they are tried.
type Rule string

// The attribution rules (QUOTES.md §3), tried in this order.
const (
	RuleNone         Rule = ""
	RuleAdjacent     Rule = "adjacent"     // cue and speaker in the quote's own sentence
	RuleColon        Rule = "colon"        // "X said:" ends the sentence before the quote
	RuleContinuation Rule = "continuation" // follows an attributed quote with nobody else named
	RuleSingle       Rule = "single"       // the only person named around the quote
	RuleTurn         Rule = "turn"         // a transcript turn label such as "THE PRESIDENT:"
)

// Span is one quotation found in the text: its marks, its content in one
// or more segments, what kind it is and, for quotes, its attribution.
//
// Invariants: Outer covers every segment; segments are in order, do not
// overlap and lie inside Outer; Paragraph <= LastParagraph.
type Span struct {
	Kind          Kind
	Outer         Range     // from the first opening mark to the last closing mark
	Segments      []Segment // the content, without marks
	Paragraph     int       // index of the paragraph where the span starts
	LastParagraph int       // index of the paragraph where it ends
	Depth         int       // 0 for a top-level span, 1 inside another, …
	Unclosed      bool      // no closing mark: closed at the paragraph end
	Attribution
	// QuotedBy is who cites the quote: the speaker of the speech, or of
	// the transcript turn, it is in, when that is someone else than its
	// speaker; "" otherwise. The caller sets it (Extract does not know
	// the document's speaker's sources).
	QuotedBy string
}

// Text is the span's content without marks: segments of one paragraph are
// joined with a space, paragraphs with a blank line.
func (s *Span) Text(text string) string {
	var b strings.Builder
	for i, seg := range s.Segments {
		if i > 0 {
			if seg.NewParagraph {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(strings.TrimSpace(text[seg.Start:seg.End]))
	}
	return b.String()
}

// Pieces are the stretches of text to highlight for the span: each
// segment with the quotation marks around it, so the words that interrupt
// a quote (`“A,” Tokayev said, “B.”`) are not highlighted.
func (s *Span) Pieces(text string) []Range {
	out := make([]Range, 0, len(s.Segments))
	for k, sg := range s.Segments {
		r := sg.Range
		if k == 0 {
			r.Start = s.Outer.Start
		} else if m, size := lastMark(text, r.Start); m != 0 {
			r.Start -= size
		}
		if k == len(s.Segments)-1 {
			r.End = s.Outer.End
		} else if _, size := readMark(text, r.End); size > 0 {
			r.End += size
		}
		out = append(out, r)
	}
	return out
}

// Result is everything Extract finds in one text.
type Result struct {
	Spans  []Span   // all quoted spans, quotes, terms and titles, in text order
	Stray  []int    // byte offsets of quotation marks that pair with nothing
	People []Person // the people named in the text, in order of first mention
	// Turns give each paragraph the speaker of the transcript turn it is
	// in ("" for none or an unnamed speaker); nil when the text has no
	// turn labels.
	Turns []string
}

// Quotes returns only the spans of kind Quote, in text order.
func (r *Result) Quotes() []Span {
	var out []Span
	for _, s := range r.Spans {
		if s.Kind == Quote {
			out = append(out, s)
		}
	}
	return out
}

// Options tell Extract what is known about the text as a whole.
type Options struct {
	// Speaker is the document's speaker, when its metadata names one. In
	// a transcript, the "THE PRESIDENT:" turns are this person's, so a
	// quote the president introduces with "I said" is theirs.
	Speaker string
}

// Extract finds the quoted spans of text, classifies them and attributes
// the quotes. paras are the paragraphs' byte ranges in order; quotes never
// run across more than a few paragraphs, and attribution looks no further
// than the paragraph before. Credits and datelines are the caller's to
// leave out of the paragraphs or to ignore.
func Extract(text string, paras []Range) Result {
	return ExtractWith(text, paras, Options{})
}

// ExtractWith is Extract with what is known of the document.
func ExtractWith(text string, paras []Range, opts Options) Result {
	sc := scan(text, paras)
	res := Result{Stray: sc.stray}
	ents := findPeople(text, paras, sc.spans)
	res.People = ents.people
	turns := findTurns(text, paras, opts.Speaker)
	res.Spans = attribute(text, paras, sc.spans, ents, turns)
	if hasTurns(text, paras) {
		res.Turns = turns
	}
	return res
}
