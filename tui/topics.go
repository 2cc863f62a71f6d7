package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

// maxChips is how many topic chips the bar offers (keys 1–9).
const maxChips = 9

// chip is one topic in the topic bar.
type chip struct {
	id, label string
	count     int  // documents of the current result with the topic
	active    bool // part of the filter
}

// tagFilter is the topic and facet part of the list's filter.
type tagFilter struct {
	topics []string // topic IDs, in the order they were chosen
	facets []model.Facet
	anyOf  bool
}

func (f tagFilter) empty() bool { return len(f.topics) == 0 && len(f.facets) == 0 }

// query is the whole filter as a domain query.
func (a *App) query() model.Query {
	return model.Query{Text: a.filter.Value(), Topics: a.tags.topics, Facets: a.tags.facets, AnyOf: a.tags.anyOf}
}

// baseResult is the result of the text filter alone: the chips are
// chosen from it, so they keep their places while topics are toggled.
func (a *App) baseResult() []int {
	return a.corpus.Query(model.Query{Text: a.filter.Value()})
}

// baseCounts are the topic counts of baseResult, remembered until the
// text filter changes, so a topic toggle counts only the new result.
func (a *App) baseCounts() []model.Count {
	if a.base.counts == nil || a.base.text != a.filter.Value() {
		a.base.text, a.base.counts = a.filter.Value(), a.corpus.TopicCounts(a.baseResult())
	}
	return a.base.counts
}

// refreshChips recomputes the topic bar: the most frequent topics of the
// text-filtered result, counted in the current result. A chip keeps its
// number while topics are toggled, since the text filter alone chooses
// and orders them; an active topic that would not make the nine takes
// the place of the last inactive chip.
func (a *App) refreshChips(current []int) {
	inCurrent := map[string]int{}
	for _, c := range a.corpus.TopicCounts(current) {
		inCurrent[c.ID] = c.Count
	}
	var chips []chip
	for _, c := range a.baseCounts() {
		if len(chips) == maxChips {
			break
		}
		chips = append(chips, chip{id: c.ID, label: c.Label, count: inCurrent[c.ID], active: slices.Contains(a.tags.topics, c.ID)})
	}
	for _, id := range a.tags.topics {
		if slices.ContainsFunc(chips, func(c chip) bool { return c.id == id }) {
			continue
		}
		extra := chip{id: id, label: a.corpus.TopicLabel(id), count: inCurrent[id], active: true}
		if len(chips) < maxChips {
			chips = append(chips, extra)
			continue
		}
		for k := len(chips) - 1; k >= 0; k-- {
			if !chips[k].active {
				chips[k] = extra
				break
			}
		}
	}
	a.chips = chips
}

// toggleChip turns chip n (1-based) on or off; only chips the bar shows
// can be toggled.
func (a *App) toggleChip(n int) tea.Cmd {
	if n < 1 || n > a.chipsShown(a.lay.width) {
		return a.setStatus(fmt.Sprintf("No topic %d in the bar; t opens the topic picker.", n))
	}
	return a.toggleTopic(a.chips[n-1].id)
}

// chipsShown is how many chips fit in a bar of the given width.
func (a *App) chipsShown(width int) int {
	if a.lay.barH == 0 {
		return 0
	}
	used := 1
	for i, c := range a.chips {
		w := ansi.StringWidth(chipText(i, c)) + 1
		if used+w > width {
			return i
		}
		used += w
	}
	return len(a.chips)
}

// chipText is a chip as drawn: " 1 Security 12 ".
func chipText(i int, c chip) string {
	return fmt.Sprintf(" %d %s %d ", i+1, chipLabel(c.label), c.count)
}

// toggleTopic adds the topic to the filter or removes it.
func (a *App) toggleTopic(id string) tea.Cmd {
	if i := slices.Index(a.tags.topics, id); i >= 0 {
		a.tags.topics = slices.Delete(a.tags.topics, i, i+1)
	} else {
		a.tags.topics = append(a.tags.topics, id)
	}
	return a.applyFilter()
}

// clearTags removes every topic and facet from the filter.
func (a *App) clearTags() tea.Cmd {
	if a.tags.empty() {
		return nil
	}
	a.tags = tagFilter{}
	return a.applyFilter()
}

// topicBarView draws the chips: "1 Security 12", active ones highlighted.
func (a *App) topicBarView(width int) string {
	if len(a.chips) == 0 {
		return " " + a.styles.ListMeta.Render("No topics in these documents.")
	}
	var b strings.Builder
	b.WriteString(" ")
	for i, c := range a.chips[:a.chipsShown(width)] {
		style := a.styles.Chip
		if c.active {
			style = a.styles.ChipActive
		}
		b.WriteString(style.Render(chipText(i, c)) + " ")
	}
	return b.String()
}

// filterSummary describes the active topic and facet filter for the
// header: "all of: Security, Terrorism".
func (a *App) filterSummary() string {
	if a.tags.empty() {
		return ""
	}
	var names []string
	for _, id := range a.tags.topics {
		names = append(names, chipLabel(a.corpus.TopicLabel(id)))
	}
	for _, f := range a.tags.facets {
		names = append(names, f.Value)
	}
	mode := "all of"
	if a.tags.anyOf {
		mode = "any of"
	}
	return mode + ": " + strings.Join(names, ", ")
}

// tagsLine lists a document's topic labels for the list and the reader.
func tagsLine(d *model.Document) string {
	labels := make([]string, 0, len(d.Topics))
	for _, t := range d.Topics {
		labels = append(labels, t.Label)
	}
	return strings.Join(labels, " · ")
}

// chipLabel shortens a topic label for the bar: the part before " & " or
// ",", so "Security & defence" shows as "Security".
func chipLabel(label string) string {
	if i := strings.IndexAny(label, "&,"); i > 0 {
		label = strings.TrimSpace(label[:i])
	}
	return ansi.Truncate(label, 18, "…")
}
