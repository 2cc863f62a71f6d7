package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestMouseClicksAndWheel(t *testing.T) {
	texts := []string{
		wire("2025-01-01", "BAKU, January 1.", "The football club won the cup final after a late goal."),
		wire("2025-01-02", "BAKU, January 2.", "Shares rose after the company's profits beat forecasts."),
		wire("2025-01-03", "BAKU, January 3.", "The striker scored twice as the club won the league match."),
	}
	h := newHarness(t, texts...).size(120, 30)
	a := h.app
	if a.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("the reader should ask for mouse events")
	}
	// Rows: header 0, topic bar 1, list from 2; each entry takes two rows.
	h.send(tea.MouseClickMsg{X: 5, Y: 2 + 2*2, Button: tea.MouseLeft})
	if a.list.cursor != 2 || a.focus != paneReader {
		t.Fatalf("clicking the third entry should open it: cursor %d, focus %v", a.list.cursor, a.focus)
	}
	h.send(tea.MouseWheelMsg{X: 5, Y: 3, Button: tea.MouseWheelUp})
	if a.list.cursor != 1 {
		t.Fatalf("the wheel over the list moves its cursor: %d", a.list.cursor)
	}
	// The first chip starts at column 1 of the topic bar.
	before := len(a.list.docs)
	h.send(tea.MouseClickMsg{X: 2, Y: 1, Button: tea.MouseLeft})
	if len(a.tags.topics) != 1 || len(a.list.docs) >= before {
		t.Fatalf("clicking chip 1 should filter on its topic: %v, %d of %d", a.tags.topics, len(a.list.docs), before)
	}
	h.send(tea.MouseClickMsg{X: 2, Y: 1, Button: tea.MouseLeft})
	if len(a.tags.topics) != 0 {
		t.Fatal("clicking the chip again clears it")
	}
	// The wheel over a long document scrolls the reader.
	long := newHarness(t, seedText(t)).size(100, 12)
	long.keys("enter")
	long.send(tea.MouseWheelMsg{X: 80, Y: 6, Button: tea.MouseWheelDown})
	if long.app.reader.vp.YOffset() != wheelLines {
		t.Fatalf("the wheel over the reader scrolls it %d lines: offset %d", wheelLines, long.app.reader.vp.YOffset())
	}
	// Clicks outside any pane, or with a screen open, do nothing.
	long.keys("?")
	long.send(tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseLeft})
	if long.app.mode != modeHelp {
		t.Fatal("a click must not act behind the help screen")
	}
}
