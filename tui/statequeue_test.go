package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	state "rostrum/internal/readstate"
	"rostrum/model"
	"rostrum/tui/internal/testkit"
)

// heldState is an App whose commands the test runs by hand: what Update
// returns is kept, not run, so a test can look at the screen and the file
// while a state job is pending. The queue runs one job at a time, so the
// commands kept hold at most one.
type heldState struct {
	t       *testing.T
	app     *App
	pending []tea.Cmd
	quit    bool
}

// do delivers msg and keeps what it returns.
func (h *heldState) do(msg tea.Msg) {
	_, cmd := h.app.Update(msg)
	if cmd != nil {
		h.pending = append(h.pending, cmd)
	}
}

// finish runs the commands kept (the state job among them) and delivers
// the job's result; other results, such as status timers, are dropped.
func (h *heldState) finish() {
	h.t.Helper()
	if !h.app.stateQ.busy {
		h.t.Fatal("no state job running")
	}
	var done []stateDoneMsg
	queue := h.pending
	h.pending = nil
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch m := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, m...)
		case tea.QuitMsg:
			h.quit = true
		case stateDoneMsg:
			done = append(done, m)
		}
	}
	if len(done) != 1 {
		h.t.Fatalf("%d state jobs ran, want 1", len(done))
	}
	h.do(done[0])
	if !h.app.stateQ.busy { // the last: run what it returned (tea.Quit)
		for _, c := range h.pending {
			if _, ok := c().(tea.QuitMsg); ok {
				h.quit = true
			}
		}
		h.pending = nil
	}
}

// queued is how many state jobs are waiting or running.
func (h *heldState) queued() int {
	n := len(h.app.stateQ.jobs)
	if h.app.stateQ.busy {
		n++
	}
	return n
}

func newHeldState(t *testing.T, path string, texts ...string) *heldState {
	t.Helper()
	docs := make([]*model.Document, 0, len(texts))
	for i, text := range texts {
		d, err := model.ParseText(filepath.Join("test", string(rune('a'+i))+".txt"), text)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	a := New(model.NewCorpus(docs, nil), Options{Theme: ThemeDark, State: state.New(path)})
	fakeOutside(a)
	return &heldState{t: t, app: a}
}

func (h *heldState) screen() string { return ansi.Strip(h.app.View().Content) }

func writeState(t *testing.T, path string, st string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(st), 0o600); err != nil {
		t.Fatal(err)
	}
}

// The first frame is drawn before the state file is read, and read marks
// appear once it has been.
func TestStateReadAfterFirstFrame(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h := newHeldState(t, path, wire("2025-01-01", "BAKU, January 1.", "First story."),
		wire("2025-01-02", "BAKU, January 2.", "Second story."))
	id := h.app.corpus.Docs[0].ID
	writeState(t, path, `{"version":1,"read":{"`+id+`":"2026-01-01T00:00:00Z"}}`)
	h.pending = append(h.pending, h.app.Init())
	h.do(tea.WindowSizeMsg{Width: 100, Height: 20})
	if h.queued() != 1 {
		t.Fatalf("%d state jobs after start, want the read pending", h.queued())
	}
	if scr := h.screen(); !strings.Contains(scr, "First") || strings.Contains(scr, "• First") || strings.Contains(scr, "• Second") {
		t.Fatalf("the first frame shows the list and no read marks while the state is read:\n%s", scr)
	}
	h.finish()
	if scr := h.screen(); strings.Contains(scr, "• First") || !strings.Contains(scr, "• Second") {
		t.Fatalf("once read, only the second document is unread:\n%s", scr)
	}
}

// m pressed twice while the first write is pending ends as the user left
// it, on screen and on disk, and the screen never shows the first write's
// result in between.
func TestStateWritesKeepTheirOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h := newHeldState(t, path, wire("2025-01-01", "BAKU, January 1.", "First story."))
	h.pending = append(h.pending, h.app.Init())
	h.do(tea.WindowSizeMsg{Width: 100, Height: 20})
	h.finish() // the read
	id := h.app.corpus.Docs[0].ID
	unreadShown := func() bool { return strings.Contains(h.screen(), "• First") }

	h.do(testkit.Press("m"))
	if unreadShown() {
		t.Fatal("m shows the document read at once")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("m wrote the file on the UI goroutine")
	}
	h.do(testkit.Press("m"))
	if !unreadShown() || h.queued() != 2 {
		t.Fatalf("the second m shows it unread at once (%v) and waits behind the first write (%d jobs)", unreadShown(), h.queued())
	}
	h.finish() // the first write: read on disk
	if st, _ := state.Read(path); !st.IsRead(id) {
		t.Fatal("the first write should have marked it read on disk")
	}
	if !unreadShown() {
		t.Fatal("the first write's result must not undo the second m on screen")
	}
	h.finish() // the second write
	if st, _ := state.Read(path); st.IsRead(id) {
		t.Fatal("the second m should leave it unread on disk")
	}
	if !unreadShown() || h.queued() != 0 {
		t.Fatalf("unread shown %v, %d jobs left", unreadShown(), h.queued())
	}
}

// q waits for pending writes and saves the position after them; q again
// quits at once.
func TestQuitWaitsForPendingWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h := newHeldState(t, path, wire("2025-01-01", "BAKU, January 1.", "First story."))
	h.pending = append(h.pending, h.app.Init())
	h.do(tea.WindowSizeMsg{Width: 100, Height: 20})
	h.do(testkit.Press("enter")) // marks it read: a write is pending
	h.do(testkit.Press("q"))
	if h.quit {
		t.Fatal("q quit with a read (and a write) still pending")
	}
	if !strings.Contains(h.screen(), "Saving the reading state") {
		t.Errorf("the status line should say why it waits:\n%s", h.screen())
	}
	for h.queued() > 0 && !h.quit {
		h.finish()
	}
	if !h.quit {
		t.Fatal("q should quit once the state is saved")
	}
	st, _ := state.Read(path)
	if id := h.app.corpus.Docs[0].ID; !st.IsRead(id) || st.Last == nil || st.Last.Doc != id {
		t.Fatalf("saved state %+v: want the document read and last open", st)
	}

	h = newHeldState(t, filepath.Join(t.TempDir(), "state.json"), wire("2025-01-01", "BAKU, January 1.", "First story."))
	h.pending = append(h.pending, h.app.Init())
	h.do(testkit.Press("q")) // waits for the read
	if _, cmd := h.app.Update(testkit.Press("q")); cmd == nil || cmd() != (tea.QuitMsg{}) {
		t.Fatal("q pressed again while saving should quit at once")
	}
}

// A key pressed before the state file has been read keeps the reader
// where the user is: the last position read afterwards is not jumped to.
func TestKeyBeforeStateReadDropsRestore(t *testing.T) {
	texts := []string{wire("2025-01-01", "BAKU, January 1.", "First story."),
		wire("2025-01-02", "BAKU, January 2.", "Second story.")}
	for _, early := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "state.json")
		h := newHeldState(t, path, texts...)
		id := h.app.corpus.Docs[1].ID
		writeState(t, path, `{"version":1,"last":{"doc":"`+id+`","offset":0}}`)
		h.pending = append(h.pending, h.app.Init())
		h.do(tea.WindowSizeMsg{Width: 100, Height: 20})
		if early {
			h.do(testkit.Press("j"))
			h.do(testkit.Press("k"))
		}
		h.finish()
		opened := h.app.focus == paneReader && h.app.reader.doc != nil && h.app.reader.doc.ID == id
		if opened == early {
			t.Errorf("key pressed before the read %v: last document opened %v", early, opened)
		}
	}
}
