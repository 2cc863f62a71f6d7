package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// statusRightWidth is the room kept for the position at the right of the
// status line ("1234/5678").
const statusRightWidth = 10

// statusTimeout is how long a status message stays before the key hints
// come back.
const statusTimeout = 4 * time.Second

// status is a transient message in the status line. Each message gets a
// new generation number, so the timer of an older message cannot clear a
// newer one.
type status struct {
	text string
	gen  int
}

// after returns a command that delivers msg once d has passed.
func after(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// statusExpiredMsg says the message of generation gen has timed out.
type statusExpiredMsg struct{ gen int }

// setStatus shows text in the status line and returns the command that
// clears it after statusTimeout.
func (a *App) setStatus(text string) tea.Cmd {
	a.status.gen++
	a.status.text = text
	return a.after(statusTimeout, statusExpiredMsg{gen: a.status.gen})
}

func (a *App) handleStatusExpired(msg statusExpiredMsg) tea.Cmd {
	if msg.gen == a.status.gen {
		a.status.text = ""
	}
	return nil
}

// statusView is the bottom line: a message or key hints on the left, the
// position on the right.
func (a *App) statusView() string {
	w := a.lay.width
	right := a.positionText()
	leftW := max(w-ansi.StringWidth(right)-3, 0)
	var left string
	if a.mode == modeSearch {
		left = a.search.View()
	} else if a.status.text != "" {
		left = a.styles.StatusMsg.Render(ansi.Truncate(a.status.text, leftW, "…"))
	} else if t := a.searchText(); t != "" {
		left = a.styles.StatusMsg.Render(ansi.Truncate(t, leftW, "…"))
	} else {
		left = ansi.Truncate(a.hints.ShortHelpView(a.hintKeys()), leftW, "…")
	}
	gap := max(w-ansi.StringWidth(left)-ansi.StringWidth(right)-2, 1)
	return " " + left + fmt.Sprintf("%*s", gap, "") + a.styles.StatusRt.Render(right)
}

// positionText is the list position or the reading position.
func (a *App) positionText() string {
	if a.focus == paneReader && a.reader.Query() != "" {
		cur, total := a.reader.SearchPosition()
		return fmt.Sprintf("%d/%d", cur, total)
	}
	if a.focus == paneReader && a.reader.Doc() != nil {
		return fmt.Sprintf("%d%%", a.reader.ScrollPercent())
	}
	if n := len(a.list.Docs()); n > 0 {
		return fmt.Sprintf("%d/%d", a.list.Cursor()+1, n)
	}
	return ""
}
