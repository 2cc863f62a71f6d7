package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"rostrum/tui/browser"
	"rostrum/tui/picker"
)

// The topic picker (t) and the quote browser (Q) cover the panes and
// have every key while open; the App opens them with what they show and
// acts on the facts they report.

// closeOverlay closes the screen over the panes.
func (a *App) closeOverlay() {
	a.mode = modePanes
	a.picker, a.browser, a.problems = picker.Model{}, browser.Model{}, problemsScreen{}
}

// openPicker opens the topic picker on the topics and facets of the
// text-filtered result, with their counts, the active ones ticked.
func (a *App) openPicker() {
	a.picker = picker.New(a.pickerItems(), a.tags.anyOf, a.keys.pickerKeys(), a.styles.Styles)
	a.picker.SetSize(a.lay.width, a.lay.bodyH)
	a.mode = modePicker
}

// pickerItems are the topics and facets the picker offers.
func (a *App) pickerItems() []picker.Item {
	var items []picker.Item
	base := a.baseResult()
	for _, c := range a.corpus.TopicCounts(base) {
		items = append(items, picker.Item{ID: c.ID, Label: c.Label, Kind: "topic", Count: c.Count, On: slices.Contains(a.tags.topics, c.ID)})
	}
	active := map[string]bool{}
	for _, f := range a.tags.facets {
		active[f.String()] = true
	}
	for _, c := range a.corpus.FacetCounts(base) {
		kind, _, _ := strings.Cut(c.ID, ":")
		items = append(items, picker.Item{ID: c.ID, Label: c.Label, Kind: kind, Count: c.Count, On: active[c.ID]})
	}
	// Active topics and facets stay in the list even when the text filter
	// leaves no document with them, so applying keeps them.
	has := func(id string) bool {
		return slices.ContainsFunc(items, func(it picker.Item) bool { return it.ID == id })
	}
	for _, id := range a.tags.topics {
		if !has(id) {
			items = append(items, picker.Item{ID: id, Label: a.corpus.TopicLabel(id), Kind: "topic", On: true})
		}
	}
	for _, f := range a.tags.facets {
		if !has(f.String()) {
			items = append(items, picker.Item{ID: f.String(), Label: f.Value, Kind: string(f.Kind), On: true})
		}
	}
	return items
}

// applyChoice closes the picker and filters on what it ticked.
func (a *App) applyChoice(c picker.Choice) tea.Cmd {
	a.closeOverlay()
	a.tags = tagFilter{topics: c.Topics, facets: c.Facets, anyOf: c.AnyOf}
	return a.applyFilter()
}

// openBrowser opens the quote browser on the listed documents.
func (a *App) openBrowser() tea.Cmd {
	a.browser = browser.New(a.list.Docs(), a.starred, a.keys.browserKeys(), a.styles.Styles)
	a.browser.SetSize(a.lay.width, a.lay.bodyH)
	a.mode = modeBrowser
	if a.browser.Len() == 0 {
		return a.setStatus("No quotes in the listed documents.")
	}
	return nil
}

// openQuote closes the browser and opens the quote's document at it.
func (a *App) openQuote(q browser.Quote) tea.Cmd {
	a.closeOverlay()
	a.list.SelectDoc(q.Doc)
	cmd := a.openReader()
	a.reader.SelectQuote(q.Index)
	return cmd
}

// copyBrowsedQuote copies a quote of the browser, with its citation when
// cite is set.
func (a *App) copyBrowsedQuote(q browser.Quote, cite bool) tea.Cmd {
	text, what := q.Doc.QuoteText(q.Span()), "quote"
	if cite {
		text, what = q.Doc.Citation(q.Span()), "quote with citation"
	}
	return tea.Batch(copyCmd(a.clipboard, text), a.setStatus(copiedStatus(what, text)))
}
