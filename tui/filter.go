package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// The list's filter: the text typed in the filter input, with the topics
// and facets of the topic bar and the picker (topics.go), makes a domain
// query; the list shows its result.

// startFilter gives the keyboard to the filter input.
func (a *App) startFilter() tea.Cmd {
	a.mode = modeFilter
	a.filter.Focus()
	return a.relayout()
}

// filterKey gives every key to the filter input, except enter (keep the
// filter, leave the input), esc (clear the filter) and the arrows, which
// move through the results while j and k type. The list is filtered once
// typing pauses, or at once on enter.
func (a *App) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, a.keys.FilterAccept):
		a.mode = modePanes
		a.filter.Blur()
		var cmd tea.Cmd
		if a.filter.Settle() {
			cmd = a.applyFilter()
		}
		return tea.Batch(cmd, a.relayout())
	case key.Matches(msg, a.keys.FilterCancel):
		return a.clearFilter()
	case msg.String() == "up":
		return a.moveList(-1)
	case msg.String() == "down":
		return a.moveList(1)
	}
	var cmd tea.Cmd
	a.filter, cmd = a.filter.Update(msg)
	return a.now(cmd)
}

// clearFilter empties and closes the filter input and lists everything.
func (a *App) clearFilter() tea.Cmd {
	if a.mode == modeFilter {
		a.mode = modePanes
	}
	a.filter.Blur()
	a.filter.Reset()
	cmd := a.applyFilter()
	return tea.Batch(cmd, a.relayout())
}

// query is the whole filter as a domain query.
func (a *App) query() model.Query {
	return model.Query{Text: a.filter.Value(), Topics: a.tags.topics, Facets: a.tags.facets, AnyOf: a.tags.anyOf}
}

// applyFilter narrows the list to the documents matching the filter,
// keeping the selected document when it still matches.
func (a *App) applyFilter() tea.Cmd {
	keep := ""
	if d := a.list.Selected(); d != nil {
		keep = d.ID
	}
	return a.applyFilterKeeping(keep)
}

// applyFilterKeeping is applyFilter keeping the document with ID keep.
func (a *App) applyFilterKeeping(keep string) tea.Cmd {
	idx := a.corpus.Query(a.query())
	docs := make([]*model.Document, 0, len(idx))
	for _, i := range idx {
		docs = append(docs, a.corpus.Docs[i])
	}
	a.list.SetItems(docs, keep)
	a.list.SetTerms(model.SearchTerms(a.filter.Value()))
	a.bar.refresh(a.corpus, a.filter.Value(), a.baseResult, a.tags, idx)
	return a.syncReader()
}

// moveList moves the list's cursor and shows the newly selected
// document.
func (a *App) moveList(delta int) tea.Cmd {
	if !a.list.Move(delta) {
		return nil
	}
	a.status.text = "" // a message about the last document's quote no longer applies
	return a.syncReader()
}
