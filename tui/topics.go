package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

// tagFilter is the topic and facet part of the list's filter.
type tagFilter struct {
	topics []string // topic IDs, in the order they were chosen
	facets []model.Facet
	anyOf  bool
}

func (f tagFilter) empty() bool { return len(f.topics) == 0 && len(f.facets) == 0 }

// summary describes the filter for the header: "all of: Security,
// Terrorism".
func (f tagFilter) summary(c *model.Corpus) string {
	if f.empty() {
		return ""
	}
	var names []string
	for _, id := range f.topics {
		names = append(names, chipLabel(c.TopicLabel(id)))
	}
	for _, fc := range f.facets {
		names = append(names, fc.Value)
	}
	mode := "all of"
	if f.anyOf {
		mode = "any of"
	}
	return mode + ": " + strings.Join(names, ", ")
}

// baseResult is the result of the text filter alone: the chips and the
// picker's items are chosen from it, so they keep their places while
// topics are toggled.
func (a *App) baseResult() []int {
	return a.corpus.Query(model.Query{Text: a.filter.Value()})
}

// toggleChip turns chip n (1-based) on or off; only chips the bar shows
// can be toggled.
func (a *App) toggleChip(n int) tea.Cmd {
	if n < 1 || n > a.bar.shown(a.lay.width, a.lay.barH) {
		return a.setStatus(fmt.Sprintf("No topic %d in the bar; t opens the topic picker.", n))
	}
	id := a.bar.chips[n-1].id
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
