package tui

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"rostrum/model"
)

// maxNesting is how deep block quotes and lists (together) and emphasis
// may nest in a rendering. Deeper levels are shown flat: Glamour's cost
// grows steeply once nested margins outgrow the width (a 119-byte file
// of 100 nested quotes took minutes and 12 GB), and the Markdown parser
// does work per open container on every line.
const maxNesting = 8

// guardMarkdown prepares Markdown for Glamour: character references that
// would decode to a control, format or other invisible character are made
// literal, and block quotes and lists nested deeper than maxNesting on a
// line lose their excess markers. Linear in len(md).
func guardMarkdown(md string) string {
	return capContainers(neutraliseReferences(md), maxNesting)
}

// neutraliseReferences rewrites the '&' of every numeric or named
// character reference that would decode to a rune model.PrintableRune
// refuses (ESC, BEL, U+009D, U+202E, a tag character, a variation
// selector…) as "&amp;", so the reference shows as the text it is.
// Glamour decodes references in text, code spans and HTML with
// html.UnescapeString, which also reads them without the final ';', so
// that is the syntax followed here.
func neutraliseReferences(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i >= 0 {
		end, bad := reference(s, i)
		if bad {
			if b.Len() == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[last:i])
			b.WriteString("&amp;")
			last = i + 1
		}
		next := strings.IndexByte(s[end:], '&')
		if next < 0 {
			break
		}
		i = end + next
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// reference reads the character reference that may start at the '&' at
// i. It returns where the reference ends (i+1 when there is none) and
// whether it decodes to anything but printable runes.
func reference(s string, i int) (end int, bad bool) {
	if i+1 < len(s) && s[i+1] == '#' {
		return numericReference(s, i)
	}
	return namedReference(s, i)
}

// numericReference reads the numeric character reference ("&#65;",
// "&#x41", …) that may start at the '&' at i, as reference does.
func numericReference(s string, i int) (end int, bad bool) {
	j := i + 2
	hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
	if hex {
		j++
	}
	v, j, ok := referenceValue(s, j, hex)
	if !ok {
		return i + 1, false
	}
	j = skipSemicolon(s, j)
	return j, !model.PrintableRune(v) || !printable(html.UnescapeString(s[i:j]))
}

// referenceValue reads the decimal or hex digits from j. It returns
// their value, saturated just past U+10FFFF (html.UnescapeString's value
// wraps, so a bigger one must not wrap back into range here), where the
// digits end, and whether there were any.
func referenceValue(s string, j int, hex bool) (v rune, end int, ok bool) {
	start := j
	for ; j < len(s); j++ {
		d := digitValue(s[j], hex)
		if d < 0 {
			break
		}
		if v <= 0x10ffff {
			if hex {
				v = v*16 + d
			} else {
				v = v*10 + d
			}
		}
	}
	return v, j, j > start
}

// namedReference reads the named character reference ("&amp;", "&lt",
// …) that may start at the '&' at i, as reference does. Letters and
// digits that name nothing decode to themselves and are not bad.
func namedReference(s string, i int) (end int, bad bool) {
	j := i + 1
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	if j == i+1 {
		return i + 1, false
	}
	j = skipSemicolon(s, j)
	ref := s[i:j]
	dec := html.UnescapeString(ref)
	return j, dec != ref && !printable(dec)
}

// skipSemicolon is j, or j+1 when s has a ';' there to end a reference.
func skipSemicolon(s string, j int) int {
	if j < len(s) && s[j] == ';' {
		return j + 1
	}
	return j
}

// digitValue is the value of c as a decimal digit, or a hex digit when
// hex is set, or -1 when it is not one.
func digitValue(c byte, hex bool) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case hex && c >= 'a' && c <= 'f':
		return rune(c-'a') + 10
	case hex && c >= 'A' && c <= 'F':
		return rune(c-'A') + 10
	}
	return -1
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// printable reports whether every rune of s is one model.PrintableRune
// accepts.
func printable(s string) bool {
	for _, r := range s {
		if !model.PrintableRune(r) {
			return false
		}
	}
	return true
}

// container is a block quote or list item open across lines.
type container struct {
	quote bool
	col   int // the column a list item's content starts at
}

// capContainers removes the block quote and list markers that would open
// a container deeper than limit, so the text they hold shows at the
// deepest level allowed. It follows CommonMark's container rules closely
// enough to know which containers a line continues: quotes need their
// '>' again, list items their indentation, and a line indented four
// columns past its containers opens none. Lines of fenced code are read
// the same way (telling fences apart would need the whole parser), so a
// code line with more than limit markers at its start loses the excess
// too. Linear in len(md).
func capContainers(md string, limit int) string {
	var (
		b       strings.Builder
		changed bool
		stack   []container
		blank   = true // the previous line was blank
	)
	for start := 0; start <= len(md); {
		end := strings.IndexByte(md[start:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += start
		}
		line := md[start:end]
		out, dropped := capLine(line, &stack, blank, limit)
		if dropped && !changed {
			changed = true
			b.Grow(len(md))
			b.WriteString(md[:start])
		}
		if changed {
			b.WriteString(out)
			if end < len(md) {
				b.WriteByte('\n')
			}
		}
		blank = strings.TrimSpace(line) == ""
		start = end + 1
	}
	if !changed {
		return md
	}
	return b.String()
}

// capLine handles one line: it matches the open containers, reads the new
// markers, and drops those beyond limit. It returns the line to write and
// whether it differs.
func capLine(line string, stack *[]container, prevBlank bool, limit int) (string, bool) {
	isBlank := strings.TrimSpace(line) == ""
	pos, col, matched := matchContainers(line, *stack, isBlank)
	opened, cut, pos := openContainers(line, pos, col, limit-matched)
	dropped := cut >= 0
	if len(opened) > 0 || dropped || isBlank || prevBlank {
		*stack = append((*stack)[:matched], opened...)
	}
	if !dropped {
		return line, false
	}
	return joinKept(line[:cut], line[pos:]), true
}

// matchContainers finds how many of the open containers line continues,
// from the outermost, and returns the position and column after their
// markers and indentation, and that number.
func matchContainers(line string, stack []container, isBlank bool) (pos, col, matched int) {
	for _, c := range stack {
		var ok bool
		if c.quote {
			pos, col, ok = continueQuote(line, pos, col)
		} else {
			pos, col, ok = continueItem(line, pos, col, c.col, isBlank)
		}
		if !ok {
			break
		}
		matched++
	}
	return pos, col, matched
}

// continueQuote reads the '>' (after up to three columns of indentation)
// that continues a block quote at pos, col of line. It returns the
// position and column after it, or ok false, with pos and col as they
// were, when there is none.
func continueQuote(line string, pos, col int) (int, int, bool) {
	p, cl := skipIndent(line, pos, col, 3)
	if p >= len(line) || line[p] != '>' {
		return pos, col, false
	}
	p, cl = afterQuote(line, p, cl)
	return p, cl, true
}

// continueItem reads the indentation that continues a list item whose
// content starts at column itemCol. A blank line continues it as it is.
// It returns the position and column after the indentation, or ok false,
// with pos and col as they were, when the line is indented less.
func continueItem(line string, pos, col, itemCol int, isBlank bool) (int, int, bool) {
	if isBlank {
		return pos, col, true
	}
	p, cl := skipIndent(line, pos, col, itemCol-col)
	if cl < itemCol {
		return pos, col, false
	}
	return p, cl, true
}

// openContainers reads the markers that open new containers from pos,
// col of line, up to the first that is not one. It returns the first
// room containers they open, where the markers beyond those begin (-1
// when there are none beyond), and the position after the last marker.
func openContainers(line string, pos, col, room int) (opened []container, cut, end int) {
	cut = -1
	brk := breakSuffix(line)
	for {
		c, next, nextCol, ok := nextContainer(line, pos, col, brk)
		if !ok {
			return opened, cut, pos
		}
		if len(opened) < room {
			opened = append(opened, c)
		} else if cut < 0 {
			cut = pos
		}
		pos, col = next, nextCol
	}
}

// nextContainer reads the block quote or list item marker, if any, at
// pos, col of line (after up to three columns of indentation; brk is
// where breakSuffix says a thematic break could begin, which is no
// marker). It returns the container it opens, the position and column
// where that container's content starts, and whether there was one.
func nextContainer(line string, pos, col, brk int) (c container, next, nextCol int, ok bool) {
	p, cl := skipIndent(line, pos, col, 3)
	if p < len(line) && (line[p] == ' ' || line[p] == '\t') {
		return c, 0, 0, false // indented four or more: code or continued text
	}
	rest := line[p:]
	switch {
	case strings.HasPrefix(rest, ">"):
		next, nextCol = afterQuote(line, p, cl)
		return container{quote: true}, next, nextCol, true
	case p >= brk && thematicBreak(rest):
		return c, 0, 0, false
	}
	n := listMarker(rest)
	if n == 0 {
		return c, 0, 0, false
	}
	next, nextCol = itemContent(line, p+n, cl+n)
	return container{col: nextCol}, next, nextCol, true
}

// afterQuote is the position and column after the '>' at p, cl of line
// and the one space or tab that may follow it.
func afterQuote(line string, p, cl int) (int, int) {
	p, cl = p+1, cl+1
	if p < len(line) && (line[p] == ' ' || line[p] == '\t') {
		p, cl = p+1, advance(cl, line[p])
	}
	return p, cl
}

// itemContent is the position and column where the content of a list
// item starts, given those right after its marker: after the spaces that
// follow it, or one column on when the item is empty or its content is
// indented code.
func itemContent(line string, next, nextCol int) (int, int) {
	q, qc := skipIndent(line, next, nextCol, 4)
	switch {
	case q >= len(line): // an empty item
		return len(line), nextCol + 1
	case qc-nextCol >= 5 || q < len(line) && (line[q] == ' ' || line[q] == '\t'):
		return next + 1, nextCol + 1 // content is indented code
	}
	return q, qc
}

// joinKept is a line whose markers beyond the limit were dropped: the
// part kept, then the text after the dropped markers, following the last
// marker kept after one space, as it would a marker of its own.
func joinKept(kept, text string) string {
	var out strings.Builder
	out.Grow(len(kept) + 1 + len(text))
	out.WriteString(kept)
	if kept != "" && !strings.HasSuffix(kept, " ") && !strings.HasSuffix(kept, "\t") {
		out.WriteByte(' ')
	}
	out.WriteString(strings.TrimLeft(text, " \t"))
	return out.String()
}

// advance is the column after character c at column col (tabs stop every
// four columns).
func advance(col int, c byte) int {
	if c == '\t' {
		return col + 4 - col%4
	}
	return col + 1
}

// skipIndent skips spaces and tabs from pos while they reach at most n
// columns past col, and returns the position and column reached.
func skipIndent(line string, pos, col, n int) (int, int) {
	limit := col + n
	for pos < len(line) && (line[pos] == ' ' || line[pos] == '\t') {
		next := advance(col, line[pos])
		if next > limit {
			break
		}
		pos, col = pos+1, next
	}
	return pos, col
}

// listMarker is the length of the list item marker that s starts with
// ("-", "+", "*", or up to nine digits and "." or ")", followed by a space,
// a tab or the end of the line), or 0.
func listMarker(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || s[n] != '.' && s[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// breakSuffix is where the longest run of one of '-', '*' or '_' with
// spaces and tabs between that ends line begins, so that a thematic
// break, which must be such a run, is looked for only there: looking at
// every marker of a line of thousands would take quadratic time.
func breakSuffix(line string) int {
	j := len(line)
	for j > 0 && (line[j-1] == ' ' || line[j-1] == '\t') {
		j--
	}
	if j == 0 || line[j-1] != '-' && line[j-1] != '*' && line[j-1] != '_' {
		return len(line) + 1
	}
	c := line[j-1]
	for j > 0 && (line[j-1] == c || line[j-1] == ' ' || line[j-1] == '\t') {
		j--
	}
	return j
}

// thematicBreak reports whether s is a thematic break: three or more of
// the same '-', '*' or '_', with only spaces or tabs between.
func thematicBreak(s string) bool {
	if s == "" || s[0] != '-' && s[0] != '*' && s[0] != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// depthCap is a Markdown AST transformer that shows block quotes and lists
// nested deeper than limit, and emphasis and strikethrough nested deeper
// than limit, flat: their contents take their place. It backs up
// capContainers, which works on lines, and is the only cap on emphasis.
type depthCap struct{ limit int }

func (d depthCap) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	d.walk(doc, 0, 0)
}

// walk caps the children of n, which is blocks containers and inlines
// emphases deep. Flattened children take the node's place at the same
// depth, so the recursion is at most 2*limit deep for containers and
// emphasis.
func (d depthCap) walk(n ast.Node, blocks, inlines int) {
	for c := n.FirstChild(); c != nil; {
		switch c.Kind() {
		case ast.KindBlockquote, ast.KindList:
			if blocks >= d.limit {
				c = unwrap(n, c)
				continue
			}
			d.walk(c, blocks+1, inlines)
		case ast.KindEmphasis, extast.KindStrikethrough:
			if inlines >= d.limit {
				c = unwrap(n, c)
				continue
			}
			d.walk(c, blocks, inlines+1)
		default:
			d.walk(c, blocks, inlines)
		}
		c = c.NextSibling()
	}
}

// unwrap puts the contents of c in its place in parent: a list's items'
// contents (a tight item's text as a paragraph), or c's children. It
// returns the first node put in c's place, or the node after c.
func unwrap(parent, c ast.Node) ast.Node {
	var first ast.Node
	move := func(ch ast.Node) {
		if ch.Kind() == ast.KindTextBlock {
			p := ast.NewParagraph()
			p.SetLines(ch.Lines())
			for g := ch.FirstChild(); g != nil; {
				next := g.NextSibling()
				p.AppendChild(p, g)
				g = next
			}
			ch.Parent().RemoveChild(ch.Parent(), ch)
			ch = p
		}
		parent.InsertBefore(parent, c, ch)
		if first == nil {
			first = ch
		}
	}
	for ch := c.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		if c.Kind() == ast.KindList {
			for g := ch.FirstChild(); g != nil; {
				gn := g.NextSibling()
				move(g)
				g = gn
			}
		} else {
			move(ch)
		}
		ch = next
	}
	after := c.NextSibling()
	parent.RemoveChild(parent, c)
	if first == nil {
		return after
	}
	return first
}
