package tui

import (
	"regexp"
	"slices"
	"strings"

	"rostrum/model"
)

// Markers tell the painter where quotes, speakers and terms are in
// Glamour's output. They are Unicode tag characters: zero width, so they
// do not move Glamour's word wrapping, and passed through untouched. The
// sanitiser removes tag characters from documents, so any marker in the
// output is ours.
const (
	mkQuoteStart   = "\U000E0051" // a quote begins (the next quote in order)
	mkQuoteResume  = "\U000E0052" // a further piece of the same quote begins
	mkQuoteEnd     = "\U000E0071" // a piece of a quote ends
	mkSpeakerStart = "\U000E0053" // the speaker label after a quote begins
	mkSpeakerEnd   = "\U000E0073"
	mkTermStart    = "\U000E0054" // a term or title begins
	mkTermEnd      = "\U000E0074"
	mkTopicStart   = "\U000E0050" // words that gave the document a topic
	mkTopicEnd     = "\U000E0070"
	mkQuietStart   = "\U000E0055" // a transcript's turn label or stage direction
	mkQuietEnd     = "\U000E0075"
)

var (
	// stageDirection is a transcript's note of what happened: "(Applause.)".
	stageDirection = regexp.MustCompile(`\((?:Applause|Laughter|Laughs|Cheers|Cheering|Booing|Inaudible|Crosstalk|Cross-talk|Pause|Music|Silence|Audience)[^()\n]{0,40}\)`)
	// turnLabel opens a transcript turn: "THE PRESIDENT:", "Q:", "MR. SMITH:".
	turnLabel = regexp.MustCompile(`(?m)^(?:[A-Z][A-Z.'’ -]{1,30}|Q):`)
)

// insertion is a marker to put into the body at a byte offset. At equal
// offsets, lower order goes first, so ends come before starts and a nested
// term closes before its quote.
type insertion struct {
	at    int
	order int
	text  string
}

// readerMarkdown is BodyMarkdown with markers around every quote piece and
// term, and each attributed quote followed by "— Speaker".
func readerMarkdown(d *model.Document) string {
	if d.Format == model.FormatMarkdown {
		return readerMarkup(d) // rendered as the Markdown it is
	}
	return EscapeMarkdown(readerMarkup(d))
}

// readerMarkup is the body with the markers inserted, before escaping.
func readerMarkup(d *model.Document) string {
	var ins []insertion
	for _, q := range d.Quotes {
		pieces := q.Pieces(d.Body)
		for j, p := range pieces {
			start := mkQuoteResume
			if j == 0 {
				start = mkQuoteStart
			}
			ins = append(ins, insertion{p.Start, 3, start}, insertion{p.End, 1, mkQuoteEnd})
		}
		if q.Speaker != "" {
			label := mkSpeakerStart + " — " + q.Speaker + mkSpeakerEnd
			ins = append(ins, insertion{labelAt(d, pieces[len(pieces)-1].End), 2, label})
		}
	}
	var edges []int // where quote pieces and terms begin and end
	for _, q := range d.Quotes {
		for _, p := range q.Pieces(d.Body) {
			edges = append(edges, p.Start, p.End)
		}
	}
	for _, t := range d.Terms {
		ins = append(ins, insertion{t.Outer.Start, 4, mkTermStart}, insertion{t.Outer.End, 0, mkTermEnd})
		edges = append(edges, t.Outer.Start, t.Outer.End)
	}
	for _, re := range []*regexp.Regexp{turnLabel, stageDirection} {
		for _, m := range re.FindAllStringIndex(d.Body, -1) {
			if !crosses(edges, m[0], m[1]) {
				ins = append(ins, insertion{m[0], 5, mkQuietStart}, insertion{m[1], -1, mkQuietEnd})
			}
		}
	}
	for _, m := range d.TopicMatches {
		// Marked words nest inside quotes and terms or stay outside them:
		// a match that crosses an edge is left unmarked.
		if !crosses(edges, m.Start, m.End) {
			ins = append(ins, insertion{m.Start, 5, mkTopicStart}, insertion{m.End, -1, mkTopicEnd})
		}
	}
	keepOutOfLinks(d, ins)
	slices.SortStableFunc(ins, func(a, b insertion) int {
		if a.at != b.at {
			return a.at - b.at
		}
		return a.order - b.order
	})
	var b strings.Builder
	b.Grow(len(d.Body) + len(ins)*8)
	prev := 0
	for _, in := range ins {
		b.WriteString(d.Body[prev:in.at])
		b.WriteString(in.text)
		prev = in.at
	}
	b.WriteString(d.Body[prev:])
	return b.String()
}

var (
	// bareURL is what Glamour turns into a link by itself.
	bareURL = regexp.MustCompile(`(?:https?://|www\.)[^\s<>]+`)
	// linkTarget is Markdown's link destinations and autolinks: "](url)",
	// "](url "title")", "<scheme:…>", and reference definitions "[id]: url".
	linkTarget = regexp.MustCompile(`\]\([^)\n]*\)|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^>\s]*>|(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*\S+`)
)

// keepOutOfLinks moves every marker that would fall inside a link's
// address out of it, a start before the address and anything else after,
// so styles stay balanced: Glamour writes the address into an OSC 8
// sequence, where a marker would break the link and the painter's styles.
func keepOutOfLinks(d *model.Document, ins []insertion) {
	spans := bareURL.FindAllStringIndex(d.Body, -1)
	if d.Format == model.FormatMarkdown {
		spans = mergeSpans(append(spans, linkTarget.FindAllStringIndex(d.Body, -1)...))
	}
	for i := range ins {
		// Spans are sorted and apart: the last one starting before the
		// marker is the only one that can hold it.
		k, _ := slices.BinarySearchFunc(spans, ins[i].at, func(sp []int, at int) int { return sp[0] - at })
		if k == 0 {
			continue
		}
		if sp := spans[k-1]; ins[i].at > sp[0] && ins[i].at < sp[1] {
			ins[i].at = sp[1]
			if ins[i].order >= 3 { // a quote, term, topic or quiet start
				ins[i].at = sp[0]
			}
		}
	}
}

// mergeSpans sorts byte ranges and joins those that overlap (a bare URL
// inside a Markdown link's "(…)").
func mergeSpans(spans [][]int) [][]int {
	slices.SortFunc(spans, func(a, b []int) int { return a[0] - b[0] })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] < out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

// labelAt is where the speaker label of a quote ending at end goes: after
// the sentence that holds the quote's end ("…,” said Tokayev.), unless the
// quote ends its sentence itself, another quotation starts first or the
// paragraph ends.
func labelAt(d *model.Document, end int) int {
	// A quote whose words end its sentence ("…going.”) takes the label at
	// once.
	inner := strings.TrimRight(d.Body[:end], "”’\"'»›」』")
	if strings.HasSuffix(inner, ".") || strings.HasSuffix(inner, "!") || strings.HasSuffix(inner, "?") {
		return end
	}
	limit := len(d.Body)
	if i := strings.Index(d.Body[end:], "\n\n"); i >= 0 {
		limit = end + i
	}
	for i := end; i < limit; i++ {
		switch d.Body[i] {
		case '.', '!', '?':
			if (i+1 == limit || d.Body[i+1] == ' ' || d.Body[i+1] == '\n') && !shortAbbreviation(d.Body[end:i]) {
				return i + 1
			}
		case '"':
			return end
		case 0xe2: // “ ‘ « and friends start with this byte in UTF-8
			if strings.HasPrefix(d.Body[i:], "“") || strings.HasPrefix(d.Body[i:], "‘") {
				return end
			}
		}
	}
	return end
}

// shortAbbreviation reports whether the text before a full stop ends in a
// title or initial ("Mr", "Dr", "St", "J", "U.S"), whose stop does not
// end the sentence.
func shortAbbreviation(before string) bool {
	w := before[strings.LastIndexAny(before, " \n")+1:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Prof", "Rev", "No", "Jr", "Sr":
		return true
	}
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || strings.Count(w, ".") > 0 && len(w) <= 5
}

// crosses reports whether an edge lies strictly inside [start, end).
func crosses(edges []int, start, end int) bool {
	for _, e := range edges {
		if e > start && e < end {
			return true
		}
	}
	return false
}
