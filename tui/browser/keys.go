package browser

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rostrum/tui/cursor"
	"rostrum/tui/textin"
)

// KeyMap holds the browser's keys. While the filter is typed only
// FilterAccept and FilterCancel act; every other key is typed.
type KeyMap struct {
	cursor.Keys             // Up, Down, Top, Bottom, PageUp, PageDown, HalfPageUp, HalfPageDown
	Open, Back, Close       key.Binding
	Filter, Sort            key.Binding
	FilterAccept            key.Binding
	FilterCancel            key.Binding
	CopyQuote, CopyCitation key.Binding
	Star, Export            key.Binding
}

// DefaultKeyMap returns the browser's default keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return KeyMap{
		Keys:         cursor.DefaultKeys(),
		Open:         b([]string{"enter"}, "enter", "read"),
		Back:         b([]string{"esc"}, "esc", "back"),
		Close:        b([]string{"Q"}, "Q", "quote browser"),
		Filter:       b([]string{"/"}, "/", "filter"),
		Sort:         b([]string{"S"}, "S", "sort by speaker/document"),
		FilterAccept: b([]string{"enter"}, "enter", "keep filter"),
		FilterCancel: b([]string{"esc"}, "esc", "clear filter"),
		CopyQuote:    b([]string{"y"}, "y", "copy quote"),
		CopyCitation: b([]string{"Y"}, "Y", "copy with citation"),
		Star:         b([]string{"s"}, "s", "star quote"),
		Export:       b([]string{"E"}, "E", "export shown quotes"),
	}
}

// ShortHelp lists the hints for the status line while browsing.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.CopyQuote, k.CopyCitation, k.Star, k.Export, k.Filter, k.Sort, k.Back}
}

// FullHelp lists every key of the browser.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown},
		k.ShortHelp(),
		{k.Close, k.FilterAccept, k.FilterCancel},
	}
}

// ShortHelp lists the hints that apply now: the filter's while it is
// typed.
func (b Model) ShortHelp() []key.Binding {
	if b.filtering {
		return []key.Binding{b.keys.FilterAccept, b.keys.FilterCancel}
	}
	return b.keys.ShortHelp()
}

// Update handles a key, a paste (while the filter is typed) or the pause
// after typing, which narrows the quotes (enter narrows at once).
func (b Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if b.filtering {
			return b.filterKey(msg)
		}
		return b.browseKey(msg)
	case tea.PasteMsg:
		if b.filtering {
			var cmd tea.Cmd
			b.filter, cmd = b.filter.Update(msg)
			return b, cmd
		}
	case textin.PausedMsg:
		if b.filter.Paused(msg) {
			b.applyFilter()
		}
	}
	return b, nil
}

// filterKey gives every key to the filter, except enter (keep the filter,
// leave the input) and esc (clear it).
func (b Model) filterKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, b.keys.FilterAccept):
		b.filtering = false
		b.filter.Blur()
		if b.filter.Settle() {
			b.applyFilter()
		}
	case key.Matches(msg, b.keys.FilterCancel):
		b.filtering = false
		b.filter.Blur()
		b.filter.Reset()
		b.applyFilter()
	default:
		var cmd tea.Cmd
		b.filter, cmd = b.filter.Update(msg)
		return b, cmd
	}
	return b, nil
}

// browseKey moves, sorts, starts the filter, or reports what the user
// asked of the quote under the cursor.
func (b Model) browseKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := b.keys
	q, ok := b.selected()
	switch {
	case key.Matches(msg, k.Back) && b.filter.Value() != "":
		b.filter.Reset()
		b.applyFilter()
	case key.Matches(msg, k.Back, k.Close):
		return b, report(ClosedMsg{})
	case key.Matches(msg, k.Filter):
		b.filtering = true
		b.filter.Focus()
	case key.Matches(msg, k.Sort):
		b.bySpeaker = !b.bySpeaker
		b.sort()
	case key.Matches(msg, k.Open):
		if ok {
			return b, report(QuoteChosenMsg{Quote: q})
		}
	case key.Matches(msg, k.CopyQuote, k.CopyCitation):
		if ok {
			return b, report(CopyAskedMsg{Quote: q, Cite: key.Matches(msg, k.CopyCitation)})
		}
	case key.Matches(msg, k.Star):
		if ok {
			return b, report(StarAskedMsg{Quote: q})
		}
	case key.Matches(msg, k.Export):
		return b, report(ExportAskedMsg{Quotes: b.Shown()})
	default:
		if delta, ok := k.Delta(msg, b.shown.Len(), b.rows()); ok {
			b.move(delta)
		}
	}
	return b, nil
}

// report is a command that reports a fact to the root.
func report(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
