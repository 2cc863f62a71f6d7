// Package testkit drives the UI's components in tests without a
// terminal: it makes key presses from their names and delivers messages
// the way the Bubble Tea runtime would.
package testkit

import (
	tea "charm.land/bubbletea/v2"

	"rostrum/tui/textin"
)

// Press is the key press named: enter, esc, tab, shift+tab, up, down,
// pgup, pgdown, ctrl+c, ctrl+d, ctrl+u, space, or any other text, which
// is the press of its first rune typing the text.
func Press(name string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"space":     {Code: tea.KeySpace, Text: " "},
	}
	if k, ok := special[name]; ok {
		return k
	}
	return tea.KeyPressMsg{Code: []rune(name)[0], Text: name}
}

// Updater is a component whose Update returns the component itself.
type Updater[M any] interface {
	Update(tea.Msg) (M, tea.Cmd)
}

// Send gives m the messages and returns it with the facts it reported,
// the messages its commands returned. The pause after an edit of a text
// input comes at once, so what typing narrows is narrowed.
func Send[M Updater[M]](m M, msgs ...tea.Msg) (M, []tea.Msg) {
	var facts []tea.Msg
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd == nil {
			continue
		}
		switch f := cmd().(type) {
		case textin.EditedMsg:
			if f.Changed {
				m, _ = m.Update(textin.PausedMsg{ID: f.ID, Seq: f.Seq})
			}
		default:
			facts = append(facts, f)
		}
	}
	return m, facts
}
