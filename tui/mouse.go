package tui

import (
	tea "charm.land/bubbletea/v2"
)

// handleWheel gives the wheel to the pane under the pointer: the list
// moves its cursor, the reader scrolls. Screens over the panes and
// inputs ignore the wheel.
func (a *App) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if a.mode != modePanes {
		return nil
	}
	var cmd tea.Cmd
	switch a.paneAt(msg.X, msg.Y) {
	case paneAtList:
		a.list, cmd = a.list.Update(msg)
	case paneAtReader:
		a.reader, cmd = a.reader.Update(msg)
	}
	return a.now(cmd)
}

// handleClick toggles the topic chip clicked, opens the list entry
// clicked, and focuses the reader clicked.
func (a *App) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if a.mode != modePanes || msg.Button != tea.MouseLeft {
		return nil
	}
	switch a.paneAt(msg.X, msg.Y) {
	case paneAtBar:
		if i := a.bar.at(msg.X, a.lay.width); i >= 0 {
			return a.toggleChip(i + 1)
		}
	case paneAtList:
		msg.Y -= a.lay.bodyTop() // rows of the list pane
		if a.filterShown() {
			msg.Y-- // the filter line
		}
		var cmd tea.Cmd
		a.list, cmd = a.list.Update(msg)
		return a.now(cmd)
	case paneAtReader:
		if a.focus != paneReader {
			return a.openReader()
		}
	}
	return nil
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
	bodyTop := l.bodyTop()
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
