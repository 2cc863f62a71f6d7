// Package browser is the quote browser: every quote of the listed
// documents, grouped by speaker or in document order, narrowed by a
// filter. It owns its keys; what the root must carry out (open a
// document at a quote, copy, star, export, close) it reports as facts.
package browser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/model/quotes"
	"rostrum/tui/box"
	"rostrum/tui/cursor"
	"rostrum/tui/textin"
	"rostrum/tui/theme"
)

// Quote is one quote of a document: doc.Quotes[Index].
type Quote struct {
	Doc   *model.Document
	Index int
}

// Span is the quote's place and speaker in its document.
func (q Quote) Span() *quotes.Span { return &q.Doc.Quotes[q.Index] }

// ClosedMsg says the user closed the browser (esc or Q).
type ClosedMsg struct{}

// QuoteChosenMsg says the user chose a quote to read (enter).
type QuoteChosenMsg struct{ Quote Quote }

// CopyAskedMsg says the user asked to copy a quote, with its citation
// when Cite is set (y, Y).
type CopyAskedMsg struct {
	Quote Quote
	Cite  bool
}

// StarAskedMsg says the user asked to star or unstar a quote (s).
type StarAskedMsg struct{ Quote Quote }

// ExportAskedMsg says the user asked to export the quotes shown (E).
type ExportAskedMsg struct{ Quotes []Quote }

// entry is one quote in the browser.
type entry struct {
	Quote
	order int    // position of the document in the list
	hay   string // lower-case speaker, text and title, for the filter
}

// Model is the open quote browser.
//
// Invariants: shown indexes entries (and keeps cursor.List's).
type Model struct {
	entries       []entry
	shown         cursor.List
	bySpeaker     bool
	filter        textin.Model
	filtering     bool // the filter input has the keys
	width, height int
	starred       func(*model.Document, *quotes.Span) bool // nil: no stars
	keys          KeyMap
	styles        theme.Styles
}

// New collects the quotes of docs, grouped by speaker. starred marks the
// starred ones (nil for none).
func New(docs []*model.Document, starred func(*model.Document, *quotes.Span) bool, keys KeyMap, st theme.Styles) Model {
	b := Model{bySpeaker: true, starred: starred, keys: keys, styles: st}
	b.filter = textin.New("/ ", "filter speakers, words, titles")
	b.filter.SetStyles(st.Filter)
	for order, d := range docs {
		for i := range d.Quotes {
			q := &d.Quotes[i]
			hay := strings.ToLower(q.Speaker + "\n" + q.Text(d.Body) + "\n" + d.Title)
			b.entries = append(b.entries, entry{Quote: Quote{Doc: d, Index: i}, order: order, hay: hay})
		}
	}
	b.sort()
	return b
}

// SetSize sets the browser's size in cells.
func (b *Model) SetSize(w, h int) { b.width, b.height = w, h }

// SetStyles changes the styles (the theme changed).
func (b *Model) SetStyles(st theme.Styles) {
	b.styles = st
	b.filter.SetStyles(st.Filter)
}

// Len is the number of quotes, shown or not.
func (b Model) Len() int { return len(b.entries) }

// Shown is the quotes the filter leaves, in order.
func (b Model) Shown() []Quote {
	out := make([]Quote, b.shown.Len())
	for k := range out {
		out[k] = b.entries[b.shown.At(k)].Quote
	}
	return out
}

// BySpeaker reports whether the quotes are grouped by speaker.
func (b Model) BySpeaker() bool { return b.bySpeaker }

// Filtering reports whether the filter input has the keys: then every
// key is typed, q included.
func (b Model) Filtering() bool { return b.filtering }

// Value is the filter's text.
func (b Model) Value() string { return b.filter.Value() }

// Check reports the first broken invariant, for tests.
func (b Model) Check() error {
	return b.shown.Check("quote browser", len(b.entries))
}

// selected is the quote under the cursor.
func (b Model) selected() (Quote, bool) {
	i, ok := b.shown.Selected()
	if !ok {
		return Quote{}, false
	}
	return b.entries[i].Quote, true
}

// sort orders the entries by speaker (unattributed last) or by document,
// then by position in the document, and re-applies the filter.
func (b *Model) sort() {
	slices.SortStableFunc(b.entries, func(x, y entry) int {
		if b.bySpeaker {
			xs, ys := x.Span().Speaker, y.Span().Speaker
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
		return x.Index - y.Index
	})
	b.applyFilter()
}

// applyFilter narrows the shown entries to those containing every word of
// the filter.
func (b *Model) applyFilter() {
	b.shown.Narrow(b.filter.Value(), len(b.entries), func(i int) string { return b.entries[i].hay })
}

// rows is how many entries fit under the browser's header lines.
func (b *Model) rows() int {
	h := b.height - 2
	if b.filtering || b.filter.Value() != "" {
		h--
	}
	return max(h, 1)
}

// move moves the cursor by delta entries, keeping it in view.
func (b *Model) move(delta int) {
	b.shown.Move(delta, b.rows())
}

// View draws the browser: a title line, the filter line, the entries.
func (b Model) View() string {
	st := b.styles
	order := "by speaker"
	if !b.bySpeaker {
		order = "by document"
	}
	head := fmt.Sprintf(" Quotes · %d of %d · %s", b.shown.Len(), len(b.entries), order)
	lines := []string{st.Brand.Render(head), ""}
	if b.filtering || b.filter.Value() != "" {
		lines = append(lines, " "+b.filter.View())
	}
	if b.shown.Len() == 0 {
		lines = append(lines, "  "+st.ListEmpty.Render("No quotes here. esc closes the browser."))
	}
	whoW := min(max(b.width/4, 12), 28)
	from, to := b.shown.InView(b.rows())
	for k := from; k < to; k++ {
		lines = append(lines, b.row(k, from, whoW))
	}
	return strings.Join(lines, "\n")
}

// row draws the k-th entry shown, from the first in view: speaker (once
// per group in view when grouped), the opening words of the quote and
// the document's title.
func (b Model) row(k, from, whoW int) string {
	st := b.styles
	e := b.entries[b.shown.At(k)]
	q := e.Span()
	who := q.Speaker
	if who == "" {
		who = "(unattributed)"
	}
	if b.bySpeaker && k > from && b.entries[b.shown.At(k-1)].Span().Speaker == q.Speaker {
		who = ""
	}
	textW := max(b.width-whoW-6, 10)
	text := strings.Join(strings.Fields(q.Text(e.Doc.Body)), " ")
	quote := ansi.Truncate("“"+text+"”", textW*2/3, "…”")
	if b.starred != nil && b.starred(e.Doc, q) {
		quote = "★ " + ansi.Truncate("“"+text+"”", max(textW*2/3-2, 1), "…”")
	}
	title := ansi.Truncate(" · "+e.Doc.Title, max(textW-ansi.StringWidth(quote), 0), "…")
	whoCell := box.FitLine(ansi.Truncate(who, whoW, "…"), whoW)
	if k == b.shown.Cursor() {
		return st.ListBar.Render("│") + " " + st.ListSelTitle.Render(whoCell) + "  " +
			st.ListSelTitle.Render(quote) + st.ListMeta.Render(title)
	}
	return "  " + st.ListTitle.Render(whoCell) + "  " + st.ListTitle.Render(quote) + st.ListMeta.Render(title)
}
