package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// toggleFocus moves the focus to the other pane; in a one-pane layout the
// shown pane follows the focus.
func (a *App) toggleFocus() tea.Cmd {
	if a.focus == paneList {
		return a.openReader()
	}
	return a.closeReader()
}

// openReader focuses the reader (and shows it in a one-pane layout).
func (a *App) openReader() tea.Cmd {
	if a.list.Selected() == nil {
		return nil
	}
	a.focus = paneReader
	a.readerOpen = true
	return tea.Batch(a.relayout(), a.noteOpened())
}

// closeReader returns the focus to the list (and shows it in a one-pane
// layout).
func (a *App) closeReader() tea.Cmd {
	a.focus = paneList
	a.readerOpen = false
	a.opened = ""
	return a.relayout()
}

// noteOpened marks the document open in the focused reader read when it
// is not the one open before: opening a document marks it read, once,
// so that m can mark it unread while it stays open.
func (a *App) noteOpened() tea.Cmd {
	d := a.reader.Doc()
	if a.focus != paneReader || d == nil || d.ID == a.opened {
		return nil
	}
	a.opened = d.ID
	return a.markRead(d)
}

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
	changed := a.reader.SetDocument(a.list.Selected())
	cmd := a.renderSelected()
	if a.mode == modeSearch && a.reader.Query() == "" && strings.TrimSpace(a.search.Value()) != "" {
		a.endSearch() // another document came in (a reload): its search is gone
	}
	a.restoreOffset()
	if changed {
		return tea.Batch(cmd, a.noteOpened())
	}
	return cmd
}

// renderSelected shows the reader's document from the cache, or starts
// its render.
func (a *App) renderSelected() tea.Cmd {
	want, ok := a.wantedKey()
	if !ok || a.reader.Showing(want) {
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
	d := a.reader.Doc()
	full := renderCmd(want, d)
	if len(d.Body) > 2*firstPaintBytes && len(d.Body) <= plainLimit && a.reader.Shown().id != d.ID {
		// A long document the reader has not shown yet: its first screen
		// first, the whole after.
		return tea.Batch(partialRenderCmd(want, d), full)
	}
	return full
}

// handleRendered stores a finished render and shows it if it is still the
// one wanted; a stale one (another document, width or theme) is dropped.
func (a *App) handleRendered(msg docRenderedMsg) tea.Cmd {
	if msg.partial {
		// Shown only while the whole render is still wanted and not shown.
		if want, ok := a.wantedKey(); ok && msg.err == nil && msg.key == want && a.reader.Shown() != want {
			a.reader.SetPartialContent(msg.key, msg.content)
		}
		return nil
	}
	if msg.key == a.inflight {
		a.inflight = renderKey{}
	}
	want, ok := a.wantedKey()
	if msg.err != nil {
		if ok && msg.key == want {
			a.reader.SetFailed(msg.key, msg.err.Error())
			return a.setStatus("Could not render this document; showing plain text.")
		}
		return a.syncReader()
	}
	if msg.key.width == want.width && msg.key.dark == want.dark {
		a.cache.put(msg.key, msg.content)
	}
	return a.syncReader()
}
