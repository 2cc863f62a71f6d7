package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"strings"
)

// handleListKey handles keys while the list has the focus.
func (a *App) handleListKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.keys
	switch {
	case key.Matches(msg, k.Open):
		return a, a.openReader()
	case key.Matches(msg, k.Back):
		if a.filter.Value() != "" {
			return a, a.clearFilter()
		}
	case key.Matches(msg, k.Filter):
		return a, a.startFilter()
	case key.Matches(msg, k.Up, k.PrevDoc):
		return a, a.moveList(-1)
	case key.Matches(msg, k.Down, k.NextDoc):
		return a, a.moveList(1)
	case key.Matches(msg, k.Top):
		return a, a.moveListTo(0)
	case key.Matches(msg, k.Bottom):
		return a, a.moveListTo(len(a.list.docs) - 1)
	case key.Matches(msg, k.PageUp):
		return a, a.moveList(-a.list.Page())
	case key.Matches(msg, k.PageDown):
		return a, a.moveList(a.list.Page())
	case key.Matches(msg, k.HalfPageUp):
		return a, a.moveList(-max(a.list.Page()/2, 1))
	case key.Matches(msg, k.HalfPageDown):
		return a, a.moveList(max(a.list.Page()/2, 1))
	}
	return a, nil
}

// handleReaderKey handles keys while the reader has the focus.
func (a *App) handleReaderKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k, vp := a.keys, &a.reader.vp
	switch {
	case key.Matches(msg, k.Back) && a.reader.query != "":
		a.endSearch()
	case key.Matches(msg, k.Back):
		return a, a.closeReader()
	case key.Matches(msg, k.Search):
		return a, a.startSearch()
	case key.Matches(msg, k.Star):
		return a, a.starSelected()
	case key.Matches(msg, k.NextMatch) && a.reader.query != "":
		a.reader.NextMatch(1)
	case key.Matches(msg, k.PrevMatch) && a.reader.query != "":
		a.reader.NextMatch(-1)
	case key.Matches(msg, k.NextDoc):
		return a, a.moveList(1)
	case key.Matches(msg, k.PrevDoc):
		return a, a.moveList(-1)
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
	return a, nil
}

// startFilter gives the keyboard to the list's filter input.
func (a *App) startFilter() tea.Cmd {
	a.filtering = true
	return tea.Batch(a.filter.Focus(), a.relayout())
}

// moveList moves the list cursor and shows the newly selected document.
func (a *App) moveList(delta int) tea.Cmd {
	if !a.list.Move(delta) {
		return nil
	}
	a.status.text = "" // a message about the last document's quote no longer applies
	return a.syncReader()
}

// moveListTo moves the list cursor to entry i.
func (a *App) moveListTo(i int) tea.Cmd { return a.moveList(i - a.list.cursor) }

// wantedKey is the rendering the reader should show now, and whether the
// reader is visible at all.
func (a *App) wantedKey() (renderKey, bool) {
	d := a.list.Selected()
	if d == nil || a.lay.readerW <= 0 {
		return renderKey{}, false
	}
	w := min(max(a.lay.readerW, minRenderWidth), a.maxWidth+2)
	return renderKey{id: d.ID, width: w, dark: a.styles.Dark}, true
}

// syncReader brings the reader in line with the list selection, size and
// theme: from the cache when it can, else by starting a render. One render
// per document runs at a time: while it runs, resizes and theme changes
// wait for it, and when it ends handleRendered calls syncReader again, so
// a resize storm costs one extra render at most. A newly selected
// document starts at once, without waiting for another document's render.
func (a *App) syncReader() tea.Cmd {
	cmd := a.renderSelected()
	if a.searching && a.reader.query == "" && strings.TrimSpace(a.search.Value()) != "" {
		a.endSearch() // another document came in (a reload): its search is gone
	}
	a.restoreOffset()
	if mark := a.markRead(); mark != nil {
		return tea.Batch(cmd, mark)
	}
	return cmd
}

// renderSelected shows the selected document in the reader, from the
// cache or by starting its render.
func (a *App) renderSelected() tea.Cmd {
	a.reader.SetDocument(a.list.Selected())
	want, ok := a.wantedKey()
	if !ok || a.reader.shown == want && !a.reader.partial {
		return nil
	}
	if out, hit := a.cache.get(want); hit {
		a.reader.SetContent(want, out)
		return nil
	}
	if a.inflight.id == want.id {
		return nil // the same document is rendering for another size or theme
	}
	a.inflight = want
	full := renderCmd(want, a.reader.doc)
	if d := a.reader.doc; len(d.Body) > 2*firstPaintBytes && len(d.Body) <= plainLimit && a.reader.shown.id != d.ID {
		// A long document the reader has not shown yet: its first screen
		// first, the whole after.
		return tea.Batch(partialRenderCmd(want, d), full)
	}
	return full
}

// handleRendered stores a finished render and shows it if it is still the
// one wanted; a stale one (another document, width or theme) is dropped.
func (a *App) handleRendered(msg docRenderedMsg) (tea.Model, tea.Cmd) {
	if msg.partial {
		// Shown only while the whole render is still wanted and not shown.
		if want, ok := a.wantedKey(); ok && msg.err == nil && msg.key == want && a.reader.shown != want {
			a.reader.SetContent(msg.key, msg.content)
			a.reader.partial = true
		}
		return a, nil
	}
	if msg.key == a.inflight {
		a.inflight = renderKey{}
	}
	want, ok := a.wantedKey()
	if msg.err != nil {
		if ok && msg.key == want {
			a.reader.SetFailed(msg.key, msg.err.Error())
			return a, a.setStatus("Could not render this document; showing plain text.")
		}
		return a, a.syncReader()
	}
	if msg.key.width == want.width && msg.key.dark == want.dark {
		a.cache.put(msg.key, msg.content)
	}
	return a, a.syncReader()
}
