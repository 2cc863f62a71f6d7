package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// wheelLines is how far one turn of the wheel scrolls the reading pane.
const wheelLines = 3

// handleWheel scrolls the pane under the pointer: the list moves its
// cursor, the reader scrolls. Screens over the panes ignore the wheel.
func (a *App) handleWheel(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	if a.modal() {
		return a, nil
	}
	delta := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		delta = -1
	case tea.MouseWheelDown:
		delta = 1
	default:
		return a, nil
	}
	switch a.paneAt(msg.X, msg.Y) {
	case paneAtList:
		return a, a.moveList(delta)
	case paneAtReader:
		if delta < 0 {
			a.reader.vp.ScrollUp(wheelLines)
		} else {
			a.reader.vp.ScrollDown(wheelLines)
		}
	}
	return a, nil
}

// handleClick opens the list entry clicked and toggles the topic chip
// clicked.
func (a *App) handleClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if a.modal() || msg.Button != tea.MouseLeft {
		return a, nil
	}
	switch a.paneAt(msg.X, msg.Y) {
	case paneAtBar:
		if i := a.chipAt(msg.X); i >= 0 {
			return a, a.toggleChip(i + 1)
		}
	case paneAtList:
		if i := a.listEntryAt(msg.Y); i >= 0 {
			return a, tea.Batch(a.moveListTo(i), a.openReader())
		}
	case paneAtReader:
		if a.focus != paneReader {
			return a, a.openReader()
		}
	}
	return a, nil
}

// modal reports whether a screen covers the panes or an input has the keys.
func (a *App) modal() bool {
	return a.showHelp || a.showProbs || a.picker != nil || a.browser != nil || a.filtering || a.searching
}

type screenArea int

const (
	paneAtNone screenArea = iota
	paneAtBar
	paneAtList
	paneAtReader
)

// paneAt is the part of the screen at cell (x, y).
func (a *App) paneAt(x, y int) screenArea {
	l := a.lay
	bodyTop := l.headerH + l.barH
	switch {
	case l.barH > 0 && y == l.headerH:
		return paneAtBar
	case y < bodyTop || y >= bodyTop+l.bodyH:
		return paneAtNone
	case l.listW > 0 && x < l.listW:
		return paneAtList
	case l.readerW > 0 && x >= l.listW+l.sepW:
		return paneAtReader
	}
	return paneAtNone
}

// listEntryAt is the index of the list entry drawn at row y, or -1.
func (a *App) listEntryAt(y int) int {
	row := y - a.lay.headerH - a.lay.barH
	if a.filterShown() {
		row-- // the filter line
	}
	if row < 0 {
		return -1
	}
	i := a.list.offset + row/rowsPerItem
	if i >= len(a.list.docs) || i >= a.list.offset+a.list.Page() {
		return -1
	}
	return i
}

// chipAt is the index of the topic chip drawn at column x, or -1.
func (a *App) chipAt(x int) int {
	pos := 1 // the bar starts with a space
	for i, c := range a.chips[:a.chipsShown(a.lay.width)] {
		w := ansi.StringWidth(chipText(i, c))
		if x >= pos && x < pos+w {
			return i
		}
		pos += w + 1
	}
	return -1
}
