package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// selectQuote moves the quote selection in the reader by delta (1 for
// `]`, -1 for `[`), showing the reader first if it is hidden.
func (a *App) selectQuote(delta int) tea.Cmd {
	d := a.reader.Doc()
	if d == nil {
		return nil
	}
	if len(d.Quotes) == 0 {
		return a.setStatus("No quotes in this document.")
	}
	var cmd tea.Cmd
	if a.lay.readerW == 0 {
		cmd = a.openReader()
	}
	k := a.reader.NextQuote(delta)
	edge := ""
	switch {
	case k >= len(d.Quotes):
		k, edge = len(d.Quotes)-1, " (last)"
	case k < 0:
		k, edge = 0, " (first)"
	}
	a.reader.SelectQuote(k)
	q := d.Quotes[k]
	who := q.Speaker
	if who == "" {
		who = "speaker unknown"
	}
	status := a.setStatus(fmt.Sprintf("Quote %d of %d%s · %s · y copy, Y with citation", k+1, len(d.Quotes), edge, who))
	return tea.Batch(cmd, status)
}

// copyQuote copies the selected quote, with its citation when cite is set.
func (a *App) copyQuote(cite bool) tea.Cmd {
	d, k := a.reader.Doc(), a.reader.SelectedQuote()
	if k < 0 {
		return a.setStatus("No quote selected: press ] to select one.")
	}
	q := &d.Quotes[k]
	text, what := d.QuoteText(q), "quote"
	if cite {
		text, what = d.Citation(q), "quote with citation"
	}
	return tea.Batch(copyCmd(a.clipboard, text), a.setStatus(copiedStatus(what, text)))
}
