package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rostrum/model"
	"rostrum/tui/cursor"
)

// wheelLines is how far one turn of the wheel scrolls the reading pane.
const wheelLines = 3

// readerKeyMap holds the reader's keys.
type readerKeyMap struct {
	cursor.Keys          // Up, Down, Top, Bottom, PageUp, PageDown, HalfPageUp, HalfPageDown
	NextDoc, PrevDoc     key.Binding
	Back, Search, Star   key.Binding
	NextMatch, PrevMatch key.Binding
}

// The reader's facts.
type (
	// readerLeftMsg says the user left the reader for the list (esc).
	readerLeftMsg struct{}
	// searchAskedMsg says the user asked to type a search (/).
	searchAskedMsg struct{}
	// searchEndAskedMsg says the user asked to end the search (esc).
	searchEndAskedMsg struct{}
	// docStepAskedMsg says the user asked for the next (1) or previous
	// (-1) document (J, K).
	docStepAskedMsg struct{ delta int }
	// starAskedMsg says the user asked to star or unstar quote index of
	// doc (s); index is -1 when no quote is selected.
	starAskedMsg struct {
		doc   *model.Document
		index int
	}
)

// Update handles the reader's keys and the wheel over it.
func (r readerPane) Update(msg tea.Msg) (readerPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return r.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			r.vp.ScrollUp(wheelLines)
		case tea.MouseWheelDown:
			r.vp.ScrollDown(wheelLines)
		}
	}
	return r, nil
}

func (r readerPane) handleKey(msg tea.KeyPressMsg) (readerPane, tea.Cmd) {
	k, vp := r.keys, &r.vp
	switch {
	case key.Matches(msg, k.Back) && r.query != "":
		return r, report(searchEndAskedMsg{})
	case key.Matches(msg, k.Back):
		return r, report(readerLeftMsg{})
	case key.Matches(msg, k.Search):
		return r, report(searchAskedMsg{})
	case key.Matches(msg, k.Star):
		return r, report(starAskedMsg{doc: r.doc, index: r.SelectedQuote()})
	case key.Matches(msg, k.NextMatch) && r.query != "":
		r.NextMatch(1)
	case key.Matches(msg, k.PrevMatch) && r.query != "":
		r.NextMatch(-1)
	case key.Matches(msg, k.NextDoc):
		return r, report(docStepAskedMsg{delta: 1})
	case key.Matches(msg, k.PrevDoc):
		return r, report(docStepAskedMsg{delta: -1})
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.HalfPageUp):
		vp.HalfPageUp()
	case key.Matches(msg, k.HalfPageDown):
		vp.HalfPageDown()
	}
	return r, nil
}

// SelectedQuote is the selected quote's index when it is one of the
// document's quotes, else -1.
func (r *readerPane) SelectedQuote() int {
	if r.doc == nil || r.selected < 0 || r.selected >= len(r.doc.Quotes) {
		return -1
	}
	return r.selected
}
