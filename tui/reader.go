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
//
// Invariants: shown is the key of the content in the viewport (zero when it
// holds none); content for a document other than doc is never shown.
type readerPane struct {
	doc           *model.Document
	vp            viewport.Model
	shown         renderKey
	failed        string // why the last render failed; plain text is shown
	width, height int
}

func newReaderPane() readerPane {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{} // keys are routed by App, from its own KeyMap
	vp.MouseWheelEnabled = false
	return readerPane{vp: vp}
}

// SetSize sets the pane's size in cells.
func (r *readerPane) SetSize(w, h int) {
	r.width, r.height = w, h
	r.vp.SetWidth(max(w, 0))
	r.vp.SetHeight(max(h-r.headerHeight(), 0))
}

// SetDocument shows doc (nil for none), clearing the previous content and
// scrolling to the top when the document changes.
func (r *readerPane) SetDocument(doc *model.Document) {
	if doc == r.doc {
		return
	}
	r.doc = doc
	r.shown = renderKey{}
	r.failed = ""
	r.vp.SetContent("")
	r.vp.GotoTop()
	r.SetSize(r.width, r.height) // the header height depends on the title
}

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
	r.shown = key
	r.failed = ""
	r.vp.SetContent(content)
	r.vp.SetYOffset(int(frac * float64(r.vp.TotalLineCount())))
}

// SetFailed shows the body as plain wrapped text after a failed render.
func (r *readerPane) SetFailed(key renderKey, reason string) {
	if r.doc == nil || key.id != r.doc.ID {
		return
	}
	r.shown = key
	r.failed = reason
	r.vp.SetContent(ansi.Wordwrap(r.doc.Body, max(key.width-2, 1), ""))
}

// headerHeight is the sticky header's height: title lines, meta, rule.
func (r *readerPane) headerHeight() int {
	if r.doc == nil || r.height < 4 {
		return 0
	}
	return len(r.titleLines()) + 2
}

func (r *readerPane) titleLines() []string {
	lines := strings.Split(ansi.Wordwrap(r.doc.Title, max(r.width-4, 1), ""), "\n")
	if len(lines) > maxTitleLines {
		lines = lines[:maxTitleLines]
		lines[maxTitleLines-1] = ansi.Truncate(lines[maxTitleLines-1]+" …", max(r.width-4, 1), "…")
	}
	return lines
}

// View draws the header and the visible part of the body.
func (r *readerPane) View(st Styles, empty string) string {
	if r.width <= 0 || r.height <= 0 {
		return ""
	}
	if r.doc == nil {
		return "  " + st.ReaderPlaceholder.Render(empty)
	}
	var b strings.Builder
	if r.headerHeight() > 0 {
		for _, l := range r.titleLines() {
			b.WriteString("  " + st.ReaderTitle.Render(l) + "\n")
		}
		b.WriteString("  " + st.ReaderMeta.Render(ansi.Truncate(metaLine(r.doc), max(r.width-4, 1), "…")) + "\n")
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
