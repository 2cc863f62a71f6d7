package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// docsLoadedMsg brings a batch of documents read by a load in progress.
type docsLoadedMsg struct{ p model.Progress }

// loadFinishedMsg says the load has ended.
type loadFinishedMsg struct{}

// waitLoad waits for the next batch of a load in progress.
func waitLoad(ch <-chan model.Progress) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-ch
		if !ok {
			return loadFinishedMsg{}
		}
		return docsLoadedMsg{p: p}
	}
}

// handleDocsLoaded adds a batch to the corpus and refreshes the list, the
// chips and the header, keeping the selection.
func (a *App) handleDocsLoaded(msg docsLoadedMsg) tea.Cmd {
	a.corpus.Append(msg.p.Docs, msg.p.Problems)
	a.load.done, a.load.total = msg.p.Done, msg.p.Total
	a.bar.forget()
	return tea.Batch(a.applyFilter(), a.restoreLast(msg.p.Docs), waitLoad(a.load.ch))
}

// handleLoadFinished ends the loading state and says when nothing loaded.
func (a *App) handleLoadFinished() tea.Cmd {
	a.load.ch = nil
	if d := a.reader.Doc(); a.restore != nil && !a.restore.pending && (d == nil || d.ID != a.restore.Doc) {
		a.restore = nil // the last document is gone, or not listed
	}
	var cmd tea.Cmd
	if a.reload.again { // files changed while loading
		a.reload.again = false
		cmd = a.startReload()
	}
	if a.corpus.Len() == 0 {
		return tea.Batch(cmd, a.setStatus(fmt.Sprintf("Nothing could be read: %s.", plural(len(a.corpus.Problems), "problem", "problems"))))
	}
	return cmd
}

// progress is the header's progress while loading ("Loading 4,210 /
// 10,000") or reloading, or "".
func (s *sources) progress() string {
	var p string
	if s.load.ch != nil {
		p = fmt.Sprintf("Loading %s / %s", thousands(s.load.done), thousands(s.load.total))
	}
	if s.reload.ch != nil {
		p += fmt.Sprintf("Reloading %s / %s", thousands(s.reload.done), thousands(s.reload.total))
	}
	return p
}

// thousands writes n with comma separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
