package tui

import "charm.land/bubbles/v2/key"

// mode is what has the keyboard, and what covers the panes: one value,
// so that no two of them can be on at once. Key routing (handleKey),
// drawing (bodyView, statusView) and the key hints (hintKeys) all switch
// on it.
type mode int

const (
	modePanes    mode = iota // the focused pane has the keys
	modeFilter               // the list's filter input has the keys
	modeSearch               // the search input, in the status line, has the keys
	modeHelp                 // the help screen covers the panes
	modeProblems             // the problems screen covers the panes
	modePicker               // the topic picker covers the panes
	modeBrowser              // the quote browser covers the panes
)

// typing reports whether keys are typed into an input, so that q types a
// q instead of quitting.
func (a *App) typing() bool {
	switch a.mode {
	case modeFilter, modeSearch, modePicker:
		return true
	case modeBrowser:
		return a.browser.Filtering()
	}
	return false
}

// hintKeys are the key hints of the status line, for the current mode
// and focus.
func (a *App) hintKeys() []key.Binding {
	k := a.keys
	switch a.mode {
	case modeFilter, modeSearch:
		return []key.Binding{k.FilterAccept, k.FilterCancel}
	case modeHelp:
		return []key.Binding{k.Help, k.Quit}
	case modeProblems:
		return []key.Binding{k.Down, k.Up, k.Problems, k.Back, k.Quit}
	case modePicker:
		return a.picker.KeyMap().ShortHelp()
	case modeBrowser:
		return a.browser.ShortHelp()
	}
	switch {
	case a.focus == paneReader && a.reader.Query() != "":
		return []key.Binding{k.NextMatch, k.PrevMatch, k.Search, k.Back}
	case a.focus == paneReader:
		return []key.Binding{k.NextQuote, k.CopyQuote, k.CopyCitation, k.Search, k.NextDoc, k.Back, k.Help, k.Quit}
	}
	return []key.Binding{k.Down, k.Open, k.Filter, k.Chips, k.Topics, k.Quotes, k.Help, k.Quit}
}
