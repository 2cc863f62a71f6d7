package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	state "rostrum/internal/readstate"
	"rostrum/model"
	"rostrum/model/quotes"
)

// Reading state kept between runs (package state): read marks, starred
// quotes, and the last document open with its scroll position. Without a
// store (Options.State nil) none of it is shown or kept. The store is
// read and written off the UI goroutine, one job at a time, in order (see
// statequeue.go); the screen changes at once and is brought in line with
// the file when the last job queued has run.

// stateView is what the screen needs of the saved state.
type stateView struct {
	read  map[string]bool
	stars map[string]bool // starKey → starred
}

func starKey(doc string, start, end int) string { return fmt.Sprintf("%s:%d:%d", doc, start, end) }

// viewOf builds the view of a state (on a job's goroutine: a large state
// takes a while).
func viewOf(st state.State) stateView {
	v := stateView{read: make(map[string]bool, len(st.Read)), stars: make(map[string]bool, len(st.Stars))}
	for id := range st.Read {
		v.read[id] = true
	}
	for _, s := range st.Stars {
		v.stars[starKey(s.Doc, s.Start, s.End)] = true
	}
	return v
}

// unread reports whether d has never been opened (false without a store,
// and until the state file has been read).
func (r *reading) unread(d *model.Document) bool {
	return r.store != nil && r.stateQ.loaded && !r.saved.read[d.ID]
}

// starred reports whether quote q of d is starred.
func (r *reading) starred(d *model.Document, q *quotes.Span) bool {
	return r.store != nil && r.saved.stars[starKey(d.ID, q.Outer.Start, q.Outer.End)]
}

// markRead records that d has been read (noteOpened calls it when the
// reader turns to a document).
func (r *reading) markRead(d *model.Document) tea.Cmd {
	if r.store == nil || r.saved.read[d.ID] {
		return nil
	}
	return r.saveRead(d.ID, true, "")
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
	done := "Marked unread"
	if read {
		done = "Marked read"
	}
	return a.saveRead(d.ID, read, done)
}

// saveRead shows document id read or unread at once and queues the write.
func (r *reading) saveRead(id string, read bool, done string) tea.Cmd {
	if read {
		r.saved.read[id] = true
	} else {
		delete(r.saved.read, id)
	}
	return r.queueState(stateJob{run: func(st *state.Store) (string, error) {
		return done, st.MarkRead(id, read)
	}})
}

// starQuote stars or unstars quote index of d (s, in the reader or the
// quote browser); index -1 says no quote is selected.
func (a *App) starQuote(d *model.Document, index int) tea.Cmd {
	if d == nil || index < 0 || index >= len(d.Quotes) {
		return a.setStatus("No quote selected: press ] to select one.")
	}
	if a.store == nil {
		return a.setStatus("Stars are off: there is no state file")
	}
	q := &d.Quotes[index]
	star := state.Star{
		Doc: d.ID, Title: d.Title, Date: d.DateString(), Speaker: q.Speaker,
		Text: d.QuoteText(q), Citation: d.Citation(q), Start: q.Outer.Start, End: q.Outer.End,
	}
	k := starKey(star.Doc, star.Start, star.End)
	a.saved.stars[k] = !a.saved.stars[k]
	return a.queueState(stateJob{run: func(st *state.Store) (string, error) {
		star.Path = starPath(d) // an absolute path asks the file system
		on, err := st.ToggleStar(star)
		if on {
			return "★ Starred · Q lists quotes · rostrum quotes --starred exports them", err
		}
		return "Star removed", err
	}})
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

// quit records the document open and its scroll position and ends the
// program once that and every change before it is saved. Asked again
// while that waits, it ends the program at once.
func (a *App) quit() tea.Cmd {
	if a.store == nil || a.stateQ.quitting {
		return tea.Quit
	}
	a.stateQ.quitting = true
	d := a.reader.Doc()
	if d == nil && !a.stateQ.busy {
		return tea.Quit
	}
	job := stateJob{quit: true, run: func(*state.Store) (string, error) { return "", nil }}
	if d != nil {
		last := state.Last{Doc: d.ID, Path: d.Path, Offset: a.reader.Offset()}
		job.run = func(st *state.Store) (string, error) { return "", st.SetLast(last) }
	}
	cmd := a.queueState(job)
	if cmd == nil { // behind a slow read or write
		return a.setStatus("Saving the reading state… (press q again to quit at once)")
	}
	return cmd
}

// restoreLast opens the document that was open at the end of the last
// run, once it has loaded. arrived, when not nil, are the documents just
// loaded: the list is only searched when one of them is the one wanted.
func (a *App) restoreLast(arrived []*model.Document) tea.Cmd {
	r := a.restore
	if r == nil || r.pending || a.focus == paneReader {
		return nil
	}
	if arrived != nil && !slices.ContainsFunc(arrived, r.matches) {
		return nil
	}
	for i, d := range a.list.Docs() {
		if r.matches(d) {
			r.Doc = d.ID
			return tea.Batch(a.moveList(i-a.list.Cursor()), a.openReader())
		}
	}
	return nil
}

// lastPosition is the reading position to restore. It is pending until
// the state file has been read: a key pressed before then drops it, as it
// drops a position found but not yet reached.
type lastPosition struct {
	state.Last
	pending bool
}

// matches reports whether d is the document to restore: the same text, or
// the same file (edited since).
func (r *lastPosition) matches(d *model.Document) bool {
	return d.ID == r.Doc || r.Path != "" && d.Path == r.Path
}

// restoreOffset scrolls the restored document to where it was, once its
// whole rendering is shown.
func (a *App) restoreOffset() {
	r, d := a.restore, a.reader.Doc()
	if r == nil || r.pending || d == nil || d.ID != r.Doc || !a.reader.Ready() {
		return
	}
	a.reader.SetOffset(r.Offset)
	a.restore = nil
}
