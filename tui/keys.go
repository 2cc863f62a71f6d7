package tui

import (
	"charm.land/bubbles/v2/key"

	"rostrum/tui/browser"
	"rostrum/tui/cursor"
	"rostrum/tui/picker"
)

// KeyMap holds every key binding. Bindings carry their own help text, so
// the status-line hints and the full help (?) are generated from it.
type KeyMap struct {
	cursor.Keys             // Up, Down, Top, Bottom, PageUp, PageDown, HalfPageUp, HalfPageDown
	Open, Back, Focus       key.Binding
	NextDoc, PrevDoc        key.Binding
	Filter, FilterAccept    key.Binding
	FilterCancel            key.Binding
	Search                  key.Binding // / with the reader focused
	NextMatch, PrevMatch    key.Binding
	NextQuote, PrevQuote    key.Binding
	CopyQuote, CopyCitation key.Binding
	Quotes, SortQuotes      key.Binding
	Chips                   key.Binding // 1–9: toggle a topic chip
	ClearTopics, Topics     key.Binding
	PickToggle, PickApply   key.Binding
	PickCancel, PickMode    key.Binding
	Problems                key.Binding
	Edit, Pager, Reload     key.Binding
	Star, MarkRead, Export  key.Binding
	Help, Quit, ForceQuit   key.Binding
}

// DefaultKeyMap returns the default bindings (see the README's key table).
// The keys the quote browser and the topic picker share with the App are
// defined with them and taken from there, so each default is written
// once; browserKeys and pickerKeys hand them back, rebound.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	bk, pk := browser.DefaultKeyMap(), picker.DefaultKeyMap()
	return KeyMap{
		Keys:         bk.Keys,
		Open:         bk.Open,
		Back:         bk.Back,
		Focus:        b([]string{"tab", "shift+tab"}, "tab", "switch pane"),
		NextDoc:      b([]string{"J"}, "J", "next document"),
		PrevDoc:      b([]string{"K"}, "K", "previous document"),
		Filter:       bk.Filter,
		FilterAccept: bk.FilterAccept,
		FilterCancel: bk.FilterCancel,
		Search:       b([]string{"/"}, "/", "search in document"),
		NextMatch:    b([]string{"n"}, "n", "next match"),
		PrevMatch:    b([]string{"N"}, "N", "previous match"),
		NextQuote:    b([]string{"]"}, "]", "next quote"),
		PrevQuote:    b([]string{"["}, "[", "previous quote"),
		CopyQuote:    bk.CopyQuote,
		CopyCitation: bk.CopyCitation,
		Quotes:       bk.Close,
		SortQuotes:   bk.Sort,
		Star:         bk.Star,
		MarkRead:     b([]string{"m"}, "m", "mark read/unread"),
		Export:       bk.Export,
		Chips:        b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1…9", "toggle topic chip"),
		ClearTopics:  b([]string{"0"}, "0", "clear topics"),
		Topics:       b([]string{"t"}, "t", "topic picker"),
		PickToggle:   pk.Toggle,
		PickApply:    pk.Apply,
		PickCancel:   pk.Cancel,
		PickMode:     pk.Mode,
		Problems:     b([]string{"!"}, "!", "problems"),
		Edit:         b([]string{"e"}, "e", "edit in $EDITOR"),
		Pager:        b([]string{"o"}, "o", "open in $PAGER"),
		Reload:       b([]string{"r"}, "r", "reload"),
		Help:         b([]string{"?"}, "?", "help"),
		Quit:         b([]string{"q"}, "q", "quit"),
		ForceQuit:    b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// FullHelp lists every binding in columns, for the help screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown},
		{k.Open, k.Back, k.Focus, k.NextDoc, k.PrevDoc, k.Filter, k.FilterAccept, k.FilterCancel},
		{k.NextQuote, k.PrevQuote, k.CopyQuote, k.CopyCitation, k.Star, k.Quotes, k.SortQuotes, k.Export, k.MarkRead},
		{k.Chips, k.ClearTopics, k.Topics, k.PickToggle, k.PickMode, k.Edit, k.Pager, k.Reload},
		{k.Search, k.NextMatch, k.PrevMatch, k.Problems, k.Help, k.Quit, k.ForceQuit},
	}
}

// The panes' key maps are taken from the App's, so that a key rebound by
// the config file (see Rebind) is rebound wherever it acts.

// listKeys is the list's share of the keys.
func (k KeyMap) listKeys() listKeyMap {
	return listKeyMap{
		Keys:    k.Keys,
		NextDoc: k.NextDoc, PrevDoc: k.PrevDoc, Open: k.Open, Back: k.Back, Filter: k.Filter,
	}
}

// readerKeys is the reader's share of the keys.
func (k KeyMap) readerKeys() readerKeyMap {
	return readerKeyMap{
		Keys:    k.Keys,
		NextDoc: k.NextDoc, PrevDoc: k.PrevDoc, Back: k.Back, Search: k.Search, Star: k.Star,
		NextMatch: k.NextMatch, PrevMatch: k.PrevMatch,
	}
}

// pickerKeys is the topic picker's share of the keys; it moves with the
// arrows only, since letters type.
func (k KeyMap) pickerKeys() picker.KeyMap {
	pk := picker.DefaultKeyMap()
	pk.Toggle, pk.Apply, pk.Cancel, pk.Mode = k.PickToggle, k.PickApply, k.PickCancel, k.PickMode
	return pk
}

// browserKeys is the quote browser's share of the keys.
func (k KeyMap) browserKeys() browser.KeyMap {
	return browser.KeyMap{
		Keys: k.Keys,
		Open: k.Open, Back: k.Back, Close: k.Quotes, Filter: k.Filter, Sort: k.SortQuotes,
		FilterAccept: k.FilterAccept, FilterCancel: k.FilterCancel,
		CopyQuote: k.CopyQuote, CopyCitation: k.CopyCitation, Star: k.Star, Export: k.Export,
	}
}
