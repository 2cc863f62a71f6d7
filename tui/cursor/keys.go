package cursor

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Keys holds the keys that move a cursor. A binding left empty never
// matches.
type Keys struct {
	Up, Down, Top, Bottom    key.Binding
	PageUp, PageDown         key.Binding
	HalfPageUp, HalfPageDown key.Binding
}

// DefaultKeys returns the default movement keys (see the README's key
// table).
func DefaultKeys() Keys {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return Keys{
		Up:           b([]string{"k", "up"}, "↑/k", "up"),
		Down:         b([]string{"j", "down"}, "↓/j", "down"),
		Top:          b([]string{"g", "home"}, "g/home", "top"),
		Bottom:       b([]string{"G", "end"}, "G/end", "bottom"),
		PageUp:       b([]string{"pgup"}, "pgup", "page up"),
		PageDown:     b([]string{"pgdown"}, "pgdn", "page down"),
		HalfPageUp:   b([]string{"ctrl+u"}, "ctrl+u", "½ page up"),
		HalfPageDown: b([]string{"ctrl+d"}, "ctrl+d", "½ page down"),
	}
}

// Delta is how far msg moves a cursor in a list of n entries, page of
// them in view, and whether msg is one of the movement keys at all. Top
// and Bottom move by n, which a clamped cursor turns into the first and
// the last entry.
func (k Keys) Delta(msg tea.KeyPressMsg, n, page int) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.Top):
		return -n, true
	case key.Matches(msg, k.Bottom):
		return n, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.HalfPageUp):
		return -max(page/2, 1), true
	case key.Matches(msg, k.HalfPageDown):
		return max(page/2, 1), true
	}
	return 0, false
}
