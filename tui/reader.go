package tui

import (
	"strings"

	"charm.land/bubbles/v2/viewport"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

// maxTitleLines is how many lines the reader's sticky header gives a title.
const maxTitleLines = 2

// readerPane shows one document: a sticky header (title, metadata, rule)
// above a scrolling viewport holding the Glamour rendering of the body.
// It owns the keys that scroll it and move through the search's matches;
// what the App must act on it reports as facts (see readerkeys.go).
//
// Invariants: shown is the key of the content in the viewport (zero when it
// holds none); content for a document other than doc is never shown.
type readerPane struct {
	doc           *model.Document
	vp            viewport.Model
	shown         renderKey
	failed        string // why the last render failed; plain text is shown
	width, height int

	raw        string      // Glamour's output with markers, before painting
	partial    bool        // raw holds only the first paragraphs
	styles     paintStyles // how quotes, speakers and terms are painted
	selected   int         // the selected quote, -1 for none
	quoteLines []int       // the line where each quote starts

	lines   []string     // the painted rendering, by line
	search  searchStyles // how matches are painted
	query   string       // the search in the document, "" for none
	hay     *haystack    // lines prepared for searching, nil until needed
	hayRaw  string       // the rendering hay was made from
	matches []match
	current int // the current match, -1 for none

	keys readerKeyMap
	look Styles // the header's and placeholder's styles
}

func newReaderPane() readerPane {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{} // keys are routed by App, from its own KeyMap
	vp.MouseWheelEnabled = false
	return readerPane{vp: vp, selected: -1, current: -1}
}

// SetSize sets the pane's size in cells.
func (r *readerPane) SetSize(w, h int) {
	r.width, r.height = w, h
	r.vp.SetWidth(max(w, 0))
	r.vp.SetHeight(max(h-r.headerHeight(), 0))
}

// SetDocument shows doc (nil for none), clearing the previous content and
// scrolling to the top when the document changes; it reports whether it
// changed (the same text read again is the same document).
func (r *readerPane) SetDocument(doc *model.Document) bool {
	if doc == r.doc {
		return false
	}
	if doc != nil && r.doc != nil && doc.ID == r.doc.ID && doc.Path == r.doc.Path {
		r.doc = doc // the same text read again: keep the place
		return false
	}
	r.doc = doc
	r.partial = false
	r.shown = renderKey{}
	r.failed = ""
	r.raw, r.quoteLines, r.selected = "", nil, -1
	r.lines, r.hay, r.query, r.matches, r.current = nil, nil, "", nil, -1
	r.vp.SetContent("")
	r.vp.GotoTop()
	r.SetSize(r.width, r.height) // the header height depends on the title
	return true
}

// SetKeys sets the reader's keys.
func (r *readerPane) SetKeys(k readerKeyMap) { r.keys = k }

// SetStyles sets every style the reader draws and paints with.
func (r *readerPane) SetStyles(st Styles) {
	r.look = st
	r.search = st.Search
	r.SetPaintStyles(st.Paint)
}

// Doc is the document shown, nil for none.
func (r *readerPane) Doc() *model.Document { return r.doc }

// Query is the search in force, "" for none.
func (r *readerPane) Query() string { return r.query }

// Ready reports whether the whole rendering of the document is shown (not
// only its first paragraphs, nor a placeholder).
func (r *readerPane) Ready() bool { return !r.partial && r.shown != (renderKey{}) }

// Offset is the first line in view.
func (r *readerPane) Offset() int { return r.vp.YOffset() }

// SetOffset scrolls to line n.
func (r *readerPane) SetOffset(n int) { r.vp.SetYOffset(n) }

// SetContent puts a finished rendering of the current document in the
// viewport. A re-render of the same document (after a resize or theme
// change) keeps the reading position in proportion.
func (r *readerPane) SetContent(key renderKey, content string) {
	if r.doc == nil || key.id != r.doc.ID {
		return
	}
	frac := 0.0
	if r.shown.id == key.id && r.vp.TotalLineCount() > 0 {
		frac = float64(r.vp.YOffset()) / float64(r.vp.TotalLineCount())
	}
	fromPartial := r.partial && r.shown == key
	off := r.vp.YOffset()
	r.shown = key
	r.partial = false
	r.failed = ""
	r.raw = content
	r.repaint()
	if fromPartial {
		// The first paragraphs are the same lines in the whole render.
		r.vp.SetYOffset(off)
	} else {
		r.vp.SetYOffset(int(frac * float64(r.vp.TotalLineCount())))
	}
	r.revealSelected()
}

// SetPartialContent puts the first paragraphs of a rendering in the
// viewport, shown while the whole one is made.
func (r *readerPane) SetPartialContent(key renderKey, content string) {
	r.SetContent(key, content)
	r.partial = r.shown == key
}

// Shown is the key of the rendering in the viewport, zero for none.
func (r *readerPane) Shown() renderKey { return r.shown }

// Showing reports whether the whole rendering key is shown.
func (r *readerPane) Showing(key renderKey) bool { return r.shown == key && !r.partial }

// SetPaintStyles changes how quotes are painted and repaints.
func (r *readerPane) SetPaintStyles(st paintStyles) {
	r.styles = st
	if r.raw != "" {
		r.repaint()
	}
}

// repaint paints the raw rendering with the current selection.
func (r *readerPane) repaint() {
	p := paint(r.raw, r.selected, r.styles)
	r.quoteLines = p.quoteLines
	r.setLines(strings.Split(p.content, "\n"))
}

// setLines shows new lines, searching them again when a search is on.
// The search text is kept when only the painting changed (a quote
// selected), since the words are the same.
func (r *readerPane) setLines(lines []string) {
	sameText := r.hay != nil && len(lines) == len(r.lines) && r.hayRaw == r.raw
	r.lines = lines
	if !sameText {
		r.hay = nil
	}
	if r.query != "" && !sameText {
		r.hay, r.hayRaw = newHaystack(lines), r.raw
		r.matches = r.hay.find(r.query)
		r.current = min(r.current, len(r.matches)-1)
		if r.current < 0 {
			r.current = r.firstMatchInView()
		}
	}
	r.show()
}

// show puts the painted lines, with the search's matches, in the viewport.
func (r *readerPane) show() {
	lines := r.lines
	if r.query != "" && len(r.matches) > 0 {
		lines = highlight(lines, r.matches, r.current, r.search)
	}
	off := r.vp.YOffset()
	r.vp.SetContent(strings.Join(lines, "\n"))
	r.vp.SetYOffset(off)
}

// SelectQuote selects quote k (clamped to the document's quotes), repaints
// and scrolls it into view. It reports whether there is a quote to select.
func (r *readerPane) SelectQuote(k int) bool {
	if r.doc == nil || len(r.doc.Quotes) == 0 {
		return false
	}
	r.selected = min(max(k, 0), len(r.doc.Quotes)-1)
	if r.raw != "" {
		r.repaint()
		r.revealSelected()
	}
	return true
}

// NextQuote is the quote after the selected one, or the first quote at or
// below the top of the view when none is selected; delta -1 goes back.
func (r *readerPane) NextQuote(delta int) int {
	if r.selected >= 0 {
		return r.selected + delta
	}
	top := r.vp.YOffset()
	for k, line := range r.quoteLines {
		if line >= top {
			if delta < 0 {
				return k - 1
			}
			return k
		}
	}
	if delta < 0 {
		return len(r.quoteLines) - 1
	}
	return 0
}

// revealSelected scrolls so the selected quote's first line is in view,
// with two lines of context above it.
func (r *readerPane) revealSelected() {
	if r.selected < 0 || r.selected >= len(r.quoteLines) {
		return
	}
	line := r.quoteLines[r.selected]
	top, h := r.vp.YOffset(), r.vp.Height()
	if line < top || line >= top+h {
		r.vp.SetYOffset(max(line-2, 0))
	}
}

// SetFailed shows the body as plain wrapped text after a failed render.
func (r *readerPane) SetFailed(key renderKey, reason string) {
	if r.doc == nil || key.id != r.doc.ID {
		return
	}
	r.shown = key
	r.failed = reason
	r.setLines(strings.Split(ansi.Wordwrap(r.doc.Body, max(key.width-2, 1), ""), "\n"))
}

// headerHeight is the sticky header's height: title lines, meta, rule.
func (r *readerPane) headerHeight() int {
	if r.doc == nil || r.height < 4 {
		return 0
	}
	n := len(r.titleLines()) + 2
	if len(r.doc.Topics) > 0 {
		n++
	}
	return n
}

func (r *readerPane) titleLines() []string {
	// Wrap at spaces where there are any, and hard-wrap text without them
	// (Chinese, Japanese) so no title is lost off the edge.
	lines := strings.Split(ansi.Wrap(r.doc.Title, max(r.width-4, 1), ""), "\n")
	if len(lines) > maxTitleLines {
		lines = lines[:maxTitleLines]
		lines[maxTitleLines-1] = ansi.Truncate(lines[maxTitleLines-1]+" …", max(r.width-4, 1), "…")
	}
	return lines
}

// View draws the header and the visible part of the body.
func (r *readerPane) View() string {
	if r.width <= 0 || r.height <= 0 {
		return ""
	}
	st := r.look
	if r.doc == nil {
		return "  " + st.ReaderPlaceholder.Render("No document selected.")
	}
	var b strings.Builder
	if r.headerHeight() > 0 {
		for _, l := range r.titleLines() {
			b.WriteString("  " + st.ReaderTitle.Render(l) + "\n")
		}
		b.WriteString("  " + st.ReaderMeta.Render(ansi.Truncate(MetaLine(r.doc), max(r.width-4, 1), "…")) + "\n")
		if tags := tagsLine(r.doc); tags != "" {
			b.WriteString("  " + st.Tags.Render(ansi.Truncate(tags, max(r.width-4, 1), "…")) + "\n")
		}
		b.WriteString("  " + st.Rule.Render(strings.Repeat("─", max(r.width-4, 0))) + "\n")
	}
	if r.shown == (renderKey{}) {
		b.WriteString("  " + st.ReaderPlaceholder.Render("Rendering…"))
		return b.String()
	}
	b.WriteString(r.vp.View())
	return b.String()
}

// ScrollPercent is how far through the document the view is, 0–100.
func (r *readerPane) ScrollPercent() int {
	return int(r.vp.ScrollPercent()*100 + 0.5)
}
