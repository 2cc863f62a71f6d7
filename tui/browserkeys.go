package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// openBrowser opens the quote browser on the listed documents.
func (a *App) openBrowser() tea.Cmd {
	a.dropInput(inputBrowser)
	a.browser = newQuoteBrowser(a.list.docs, a.styles)
	a.browser.width, a.browser.height = a.lay.width, a.lay.bodyH
	a.browser.starred = a.starred
	if len(a.browser.entries) == 0 {
		return a.setStatus("No quotes in the listed documents.")
	}
	return nil
}

// handleBrowserKey handles keys while the quote browser is open: while its
// filter is being typed every key goes there (the quotes are narrowed once
// typing pauses, see input.go, or at once on enter); otherwise keys move, copy,
// sort, open a quote or close the browser.
func (a *App) handleBrowserKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	b, k := a.browser, a.keys
	if b.filtering {
		switch {
		case key.Matches(msg, k.FilterAccept):
			b.filtering = false
			b.filter.Blur()
			a.settleInput(inputBrowser)
		case key.Matches(msg, k.FilterCancel):
			b.filtering = false
			b.filter.Blur()
			b.filter.SetValue("")
			a.dropInput(inputBrowser)
			b.applyFilter()
		default:
			return a, a.inputEdited(inputBrowser, editInput(&b.filter, msg))
		}
		return a, nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit()
	case key.Matches(msg, k.Back, k.Quotes):
		if key.Matches(msg, k.Back) && b.filter.Value() != "" {
			b.filter.SetValue("")
			a.dropInput(inputBrowser)
			b.applyFilter()
			return a, nil
		}
		a.browser = nil
	case key.Matches(msg, k.Filter):
		b.filtering = true
		return a, b.filter.Focus()
	case key.Matches(msg, k.SortQuotes):
		b.bySpeaker = !b.bySpeaker
		b.sort()
	case key.Matches(msg, k.Open):
		return a, a.openBrowsedQuote()
	case key.Matches(msg, k.CopyQuote, k.CopyCitation):
		return a, a.copyBrowsedQuote(key.Matches(msg, k.CopyCitation))
	case key.Matches(msg, k.Star):
		if e, ok := b.Selected(); ok {
			return a, a.toggleStar(e.doc, e.quote())
		}
	case key.Matches(msg, k.Export):
		return a, a.exportShown()
	default:
		a.moveBrowser(msg)
	}
	return a, nil
}

// moveBrowser moves the browser's cursor for the movement keys.
func (a *App) moveBrowser(msg tea.KeyPressMsg) {
	b, k := a.browser, a.keys
	switch {
	case key.Matches(msg, k.Up):
		b.Move(-1)
	case key.Matches(msg, k.Down):
		b.Move(1)
	case key.Matches(msg, k.Top):
		b.Move(-len(b.shown))
	case key.Matches(msg, k.Bottom):
		b.Move(len(b.shown))
	case key.Matches(msg, k.PageUp):
		b.Move(-b.rows())
	case key.Matches(msg, k.PageDown):
		b.Move(b.rows())
	case key.Matches(msg, k.HalfPageUp):
		b.Move(-max(b.rows()/2, 1))
	case key.Matches(msg, k.HalfPageDown):
		b.Move(max(b.rows()/2, 1))
	}
}

// openBrowsedQuote closes the browser and opens the document at the quote.
func (a *App) openBrowsedQuote() tea.Cmd {
	e, ok := a.browser.Selected()
	if !ok {
		return nil
	}
	a.browser = nil
	for i, d := range a.list.docs {
		if d == e.doc {
			a.list.Move(i - a.list.cursor)
			break
		}
	}
	cmd := a.openReader()
	a.reader.SelectQuote(e.idx)
	return cmd
}

// copyBrowsedQuote copies the quote under the browser's cursor.
func (a *App) copyBrowsedQuote(cite bool) tea.Cmd {
	e, ok := a.browser.Selected()
	if !ok {
		return nil
	}
	text, what := e.doc.QuoteText(e.quote()), "quote"
	if cite {
		text, what = e.doc.Citation(e.quote()), "quote with citation"
	}
	return tea.Batch(copyCmd(a.clipboard, text), a.setStatus(copiedStatus(what, text)))
}
