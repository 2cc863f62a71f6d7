package tui

import (
	"charm.land/bubbles/v2/key"

	"rostrum/model"
)

// actions names the bindings a config file may change, by the names
// config.Actions lists.
func (k *KeyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"page_up": &k.PageUp, "page_down": &k.PageDown, "open": &k.Open, "back": &k.Back,
		"focus": &k.Focus, "next_doc": &k.NextDoc, "prev_doc": &k.PrevDoc, "filter": &k.Filter,
		"search": &k.Search, "next_match": &k.NextMatch, "prev_match": &k.PrevMatch,
		"next_quote": &k.NextQuote, "prev_quote": &k.PrevQuote, "copy_quote": &k.CopyQuote,
		"copy_citation": &k.CopyCitation, "quotes": &k.Quotes, "star": &k.Star,
		"mark_read": &k.MarkRead, "topics": &k.Topics, "problems": &k.Problems, "edit": &k.Edit,
		"pager": &k.Pager, "reload": &k.Reload, "help": &k.Help, "quit": &k.Quit,
	}
}

// Rebind gives an action new keys, keeping its help text (with the keys
// shown as the first of them); it reports whether the action exists. The
// keys come from the config file, so the one shown is sanitised.
func (k *KeyMap) Rebind(action string, keys []string) bool {
	b, ok := k.actions()[action]
	if !ok || len(keys) == 0 {
		return false
	}
	b.SetKeys(keys...)
	shown := model.OneLine(keys[0])
	if shown == "" {
		shown = "\ufffd"
	}
	b.SetHelp(shown, b.Help().Desc)
	return true
}

// Actions lists the action names Rebind knows.
func (k *KeyMap) Actions() []string {
	var names []string
	for name := range k.actions() {
		names = append(names, name)
	}
	return names
}
