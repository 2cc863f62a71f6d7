package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/model/quotes"
	"rostrum/tui/box"
)

// browserEntry is one quote in the quote browser.
type browserEntry struct {
	doc   *model.Document
	idx   int    // index into doc.Quotes
	order int    // position of the document in the list
	hay   string // lower-case speaker, text and title, for the filter
}

func (e browserEntry) quote() *quotes.Span { return &e.doc.Quotes[e.idx] }

// quoteBrowser lists every quote of the listed documents, grouped by
// speaker or in document order, and narrows them with a filter.
//
// Invariants: shown indexes entries; 0 <= cursor < len(shown) unless
// shown is empty.
type quoteBrowser struct {
	entries       []browserEntry
	shown         []int
	cursor        int
	offset        int
	bySpeaker     bool
	filter        textinput.Model
	filtering     bool
	width, height int
	starred       func(*model.Document, *quotes.Span) bool // nil: no stars
}

// newQuoteBrowser collects the quotes of docs, grouped by speaker.
func newQuoteBrowser(docs []*model.Document, st Styles) *quoteBrowser {
	b := &quoteBrowser{bySpeaker: true, filter: newTextInput()}
	b.filter.Prompt = "/ "
	b.filter.Placeholder = "filter speakers, words, titles"
	b.filter.SetStyles(st.Filter)
	for order, d := range docs {
		for i := range d.Quotes {
			q := &d.Quotes[i]
			hay := strings.ToLower(q.Speaker + "\n" + q.Text(d.Body) + "\n" + d.Title)
			b.entries = append(b.entries, browserEntry{doc: d, idx: i, order: order, hay: hay})
		}
	}
	b.sort()
	return b
}

// sort orders the entries by speaker (unattributed last) or by document,
// then by position in the document, and re-applies the filter.
func (b *quoteBrowser) sort() {
	slices.SortStableFunc(b.entries, func(x, y browserEntry) int {
		if b.bySpeaker {
			xs, ys := x.quote().Speaker, y.quote().Speaker
			switch {
			case xs == "" && ys != "":
				return 1
			case ys == "" && xs != "":
				return -1
			case xs != ys:
				return strings.Compare(xs, ys)
			}
		}
		if x.order != y.order {
			return x.order - y.order
		}
		return x.idx - y.idx
	})
	b.applyFilter()
}

// applyFilter narrows the shown entries to those containing every word of
// the filter.
func (b *quoteBrowser) applyFilter() {
	terms := strings.Fields(strings.ToLower(b.filter.Value()))
	b.shown = b.shown[:0]
	for i, e := range b.entries {
		ok := true
		for _, t := range terms {
			if !strings.Contains(e.hay, t) {
				ok = false
				break
			}
		}
		if ok {
			b.shown = append(b.shown, i)
		}
	}
	b.cursor, b.offset = 0, 0
}

// Selected is the entry under the cursor.
func (b *quoteBrowser) Selected() (browserEntry, bool) {
	if len(b.shown) == 0 {
		return browserEntry{}, false
	}
	return b.entries[b.shown[b.cursor]], true
}

// rows is how many entries fit under the browser's header lines.
func (b *quoteBrowser) rows() int {
	h := b.height - 2
	if b.filtering || b.filter.Value() != "" {
		h--
	}
	return max(h, 1)
}

// Move moves the cursor by delta entries, keeping it in view.
func (b *quoteBrowser) Move(delta int) {
	b.cursor, b.offset = box.Scroll(b.cursor, b.offset, delta, len(b.shown), b.rows())
}

// View draws the browser: a title line, the filter line, the entries.
func (b *quoteBrowser) View(st Styles) string {
	order := "by speaker"
	if !b.bySpeaker {
		order = "by document"
	}
	head := fmt.Sprintf(" Quotes · %d of %d · %s", len(b.shown), len(b.entries), order)
	lines := []string{st.Brand.Render(head), ""}
	if b.filtering || b.filter.Value() != "" {
		lines = append(lines, " "+b.filter.View())
	}
	if len(b.shown) == 0 {
		lines = append(lines, "  "+st.ListEmpty.Render("No quotes here. esc closes the browser."))
	}
	whoW := min(max(b.width/4, 12), 28)
	end := min(b.offset+b.rows(), len(b.shown))
	for k := b.offset; k < end; k++ {
		lines = append(lines, b.row(st, k, whoW))
	}
	return strings.Join(lines, "\n")
}

// row draws entry k: speaker (once per group when grouped), the opening
// words of the quote and the document's title.
func (b *quoteBrowser) row(st Styles, k, whoW int) string {
	e := b.entries[b.shown[k]]
	q := e.quote()
	who := q.Speaker
	if who == "" {
		who = "(unattributed)"
	}
	if b.bySpeaker && k > b.offset && b.entries[b.shown[k-1]].quote().Speaker == q.Speaker {
		who = ""
	}
	textW := max(b.width-whoW-6, 10)
	text := strings.Join(strings.Fields(q.Text(e.doc.Body)), " ")
	quote := ansi.Truncate("“"+text+"”", textW*2/3, "…”")
	if b.starred != nil && b.starred(e.doc, q) {
		quote = "★ " + ansi.Truncate("“"+text+"”", max(textW*2/3-2, 1), "…”")
	}
	title := ansi.Truncate(" · "+e.doc.Title, max(textW-ansi.StringWidth(quote), 0), "…")
	whoCell := box.FitLine(ansi.Truncate(who, whoW, "…"), whoW)
	if k == b.cursor {
		return st.ListBar.Render("│") + " " + st.ListSelTitle.Render(whoCell) + "  " +
			st.ListSelTitle.Render(quote) + st.ListMeta.Render(title)
	}
	return "  " + st.ListTitle.Render(whoCell) + "  " + st.ListTitle.Render(quote) + st.ListMeta.Render(title)
}
