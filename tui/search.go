package tui

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
)

// Search inside the open document works on the rendering as shown, so a
// match is wherever the reader sees the words, across the lines Glamour
// wrapped them onto: the text of every line, styles stripped, is read as
// one run of words (runs of spaces and line ends count as one space), and
// a match is painted line by line on top of the painted rendering. After a
// resize or a theme change the search runs again on the new rendering.

// segment is the part of a match on one line, in cells.
type segment struct{ line, start, end int }

// match is one occurrence of the query, one segment per line it covers.
type match []segment

// textPos is where a rune of the searched text sits: a line and a byte
// range in that line's plain text.
type textPos struct{ line, start, end int }

// haystack is a rendering prepared for searching.
type haystack struct {
	plain []string  // each line's text, styles stripped
	ascii []bool    // the line is ASCII: a byte is a cell
	text  []rune    // the folded text: lower case, spaces collapsed
	pos   []textPos // where each rune of text is
}

// newHaystack prepares the lines of a painted rendering.
func newHaystack(lines []string) *haystack {
	h := &haystack{plain: make([]string, len(lines)), ascii: make([]bool, len(lines))}
	space := true // no space at the start
	for li, l := range lines {
		p := ansi.Strip(l)
		h.plain[li], h.ascii[li] = p, isASCII(p)
		for off, r := range p {
			size := utf8.RuneLen(r)
			if unicode.IsSpace(r) {
				if !space {
					h.add(' ', textPos{li, off, off})
				}
				space = true
				continue
			}
			h.add(fold(r), textPos{li, off, off + size})
			space = false
		}
		if !space {
			h.add(' ', textPos{li, len(p), len(p)})
			space = true
		}
	}
	return h
}

func (h *haystack) add(r rune, p textPos) {
	h.text = append(h.text, r)
	h.pos = append(h.pos, p)
}

// foldQuery is the query as the haystack holds text: lower case, with
// runs of spaces as one space, trimmed.
func foldQuery(q string) []rune {
	var out []rune
	for _, f := range strings.Fields(norm.NFC.String(q)) { // documents are NFC
		if len(out) > 0 {
			out = append(out, ' ')
		}
		for _, r := range f {
			out = append(out, fold(r))
		}
	}
	return out
}

// fold is r in lower case, with the final sigma as a sigma, so that
// "ΟΔΟΣ" finds "οδος" and "οδοσ".
func fold(r rune) rune {
	if r = unicode.ToLower(r); r == 'ς' {
		return 'σ'
	}
	return r
}

// find returns every match of q, in reading order, without overlaps.
func (h *haystack) find(q string) []match {
	needle := foldQuery(q)
	if len(needle) == 0 {
		return nil
	}
	var out []match
	for i := 0; i+len(needle) <= len(h.text); i++ {
		if h.text[i] != needle[0] || !slices.Equal(h.text[i:i+len(needle)], needle) {
			continue
		}
		out = append(out, h.segments(i, i+len(needle)))
		i += len(needle) - 1
	}
	return out
}

// segments turns the runes [from, to) of the text into one segment per
// line, in cells.
func (h *haystack) segments(from, to int) match {
	var m match
	for k := from; k < to; k++ {
		p := h.pos[k]
		if p.start == p.end {
			continue // a line end or a collapsed space
		}
		if n := len(m); n > 0 && m[n-1].line == p.line {
			m[n-1].end = p.end
			continue
		}
		m = append(m, segment(p))
	}
	for i := range m {
		if h.ascii[m[i].line] {
			continue // bytes are cells
		}
		line := h.plain[m[i].line]
		m[i].start, m[i].end = ansi.StringWidth(line[:m[i].start]), ansi.StringWidth(line[:m[i].end])
	}
	return m
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// highlight paints the matches on the lines of a painted rendering, the
// current one in its own style, and returns the lines changed.
func highlight(lines []string, matches []match, current int, st searchStyles) []string {
	byLine := map[int][]segment{}
	cur := map[segment]bool{}
	for i, m := range matches {
		for _, s := range m {
			byLine[s.line] = append(byLine[s.line], s)
			if i == current {
				cur[s] = true
			}
		}
	}
	out := slices.Clone(lines)
	for li, segs := range byLine {
		slices.SortFunc(segs, func(a, b segment) int { return a.start - b.start })
		out[li] = highlightLine(lines[li], segs, cur, st)
	}
	return out
}

// highlightLine paints segs (in order, in cells) on one styled line in a
// single pass: inside a match the line's own colours are held back, and
// after it the colours in force are set again, so the line grows by a few
// sequences a match whatever its length.
func highlightLine(line string, segs []segment, cur map[segment]bool, st searchStyles) string {
	var b strings.Builder
	b.Grow(len(line) + len(segs)*48)
	var active []string // the SGR sequences in force, since the last reset
	var state byte
	cell, k, in := 0, 0, false
	for len(line) > 0 {
		seq, width, n, next := ansi.DecodeSequence(line, state, nil)
		state, line = next, line[n:]
		if width == 0 {
			if isSGR(seq) {
				if seq == "\x1b[m" || seq == "\x1b[0m" {
					active = active[:0]
				} else {
					active = append(active, seq)
				}
				if in {
					continue // held back until the match ends
				}
			}
			b.WriteString(seq)
			continue
		}
		if !in && k < len(segs) && cell >= segs[k].start {
			style := st.match
			if cur[segs[k]] {
				style = st.current
			}
			b.WriteString("\x1b[m" + style)
			in = true
		}
		b.WriteString(seq)
		cell += width
		if in && cell >= segs[k].end {
			b.WriteString("\x1b[m" + strings.Join(active, ""))
			in, k = false, k+1
		}
	}
	if in {
		b.WriteString("\x1b[m")
	}
	return b.String()
}

// isSGR reports whether seq is a Select Graphic Rendition sequence.
func isSGR(seq string) bool {
	return len(seq) >= 3 && seq[0] == 0x1b && seq[1] == '[' && seq[len(seq)-1] == 'm'
}

// searchStyles are the SGR sequences for matches.
type searchStyles struct{ match, current string }

// SetQuery searches the document for q ("" ends the search) and makes the
// first match at or below the top of the view the current one, scrolled
// into view. It returns the number of matches.
func (r *readerPane) SetQuery(q string) int {
	q = strings.Join(strings.Fields(q), " ")
	if q == r.query {
		return len(r.matches) // a space typed at the end: the same search
	}
	r.query = q
	r.matches, r.current = nil, -1
	if r.query != "" {
		if r.hay == nil {
			r.hay, r.hayRaw = newHaystack(r.lines), r.raw
		}
		r.matches = r.hay.find(r.query)
		r.current = r.firstMatchInView()
	}
	r.show()
	r.revealMatch()
	return len(r.matches)
}

// firstMatchInView is the first match at or below the top of the view,
// else the first one; -1 when there is none.
func (r *readerPane) firstMatchInView() int {
	top := r.vp.YOffset()
	for i, m := range r.matches {
		if len(m) > 0 && m[0].line >= top {
			return i
		}
	}
	if len(r.matches) > 0 {
		return 0
	}
	return -1
}

// NextMatch makes the next match (delta 1) or the previous one (-1) the
// current one, wrapping around, and scrolls it into view.
func (r *readerPane) NextMatch(delta int) {
	n := len(r.matches)
	if n == 0 {
		return
	}
	r.current = ((r.current+delta)%n + n) % n
	r.show()
	r.revealMatch()
}

// revealMatch scrolls so the current match is in view, with context.
func (r *readerPane) revealMatch() {
	if r.current < 0 || r.current >= len(r.matches) || len(r.matches[r.current]) == 0 {
		return
	}
	line := r.matches[r.current][0].line
	top, h := r.vp.YOffset(), r.vp.Height()
	if line < top || line >= top+h {
		r.vp.SetYOffset(max(line-h/3, 0))
	}
}

// MatchCount is the number of matches of the search in force.
func (r *readerPane) MatchCount() int { return len(r.matches) }

// SearchPosition is the current match and the number of matches: 3, 11
// for "3/11", 0, 0 for none.
func (r *readerPane) SearchPosition() (cur, total int) {
	return r.current + 1, len(r.matches)
}
