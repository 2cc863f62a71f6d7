package tui

import (
	"fmt"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The search in the open document is typed in the status line; the
// reader searches its rendering (search.go) once typing pauses, or at
// once on enter.

// startSearch gives the keyboard to the search input, starting from the
// search in force.
func (a *App) startSearch() tea.Cmd {
	if a.reader.Doc() == nil {
		return nil
	}
	a.mode = modeSearch
	a.search.SetValue(a.reader.Query())
	a.syncSearchPrompt()
	a.search.Focus()
	return nil
}

// searchKey gives every key to the search input, except enter (search at
// once, keep the search, move with n and N) and esc (end the search).
func (a *App) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, a.keys.FilterAccept):
		a.mode = modePanes
		a.search.Blur()
		if a.search.Settle() {
			a.searchNow()
		}
		if q := a.reader.Query(); q != "" && a.reader.MatchCount() == 0 && a.reader.Ready() {
			return a.setStatus(fmt.Sprintf("No match for “%s”", q))
		}
		return nil
	case key.Matches(msg, a.keys.FilterCancel):
		a.endSearch()
		return nil
	}
	var cmd tea.Cmd
	a.search, cmd = a.search.Update(msg)
	return a.now(cmd)
}

// searchNow searches the open document for what the input holds.
func (a *App) searchNow() {
	if a.reader.Doc() != nil {
		a.reader.SetQuery(a.search.Value())
	}
}

// endSearch closes the search input and clears the matches.
func (a *App) endSearch() {
	if a.mode == modeSearch {
		a.mode = modePanes
	}
	a.search.Blur()
	a.search.Reset()
	a.syncSearchPrompt()
	a.reader.SetQuery("")
}

// syncSearchPrompt says in the search's prompt whether it is full, and
// sizes the input to what is left of the status line.
func (a *App) syncSearchPrompt() {
	p := searchPrompt
	if a.search.Full() {
		p = searchFullPrompt
	}
	a.search.SetPrompt(p)
	a.search.SetWidth(max(a.lay.width-statusRightWidth-4-utf8.RuneCountInString(p), 1))
}

// searchText describes the search in force for the status line.
func (a *App) searchText() string {
	q := a.reader.Query()
	if a.mode != modePanes || a.focus != paneReader || q == "" {
		return ""
	}
	if a.reader.MatchCount() == 0 {
		return fmt.Sprintf("No match for “%s” · / edit · esc clear", q)
	}
	return fmt.Sprintf("“%s” · n next · N previous · / edit · esc clear", q)
}
