package tui

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

var (
	docA = wire("2025-01-02", "BAKU, Azerbaijan, January 2.", "Alpha lead sentence about oil pipelines, Trend reports.\n\nAlpha body mentions Caspian exports.")
	docB = wire("2025-02-03", "ASTANA, February 3. /TASS/.", "Bravo lead sentence about grain harvests.\n\nBravo body mentions wheat.")
	docC = wire("2025-03-04", "TASHKENT, Uzbekistan, March 4.", "Charlie lead sentence about water rights.\n\nCharlie body mentions the Aral Sea.")
)

func TestNothingDrawnBeforeFirstSize(t *testing.T) {
	h := newHarness(t, docA)
	if got := h.app.View().Content; got != "" {
		t.Fatalf("view before the first WindowSizeMsg = %q, want empty", got)
	}
	if !h.app.View().AltScreen {
		t.Error("view should ask for the alternate screen")
	}
}

func TestFirstSizeRendersSelectedDocument(t *testing.T) {
	h := newHarness(t, seedText(t)).size(120, 40)
	want, ok := h.app.wantedKey()
	if !ok {
		t.Fatal("reader should be visible at 120x40")
	}
	if h.app.reader.shown != want {
		t.Fatalf("reader shows %+v, want %+v", h.app.reader.shown, want)
	}
	scr := h.screen()
	for _, s := range []string{"Rostrum · 1 document", "President of Kazakhstan", "TIANJIN, China, September 1.", "Tianjin, China"} {
		if !strings.Contains(scr, s) {
			t.Errorf("screen lacks %q:\n%s", s, scr)
		}
	}
}

func TestTabSwitchesFocus(t *testing.T) {
	h := newHarness(t, docA, docB).size(120, 40)
	if h.app.focus != paneList {
		t.Fatal("focus should start on the list")
	}
	h.keys("tab")
	if h.app.focus != paneReader {
		t.Fatal("tab should focus the reader")
	}
	h.keys("shift+tab")
	if h.app.focus != paneList {
		t.Fatal("shift+tab should focus the list again")
	}
}

func TestNarrowLayoutShowsOnePane(t *testing.T) {
	h := newHarness(t, docA, docB).size(80, 24)
	if h.app.lay.readerW != 0 || h.app.lay.listW != 80 {
		t.Fatalf("narrow layout should show only the list, got %+v", h.app.lay)
	}
	if !strings.Contains(h.screen(), "Alpha lead sentence") {
		t.Fatal("list should show the first title")
	}
	h.keys("enter")
	if h.app.lay.listW != 0 || h.app.lay.readerW != 80 || h.app.focus != paneReader {
		t.Fatalf("enter should show the reader alone, got %+v focus %v", h.app.lay, h.app.focus)
	}
	if !strings.Contains(h.screen(), "Alpha body mentions Caspian exports.") {
		t.Fatalf("reader should show the body:\n%s", h.screen())
	}
	h.keys("esc")
	if h.app.lay.readerW != 0 || h.app.focus != paneList {
		t.Fatalf("esc should go back to the list, got %+v", h.app.lay)
	}
}

func TestListNavigation(t *testing.T) {
	h := newHarness(t, docA, docB, docC).size(120, 40)
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"j", 2}, {"j", 2}, {"k", 1}, {"g", 0}, {"G", 2}, {"pgup", 0}, {"pgdown", 2}, {"ctrl+u", 0}, {"ctrl+d", 2},
	}
	for _, s := range steps {
		h.keys(s.key)
		if h.app.list.cursor != s.want {
			t.Fatalf("after %q cursor = %d, want %d", s.key, h.app.list.cursor, s.want)
		}
		if h.app.reader.doc != h.app.list.Selected() {
			t.Fatalf("after %q the reader does not show the selected document", s.key)
		}
	}
}

func TestFilterCapturesEveryKey(t *testing.T) {
	h := newHarness(t, docA, docB, docC).size(120, 40)
	h.keys("/").typeText("q?jG")
	if h.quit {
		t.Fatal("q while filtering must type a q, not quit")
	}
	if got := h.app.filter.Value(); got != "q?jG" {
		t.Fatalf("filter value = %q, want %q", got, "q?jG")
	}
	if h.app.mode == modeHelp || h.app.list.cursor != 0 {
		t.Fatal("keys typed into the filter must not act on the app")
	}
	h.keys("esc", "/", "down")
	if h.app.list.cursor != 1 || h.app.mode != modeFilter {
		t.Fatal("the down arrow should move through the results while typing")
	}
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c must quit even while filtering")
	}
}

func TestFilterNarrowsAndClears(t *testing.T) {
	h := newHarness(t, docA, docB, docC).size(120, 40)
	h.keys("/").typeText("wheat")
	if n := len(h.app.list.docs); n != 1 || !strings.HasPrefix(h.app.list.docs[0].Title, "Bravo") {
		t.Fatalf("filter 'wheat' should leave the Bravo document, got %d docs", n)
	}
	if !strings.Contains(h.screen(), "1 of 3 documents · filter “wheat”") {
		t.Fatalf("header should describe the filter:\n%s", h.screen())
	}
	if h.app.reader.doc != h.app.list.docs[0] {
		t.Fatal("reader should follow the filtered selection")
	}
	h.keys("enter")
	if h.app.mode == modeFilter || h.app.filter.Value() != "wheat" {
		t.Fatal("enter should keep the filter and leave the input")
	}
	h.keys("esc")
	if h.app.filter.Value() != "" || len(h.app.list.docs) != 3 {
		t.Fatal("esc in the list should clear the filter")
	}
	h.keys("/").typeText("zzz")
	if !strings.Contains(h.screen(), "No documents match “zzz”") {
		t.Fatalf("an empty result should say so:\n%s", h.screen())
	}
	h.keys("esc")
	if h.app.mode == modeFilter || len(h.app.list.docs) != 3 {
		t.Fatal("esc while filtering should clear and close the filter")
	}
}

func TestNextPreviousDocumentWhileReading(t *testing.T) {
	h := newHarness(t, docA, docB, docC).size(120, 40)
	h.keys("enter", "J")
	if h.app.list.cursor != 1 || h.app.reader.doc.Title != h.app.corpus.Docs[1].Title {
		t.Fatalf("J should show the next document, cursor %d", h.app.list.cursor)
	}
	if !strings.Contains(h.screen(), "Bravo body mentions wheat.") {
		t.Fatalf("reader should show the next document's body:\n%s", h.screen())
	}
	h.keys("J", "J")
	if h.app.list.cursor != 2 {
		t.Fatal("J at the last document should stay there")
	}
	h.keys("K")
	if h.app.list.cursor != 1 {
		t.Fatal("K should go back one document")
	}
	if h.app.focus != paneReader {
		t.Fatal("J/K keep the reader focused")
	}
}

func TestReaderScrolls(t *testing.T) {
	h := newHarness(t, seedText(t)).size(80, 20).keys("enter")
	vp := &h.app.reader.vp
	if vp.YOffset() != 0 {
		t.Fatal("a new document should open at the top")
	}
	h.keys("j")
	if vp.YOffset() != 1 {
		t.Fatalf("j should scroll one line, offset %d", vp.YOffset())
	}
	h.keys("G")
	if !vp.AtBottom() {
		t.Fatal("G should scroll to the bottom")
	}
	h.keys("g")
	if vp.YOffset() != 0 {
		t.Fatal("g should scroll to the top")
	}
	h.keys("ctrl+d")
	if vp.YOffset() == 0 {
		t.Fatal("ctrl+d should scroll down")
	}
}

func TestStaleRenderIsDropped(t *testing.T) {
	h := newHarness(t, docA, docB)
	h.hold = true
	h.size(120, 40) // starts rendering A
	h.keys("j")     // B is wanted now: its render starts at once, A's still runs
	docs := h.app.corpus.Docs
	if len(h.pending) != 2 || h.pending[0].key.id != docs[0].ID || h.pending[1].key.id != docs[1].ID {
		t.Fatalf("expected renders in flight for A and B, got %d", len(h.pending))
	}
	h.release(0) // A arrives late
	if h.app.reader.shown.id == docs[0].ID || h.app.reader.doc != docs[1] {
		t.Fatal("a render for a document no longer selected must not be shown")
	}
	if len(h.pending) != 1 || h.pending[0].key.id != docs[1].ID {
		t.Fatalf("A's late result must not start another render; only B's should be pending, got %d", len(h.pending))
	}
	h.hold = false
	h.release(0)
	if h.app.reader.shown.id != docs[1].ID {
		t.Fatal("B's render should be shown")
	}
	// Going back to A uses the cached render: no new render starts.
	h.hold = true
	h.keys("k")
	if len(h.pending) != 0 || h.app.reader.shown.id != docs[0].ID {
		t.Fatal("A's late render should have been cached and reused")
	}
}

func TestSmallDocumentDoesNotWaitForABigOne(t *testing.T) {
	h := newHarness(t, docA, docB)
	h.hold = true
	h.size(120, 40) // A renders, and never finishes in this test
	h.keys("j")     // B must not wait for it
	if len(h.pending) != 2 {
		t.Fatalf("B's render should start while A's runs, pending %d", len(h.pending))
	}
	h.hold = false
	h.release(1)
	if h.app.reader.shown.id != h.app.corpus.Docs[1].ID || len(h.pending) != 1 {
		t.Fatal("B should be shown although A's render has not finished")
	}
}

func TestHugeDocumentIsShownAsPlainText(t *testing.T) {
	para := strings.Repeat("The minister spoke at length about grain. ", 40)
	big := "Huge Speech\n\n" + strings.Repeat(para+"\n\n", plainLimit/len(para)+2) + "“This is the final quote of a very long speech,” said Jones."
	h := newHarness(t, big).size(120, 40)
	if h.app.reader.shown == (renderKey{}) {
		t.Fatal("the huge document should be shown")
	}
	if !strings.Contains(h.screen(), "The minister spoke at length") {
		t.Fatalf("plain text should be shown:\n%s", h.screen())
	}
	h.keys("enter", "G")
	if !strings.Contains(visibleText(h.screen()), "final quote") {
		t.Fatalf("the end should be reachable:\n%s", h.screen())
	}
}

func TestStaleWidthIsNotShown(t *testing.T) {
	h := newHarness(t, docA)
	h.hold = true
	h.size(120, 40) // renders at the first width
	h.size(150, 40) // a new width is wanted while that render runs
	h.release(0)    // the first render arrives after the resize
	want, _ := h.app.wantedKey()
	if want.width == 120 {
		t.Fatal("test setup: the wanted width should have changed")
	}
	if h.app.reader.shown != (renderKey{}) {
		t.Fatalf("a render for a stale width must not be shown, reader shows %+v", h.app.reader.shown)
	}
	if _, cached := h.app.cache.get(renderKey{id: want.id, width: 120, dark: true}); cached {
		t.Fatal("a render for a stale width should not be cached")
	}
	if len(h.pending) != 1 || h.pending[0].key != want {
		t.Fatalf("the late result should start the render for the new width, pending %+v", h.pending)
	}
	h.hold = false
	h.release(0)
	if h.app.reader.shown != want {
		t.Fatalf("reader shows %+v, want %+v", h.app.reader.shown, want)
	}
}

func TestRenderFailureFallsBackToPlainText(t *testing.T) {
	h := newHarness(t, docA)
	h.hold = true
	h.size(120, 40)
	key := h.pending[0].key
	h.hold = false
	h.send(docRenderedMsg{key: key, err: errors.New("boom")})
	if h.app.reader.failed == "" {
		t.Fatal("reader should record the failure")
	}
	scr := h.screen()
	if !strings.Contains(scr, "Alpha body mentions Caspian exports.") {
		t.Fatalf("plain text should be shown after a failed render:\n%s", scr)
	}
	if !strings.Contains(scr, "Could not render") {
		t.Fatalf("status line should say the render failed:\n%s", scr)
	}
}

func TestBackgroundColourPicksTheme(t *testing.T) {
	docs := []string{docA}
	h := newHarness(t, docs...)
	h.app.theme = ThemeAuto
	h.size(120, 40)
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if h.app.styles.Dark {
		t.Fatal("a white background should select the light theme")
	}
	if h.app.reader.shown.dark {
		t.Fatal("the reader should be re-rendered for the light theme")
	}
	h.send(tea.BackgroundColorMsg{Color: color.Black})
	if !h.app.styles.Dark || !h.app.reader.shown.dark {
		t.Fatal("a black background should select the dark theme")
	}
}

func TestForcedThemeIgnoresTerminal(t *testing.T) {
	h := newHarness(t, docA).size(120, 40)
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if !h.app.styles.Dark {
		t.Fatal("a forced dark theme must not follow the terminal")
	}
}

func TestHelpScreen(t *testing.T) {
	h := newHarness(t, docA).size(120, 40).keys("?")
	scr := h.screen()
	for _, s := range []string{"switch pane", "next document", "filter", "quit"} {
		if !strings.Contains(scr, s) {
			t.Errorf("help lacks %q:\n%s", s, scr)
		}
	}
	h.keys("j")
	if h.app.list.cursor != 0 || h.app.mode != modeHelp {
		t.Fatal("keys other than ?, esc and q do nothing on the help screen")
	}
	h.keys("?")
	if h.app.mode == modeHelp {
		t.Fatal("? should close the help")
	}
}

func TestQuit(t *testing.T) {
	h := newHarness(t, docA).size(120, 40).keys("q")
	if !h.quit {
		t.Fatal("q should quit")
	}
}

func TestStatusMessageExpires(t *testing.T) {
	h := newHarness(t, docA).size(120, 40)
	h.send(tea.KeyPressMsg{}) // nothing
	h.run(h.app.setStatus("first"))
	h.run(h.app.setStatus("second"))
	if len(h.timers) != 2 {
		t.Fatalf("want two timers, got %d", len(h.timers))
	}
	h.send(h.timers[0].msg)
	if h.app.status.text != "second" {
		t.Fatal("the first message's timer must not clear the second message")
	}
	h.send(h.timers[1].msg)
	if h.app.status.text != "" {
		t.Fatal("the second message should clear when its timer fires")
	}
}

func TestTinySizesNeverPanicOrOverflow(t *testing.T) {
	h := newHarness(t, seedText(t), docA)
	sizes := [][2]int{{0, 0}, {1, 1}, {2, 1}, {1, 3}, {5, 2}, {10, 3}, {20, 4}, {99, 10}, {100, 5}, {400, 120}, {3, 50}}
	for _, open := range []bool{false, true} {
		for _, s := range sizes {
			h.size(s[0], s[1])
			if open {
				h.keys("enter")
			}
			h.keys("j", "?")
			view := h.app.View().Content
			h.keys("?")
			view2 := h.app.View().Content
			for _, v := range []string{view, view2} {
				ls := lines(v)
				if v != "" && len(ls) > s[1] {
					t.Fatalf("%dx%d: %d lines", s[0], s[1], len(ls))
				}
				for _, l := range ls {
					if w := ansi.StringWidth(l); w > s[0] {
						t.Fatalf("%dx%d: line %q is %d wide", s[0], s[1], ansi.Strip(l), w)
					}
				}
			}
			h.keys("esc")
		}
	}
}

func TestHostileTextNeverReachesScreen(t *testing.T) {
	hostile := "Title \x1b]0;pwned\x07here\n\nBody \x1b[2J\x1b]52;c;aGk=\x07text \u009b31m and \u202eevil\u202c \x1bPdcs\x1b\\ done."
	h := newHarness(t, hostile).size(120, 40)
	view := h.app.View().Content
	assertOnlySGR(t, view)
	if !strings.Contains(ansi.Strip(view), "Body text  and evil  done.") {
		t.Fatalf("the text around the sequences should remain:\n%s", ansi.Strip(view))
	}
}

func TestHostilePathNeverReachesScreen(t *testing.T) {
	d, err := model.ParseText("evil\x1b]0;PWN\x07\x1b[2J.txt", "no metadata at all in this short text")
	if err != nil {
		t.Fatal(err)
	}
	a := New(model.NewCorpus([]*model.Document{d}, []model.Problem{{Path: "x\x1b[2J", Reason: "bad\x07"}}), Options{Theme: ThemeDark})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	view := a.View().Content
	assertOnlySGR(t, view)
	if !strings.Contains(ansi.Strip(view), "│ evil.txt") {
		t.Fatalf("the list should show the file's name, made safe:\n%s", ansi.Strip(view))
	}
}

// assertOnlySGR fails if s holds any escape sequence other than SGR
// (colour and attribute) sequences, or any other control character.
func assertOnlySGR(t *testing.T, s string) {
	t.Helper()
	p := ansi.NewParser()
	state := byte(0)
	for len(s) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(s, state, p)
		state = newState
		if width == 0 && seq != "\n" {
			if !(ansi.HasCsiPrefix(seq) && strings.HasSuffix(seq, "m")) {
				t.Fatalf("unexpected control sequence %q in view", seq)
			}
		}
		s = s[n:]
	}
}

func TestLongDocumentPaintsItsStartFirst(t *testing.T) {
	var b strings.Builder
	b.WriteString("A Long Speech\n\n")
	for i := range 200 {
		fmt.Fprintf(&b, "Paragraph %d of the speech talks about grain, water and the harvest of the year.\n\n", i)
	}
	b.WriteString("The very last paragraph closes the speech.")
	h := newHarness(t, b.String())
	h.hold = true
	h.size(120, 40)
	if len(h.pending) != 2 || !h.pending[0].partial || h.pending[1].partial {
		t.Fatalf("a long document should render its start and then the whole: %d pending", len(h.pending))
	}
	h.release(0)
	if !h.app.reader.partial || !strings.Contains(h.screen(), "Paragraph 0 of the speech") {
		t.Fatalf("the start should show at once:\n%s", h.screen())
	}
	if strings.Contains(h.app.reader.vp.GetContent(), "very last paragraph") {
		t.Fatal("the partial render should not hold the end")
	}
	h.keys("enter", "j", "j")
	off := h.app.reader.vp.YOffset()
	h.hold = false
	h.release(0)
	if h.app.reader.partial || !strings.Contains(h.app.reader.vp.GetContent(), "very last paragraph") {
		t.Fatal("the whole render should replace the start")
	}
	if h.app.reader.vp.YOffset() != off {
		t.Fatalf("the reading position should stay: %d, was %d", h.app.reader.vp.YOffset(), off)
	}
}
