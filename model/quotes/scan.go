package quotes

import (
	"slices"
	"strings"
	"unicode"
)

// maxParagraphs is the most paragraphs one quotation may run over.
const maxParagraphs = 5

// maxDepth is the most quotations open at once. Real text nests three
// deep at most; a paragraph of thousands of opening marks would otherwise
// make every later mark walk the whole stack, and every nested span re-read
// the text of the ones around it. A mark beyond it opens nothing.
const maxDepth = 8

// open is a quotation mark waiting for its closer.
type open struct {
	mark     rune
	at, size int // the opening mark
	para     int
	segs     []Segment
	segStart int  // where the current segment's content starts
	newPara  bool // the current segment starts a further paragraph
	cont     bool // continues into the next paragraph
}

// scanner pairs quotation marks in one pass over the paragraphs.
type scanner struct {
	text  string
	paras []Range
	stack []open
	spans []Span
	stray []int
}

// scanResult is what the scanner finds before classification.
type scanResult struct {
	spans []Span // in order of their opening marks
	stray []int
}

// scan finds every paired quotation in the paragraphs.
func scan(text string, paras []Range) scanResult {
	s := &scanner{text: text, paras: paras}
	for pi, p := range paras {
		s.paragraph(pi, p)
	}
	slices.SortFunc(s.spans, func(a, b Span) int { return a.Outer.Start - b.Outer.Start })
	slices.Sort(s.stray)
	return scanResult{spans: s.spans, stray: s.stray}
}

// paragraph scans one paragraph and settles what is still open at its end.
func (s *scanner) paragraph(pi int, p Range) {
	i := p.Start
	if len(s.stack) > 0 && s.stack[0].cont {
		i = s.continueQuote(pi, p)
	}
	for i < p.End {
		if !markLead[s.text[i]] {
			i++
			continue
		}
		r, size := readMark(s.text, i)
		if size == 0 {
			i++
			continue
		}
		s.mark(r, i, size, pi, contextAt(s.text, p.Start, p.End, i, size))
		i += size
	}
	s.endParagraph(pi, p)
}

// continueQuote consumes the opening mark that repeats a quotation carried
// over from the previous paragraph, and returns where scanning resumes.
// endParagraph only carries a quotation over when the next paragraph opens
// with its mark.
func (s *scanner) continueQuote(pi int, p Range) int {
	o := &s.stack[0]
	_, size := readMark(s.text, p.Start)
	o.cont, o.newPara = false, true
	o.segStart = p.Start + size
	return o.segStart
}

// mark handles one quotation mark.
func (s *scanner) mark(r rune, at, size, pi int, c context) {
	if c.isApostrophe(r) {
		return
	}
	if s.tryClose(r, at, size, c) {
		return
	}
	if _, opens := closersOf[r]; opens && c.canOpen(r) && !s.selfNested(r) && len(s.stack) < maxDepth {
		s.stack = append(s.stack, open{mark: r, at: at, size: size, para: pi, segStart: at + size})
		return
	}
	if isDouble(r) || r == '”' {
		s.stray = append(s.stray, at)
	}
}

// selfNested reports whether an undirected mark of the same kind is already
// open: such a mark never nests inside itself.
func (s *scanner) selfNested(r rune) bool {
	if !undirected(r) {
		return false
	}
	for _, o := range s.stack {
		if o.mark == r {
			return true
		}
	}
	return false
}

// tryClose closes the innermost open quotation that r can close. Openers
// above it on the stack were not quotations after all (a stray mark or an
// apostrophe taken for an opener) and are dropped.
func (s *scanner) tryClose(r rune, at, size int, c context) bool {
	if !c.canClose(r) {
		return false
	}
	for k := len(s.stack) - 1; k >= 0; k-- {
		o := s.stack[k]
		if !strings.ContainsRune(closersOf[o.mark], r) {
			continue
		}
		if r == '’' && s.pluralPossessive(o, at, c) {
			return true
		}
		for _, dropped := range s.stack[k+1:] {
			if isDouble(dropped.mark) {
				s.stray = append(s.stray, dropped.at)
			}
		}
		s.stack = s.stack[:k]
		s.emit(o, at, at+size, k, false)
		return true
	}
	return false
}

// pluralPossessive reports whether a ’ after an "s" is the apostrophe of a
// plural possessive (states’ rights): it is when a ‘ is open and another
// closing ’ follows later in the paragraph.
func (s *scanner) pluralPossessive(o open, at int, c context) bool {
	if o.mark != '‘' || (c.prev != 's' && c.prev != 'S') {
		return false
	}
	end := s.paras[len(s.paras)-1].End
	for _, p := range s.paras {
		if at >= p.Start && at < p.End {
			end = p.End
		}
	}
	rest := s.text[at+len("’") : end]
	for j := strings.Index(rest, "’"); j >= 0; {
		pos := at + len("’") + j
		if ctx := contextAt(s.text, at, end, pos, len("’")); ctx.canClose('’') && !ctx.isApostrophe('’') {
			return true
		}
		next := strings.Index(rest[j+len("’"):], "’")
		if next < 0 {
			break
		}
		j += len("’") + next
	}
	return false
}

// emit records a finished quotation from o to the closing mark [closeAt,
// closeEnd). Spans with no words in them are dropped.
func (s *scanner) emit(o open, closeAt, closeEnd, depth int, unclosed bool) {
	segs := append(o.segs, Segment{Range: Range{o.segStart, closeAt}, NewParagraph: o.newPara})
	if !hasWord(s.text, segs) {
		return
	}
	s.spans = append(s.spans, Span{
		Outer:         Range{o.at, closeEnd},
		Segments:      segs,
		Paragraph:     o.para,
		LastParagraph: s.paraOf(closeAt, o.para),
		Depth:         depth,
		Unclosed:      unclosed,
	})
}

// paraOf finds the paragraph holding byte i, searching from paragraph from.
func (s *scanner) paraOf(i, from int) int {
	for k := from; k < len(s.paras); k++ {
		if i <= s.paras[k].End {
			return k
		}
	}
	return len(s.paras) - 1
}

// endParagraph settles what is open at the end of paragraph pi: the
// outermost quotation runs on when the next paragraph opens with the same
// mark (news style) and it is not too long already; otherwise it is closed
// here and flagged. Anything open inside it is dropped as stray.
func (s *scanner) endParagraph(pi int, p Range) {
	if len(s.stack) == 0 {
		return
	}
	for _, o := range s.stack[1:] {
		if isDouble(o.mark) {
			s.stray = append(s.stray, o.at)
		}
	}
	o := s.stack[0]
	s.stack = s.stack[:0]
	end := len(strings.TrimRightFunc(s.text[:p.End], unicode.IsSpace))
	if pi+1 < len(s.paras) && pi-o.para+1 < maxParagraphs {
		if r, _ := readMark(s.text, s.paras[pi+1].Start); r == o.mark {
			o.segs = append(o.segs, Segment{Range: Range{o.segStart, end}, NewParagraph: o.newPara})
			o.cont = true
			s.stack = append(s.stack, o)
			return
		}
	}
	s.emit(o, end, end, 0, true)
}

// hasWord reports whether any segment holds a letter or digit.
func hasWord(text string, segs []Segment) bool {
	for _, sg := range segs {
		if strings.IndexFunc(text[sg.Start:sg.End], isLetterOrDigit) >= 0 {
			return true
		}
	}
	return false
}
