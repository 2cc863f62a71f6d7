package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

// problemsScreen lists the files that could not be read, with why, and
// the notes on documents that were (!). Paths and reasons were made safe
// when loaded.
//
// Invariant: 0 <= offset <= max(len(entries())-1, 0).
type problemsScreen struct {
	corpus *model.Corpus
	offset int // the first entry shown
	keys   KeyMap
}

// problemsClosedMsg says the user closed the problems screen.
type problemsClosedMsg struct{}

// entries are the files that could not be read, then the notes on
// documents that were read.
func (p problemsScreen) entries() []model.Problem {
	return append(slices.Clip(p.corpus.Problems), p.corpus.Notes()...)
}

// SetCorpus shows the problems of c (a reload swapped the corpus in).
func (p *problemsScreen) SetCorpus(c *model.Corpus) {
	p.corpus = c
	p.offset = min(p.offset, max(len(p.entries())-1, 0))
}

// Update scrolls the screen, and reports when it is closed.
func (p problemsScreen) Update(msg tea.Msg) (problemsScreen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(k, p.keys.Problems, p.keys.Back):
		return p, report(problemsClosedMsg{})
	case key.Matches(k, p.keys.Down):
		p.offset = min(p.offset+1, max(len(p.entries())-1, 0))
	case key.Matches(k, p.keys.Up):
		p.offset = max(p.offset-1, 0)
	}
	return p, nil
}

// View draws the screen width cells wide.
func (p problemsScreen) View(st Styles, width int) string {
	ps := p.entries()
	skipped := len(p.corpus.Problems)
	head := fmt.Sprintf(" Problems · %s could not be read", plural(skipped, "file or record", "files or records"))
	if n := len(ps) - skipped; n > 0 {
		head += fmt.Sprintf(" · %s on documents read", plural(n, "note", "notes"))
	}
	lines := []string{st.Brand.Render(head + " · esc or ! closes"), ""}
	if len(ps) == 0 {
		lines = append(lines, "  "+st.ListEmpty.Render("Every file was read."))
	}
	for _, e := range ps[min(p.offset, len(ps)):] {
		reason := e.Reason
		if e.Read {
			reason = "read, with a note: " + reason
		}
		lines = append(lines, "  "+st.ListTitle.Render(ansi.Truncate(e.Path, max(width-4, 1), "…")),
			"    "+st.ListMeta.Render(ansi.Truncate(reason, max(width-6, 1), "…")))
	}
	return strings.Join(lines, "\n")
}
