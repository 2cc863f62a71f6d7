package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// A reload reads the opened paths again into a new corpus behind the one
// shown, and swaps it in when done, keeping the selected document (by its
// file, since an edited document has a new ID). A reload asked for while
// one runs starts again when it ends.

// reloadMsg brings a batch of a reload; gen tells a stale reload's apart.
type reloadMsg struct {
	gen int
	p   model.Progress
}

// reloadDoneMsg says reload gen has read everything.
type reloadDoneMsg struct{ gen int }

// filesChangedMsg says files under the opened folders changed.
type filesChangedMsg struct{ paths []string }

type reloadState struct {
	gen         int
	ch          <-chan model.Progress // nil when no reload runs
	next        *model.Corpus
	done, total int
	again       bool // another reload was asked for meanwhile
}

func waitReload(ch <-chan model.Progress, gen int) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-ch
		if !ok {
			return reloadDoneMsg{gen: gen}
		}
		return reloadMsg{gen: gen, p: p}
	}
}

// waitChanges waits for the next change to the opened files.
func waitChanges(ch <-chan []string) tea.Cmd {
	return func() tea.Msg {
		paths, ok := <-ch
		if !ok {
			return nil
		}
		return filesChangedMsg{paths: paths}
	}
}

// startReload starts reading the opened paths again.
func (a *App) startReload() tea.Cmd {
	switch {
	case a.reloadFn == nil:
		return a.setStatus("Nothing to reload: these documents were not read from files")
	case a.load.ch != nil || a.reload.ch != nil:
		a.reload.again = true
		return nil
	}
	a.reload.gen++
	a.reload.ch = a.reloadFn()
	a.reload.next = model.NewCorpus(nil, nil)
	a.reload.done, a.reload.total = 0, 0
	return waitReload(a.reload.ch, a.reload.gen)
}

func (a *App) handleReload(msg reloadMsg) tea.Cmd {
	if msg.gen != a.reload.gen || a.reload.ch == nil {
		return nil
	}
	a.reload.next.Append(msg.p.Docs, msg.p.Problems)
	a.reload.done, a.reload.total = msg.p.Done, msg.p.Total
	return waitReload(a.reload.ch, msg.gen)
}

// handleReloadDone swaps the new corpus in, keeping the selection.
func (a *App) handleReloadDone(msg reloadDoneMsg) tea.Cmd {
	if msg.gen != a.reload.gen || a.reload.ch == nil {
		return nil
	}
	old, next := a.corpus, a.reload.next
	a.reload.ch, a.reload.next = nil, nil
	// The selected file's document may have a new ID (its text changed):
	// find it by path before the list is rebuilt, so that nothing else is
	// selected (and rendered, and marked read) on the way.
	keep := ""
	if d := a.list.Selected(); d != nil {
		keep = d.ID
		for _, nd := range next.Docs {
			if nd.Path == d.Path {
				keep = nd.ID
				break
			}
		}
	}
	a.corpus = next
	if a.mode == modeProblems {
		a.problems.SetCorpus(next)
	}
	a.bar.forget()
	done := fmt.Sprintf("Reloaded: %s (was %s)", plural(next.Len(), "document", "documents"), thousands(old.Len()))
	if failed := a.failureShown(); failed != "" {
		done = failed + " · " + done // the editor's failure stays in view
	}
	cmds := []tea.Cmd{a.applyFilterKeeping(keep), a.setStatus(done)}
	if a.reload.again {
		a.reload.again = false
		cmds = append(cmds, a.startReload())
	}
	return tea.Batch(cmds...)
}

// handleFilesChanged reloads after files changed, and waits for more.
func (a *App) handleFilesChanged() tea.Cmd {
	return tea.Batch(a.startReload(), waitChanges(a.changes))
}
