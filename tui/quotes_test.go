package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

const (
	seedQuote1 = "In the context of escalating geopolitical conflicts, technological rivalry, financial and economic sanctions, environmental and man-made disasters, the SCO must become a permanent platform for broad-format political interaction, strengthening mutual trust in the international community, developing humanitarian cooperation and intercivilizational dialogue. In this regard, we positively assess the initiatives of the President of China on global development, global security, global civilization, and global governance. We believe that the full implementation of the ten-year SCO development strategy adopted today is of utmost importance,"
	seedCite1  = "“In the context of escalating geopolitical conflicts, technological rivalry, financial and economic sanctions, environmental and man-made disasters, the SCO must become a permanent platform for broad-format political interaction, strengthening mutual trust in the international community, developing humanitarian cooperation and intercivilizational dialogue. In this regard, we positively assess the initiatives of the President of China on global development, global security, global civilization, and global governance. We believe that the full implementation of the ten-year SCO development strategy adopted today is of utmost importance” — Kassym-Jomart Tokayev, Tianjin, China, 2025-09-01 (Trend)"
)

func TestQuoteSelectionMovesAndStops(t *testing.T) {
	h := newHarness(t, seedText(t)).size(120, 40)
	steps := []struct {
		key    string
		want   int
		status string
	}{
		{"]", 0, "Quote 1 of 2 · Kassym-Jomart Tokayev"},
		{"]", 1, "Quote 2 of 2 · Kassym-Jomart Tokayev"},
		{"]", 1, "Quote 2 of 2 (last)"},
		{"[", 0, "Quote 1 of 2 · "},
		{"[", 0, "Quote 1 of 2 (first)"},
	}
	for _, s := range steps {
		h.keys(s.key)
		if h.app.reader.selected != s.want {
			t.Fatalf("after %q selected = %d, want %d", s.key, h.app.reader.selected, s.want)
		}
		if !strings.Contains(h.app.status.text, s.status) {
			t.Fatalf("after %q status = %q, want it to contain %q", s.key, h.app.status.text, s.status)
		}
	}
}

func TestCopyQuotePayloads(t *testing.T) {
	h := newHarness(t, seedText(t)).size(120, 40)
	h.keys("y")
	if len(h.clip.writes) != 0 || !strings.Contains(h.app.status.text, "No quote selected") {
		t.Fatalf("y with no selection should copy nothing and say so; status %q", h.app.status.text)
	}
	h.keys("]", "y")
	if len(h.clip.writes) != 1 || h.clip.writes[0] != seedQuote1 {
		t.Fatalf("y copied %q, want %q", h.clip.writes, seedQuote1)
	}
	if len(h.osc52) != 1 || h.osc52[0] != seedQuote1 {
		t.Fatalf("y should also copy by OSC 52, got %q", h.osc52)
	}
	if want := "Copied quote ("; !strings.HasPrefix(h.app.status.text, want) {
		t.Fatalf("status %q should confirm the copy with its length", h.app.status.text)
	}
	h.keys("Y")
	if got := h.clip.writes[len(h.clip.writes)-1]; got != seedCite1 {
		t.Fatalf("Y copied\n%q\nwant\n%q", got, seedCite1)
	}
	if got := h.osc52[len(h.osc52)-1]; got != seedCite1 {
		t.Fatalf("Y by OSC 52 copied %q", got)
	}
}

func TestQuoteLinesFollowWrapping(t *testing.T) {
	for _, w := range []int{40, 60, 100, 160} {
		h := newHarness(t, seedText(t)).size(w, 30).keys("enter", "]")
		r := &h.app.reader
		if len(r.quoteLines) != 2 {
			t.Fatalf("width %d: want 2 quote lines, got %v", w, r.quoteLines)
		}
		all := strings.Split(ansi.Strip(r.vp.GetContent()), "\n")
		for k, prefix := range []string{"“In the context", "“Such threats"} {
			if line := all[r.quoteLines[k]]; !strings.Contains(line, prefix) {
				t.Errorf("width %d: quote %d should start on line %d, which is %q", w, k, r.quoteLines[k], line)
			}
		}
		if !strings.Contains(h.screen(), "“In the context") {
			t.Errorf("width %d: the selected quote should be in view:\n%s", w, h.screen())
		}
	}
}

func TestPaintKeepsTextAndRemovesMarkers(t *testing.T) {
	h := newHarness(t, seedText(t)).size(120, 40).keys("]", "]")
	r := &h.app.reader
	painted := r.vp.GetContent()
	if strings.ContainsAny(painted, mkQuoteStart+mkQuoteEnd+mkSpeakerStart+mkTermStart+mkTermEnd+mkSpeakerEnd+mkQuoteResume+mkTopicStart+mkTopicEnd) {
		t.Fatal("markers must never reach the screen")
	}
	raw := strings.Map(func(r rune) rune {
		if r >= 0xE0000 && r <= 0xE007F { // every marker is a tag character
			return -1
		}
		return r
	}, r.raw)
	if ansi.Strip(painted) != ansi.Strip(raw) {
		t.Fatal("painting must not change the text")
	}
	assertOnlySGR(t, painted)
	st := h.app.styles.Paint
	if !strings.Contains(painted, st.quoteSel) || !strings.Contains(painted, st.quote) || !strings.Contains(painted, st.speaker) || !strings.Contains(painted, st.term) || !strings.Contains(painted, st.topic) {
		t.Fatal("painted output should hold the quote, selected quote, speaker, term and topic-word styles")
	}
	if !strings.Contains(visibleText(ansi.Strip(painted)), "said Tokayev. — Kassym-Jomart Tokayev") {
		t.Fatal("the speaker label should follow the sentence that ends the quote")
	}
}

func TestQuoteBrowser(t *testing.T) {
	h := newHarness(t, seedText(t), docA, `Nobody was named. “This quote has no speaker at all here,” the crowd chanted.`).size(120, 40)
	h.keys("Q")
	if h.app.mode != modeBrowser || h.app.browser.Len() != 3 {
		t.Fatalf("the browser should list the 3 quotes, got %d", h.app.browser.Len())
	}
	scr := h.screen()
	for _, s := range []string{"Quotes · 3 of 3 · by speaker", "Kassym-Jomart Tokayev", "(unattributed)", "“In the context"} {
		if !strings.Contains(scr, s) {
			t.Errorf("browser screen lacks %q:\n%s", s, scr)
		}
	}
	if h.app.browser.Shown()[2].Span().Speaker != "" {
		t.Error("unattributed quotes should sort last when grouped by speaker")
	}
	h.keys("/").typeText("such threats")
	if n := len(h.app.browser.Shown()); n != 1 {
		t.Fatalf("filter 'such threats' should leave one quote, got %d", n)
	}
	h.keys("enter", "y")
	if got := h.clip.writes[len(h.clip.writes)-1]; !strings.HasPrefix(got, "Such threats to international security") {
		t.Fatalf("y in the browser copied %q", got)
	}
	h.keys("enter")
	if h.app.mode == modeBrowser || h.app.focus != paneReader || h.app.reader.selected != 1 {
		t.Fatalf("enter should open the document at quote 2: mode %v, focus %v, selected %d", h.app.mode, h.app.focus, h.app.reader.selected)
	}
	if !strings.Contains(h.screen(), "“Such threats") {
		t.Fatalf("the chosen quote should be in view:\n%s", h.screen())
	}
	h.keys("Q", "S")
	if h.app.browser.BySpeaker() {
		t.Fatal("S should switch to document order")
	}
	h.keys("esc")
	if h.app.mode == modeBrowser {
		t.Fatal("esc should close the browser")
	}
}

func TestTranscriptLabelsAndStageDirectionsAreQuiet(t *testing.T) {
	text := "President: Donald Trump\n\nTHE PRESIDENT: Thank you very much. (Applause.) We will win.\n\nQ: Sir, a question about the date."
	h := newHarness(t, text).size(120, 30)
	raw := h.app.reader.raw
	for _, s := range []string{mkQuietStart + "THE PRESIDENT:" + mkQuietEnd, mkQuietStart + "(Applause.)" + mkQuietEnd, mkQuietStart + "Q:" + mkQuietEnd} {
		if !strings.Contains(raw, s) {
			t.Errorf("%q should be marked quiet in %q", s, raw)
		}
	}
	painted := h.app.reader.vp.GetContent()
	if !strings.Contains(painted, h.app.styles.Paint.quiet) || strings.ContainsAny(painted, mkQuietStart+mkQuietEnd) {
		t.Fatal("quiet parts are painted and their markers removed")
	}
}
