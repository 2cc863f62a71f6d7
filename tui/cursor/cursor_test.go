package cursor

import (
	"slices"
	"testing"

	"rostrum/tui/internal/testkit"
)

func TestNarrowKeepsEntriesHoldingEveryWord(t *testing.T) {
	hay := []string{"harvest news ann smith", "port news bob jones", "crowd"}
	var l List
	if _, ok := l.Selected(); ok || l.Check("zero list", 0) != nil {
		t.Fatal("the zero list shows nothing")
	}
	l.Narrow("  NEWS  bob ", len(hay), func(i int) string { return hay[i] })
	if i, ok := l.Selected(); !ok || l.Len() != 1 || i != 1 {
		t.Fatalf("news and bob narrow to entry 1: %d shown, selected %d", l.Len(), i)
	}
	l.Narrow("", len(hay), func(i int) string { return hay[i] })
	var shown []int
	for k := range l.Len() {
		shown = append(shown, l.At(k))
	}
	if !slices.Equal(shown, []int{0, 1, 2}) {
		t.Fatalf("no words show every entry in order: %v", shown)
	}
}

func TestMoveKeepsTheCursorInView(t *testing.T) {
	var l List
	l.Narrow("", 10, func(int) string { return "" })
	l.Move(7, 3)
	if from, to := l.InView(3); l.Cursor() != 7 || from != 5 || to != 8 {
		t.Fatalf("cursor 7 in rows %d to %d", from, to)
	}
	l.Move(100, 3)
	if from, to := l.InView(3); l.Cursor() != 9 || from != 7 || to != 10 {
		t.Fatalf("cursor %d clamped to the last, rows %d to %d", l.Cursor(), from, to)
	}
	if err := l.Check("list", 10); err != nil {
		t.Fatal(err)
	}
	if err := l.Check("list", 5); err == nil {
		t.Fatal("entries past the list's end are a broken invariant")
	}
}

func TestDeltaOfEachKey(t *testing.T) {
	k := DefaultKeys()
	for name, want := range map[string]int{"k": -1, "down": 1, "g": -10, "G": 10, "pgup": -4, "pgdown": 4, "ctrl+u": -2, "ctrl+d": 2} {
		got, ok := k.Delta(testkit.Press(name), 10, 4)
		if !ok || got != want {
			t.Errorf("%s moves %d (%v), want %d", name, got, ok, want)
		}
	}
	if got, _ := k.Delta(testkit.Press("ctrl+d"), 10, 1); got != 1 {
		t.Errorf("half a page of 1 moves %d, want 1", got)
	}
	if _, ok := (Keys{Up: k.Up}).Delta(testkit.Press("j"), 10, 4); ok {
		t.Error("a binding left empty never matches")
	}
}
