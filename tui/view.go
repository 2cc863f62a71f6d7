package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"rostrum/tui/box"
)

// View returns the frame to draw. It never changes the App: after a
// message that changed nothing drawn it gives the frame Update kept
// (keepFrame), and otherwise draws a new one.
func (a *App) View() tea.View {
	if a.still != nil {
		return *a.still
	}
	return a.frame()
}

// frame assembles the whole screen; it is the one place a frame is
// built. Nothing is drawn before the first size.
func (a *App) frame() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if !a.ready {
		return v
	}
	l := a.lay
	parts := make([]string, 0, 4)
	if l.headerH > 0 {
		parts = append(parts, box.Fit(a.headerView(), l.width, l.headerH))
	}
	if l.barH > 0 {
		parts = append(parts, box.Fit(a.bar.view(a.styles, l.width), l.width, l.barH))
	}
	if body := a.bodyView(); body != "" {
		parts = append(parts, body)
	}
	if l.statusH > 0 {
		parts = append(parts, box.Fit(a.statusView(), l.width, l.statusH))
	}
	// The last filter before the terminal: whatever a document, file name,
	// topic, setting or state file put into any part of the screen, only
	// text, SGR and honest hyperlinks are drawn. Bubble Tea adds its own
	// sequences after this.
	v.Content = TerminalSafe(strings.Join(parts, "\n"))
	return v
}

// bodyView draws the panes, or the screen that covers them, between
// header and status.
func (a *App) bodyView() string {
	l := a.lay
	if l.bodyH <= 0 || l.width <= 0 {
		return ""
	}
	switch a.mode {
	case modeProblems:
		return box.Fit(a.problems.View(a.styles, l.width), l.width, l.bodyH)
	case modePicker:
		return box.Fit(a.picker.View(), l.width, l.bodyH)
	case modeBrowser:
		return box.Fit(a.browser.View(), l.width, l.bodyH)
	case modeHelp:
		return box.Fit("\n"+a.helpScreen(l.width-2), l.width, l.bodyH)
	}
	var blocks []string
	if l.listW > 0 {
		blocks = append(blocks, box.Fit(a.listView(), l.listW, l.bodyH))
	}
	if l.sepW > 0 {
		sep := a.styles.Separator
		if a.focus == paneReader {
			sep = a.styles.SeparatorFocused
		}
		blocks = append(blocks, box.Fit(strings.Repeat(sep.Render("│")+"\n", l.bodyH), l.sepW, l.bodyH))
	}
	if l.readerW > 0 {
		blocks = append(blocks, box.Fit(a.reader.View(), l.readerW, l.bodyH))
	}
	return box.Columns(blocks...)
}

// listView is the filter line (while filtering or filtered) and the list.
func (a *App) listView() string {
	empty := "No documents."
	if q := a.filter.Value(); q != "" {
		empty = fmt.Sprintf("No documents match “%s”. Press esc to clear the filter.", q)
	}
	list := a.list.View(a.focus == paneList && a.mode != modeFilter, empty)
	if !a.filterShown() {
		return list
	}
	return a.filter.View() + "\n" + list
}

// filterShown reports whether the filter line takes the list's first row.
func (a *App) filterShown() bool { return a.mode == modeFilter || a.filter.Value() != "" }

// headerView is the top line: name, document count, active filter.
func (a *App) headerView() string {
	st := a.styles
	n, total := len(a.list.Docs()), a.corpus.Len()
	count := plural(total, "document", "documents")
	if a.filter.Value() != "" || !a.tags.empty() {
		count = thousands(n) + " of " + count
	}
	if sum := a.tags.summary(a.corpus); sum != "" {
		count += " · " + sum
	}
	if a.filter.Value() != "" {
		count += fmt.Sprintf(" · filter “%s”", a.filter.Value())
	}
	if l := a.progress(); l != "" {
		count = l + " · " + count
	}
	s := " " + st.Brand.Render("Rostrum") + st.HeaderText.Render(" · "+count)
	if p := len(a.corpus.Problems); p > 0 {
		s += st.HeaderWarn.Render(" · " + plural(p, "problem", "problems"))
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// helpScreen lays the full help's columns out in rows of as many columns
// as fit in width, so that no column is cut off on a narrow screen.
func (a *App) helpScreen(width int) string {
	cols := a.keys.FullHelp()
	h := a.help // a copy, to lay out without cutting
	h.SetWidth(0)
	var blocks []string
	for len(cols) > 0 {
		n := 1
		for n < len(cols) && lipgloss.Width(h.FullHelpView(cols[:n+1])) <= width {
			n++
		}
		blocks = append(blocks, "  "+strings.ReplaceAll(h.FullHelpView(cols[:n]), "\n", "\n  "))
		cols = cols[n:]
	}
	return strings.Join(blocks, "\n\n")
}
