package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// handleKey routes a key, in order: the hard global (ctrl+c); the mode's
// capture (while an input or a screen over the panes has the keyboard,
// every key goes there, and q types a q in an input); the App's global
// keys; the focused pane.
func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if a.restore != nil {
		defer func() { a.idle = false }()
	}
	a.restore = nil // the user has taken over: no jumping to the last position
	if key.Matches(msg, a.keys.ForceQuit) {
		return a.quit()
	}
	if a.mode != modePanes {
		return a.captureKey(msg)
	}
	if cmd, ok := a.globalKey(msg); ok {
		return cmd
	}
	var cmd tea.Cmd
	if a.focus == paneReader {
		a.reader, cmd = a.reader.Update(msg)
	} else {
		a.list, cmd = a.list.Update(msg)
	}
	return a.now(cmd)
}

// captureKey gives a key to what the mode says has the keyboard. Where
// nothing is typed, q quits.
func (a *App) captureKey(msg tea.KeyPressMsg) tea.Cmd {
	if !a.typing() && key.Matches(msg, a.keys.Quit) {
		return a.quit()
	}
	var cmd tea.Cmd
	switch a.mode {
	case modeFilter:
		return a.filterKey(msg)
	case modeSearch:
		return a.searchKey(msg)
	case modeHelp:
		if key.Matches(msg, a.keys.Help, a.keys.Back) {
			a.mode = modePanes
		}
	case modeProblems:
		a.problems, cmd = a.problems.Update(msg)
	case modePicker:
		a.picker, cmd = a.picker.Update(msg)
	case modeBrowser:
		a.browser, cmd = a.browser.Update(msg)
	}
	return a.now(cmd)
}

// globalKey handles the keys that act wherever the focus is, and reports
// whether msg was one.
func (a *App) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.keys
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit(), true
	case key.Matches(msg, k.Help):
		a.mode = modeHelp
	case key.Matches(msg, k.Problems):
		a.mode, a.problems = modeProblems, problemsScreen{corpus: a.corpus, keys: a.keys}
	case key.Matches(msg, k.Edit):
		return a.openExternal(true), true
	case key.Matches(msg, k.Pager):
		return a.openExternal(false), true
	case key.Matches(msg, k.Reload):
		return a.startReload(), true
	case key.Matches(msg, k.MarkRead):
		return a.toggleRead(), true
	case key.Matches(msg, k.Focus):
		return a.toggleFocus(), true
	case key.Matches(msg, k.NextQuote):
		return a.selectQuote(1), true
	case key.Matches(msg, k.PrevQuote):
		return a.selectQuote(-1), true
	case key.Matches(msg, k.CopyQuote):
		return a.copyQuote(false), true
	case key.Matches(msg, k.CopyCitation):
		return a.copyQuote(true), true
	case key.Matches(msg, k.Quotes):
		return a.openBrowser(), true
	case key.Matches(msg, k.Chips):
		return a.toggleChip(int(msg.String()[0] - '0')), true
	case key.Matches(msg, k.ClearTopics):
		return a.clearTags(), true
	case key.Matches(msg, k.Topics):
		a.openPicker()
	default:
		return nil, false
	}
	return nil, true
}

// handlePaste gives a bracketed paste to the input that has the keys, as
// one edit; with no input open it is ignored.
func (a *App) handlePaste(msg tea.PasteMsg) tea.Cmd {
	a.restore = nil
	var cmd tea.Cmd
	switch a.mode {
	case modeFilter:
		a.filter, cmd = a.filter.Update(msg)
	case modeSearch:
		a.search, cmd = a.search.Update(msg)
	case modePicker:
		a.picker, cmd = a.picker.Update(msg)
	case modeBrowser:
		a.browser, cmd = a.browser.Update(msg)
	}
	return a.now(cmd)
}
