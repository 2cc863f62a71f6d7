package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"rostrum/tui/textin"
)

// The text inputs (package textin) cost the same per key whatever they
// hold; the App's part is here: it starts the pause after each edit,
// says in the status line when an input dropped text, and routes the
// pause back to the input's owner.

// The search input is the status line, where the note cannot show: its
// prompt says when it is full instead.
var (
	searchPrompt     = "/ "
	searchFullPrompt = fmt.Sprintf("/ (full: %d max) ", textin.MaxRunes)
)

// handleEdited acts on an edit of any input: the pause after it, the
// note of a cut, and whether anything is to be drawn again.
func (a *App) handleEdited(e textin.EditedMsg) tea.Cmd {
	cmds := []tea.Cmd{e.Cmd}
	idle := e.Idle
	if e.Cut && a.status.text != textin.CutStatus {
		cmds = append(cmds, a.setStatus(textin.CutStatus))
		idle = false
	}
	a.idle = idle
	if e.ID == a.search.ID() {
		a.syncSearchPrompt()
	}
	if e.Changed {
		cmds = append(cmds, a.after(textin.Pause, textin.PausedMsg{ID: e.ID, Seq: e.Seq}))
	}
	return tea.Batch(cmds...)
}

// handlePaused acts on the last edit of an input once typing has paused,
// in whichever input it was; an older edit's pause does nothing.
func (a *App) handlePaused(msg textin.PausedMsg) tea.Cmd {
	switch msg.ID {
	case a.filter.ID():
		if a.filter.Paused(msg) {
			return a.applyFilter()
		}
	case a.search.ID():
		if a.search.Paused(msg) {
			a.searchNow()
		}
	default:
		var cmd tea.Cmd
		switch a.mode {
		case modePicker:
			a.picker, cmd = a.picker.Update(msg)
		case modeBrowser:
			a.browser, cmd = a.browser.Update(msg)
		}
		return a.now(cmd)
	}
	return nil
}
