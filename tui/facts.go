package tui

import (
	tea "charm.land/bubbletea/v2"

	"rostrum/tui/browser"
	"rostrum/tui/picker"
	"rostrum/tui/textin"
)

// now delivers at once the facts a pane or an input reports (the
// command it answered a key or a paste with), and returns what is left
// for Bubble Tea to run. A fact must take effect before the next key: a
// terminal read can hold several keys (enter in the picker, then j), and
// a command run by Bubble Tea would report after them. A pane's command
// only reports facts: panes start no IO and no timer (the App starts the
// typing pause on textin.EditedMsg, and inputs' cursors never blink).
func (a *App) now(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		cmds := make([]tea.Cmd, 0, len(msg))
		for _, c := range msg {
			cmds = append(cmds, a.now(c))
		}
		return tea.Batch(cmds...)
	default:
		if next, ok := a.handleFact(msg); ok {
			return next
		}
		return func() tea.Msg { return msg } // not a fact: Bubble Tea's
	}
}

// handleFact acts on a fact a pane or an input reported, and reports
// whether msg was one.
func (a *App) handleFact(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case textin.EditedMsg:
		return a.handleEdited(msg), true
	case docSelectedMsg:
		a.status.text = "" // a message about the last document's quote no longer applies
		return a.syncReader(), true
	case docChosenMsg:
		return a.openReader(), true
	case filterAskedMsg:
		return a.startFilter(), true
	case filterClearAskedMsg:
		if a.filter.Value() == "" {
			return nil, true
		}
		return a.clearFilter(), true
	case readerLeftMsg:
		return a.closeReader(), true
	case searchAskedMsg:
		return a.startSearch(), true
	case searchEndAskedMsg:
		a.endSearch()
		return nil, true
	case docStepAskedMsg:
		return a.moveList(msg.delta), true
	case starAskedMsg:
		return a.starQuote(msg.doc, msg.index), true
	}
	return a.handleOverlayFact(msg)
}

// handleOverlayFact acts on a fact of the topic picker or the quote
// browser, and reports whether msg was one.
func (a *App) handleOverlayFact(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case picker.ChosenMsg:
		return a.applyChoice(msg.Choice), true
	case picker.CanceledMsg, problemsClosedMsg:
		a.closeOverlay()
		return nil, true
	case browser.ClosedMsg:
		a.closeOverlay()
		return nil, true
	case browser.QuoteChosenMsg:
		return a.openQuote(msg.Quote), true
	case browser.CopyAskedMsg:
		return a.copyBrowsedQuote(msg.Quote, msg.Cite), true
	case browser.StarAskedMsg:
		return a.starQuote(msg.Quote.Doc, msg.Quote.Index), true
	case browser.ExportAskedMsg:
		return a.exportQuotes(msg.Quotes), true
	}
	return nil, false
}
