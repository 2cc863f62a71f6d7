package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	state "rostrum/internal/readstate"
	"rostrum/model"
)

// withStore gives a harness's App a state store in a temporary folder.
func withStore(t *testing.T, h *harness, path string) *state.Store {
	t.Helper()
	st, warning := state.Open(path)
	if warning != "" {
		t.Fatalf("opening a fresh state file warned: %s", warning)
	}
	h.app.store = st
	h.app.saved, h.app.stateQ.loaded = viewOf(st.State()), true
	h.app.list.unread = h.app.unread
	return st
}

func TestReadMarks(t *testing.T) {
	texts := []string{
		wire("2025-01-01", "BAKU, January 1.", "First story about grain harvests."),
		wire("2025-01-02", "BAKU, January 2.", "Second story about oil prices."),
	}
	h := newHarness(t, texts...)
	st := withStore(t, h, filepath.Join(t.TempDir(), "state.json"))
	h.size(100, 20)
	if n := strings.Count(h.screen(), "• First") + strings.Count(h.screen(), "• Second"); n != 2 {
		t.Fatalf("both documents start unread (%d marks):\n%s", n, h.screen())
	}
	h.keys("enter") // reading the first marks it read
	if !st.State().IsRead(h.app.corpus.Docs[0].ID) || strings.Contains(h.screen(), "• First") || !strings.Contains(h.screen(), "• Second") {
		t.Fatalf("opening a document marks it read:\n%s", h.screen())
	}
	h.keys("esc", "m")
	if st.State().IsRead(h.app.corpus.Docs[0].ID) || !strings.Contains(h.screen(), "Marked unread") {
		t.Fatalf("m toggles the mark back:\n%s", h.screen())
	}
}

func TestStarsPersistAndExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h := newHarness(t, seedText(t))
	st := withStore(t, h, path)
	h.size(120, 40)
	h.keys("enter", "s")
	if !strings.Contains(h.screen(), "No quote selected") {
		t.Fatalf("s without a selected quote should say how to select one:\n%s", h.screen())
	}
	h.keys("]", "s")
	stars := st.State().Stars
	if len(stars) != 1 || !strings.HasPrefix(stars[0].Text, "In the context of escalating") ||
		!strings.Contains(stars[0].Citation, "— Kassym-Jomart Tokayev") {
		t.Fatalf("s should star the selected quote with its citation: %+v", stars)
	}
	// Another instance sees the star; the quote browser marks it.
	again, _ := state.Open(path)
	if len(again.State().Stars) != 1 {
		t.Fatal("the star should be on disk")
	}
	h.keys("Q")
	if !strings.Contains(h.screen(), "★ “In the context") {
		t.Fatalf("the browser should mark the starred quote:\n%s", h.screen())
	}
	// E writes the shown quotes as Markdown citations and says where.
	dir := t.TempDir()
	h.app.exportDir = dir
	h.app.clock = func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) }
	h.keys("E")
	file := filepath.Join(dir, "rostrum-quotes-20261127-093000.md")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("E should write %s: %v\n%s", file, err, h.screen())
	}
	if !strings.Contains(string(b), "> “In the context of escalating") || strings.Count(string(b), "\n> “") != 2 {
		t.Fatalf("the export should hold both quotes as block-quoted citations:\n%s", b)
	}
	if !strings.Contains(h.screen(), "Wrote 2 quotes to "+file) {
		t.Fatalf("the status line should say where:\n%s", h.screen())
	}
	h.keys("E")
	if b2, _ := os.ReadFile(file); string(b2) != string(b) {
		t.Fatal("a second export in the same second must not overwrite the first")
	}
	if _, err := os.Stat(filepath.Join(dir, "rostrum-quotes-20261127-093000-2.md")); err != nil {
		t.Fatalf("the second export should get its own name: %v", err)
	}
	// s in the browser unstars.
	h.keys("s")
	if len(st.State().Stars) != 0 {
		t.Fatalf("s in the browser toggles the star off: %+v", st.State().Stars)
	}
}

func TestLastPositionIsRestored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	texts := []string{
		wire("2025-01-01", "BAKU, January 1.", "A short story."),
		seedText(t),
	}
	h := newHarness(t, texts...)
	withStore(t, h, path)
	h.size(100, 16)
	h.keys("j", "enter", "ctrl+d")
	off := h.app.reader.vp.YOffset()
	if off == 0 {
		t.Fatal("the test needs a scrolled document")
	}
	h.keys("q")
	if !h.quit {
		t.Fatal("q should quit")
	}
	// A new run over the same documents opens the second at the same place.
	docs := h.app.corpus.Docs
	st, _ := state.Open(path)
	a := New(model.NewCorpus(docs, nil), Options{Theme: ThemeDark, State: st})
	harnessFor(t, a).size(100, 16)
	if a.focus != paneReader || a.reader.doc != docs[1] || a.reader.vp.YOffset() != off {
		t.Fatalf("restored focus %v, doc %v, offset %d; want the reader on the second document at %d",
			a.focus, a.reader.doc != nil && a.reader.doc == docs[1], a.reader.vp.YOffset(), off)
	}
}

func TestDamagedStateFileIsKeptAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"read":{"abc":`), 0o600); err != nil {
		t.Fatal(err)
	}
	a := New(model.NewCorpus(nil, nil), Options{Theme: ThemeDark, State: state.New(path)})
	h := harnessFor(t, a).size(200, 20)
	if !strings.Contains(h.screen(), "is damaged") {
		t.Fatalf("the status line should carry the warning:\n%s", h.screen())
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "state.json.corrupt-*"))
	if len(kept) != 1 {
		t.Fatalf("the damaged file should be kept aside: %v", kept)
	}
}

// TestReadMarksSurviveRedrawsAndReloads: m on the open document is not
// undone by the next redraw, and a reload after an edit marks no other
// document read on the way.
func TestReadMarksSurviveRedrawsAndReloads(t *testing.T) {
	texts := map[string]string{
		"test/a.txt": wire("2025-01-01", "BAKU, January 1.", "First story about grain harvests."),
		"test/b.txt": wire("2025-01-02", "BAKU, January 2.", "Second story about oil prices."),
	}
	h := newHarness(t, texts["test/a.txt"], texts["test/b.txt"])
	st := withStore(t, h, filepath.Join(t.TempDir(), "state.json"))
	h.size(100, 20)
	h.keys("j", "enter", "m")
	b := h.app.corpus.Docs[1].ID
	h.size(90, 20).size(100, 20)
	if st.State().IsRead(b) {
		t.Fatal("m marked the open document unread; a resize must not mark it read again")
	}
	h.keys("m")
	texts["test/b.txt"] = wire("2025-01-02", "BAKU, January 2.", "Second story, edited.")
	h.app.reloadFn = reloadFrom(t, texts, "test/a.txt", "test/b.txt")
	h.keys("r")
	if a := h.app.corpus.Docs[0].ID; st.State().IsRead(a) {
		t.Fatal("reloading after an edit marked the first document read")
	}
	if d := h.app.reader.doc; d == nil || d.Path != "test/b.txt" {
		t.Fatalf("the edited document should stay open: %v", d)
	}
}

// TestRestoreGivesWayToTheUser: once the user moves, a last position that
// could not be restored yet does not pull the list back later.
func TestRestoreGivesWayToTheUser(t *testing.T) {
	texts := []string{
		wire("2025-01-01", "BAKU, January 1.", "First story."),
		wire("2025-01-02", "BAKU, January 2.", "Second story."),
		wire("2025-01-03", "BAKU, January 3.", "Third story."),
	}
	h := newHarness(t, texts...)
	h.app.restore = &lastPosition{Last: state.Last{Doc: "not-yet-loaded"}}
	h.size(100, 20)
	h.keys("j")
	h.app.restore = &lastPosition{Last: state.Last{Doc: h.app.corpus.Docs[2].ID}} // as if it arrived late
	h.keys("j")
	h.size(90, 20)
	if h.app.focus == paneReader {
		t.Fatal("a pending restore must not open the reader after the user has moved")
	}
}

// TestOpeningMarksRead: a document is marked read when the reader turns
// to it (enter, tab, J), not when the list's cursor passes over it, and
// again each time it is opened.
func TestOpeningMarksRead(t *testing.T) {
	texts := []string{
		wire("2025-01-01", "BAKU, January 1.", "First story about grain harvests."),
		wire("2025-01-02", "BAKU, January 2.", "Second story about oil prices."),
		wire("2025-01-03", "BAKU, January 3.", "Third story about water rights."),
	}
	h := newHarness(t, texts...)
	st := withStore(t, h, filepath.Join(t.TempDir(), "state.json"))
	h.size(120, 30)
	docs := h.app.corpus.Docs
	h.keys("j", "j", "k")
	for _, d := range docs {
		if st.State().IsRead(d.ID) {
			t.Fatalf("moving through the list marked %q read", d.Title)
		}
	}
	h.keys("enter")
	if !st.State().IsRead(docs[1].ID) {
		t.Fatal("enter marks the document read")
	}
	h.keys("J")
	if !st.State().IsRead(docs[2].ID) {
		t.Fatal("J in the reader opens the next document: read")
	}
	h.keys("m", "tab", "tab")
	if !st.State().IsRead(docs[2].ID) {
		t.Fatal("opening a document again marks it read again")
	}
	if st.State().IsRead(docs[0].ID) {
		t.Fatal("the first document was never opened")
	}
}
