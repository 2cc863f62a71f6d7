package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding. Bindings carry their own help text, so
// the status-line hints and the full help (?) are generated from it.
type KeyMap struct {
	Up, Down, Top, Bottom    key.Binding
	PageUp, PageDown         key.Binding
	HalfPageUp, HalfPageDown key.Binding
	Open, Back, Focus        key.Binding
	NextDoc, PrevDoc         key.Binding
	Filter, FilterAccept     key.Binding
	FilterCancel             key.Binding
	Search                   key.Binding // / with the reader focused
	NextMatch, PrevMatch     key.Binding
	NextQuote, PrevQuote     key.Binding
	CopyQuote, CopyCitation  key.Binding
	Quotes, SortQuotes       key.Binding
	Chips                    key.Binding // 1–9: toggle a topic chip
	ClearTopics, Topics      key.Binding
	PickToggle, PickApply    key.Binding
	PickCancel, PickMode     key.Binding
	Problems                 key.Binding
	Edit, Pager, Reload      key.Binding
	Star, MarkRead, Export   key.Binding
	Help, Quit, ForceQuit    key.Binding
}

// DefaultKeyMap returns the default bindings (see the README's key table).
func DefaultKeyMap() KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return KeyMap{
		Up:           b([]string{"k", "up"}, "↑/k", "up"),
		Down:         b([]string{"j", "down"}, "↓/j", "down"),
		Top:          b([]string{"g", "home"}, "g/home", "top"),
		Bottom:       b([]string{"G", "end"}, "G/end", "bottom"),
		PageUp:       b([]string{"pgup"}, "pgup", "page up"),
		PageDown:     b([]string{"pgdown"}, "pgdn", "page down"),
		HalfPageUp:   b([]string{"ctrl+u"}, "ctrl+u", "½ page up"),
		HalfPageDown: b([]string{"ctrl+d"}, "ctrl+d", "½ page down"),
		Open:         b([]string{"enter"}, "enter", "read"),
		Back:         b([]string{"esc"}, "esc", "back"),
		Focus:        b([]string{"tab", "shift+tab"}, "tab", "switch pane"),
		NextDoc:      b([]string{"J"}, "J", "next document"),
		PrevDoc:      b([]string{"K"}, "K", "previous document"),
		Filter:       b([]string{"/"}, "/", "filter"),
		FilterAccept: b([]string{"enter"}, "enter", "keep filter"),
		FilterCancel: b([]string{"esc"}, "esc", "clear filter"),
		Search:       b([]string{"/"}, "/", "search in document"),
		NextMatch:    b([]string{"n"}, "n", "next match"),
		PrevMatch:    b([]string{"N"}, "N", "previous match"),
		NextQuote:    b([]string{"]"}, "]", "next quote"),
		PrevQuote:    b([]string{"["}, "[", "previous quote"),
		CopyQuote:    b([]string{"y"}, "y", "copy quote"),
		CopyCitation: b([]string{"Y"}, "Y", "copy with citation"),
		Quotes:       b([]string{"Q"}, "Q", "quote browser"),
		SortQuotes:   b([]string{"S"}, "S", "sort by speaker/document"),
		Star:         b([]string{"s"}, "s", "star quote"),
		MarkRead:     b([]string{"m"}, "m", "mark read/unread"),
		Export:       b([]string{"E"}, "E", "export shown quotes"),
		Chips:        b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1…9", "toggle topic chip"),
		ClearTopics:  b([]string{"0"}, "0", "clear topics"),
		Topics:       b([]string{"t"}, "t", "topic picker"),
		PickToggle:   b([]string{"space"}, "space", "tick"),
		PickApply:    b([]string{"enter"}, "enter", "apply"),
		PickCancel:   b([]string{"esc"}, "esc", "cancel"),
		PickMode:     b([]string{"tab"}, "tab", "all of / any of"),
		Problems:     b([]string{"!"}, "!", "problems"),
		Edit:         b([]string{"e"}, "e", "edit in $EDITOR"),
		Pager:        b([]string{"o"}, "o", "open in $PAGER"),
		Reload:       b([]string{"r"}, "r", "reload"),
		Help:         b([]string{"?"}, "?", "help"),
		Quit:         b([]string{"q"}, "q", "quit"),
		ForceQuit:    b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// keyContext says which keys apply now, for the status-line hints.
type keyContext int

const (
	ctxList keyContext = iota
	ctxReader
	ctxFilter
	ctxHelp
	ctxBrowser
	ctxPicker
	ctxSearch
)

// contextHelp adapts a KeyMap to help.KeyMap for one context.
type contextHelp struct {
	km  KeyMap
	ctx keyContext
}

// ShortHelp lists the hints shown in the status line.
func (h contextHelp) ShortHelp() []key.Binding {
	k := h.km
	switch h.ctx {
	case ctxFilter:
		return []key.Binding{k.FilterAccept, k.FilterCancel}
	case ctxSearch:
		return []key.Binding{k.NextMatch, k.PrevMatch, k.Search, k.Back}
	case ctxReader:
		return []key.Binding{k.NextQuote, k.CopyQuote, k.CopyCitation, k.Search, k.NextDoc, k.Back, k.Help, k.Quit}
	case ctxBrowser:
		return []key.Binding{k.Open, k.CopyQuote, k.CopyCitation, k.Star, k.Export, k.Filter, k.SortQuotes, k.Back}
	case ctxHelp:
		return []key.Binding{k.Help, k.Quit}
	case ctxPicker:
		return []key.Binding{k.PickToggle, k.PickMode, k.PickApply, k.PickCancel}
	}
	return []key.Binding{k.Down, k.Open, k.Filter, k.Chips, k.Topics, k.Quotes, k.Help, k.Quit}
}

// FullHelp lists every binding in columns, for the help screen.
func (h contextHelp) FullHelp() [][]key.Binding {
	k := h.km
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown},
		{k.Open, k.Back, k.Focus, k.NextDoc, k.PrevDoc, k.Filter, k.FilterAccept, k.FilterCancel},
		{k.NextQuote, k.PrevQuote, k.CopyQuote, k.CopyCitation, k.Star, k.Quotes, k.SortQuotes, k.Export, k.MarkRead},
		{k.Chips, k.ClearTopics, k.Topics, k.PickToggle, k.PickMode, k.Edit, k.Pager, k.Reload},
		{k.Search, k.NextMatch, k.PrevMatch, k.Problems, k.Help, k.Quit, k.ForceQuit},
	}
}
