package tui

import (
	tea "charm.land/bubbletea/v2"

	"rostrum/tui/textin"
)

// Update dispatches each message to its handler. Non-key messages go to
// their owner whatever has the focus; keys are routed by handleKey.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	a.idle = false // until a handler says the message changed nothing
	cmd := a.dispatch(msg)
	a.keepFrame()
	return a, cmd
}

// dispatch hands msg to its handler.
func (a *App) dispatch(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.PasteMsg:
		return a.handlePaste(msg)
	case tea.MouseWheelMsg:
		return a.handleWheel(msg)
	case tea.MouseClickMsg:
		return a.handleClick(msg)
	case tea.WindowSizeMsg:
		return a.handleResize(msg)
	case tea.BackgroundColorMsg:
		return a.handleBackground(msg)
	case textin.PausedMsg:
		return a.handlePaused(msg)
	case statusExpiredMsg:
		return a.handleStatusExpired(msg)
	case quoteCopiedMsg:
		return nil // OSC 52 was sent too; a missing native clipboard is no error
	}
	if cmd, ok := a.handleResult(msg); ok {
		return cmd
	}
	cmd, _ := a.handleFact(msg)
	return cmd
}

// handleResult handles the results of the App's own commands: renders,
// loads and reloads, the state file, programs and exports.
func (a *App) handleResult(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case docRenderedMsg:
		return a.handleRendered(msg), true
	case docsLoadedMsg:
		return a.handleDocsLoaded(msg), true
	case loadFinishedMsg:
		return a.handleLoadFinished(), true
	case reloadMsg:
		return a.handleReload(msg), true
	case reloadDoneMsg:
		return a.handleReloadDone(msg), true
	case filesChangedMsg:
		return a.handleFilesChanged(), true
	case programReadyMsg:
		return a.handleProgramReady(msg), true
	case editorDoneMsg:
		return a.handleEditorDone(msg), true
	case exportDoneMsg:
		return a.handleExportDone(msg), true
	case stateDoneMsg:
		return a.handleStateDone(msg), true
	}
	return nil, false
}

// keepFrame keeps the frame of a message that changed nothing drawn, for
// View to give again until something changes; so a flood of dropped keys
// (text pasted as keys into a full input) costs one frame, not one each.
func (a *App) keepFrame() {
	if !a.idle {
		a.still = nil
		return
	}
	if a.still == nil {
		v := a.frame()
		a.still = &v
	}
}

// handleResize recomputes the layout and sizes every pane. The first size
// makes the App ready to draw.
func (a *App) handleResize(msg tea.WindowSizeMsg) tea.Cmd {
	a.ready = true
	a.lay = computeLayout(msg.Width, msg.Height, a.readerOpen)
	a.sizePanes()
	return tea.Batch(a.syncReader(), a.restoreLast(nil))
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
	switch a.mode {
	case modePicker:
		a.picker.SetSize(l.width, l.bodyH)
	case modeBrowser:
		a.browser.SetSize(l.width, l.bodyH)
	}
}

// relayout recomputes the layout after a change of the shown pane.
func (a *App) relayout() tea.Cmd {
	a.lay = computeLayout(a.lay.width, a.lay.height, a.readerOpen)
	a.sizePanes()
	return a.syncReader()
}

// handleBackground picks the theme from the terminal's background colour,
// unless the user forced one.
func (a *App) handleBackground(msg tea.BackgroundColorMsg) tea.Cmd {
	if a.theme != ThemeAuto || msg.IsDark() == a.styles.Dark {
		return nil
	}
	a.applyTheme(msg.IsDark())
	return a.syncReader()
}
