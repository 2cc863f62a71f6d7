package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
	"rostrum/model/quotes"
	"rostrum/state"
)

// Reading state kept between runs (package state): read marks, starred
// quotes, and the last document open with its scroll position. Without a
// store (Options.State nil) none of it is shown or kept.

// stateView is what the screen needs of the saved state, refreshed after
// every change.
type stateView struct {
	read  map[string]bool
	stars map[string]bool // starKey → starred
}

func starKey(doc string, start, end int) string { return fmt.Sprintf("%s:%d:%d", doc, start, end) }

// refreshState reads the store's state into the view.
func (a *App) refreshState() {
	if a.store == nil {
		return
	}
	st := a.store.State()
	a.saved = stateView{read: map[string]bool{}, stars: map[string]bool{}}
	for id := range st.Read {
		a.saved.read[id] = true
	}
	for _, s := range st.Stars {
		a.saved.stars[starKey(s.Doc, s.Start, s.End)] = true
	}
}

// afterSave brings the screen up to date after a change to the state and
// says how it went: a failed save, else a warning the store has for the
// user (a damaged state file set aside), else done ("" for nothing).
func (a *App) afterSave(err error, done string) tea.Cmd {
	a.refreshState()
	switch w := a.store.TakeWarning(); {
	case err != nil:
		return a.setStatus("Could not save the reading state: " + err.Error())
	case w != "":
		return a.setStatus(w)
	case done != "":
		return a.setStatus(done)
	}
	return nil
}

// unread reports whether d has never been opened (false without a store).
func (a *App) unread(d *model.Document) bool {
	return a.store != nil && !a.saved.read[d.ID]
}

// starred reports whether quote q of d is starred.
func (a *App) starred(d *model.Document, q *quotes.Span) bool {
	return a.store != nil && a.saved.stars[starKey(d.ID, q.Outer.Start, q.Outer.End)]
}

// markRead records that the document in the reader has been read, once
// each time the reader turns to it (so that m can mark it unread again
// while it is open).
func (a *App) markRead() tea.Cmd {
	d := a.reader.doc
	if a.store == nil || d == nil || a.focus != paneReader || a.lastMarked == d.ID {
		return nil
	}
	a.lastMarked = d.ID
	if a.saved.read[d.ID] {
		return nil
	}
	return a.afterSave(a.store.MarkRead(d.ID, true), "")
}

// toggleRead marks the selected document read or unread (m).
func (a *App) toggleRead() tea.Cmd {
	d := a.list.Selected()
	if d == nil {
		return nil
	}
	if a.store == nil {
		return a.setStatus("Read marks are off: there is no state file")
	}
	read := !a.saved.read[d.ID]
	a.lastMarked = d.ID // not marked read again while it stays open
	done := "Marked unread"
	if read {
		done = "Marked read"
	}
	return a.afterSave(a.store.MarkRead(d.ID, read), done)
}

// toggleStar stars or unstars quote q of d (s).
func (a *App) toggleStar(d *model.Document, q *quotes.Span) tea.Cmd {
	if a.store == nil {
		return a.setStatus("Stars are off: there is no state file")
	}
	on, err := a.store.ToggleStar(state.Star{
		Doc: d.ID, Path: starPath(d), Title: d.Title, Date: d.DateString(), Speaker: q.Speaker,
		Text: d.QuoteText(q), Citation: d.Citation(q), Start: q.Outer.Start, End: q.Outer.End,
	})
	done := "Star removed"
	if on {
		done = "★ Starred · Q lists quotes · rostrum quotes --starred exports them"
	}
	return a.afterSave(err, done)
}

// starPath is the path a star keeps: the document's exact file, absolute,
// so that `rostrum quotes --starred -f json` names a file a script can
// open from anywhere; the name shown for embedded documents and standard
// input.
func starPath(d *model.Document) string {
	if d.File == "" {
		return d.Path
	}
	return fileArg(d.File)
}

// starSelected stars the quote selected in the reader.
func (a *App) starSelected() tea.Cmd {
	d := a.reader.doc
	if d == nil || a.reader.selected < 0 || a.reader.selected >= len(d.Quotes) {
		return a.setStatus("No quote selected: press ] to select one.")
	}
	return a.toggleStar(d, &d.Quotes[a.reader.selected])
}

// saveLast records the document open and its scroll position, on quit.
func (a *App) saveLast() {
	d := a.reader.doc
	if a.store == nil || d == nil {
		return
	}
	_ = a.store.SetLast(state.Last{Doc: d.ID, Path: d.Path, Offset: a.reader.vp.YOffset()})
}

// quit saves the reading position and ends the program.
func (a *App) quit() (tea.Model, tea.Cmd) {
	a.saveLast()
	return a, tea.Quit
}

// restoreLast opens the document that was open at the end of the last
// run, once it has loaded. arrived, when not nil, are the documents just
// loaded: the list is only searched when one of them is the one wanted.
func (a *App) restoreLast(arrived []*model.Document) tea.Cmd {
	r := a.restore
	if r == nil || a.focus == paneReader {
		return nil
	}
	if arrived != nil && !slices.ContainsFunc(arrived, r.matches) {
		return nil
	}
	for i, d := range a.list.docs {
		if r.matches(d) {
			r.Doc = d.ID
			return tea.Batch(a.moveListTo(i), a.openReader())
		}
	}
	return nil
}

// lastPosition is the reading position to restore.
type lastPosition struct{ state.Last }

// matches reports whether d is the document to restore: the same text, or
// the same file (edited since).
func (r *lastPosition) matches(d *model.Document) bool {
	return d.ID == r.Doc || r.Path != "" && d.Path == r.Path
}

// restoreOffset scrolls the restored document to where it was, once its
// whole rendering is shown.
func (a *App) restoreOffset() {
	r := a.restore
	if r == nil || a.reader.doc == nil || a.reader.doc.ID != r.Doc || a.reader.partial || a.reader.shown == (renderKey{}) {
		return
	}
	a.reader.vp.SetYOffset(r.Offset)
	a.restore = nil
}
