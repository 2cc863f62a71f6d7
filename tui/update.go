package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// Update dispatches each message to its handler. Non-key messages go to
// their owner whatever has the focus; keys are routed by handleKey.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	a.idle = false // until a handler says the message changed nothing
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return a.handleResize(msg)
	case tea.BackgroundColorMsg:
		return a.handleBackground(msg)
	case docRenderedMsg:
		return a.handleRendered(msg)
	case statusExpiredMsg:
		return a.handleStatusExpired(msg)
	case docsLoadedMsg:
		return a.handleDocsLoaded(msg)
	case loadFinishedMsg:
		return a.handleLoadFinished()
	case reloadMsg:
		return a.handleReload(msg)
	case reloadDoneMsg:
		return a.handleReloadDone(msg)
	case filesChangedMsg:
		return a.handleFilesChanged(msg)
	case editorDoneMsg:
		return a.handleEditorDone(msg)
	case pagerFileMsg:
		return a.handlePagerFile(msg)
	case exportDoneMsg:
		return a.handleExportDone(msg)
	case stateDoneMsg:
		return a.handleStateDone(msg)
	case quoteCopiedMsg:
		return a, nil // OSC 52 was sent too; a missing native clipboard is no error
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.PasteMsg:
		return a.handlePaste(msg)
	case inputSettledMsg:
		return a.handleInputSettled(msg)
	case tea.MouseWheelMsg:
		return a.handleWheel(msg)
	case tea.MouseClickMsg:
		return a.handleClick(msg)
	}
	return a, nil
}

// handleResize recomputes the layout and sizes every pane. The first size
// makes the App ready to draw.
func (a *App) handleResize(msg tea.WindowSizeMsg) (tea.Model, tea.Cmd) {
	a.ready = true
	a.lay = computeLayout(msg.Width, msg.Height, a.readerOpen)
	a.sizePanes()
	return a, tea.Batch(a.syncReader(), a.restoreLast(nil))
}

// sizePanes hands each pane its share of the current layout.
func (a *App) sizePanes() {
	l := a.lay
	listH := l.bodyH
	if a.filterShown() {
		listH = max(listH-1, 0)
	}
	a.list.SetSize(l.listW, listH)
	a.filter.SetWidth(max(l.listW-4, 1))
	a.syncSearchPrompt()
	a.help.SetWidth(max(l.width-2, 0))
	a.hints.SetWidth(max(l.width-statusRightWidth-3, 0))
	a.reader.SetSize(l.readerW, l.bodyH)
}

// relayout recomputes the layout after a change of the shown pane.
func (a *App) relayout() tea.Cmd {
	a.lay = computeLayout(a.lay.width, a.lay.height, a.readerOpen)
	a.sizePanes()
	return a.syncReader()
}

// handleBackground picks the theme from the terminal's background colour,
// unless the user forced one.
func (a *App) handleBackground(msg tea.BackgroundColorMsg) (tea.Model, tea.Cmd) {
	if a.theme != ThemeAuto || msg.IsDark() == a.styles.Dark {
		return a, nil
	}
	a.applyTheme(msg.IsDark())
	return a, a.syncReader()
}

// handleKey routes a key: hard globals, then a modal capture (the filter
// input or the help screen), then app globals, then the focused pane.
func (a *App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if a.restore != nil {
		defer func() { a.idle = false }()
	}
	a.restore = nil // the user has taken over: no jumping to the last position
	if key.Matches(msg, a.keys.ForceQuit) {
		return a.quit()
	}
	if a.filtering {
		return a.handleFilterKey(msg)
	}
	if a.searching {
		return a.handleSearchKey(msg)
	}
	if a.picker != nil {
		return a.handlePickerKey(msg)
	}
	if a.showHelp {
		return a.handleHelpKey(msg)
	}
	if a.showProbs {
		return a.handleProblemsKey(msg)
	}
	if a.browser != nil {
		return a.handleBrowserKey(msg)
	}
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a.quit()
	case key.Matches(msg, a.keys.Help):
		a.showHelp = true
		return a, nil
	case key.Matches(msg, a.keys.Problems):
		a.showProbs, a.problemsOffset = true, 0
		return a, nil
	case key.Matches(msg, a.keys.Edit):
		return a, a.openExternal(true)
	case key.Matches(msg, a.keys.Pager):
		return a, a.openExternal(false)
	case key.Matches(msg, a.keys.Reload):
		return a, a.startReload()
	case key.Matches(msg, a.keys.MarkRead):
		return a, a.toggleRead()
	case key.Matches(msg, a.keys.Focus):
		return a, a.toggleFocus()
	case key.Matches(msg, a.keys.NextQuote):
		return a, a.selectQuote(1)
	case key.Matches(msg, a.keys.PrevQuote):
		return a, a.selectQuote(-1)
	case key.Matches(msg, a.keys.CopyQuote):
		return a, a.copyQuote(false)
	case key.Matches(msg, a.keys.CopyCitation):
		return a, a.copyQuote(true)
	case key.Matches(msg, a.keys.Quotes):
		return a, a.openBrowser()
	case key.Matches(msg, a.keys.Chips):
		return a, a.toggleChip(int(msg.String()[0] - '0'))
	case key.Matches(msg, a.keys.ClearTopics):
		return a, a.clearTags()
	case key.Matches(msg, a.keys.Topics):
		a.picker = a.newTopicPicker()
		return a, nil
	}
	if a.focus == paneReader {
		return a.handleReaderKey(msg)
	}
	return a.handleListKey(msg)
}

func (a *App) handleHelpKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a.quit()
	case key.Matches(msg, a.keys.Help, a.keys.Back):
		a.showHelp = false
	}
	return a, nil
}

// handleProblemsKey scrolls the problems screen and closes it.
func (a *App) handleProblemsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a.quit()
	case key.Matches(msg, a.keys.Problems, a.keys.Back):
		a.showProbs = false
	case key.Matches(msg, a.keys.Down):
		a.problemsOffset = min(a.problemsOffset+1, max(len(a.problemEntries())-1, 0))
	case key.Matches(msg, a.keys.Up):
		a.problemsOffset = max(a.problemsOffset-1, 0)
	}
	return a, nil
}

// handleFilterKey gives every key to the filter input, except enter (keep
// the filter, leave the input) and esc (clear the filter). The list is
// filtered once typing pauses (see input.go), or at once on enter.
func (a *App) handleFilterKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, a.keys.FilterAccept):
		a.filtering = false
		a.filter.Blur()
		cmd := a.settleInput(inputFilter)
		return a, tea.Batch(cmd, a.relayout())
	case key.Matches(msg, a.keys.FilterCancel):
		return a, a.clearFilter()
	case msg.String() == "up" || msg.String() == "down":
		// The arrows move through the results while typing; j and k type.
		if msg.String() == "up" {
			return a, a.moveList(-1)
		}
		return a, a.moveList(1)
	}
	return a, a.inputEdited(inputFilter, editInput(&a.filter, msg))
}

// applyFilter narrows the list to the documents matching the filter text,
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
	docs := a.list.docs[:0:0]
	for _, i := range idx {
		docs = append(docs, a.corpus.Docs[i])
	}
	a.list.SetItems(docs, keep)
	a.list.terms = model.SearchTerms(a.filter.Value())
	a.refreshChips(idx)
	return a.syncReader()
}

// clearFilter empties and closes the filter input and lists everything.
func (a *App) clearFilter() tea.Cmd {
	a.filtering = false
	a.filter.Blur()
	a.filter.SetValue("")
	a.dropInput(inputFilter)
	cmd := a.applyFilter()
	return tea.Batch(cmd, a.relayout())
}

// toggleFocus moves the focus to the other pane; in a one-pane layout the
// shown pane follows the focus.
func (a *App) toggleFocus() tea.Cmd {
	if a.focus == paneList {
		return a.openReader()
	}
	return a.closeReader()
}

// openReader focuses the reader (and shows it in a one-pane layout).
func (a *App) openReader() tea.Cmd {
	if a.list.Selected() == nil {
		return nil
	}
	a.focus = paneReader
	a.readerOpen = true
	return a.relayout()
}

// closeReader returns the focus to the list (and shows it in a one-pane
// layout).
func (a *App) closeReader() tea.Cmd {
	a.focus = paneList
	a.readerOpen = false
	return a.relayout()
}
