package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/tui/box"
)

// pickItem is a topic or facet in the picker.
type pickItem struct {
	id    string // topic ID, or "kind:value" for a facet
	label string
	kind  string // "topic", "person", "org", "place" or "source"
	count int
	on    bool
}

// topicPicker chooses topics and facets for the filter. Typing narrows
// the items, space toggles one, tab switches all-of and any-of, enter
// applies and esc cancels. Nothing changes until enter.
type topicPicker struct {
	items         []pickItem
	shown         []int
	cursor        int
	offset        int
	input         textinput.Model
	anyOf         bool
	width, height int
}

// newTopicPicker lists the topics and facets of the text-filtered result
// with their counts, the active ones ticked.
func (a *App) newTopicPicker() *topicPicker {
	a.dropInput(inputPicker)
	p := &topicPicker{input: newTextInput(), anyOf: a.tags.anyOf}
	p.input.Prompt = "› "
	p.input.Placeholder = "type to narrow topics, people, organisations, places"
	p.input.SetStyles(a.styles.Filter)
	p.input.Focus()
	base := a.baseResult()
	for _, c := range a.corpus.TopicCounts(base) {
		p.items = append(p.items, pickItem{id: c.ID, label: c.Label, kind: "topic", count: c.Count, on: contains(a.tags.topics, c.ID)})
	}
	active := map[string]bool{}
	for _, f := range a.tags.facets {
		active[f.String()] = true
	}
	for _, c := range a.corpus.FacetCounts(base) {
		kind, _, _ := strings.Cut(c.ID, ":")
		p.items = append(p.items, pickItem{id: c.ID, label: c.Label, kind: kind, count: c.Count, on: active[c.ID]})
	}
	// Active topics and facets stay in the list even when the text filter
	// leaves no document with them, so applying keeps them.
	for _, id := range a.tags.topics {
		if !p.has(id) {
			p.items = append(p.items, pickItem{id: id, label: a.corpus.TopicLabel(id), kind: "topic", on: true})
		}
	}
	for _, f := range a.tags.facets {
		if !p.has(f.String()) {
			p.items = append(p.items, pickItem{id: f.String(), label: f.Value, kind: string(f.Kind), on: true})
		}
	}
	p.narrow()
	return p
}

// has reports whether an item with the ID is listed.
func (p *topicPicker) has(id string) bool {
	for _, it := range p.items {
		if it.id == id {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// narrow shows the items whose label or kind contains every typed word.
func (p *topicPicker) narrow() {
	terms := strings.Fields(strings.ToLower(p.input.Value()))
	p.shown = p.shown[:0]
	for i, it := range p.items {
		hay := strings.ToLower(it.label + " " + it.kind)
		ok := true
		for _, t := range terms {
			if !strings.Contains(hay, t) {
				ok = false
				break
			}
		}
		if ok {
			p.shown = append(p.shown, i)
		}
	}
	p.cursor, p.offset = 0, 0
}

func (p *topicPicker) rows() int { return max(p.height-3, 1) }

func (p *topicPicker) move(delta int) {
	p.cursor, p.offset = box.Scroll(p.cursor, p.offset, delta, len(p.shown), p.rows())
}

// View draws the picker.
func (p *topicPicker) View(st Styles) string {
	mode := "all of the ticked items"
	if p.anyOf {
		mode = "any of the ticked items"
	}
	head := st.Brand.Render(" Topics and facets") + st.HeaderText.Render(fmt.Sprintf(" · documents with %s · tab switches · space ticks · enter applies · esc cancels", mode))
	lines := []string{head, " " + p.input.View()}
	if len(p.shown) == 0 {
		lines = append(lines, "  "+st.ListEmpty.Render("Nothing matches."))
	}
	end := min(p.offset+p.rows(), len(p.shown))
	for k := p.offset; k < end; k++ {
		it := p.items[p.shown[k]]
		box := "[ ]"
		if it.on {
			box = "[x]"
		}
		row := fmt.Sprintf("%s %-7s %5d  %s", box, it.kind, it.count, it.label)
		row = ansi.Truncate(row, max(p.width-3, 1), "…")
		if k == p.cursor {
			lines = append(lines, st.ListBar.Render("│")+" "+st.ListSelTitle.Render(row))
		} else {
			lines = append(lines, "  "+st.ListTitle.Render(row))
		}
	}
	return strings.Join(lines, "\n")
}

// handlePickerKey gives every key to the picker while it is open; typing
// narrows the items once it pauses (see input.go).
func (a *App) handlePickerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p, k := a.picker, a.keys
	switch {
	case key.Matches(msg, k.PickApply):
		a.picker = nil
		a.tags = p.chosen()
		return a, a.applyFilter()
	case key.Matches(msg, k.PickCancel):
		a.picker = nil
		return a, nil
	case key.Matches(msg, k.PickMode):
		p.anyOf = !p.anyOf
	case key.Matches(msg, k.PickToggle):
		if len(p.shown) > 0 {
			it := &p.items[p.shown[p.cursor]]
			it.on = !it.on
		}
	case msg.String() == "up":
		p.move(-1)
	case msg.String() == "down":
		p.move(1)
	case msg.String() == "pgup":
		p.move(-p.rows())
	case msg.String() == "pgdown":
		p.move(p.rows())
	default:
		return a, a.inputEdited(inputPicker, editInput(&p.input, msg))
	}
	return a, nil
}

// chosen is the filter the picker's ticks make, topics in picker order.
func (p *topicPicker) chosen() tagFilter {
	f := tagFilter{anyOf: p.anyOf}
	for _, it := range p.items {
		if !it.on {
			continue
		}
		if it.kind == "topic" {
			f.topics = append(f.topics, it.id)
		} else if fc, ok := model.ParseFacet(it.id); ok {
			f.facets = append(f.facets, fc)
		}
	}
	return f
}
