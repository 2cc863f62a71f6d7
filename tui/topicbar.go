package tui

import (
	"fmt"
	"slices"
	"strings"

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

// topicBar is the row of topic chips under the header: the most frequent
// topics of the text-filtered result, counted in the current result.
// Keys 1–9 and clicks toggle them (the App's, since they change its
// filter).
type topicBar struct {
	chips []chip
	base  struct { // topic counts of the text-filtered result
		text   string
		counts []model.Count
	}
}

// forget drops the counts remembered: the corpus changed.
func (b *topicBar) forget() { b.base.counts = nil }

// baseCounts are the topic counts of the text filter's result, base,
// remembered until the text changes, so a topic toggle counts only the
// new result.
func (b *topicBar) baseCounts(c *model.Corpus, text string, base func() []int) []model.Count {
	if b.base.counts == nil || b.base.text != text {
		b.base.text, b.base.counts = text, c.TopicCounts(base())
	}
	return b.base.counts
}

// refresh recomputes the chips for the result current of the filter
// (text and tags); base gives the text filter's result. A chip keeps its
// number while topics are toggled, since the text filter alone chooses
// and orders them; an active topic that would not make the nine takes
// the place of the last inactive chip.
func (b *topicBar) refresh(c *model.Corpus, text string, base func() []int, tags tagFilter, current []int) {
	inCurrent := map[string]int{}
	for _, tc := range c.TopicCounts(current) {
		inCurrent[tc.ID] = tc.Count
	}
	var chips []chip
	for _, tc := range b.baseCounts(c, text, base) {
		if len(chips) == maxChips {
			break
		}
		chips = append(chips, chip{id: tc.ID, label: tc.Label, count: inCurrent[tc.ID], active: slices.Contains(tags.topics, tc.ID)})
	}
	for _, id := range tags.topics {
		if slices.ContainsFunc(chips, func(ch chip) bool { return ch.id == id }) {
			continue
		}
		extra := chip{id: id, label: c.TopicLabel(id), count: inCurrent[id], active: true}
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
	b.chips = chips
}

// shown is how many chips fit in a bar of the given width and height.
func (b topicBar) shown(width, height int) int {
	if height == 0 {
		return 0
	}
	used := 1
	for i, c := range b.chips {
		w := ansi.StringWidth(chipText(i, c)) + 1
		if used+w > width {
			return i
		}
		used += w
	}
	return len(b.chips)
}

// at is the index of the chip drawn at column x of a bar width wide, or
// -1.
func (b topicBar) at(x, width int) int {
	pos := 1 // the bar starts with a space
	for i, c := range b.chips[:b.shown(width, 1)] {
		w := ansi.StringWidth(chipText(i, c))
		if x >= pos && x < pos+w {
			return i
		}
		pos += w + 1
	}
	return -1
}

// view draws the chips that fit in width: "1 Security 12", active ones
// highlighted.
func (b topicBar) view(st Styles, width int) string {
	if len(b.chips) == 0 {
		return " " + st.ListMeta.Render("No topics in these documents.")
	}
	var sb strings.Builder
	sb.WriteString(" ")
	for i, c := range b.chips[:b.shown(width, 1)] {
		style := st.Chip
		if c.active {
			style = st.ChipActive
		}
		sb.WriteString(style.Render(chipText(i, c)) + " ")
	}
	return sb.String()
}

// chipText is a chip as drawn: " 1 Security 12 ".
func chipText(i int, c chip) string {
	return fmt.Sprintf(" %d %s %d ", i+1, chipLabel(c.label), c.count)
}
