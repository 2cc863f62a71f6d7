package tui

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/tui/box"
)

// rowsPerItem is the height of one list entry: title line and meta line.
const rowsPerItem = 2

// listPane shows the documents of the current filter result, one entry of
// two lines each, and keeps the cursor in view.
//
// Invariants: 0 <= cursor < len(docs) unless docs is empty (cursor 0);
// offset <= cursor < offset+visibleItems() whenever the pane has room.
type listPane struct {
	docs          []*model.Document
	cursor        int
	offset        int
	unread        func(*model.Document) bool // marks unread entries; nil for none
	width, height int
	terms         []string // the filter's words, marked in titles
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

// View draws the visible entries. empty is shown when there are none.
func (l *listPane) View(st Styles, focused bool, empty string) string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	if len(l.docs) == 0 {
		return st.ListEmpty.Render(ansi.Wordwrap(empty, max(l.width-2, 1), ""))
	}
	var rows []string
	end := min(l.offset+l.Page(), len(l.docs))
	for i := l.offset; i < end; i++ {
		rows = append(rows, l.entry(st, l.docs[i], i == l.cursor, focused)...)
	}
	return strings.Join(rows, "\n")
}

// entry renders one document as its title line and meta line.
func (l *listPane) entry(st Styles, d *model.Document, selected, focused bool) []string {
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
