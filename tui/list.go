package tui

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/tui/box"
	"rostrum/tui/cursor"
)

// rowsPerItem is the height of one list entry: title line and meta line.
const rowsPerItem = 2

// listPane shows the documents of the current filter result, one entry of
// two lines each, and keeps the cursor in view. It owns the keys that move
// through it; what the App must act on it reports as facts: docSelectedMsg
// when the cursor moved, docChosenMsg on enter or a click, filterAskedMsg
// and filterClearAskedMsg for the App's filter.
//
// Invariants: 0 <= cursor < len(docs) unless docs is empty (cursor 0);
// offset <= cursor < offset+Page() whenever the pane has room.
type listPane struct {
	docs          []*model.Document
	cursor        int
	offset        int
	unread        func(*model.Document) bool // marks unread entries; nil for none
	width, height int
	terms         []string // the filter's words, marked in titles
	keys          listKeyMap
	styles        Styles
}

// listKeyMap holds the list's keys.
type listKeyMap struct {
	cursor.Keys        // Up, Down, Top, Bottom, PageUp, PageDown, HalfPageUp, HalfPageDown
	NextDoc, PrevDoc   key.Binding
	Open, Back, Filter key.Binding
}

// The list's facts.
type (
	// docSelectedMsg says the list's cursor moved to another document.
	docSelectedMsg struct{}
	// docChosenMsg says the user chose the selected document to read.
	docChosenMsg struct{}
	// filterAskedMsg says the user asked to type a filter (/).
	filterAskedMsg struct{}
	// filterClearAskedMsg says the user asked to clear the filter (esc).
	filterClearAskedMsg struct{}
)

// report is a command that reports a fact to the App.
func report(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Update handles the list's keys, the wheel over it and a click on it (at
// a row counted from the list's top).
func (l listPane) Update(msg tea.Msg) (listPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return l.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			return l.moveBy(-1)
		case tea.MouseWheelDown:
			return l.moveBy(1)
		}
	case tea.MouseClickMsg:
		if i := l.entryAt(msg.Y); i >= 0 {
			l, cmd := l.moveBy(i - l.cursor)
			return l, tea.Batch(cmd, report(docChosenMsg{}))
		}
	}
	return l, nil
}

func (l listPane) handleKey(msg tea.KeyPressMsg) (listPane, tea.Cmd) {
	k := l.keys
	switch {
	case key.Matches(msg, k.Open):
		return l, report(docChosenMsg{})
	case key.Matches(msg, k.Back):
		return l, report(filterClearAskedMsg{})
	case key.Matches(msg, k.Filter):
		return l, report(filterAskedMsg{})
	case key.Matches(msg, k.Up, k.PrevDoc):
		return l.moveBy(-1)
	case key.Matches(msg, k.Down, k.NextDoc):
		return l.moveBy(1)
	}
	if delta, ok := k.Delta(msg, len(l.docs), l.Page()); ok {
		return l.moveBy(delta)
	}
	return l, nil
}

// moveBy moves the cursor and reports it when it moved.
func (l listPane) moveBy(delta int) (listPane, tea.Cmd) {
	if !l.Move(delta) {
		return l, nil
	}
	return l, report(docSelectedMsg{})
}

// entryAt is the index of the entry drawn at row y of the list, or -1.
func (l listPane) entryAt(y int) int {
	if y < 0 {
		return -1
	}
	i := l.offset + y/rowsPerItem
	if i >= len(l.docs) || i >= l.offset+l.Page() {
		return -1
	}
	return i
}

// newListPane is an empty list with its keys, marking the documents
// unread says are unread (nil for none).
func newListPane(keys listKeyMap, unread func(*model.Document) bool) listPane {
	return listPane{keys: keys, unread: unread}
}

// SetStyles sets the styles the list draws with.
func (l *listPane) SetStyles(st Styles) { l.styles = st }

// Docs are the documents listed, in order.
func (l listPane) Docs() []*model.Document { return l.docs }

// Cursor is the index of the selected entry.
func (l listPane) Cursor() int { return l.cursor }

// SetTerms sets the filter's words, marked in titles.
func (l *listPane) SetTerms(terms []string) { l.terms = terms }

// Select moves the cursor to entry i, and reports whether it moved.
func (l *listPane) Select(i int) bool { return l.Move(i - l.cursor) }

// SelectDoc moves the cursor to document d, and reports whether it moved.
func (l *listPane) SelectDoc(d *model.Document) bool {
	for i, x := range l.docs {
		if x == d {
			return l.Select(i)
		}
	}
	return false
}

// SetItems replaces the entries, keeping the cursor on the document with ID
// keep when it is still listed and otherwise moving it to the top.
func (l *listPane) SetItems(docs []*model.Document, keep string) {
	l.docs = docs
	l.cursor, l.offset = 0, 0
	for i, d := range docs {
		if d.ID == keep {
			l.cursor = i
			break
		}
	}
	l.clamp()
}

// SetSize sets the pane's size in cells.
func (l *listPane) SetSize(w, h int) {
	l.width, l.height = w, h
	l.clamp()
}

// Selected is the document under the cursor, or nil for an empty list.
func (l *listPane) Selected() *model.Document {
	if len(l.docs) == 0 {
		return nil
	}
	return l.docs[l.cursor]
}

// Move moves the cursor by delta entries, stopping at either end, and
// reports whether it moved.
func (l *listPane) Move(delta int) bool {
	before := l.cursor
	l.cursor += delta
	l.clamp()
	return l.cursor != before
}

// Page is the number of entries one screen holds, at least 1.
func (l *listPane) Page() int { return max(1, l.height/rowsPerItem) }

func (l *listPane) clamp() {
	l.cursor, l.offset = box.Scroll(l.cursor, l.offset, 0, len(l.docs), l.Page())
}

// View draws the visible entries, the selected one's bar bright when the
// list has the keys; empty is shown when there are none.
func (l listPane) View(focused bool, empty string) string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	if len(l.docs) == 0 {
		return l.styles.ListEmpty.Render(ansi.Wordwrap(empty, max(l.width-2, 1), ""))
	}
	var rows []string
	end := min(l.offset+l.Page(), len(l.docs))
	for i := l.offset; i < end; i++ {
		rows = append(rows, l.entry(l.docs[i], i == l.cursor, focused)...)
	}
	return strings.Join(rows, "\n")
}

// entry renders one document as its title line and meta line.
func (l listPane) entry(d *model.Document, selected, focused bool) []string {
	st := l.styles
	textW := max(l.width-2, 1)
	title := ansi.Truncate(d.Title, textW, "…")
	meta := ansi.Truncate(listMeta(d), textW, "…")
	metaLine := st.ListMeta.Render(meta)
	if tags := tagsLine(d); tags != "" && ansi.StringWidth(meta)+4 < textW {
		metaLine += st.Tags.Render(ansi.Truncate(" · "+tags, textW-ansi.StringWidth(meta), "…"))
	}
	titleStyle := st.ListTitle
	if selected {
		titleStyle = st.ListSelTitle
	}
	styledTitle := markTerms(title, l.terms, titleStyle, st.Match)
	if l.unread != nil && l.unread(d) {
		styledTitle = st.Unread.Render("•") + " " + markTerms(ansi.Truncate(d.Title, max(textW-2, 1), "…"), l.terms, titleStyle, st.Match)
	}
	if !selected {
		return []string{"  " + styledTitle, "  " + metaLine}
	}
	bar := st.ListBar
	if !focused {
		bar = st.ListBarBlurred
	}
	return []string{
		bar.Render("│") + " " + styledTitle,
		bar.Render("│") + " " + metaLine,
	}
}

// listMeta is the second line of a list entry: date and place or source.
func listMeta(d *model.Document) string {
	var parts []string
	if s := d.DateString(); s != "" {
		parts = append(parts, s)
	}
	switch {
	case d.Place != "":
		parts = append(parts, d.Place)
	case d.Source != "":
		parts = append(parts, d.Source)
	}
	if d.Speaker != "" {
		parts = append(parts, d.Speaker)
	}
	if len(parts) == 0 {
		parts = append(parts, path.Base(d.Path))
	}
	return strings.Join(parts, " · ")
}

// markTerms styles title with base, and the words that start with one of
// the filter's terms with match as well.
func markTerms(title string, terms []string, base, match lipgloss.Style) string {
	if len(terms) == 0 {
		return base.Render(title)
	}
	var b strings.Builder
	start := 0
	for i, r := range title {
		if i < start || !unicode.IsLetter(r) && !unicode.IsDigit(r) || i > 0 && isWordRune(title[:i]) {
			continue
		}
		end := i
		for end < len(title) {
			r2, size := utf8.DecodeRuneInString(title[end:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			end += size
		}
		word := strings.ToLower(title[i:end])
		for _, t := range terms {
			if strings.HasPrefix(word, t) {
				b.WriteString(base.Render(title[start:i]))
				b.WriteString(match.Inherit(base).Render(title[i:end]))
				start = end
				break
			}
		}
	}
	b.WriteString(base.Render(title[start:]))
	return b.String()
}

// isWordRune reports whether s ends in a letter or digit, so a position
// after it is inside a word.
func isWordRune(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
