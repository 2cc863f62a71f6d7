package tui

import (
	"strconv"
	"strings"
	"testing"
)

// TestSearchInDocument: / with the reader focused searches the open
// document, counts the matches in the status line, n and N move through
// them, and esc clears the search before it closes the reader.
func TestSearchInDocument(t *testing.T) {
	h := newHarness(t, seedText(t)).size(120, 40)
	h.keys("enter")
	h.keys("/").typeText("security")
	scr := h.screen()
	total := strings.Count(strings.ToLower(h.app.reader.doc.Body), "security")
	if total < 2 {
		t.Fatalf("the seed should say security more than once (%d)", total)
	}
	if got := h.app.reader.matches; len(got) != total {
		t.Fatalf("%d matches, want %d (one per occurrence in the body)", len(got), total)
	}
	if !strings.Contains(scr, "/ security") || !strings.Contains(scr, "1/"+strconv.Itoa(total)) {
		t.Fatalf("the status line should hold the input and 1/%d:\n%s", total, scr)
	}
	h.keys("enter")
	scr = h.screen()
	if !strings.Contains(scr, "“security” · n next") || !strings.Contains(scr, "1/"+strconv.Itoa(total)) {
		t.Fatalf("after enter the search stays, with its position:\n%s", scr)
	}
	h.keys("n", "n")
	if !strings.Contains(h.screen(), "3/"+strconv.Itoa(total)) {
		t.Fatalf("n twice should reach match 3:\n%s", h.screen())
	}
	h.keys("N", "N", "N")
	if !strings.Contains(h.screen(), strconv.Itoa(total)+"/"+strconv.Itoa(total)) {
		t.Fatalf("N wraps from the first match to the last:\n%s", h.screen())
	}
	// The current match is painted in its own style, the others reversed.
	view := h.app.View().Content
	if !strings.Contains(view, h.app.styles.Search.current) || strings.Count(view, h.app.styles.Search.match) < 1 {
		t.Fatal("matches should be highlighted in the reading pane")
	}
	h.keys("esc")
	if h.app.reader.query != "" || h.app.focus != paneReader {
		t.Fatalf("the first esc clears the search and stays in the reader")
	}
	if strings.Contains(h.app.View().Content, h.app.styles.Search.current) {
		t.Fatal("no highlight should remain after esc")
	}
	h.keys("esc")
	if h.app.focus != paneList {
		t.Fatal("the second esc goes back to the list")
	}
}

// TestSearchMatchesAcrossWrapsAndResizes: a phrase that Glamour wraps onto
// two lines is still one match, and matches follow a resize.
func TestSearchMatchesAcrossWrapsAndResizes(t *testing.T) {
	h := newHarness(t, seedText(t)).size(120, 40)
	h.keys("enter", "/").typeText("mutual trust").keys("enter")
	want := strings.Count(strings.ToLower(strings.Join(strings.Fields(h.app.reader.doc.Body), " ")), "mutual trust")
	if want == 0 {
		t.Fatal("the seed should say mutual trust")
	}
	for _, w := range []int{120, 44, 61, 33, 90} {
		h.size(w, 30)
		if got := len(h.app.reader.matches); got != want {
			t.Fatalf("at width %d: %d matches, want %d", w, got, want)
		}
		for _, m := range h.app.reader.matches {
			var text string
			for _, s := range m {
				line := []rune(h.app.reader.hay.plain[s.line])
				text += " " + string(line[min(s.start, len(line)):min(s.end, len(line))])
			}
			if got := strings.Join(strings.Fields(strings.ToLower(text)), " "); got != "mutual trust" {
				t.Fatalf("at width %d a match covers %q", w, got)
			}
		}
	}
}

func TestSearchWithNoMatchSaysSo(t *testing.T) {
	h := newHarness(t, seedText(t)).size(100, 30)
	h.keys("enter", "/").typeText("zebra crossing").keys("enter")
	if scr := h.screen(); !strings.Contains(scr, "No match for “zebra crossing”") || !strings.Contains(scr, "0/0") {
		t.Fatalf("a search with no match should say so:\n%s", scr)
	}
}
