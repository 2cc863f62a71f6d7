// Package picker is the topic picker: it chooses topics and facets
// (people, organisations, places, sources) for the list's filter. Typing
// narrows the items, space ticks one, tab switches all-of and any-of,
// enter applies and esc cancels; nothing changes until enter. The root
// builds the items from the corpus and acts on the facts the picker
// reports: ChosenMsg and CanceledMsg.
package picker

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/tui/cursor"
	"rostrum/tui/textin"
	"rostrum/tui/theme"
)

// Item is a topic or facet in the picker.
type Item struct {
	ID    string // topic ID, or "kind:value" for a facet
	Label string
	Kind  string // "topic", "person", "org", "place" or "source"
	Count int    // documents of the text-filtered result with it
	On    bool   // ticked
}

// Choice is the filter the ticks make.
type Choice struct {
	Topics []string // topic IDs, in picker order
	Facets []model.Facet
	AnyOf  bool // documents with any of them, not all
}

// ChosenMsg says the user applied the ticks (enter).
type ChosenMsg struct{ Choice Choice }

// CanceledMsg says the user closed the picker without applying (esc).
type CanceledMsg struct{}

// KeyMap holds the picker's keys. Letters type into the narrowing, so
// only the arrows and page keys move.
type KeyMap struct {
	Up, Down, PageUp, PageDown key.Binding
	Toggle, Apply, Cancel      key.Binding
	Mode                       key.Binding // all of / any of
}

// DefaultKeyMap returns the picker's default keys.
func DefaultKeyMap() KeyMap {
	b := func(k, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(k), key.WithHelp(helpKey, desc))
	}
	move := cursor.DefaultKeys()
	return KeyMap{
		Up:       b("up", "↑", "up"),
		Down:     b("down", "↓", "down"),
		PageUp:   move.PageUp,
		PageDown: move.PageDown,
		Toggle:   b("space", "space", "tick"),
		Apply:    b("enter", "enter", "apply"),
		Cancel:   b("esc", "esc", "cancel"),
		Mode:     b("tab", "tab", "all of / any of"),
	}
}

// ShortHelp lists the hints for the status line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Toggle, k.Mode, k.Apply, k.Cancel}
}

// FullHelp lists every key of the picker.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, k.ShortHelp()}
}

// Model is the open picker.
//
// Invariants: shown indexes items (and keeps cursor.List's).
type Model struct {
	items         []Item
	shown         cursor.List
	input         textin.Model
	anyOf         bool
	width, height int
	keys          KeyMap
	styles        theme.Styles
}

// New opens a picker on items, all of them shown, with the input
// focused.
func New(items []Item, anyOf bool, keys KeyMap, st theme.Styles) Model {
	p := Model{items: items, anyOf: anyOf, keys: keys, styles: st}
	p.input = textin.New("› ", "type to narrow topics, people, organisations, places")
	p.input.SetStyles(st.Filter)
	p.input.Focus()
	p.narrow()
	return p
}

// SetSize sets the picker's size in cells.
func (p *Model) SetSize(w, h int) {
	p.width, p.height = w, h
}

// SetStyles changes the styles (the theme changed).
func (p *Model) SetStyles(st theme.Styles) {
	p.styles = st
	p.input.SetStyles(st.Filter)
}

// KeyMap is the picker's keys.
func (p Model) KeyMap() KeyMap { return p.keys }

// Value is the text typed to narrow the items.
func (p Model) Value() string { return p.input.Value() }

// Shown is the items shown, in order.
func (p Model) Shown() []Item {
	out := make([]Item, p.shown.Len())
	for k := range out {
		out[k] = p.items[p.shown.At(k)]
	}
	return out
}

// Len is the number of items, shown or not.
func (p Model) Len() int { return len(p.items) }

// Check reports the first broken invariant, for tests.
func (p Model) Check() error {
	return p.shown.Check("topic picker", len(p.items))
}

// Update handles a key, a paste or the pause after typing. Every key is
// the picker's: what is not one of its keys is typed into the input.
func (p Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return p, cmd
	case textin.PausedMsg:
		if p.input.Paused(msg) {
			p.narrow()
		}
	}
	return p, nil
}

func (p Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Apply):
		return p, report(ChosenMsg{Choice: p.chosen()})
	case key.Matches(msg, k.Cancel):
		return p, report(CanceledMsg{})
	case key.Matches(msg, k.Mode):
		p.anyOf = !p.anyOf
	case key.Matches(msg, k.Toggle):
		if i, ok := p.shown.Selected(); ok {
			p.items[i].On = !p.items[i].On
		}
	default:
		move := cursor.Keys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}
		if delta, ok := move.Delta(msg, p.shown.Len(), p.rows()); ok {
			p.move(delta)
			return p, nil
		}
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return p, cmd
	}
	return p, nil
}

// report is a command that reports a fact to the root.
func report(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// narrow shows the items whose label or kind contains every typed word.
func (p *Model) narrow() {
	p.shown.Narrow(p.input.Value(), len(p.items), func(i int) string {
		return strings.ToLower(p.items[i].Label + " " + p.items[i].Kind)
	})
}

func (p *Model) rows() int { return max(p.height-3, 1) }

func (p *Model) move(delta int) {
	p.shown.Move(delta, p.rows())
}

// chosen is the filter the ticks make, topics in picker order.
func (p Model) chosen() Choice {
	c := Choice{AnyOf: p.anyOf}
	for _, it := range p.items {
		if !it.On {
			continue
		}
		if it.Kind == "topic" {
			c.Topics = append(c.Topics, it.ID)
		} else if f, ok := model.ParseFacet(it.ID); ok {
			c.Facets = append(c.Facets, f)
		}
	}
	return c
}

// View draws the picker.
func (p Model) View() string {
	st := p.styles
	mode := "all of the ticked items"
	if p.anyOf {
		mode = "any of the ticked items"
	}
	head := st.Brand.Render(" Topics and facets") + st.HeaderText.Render(fmt.Sprintf(" · documents with %s · tab switches · space ticks · enter applies · esc cancels", mode))
	lines := []string{head, " " + p.input.View()}
	if p.shown.Len() == 0 {
		lines = append(lines, "  "+st.ListEmpty.Render("Nothing matches."))
	}
	from, to := p.shown.InView(p.rows())
	for k := from; k < to; k++ {
		it := p.items[p.shown.At(k)]
		tick := "[ ]"
		if it.On {
			tick = "[x]"
		}
		row := fmt.Sprintf("%s %-7s %5d  %s", tick, it.Kind, it.Count, it.Label)
		row = ansi.Truncate(row, max(p.width-3, 1), "…")
		if k == p.shown.Cursor() {
			lines = append(lines, st.ListBar.Render("│")+" "+st.ListSelTitle.Render(row))
		} else {
			lines = append(lines, "  "+st.ListTitle.Render(row))
		}
	}
	return strings.Join(lines, "\n")
}
