package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// startSearch gives the keyboard to the search input, starting from the
// search in force.
func (a *App) startSearch() tea.Cmd {
	if a.reader.doc == nil {
		return nil
	}
	a.searching = true
	a.search.SetValue(a.reader.query)
	a.search.CursorEnd()
	a.syncSearchPrompt()
	return a.search.Focus()
}

// handleSearchKey gives every key to the search input, which searches
// when typing pauses (see input.go), except enter (search at once, keep
// the search, move with n and N) and esc (end the search).
func (a *App) handleSearchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, a.keys.FilterAccept):
		a.searching = false
		a.search.Blur()
		a.settleInput(inputSearch)
		if a.reader.query != "" && len(a.reader.matches) == 0 && !a.reader.partial && a.reader.shown != (renderKey{}) {
			return a, a.setStatus(fmt.Sprintf("No match for “%s”", a.reader.query))
		}
		return a, nil
	case key.Matches(msg, a.keys.FilterCancel):
		a.endSearch()
		return a, nil
	}
	return a, a.inputEdited(inputSearch, editInput(&a.search, msg))
}

// endSearch closes the search input and clears the matches.
func (a *App) endSearch() {
	a.searching = false
	a.search.Blur()
	a.search.SetValue("")
	a.syncSearchPrompt()
	a.dropInput(inputSearch)
	a.reader.SetQuery("")
}

// searchText describes the search in force for the status line.
func (a *App) searchText() string {
	if a.focus != paneReader || a.reader.query == "" {
		return ""
	}
	if len(a.reader.matches) == 0 {
		return fmt.Sprintf("No match for “%s” · / edit · esc clear", a.reader.query)
	}
	return fmt.Sprintf("“%s” · n next · N previous · / edit · esc clear", a.reader.query)
}
