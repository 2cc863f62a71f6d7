package tui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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

// TestHighlightStaysLinear: a line with many matches grows by a few
// sequences a match, keeps its text, and keeps its colours after each
// match (an earlier version doubled the line at every match).
func TestHighlightStaysLinear(t *testing.T) {
	line := "  \x1b[38;5;252m" + strings.Repeat("ab \x1b[4:4mcd\x1b[m\x1b[38;5;252m ", 40) + "\x1b[m"
	h := newHaystack([]string{line})
	matches := h.find("a")
	if len(matches) != 40 {
		t.Fatalf("%d matches, want 40", len(matches))
	}
	st := searchStyles{match: "\x1b[43m", current: "\x1b[45m"}
	out := highlight([]string{line}, matches, 3, st)[0]
	if len(out) > len(line)+len(matches)*64 {
		t.Fatalf("the highlighted line grew to %d bytes from %d", len(out), len(line))
	}
	if ansi.Strip(out) != ansi.Strip(line) {
		t.Fatalf("highlighting changed the text:\n%q\n%q", ansi.Strip(out), ansi.Strip(line))
	}
	if strings.Count(out, st.match) != 39 || strings.Count(out, st.current) != 1 {
		t.Fatalf("39 matches and 1 current expected: %q", out)
	}
	// After a match, the colour in force before it is set again.
	if !strings.Contains(out, "\x1b[43ma\x1b[m\x1b[38;5;252mb") {
		t.Fatalf("the line's colour should come back after a match: %q", out[:200])
	}
}

// TestSearchInputClosesWhenTheDocumentIsReplaced: a reload that brings an
// edited document in while the search is being typed ends that search,
// input included.
func TestSearchInputClosesWhenTheDocumentIsReplaced(t *testing.T) {
	texts := map[string]string{"test/a.txt": wire("2025-01-01", "BAKU, January 1.", "A story about grain and grain prices.")}
	h := newHarness(t, texts["test/a.txt"]).size(100, 20)
	h.keys("enter", "/").typeText("grain")
	if len(h.app.reader.matches) != 2 {
		t.Fatalf("%d matches, want 2", len(h.app.reader.matches))
	}
	texts["test/a.txt"] = wire("2025-01-01", "BAKU, January 1.", "A story about grain, edited.")
	h.app.reloadFn = reloadFrom(t, texts, "test/a.txt")
	h.run(h.app.startReload())
	if h.app.mode == modeSearch || h.app.search.Value() != "" {
		t.Fatalf("the search input should close with the old document: mode %v, %q", h.app.mode, h.app.search.Value())
	}
}

func TestSearchFoldsCaseSigmaAndNormalisation(t *testing.T) {
	h := newHaystack([]string{"Η ΟΔΟΣ και η οδος", "Café au lait, CAFÉ"})
	for q, want := range map[string]int{
		"οδοσ":           2, // the final sigma matches the medial one
		"ΟΔΟΣ":           2,
		"cafe\u0301":     2, // a decomposed é finds the composed one
		"café   au lait": 1, // spaces in the query count as one
	} {
		if got := len(h.find(q)); got != want {
			t.Errorf("find(%q) = %d matches, want %d", q, got, want)
		}
	}
}
