package tui

import (
	"flag"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/tui/internal/testkit"
	"rostrum/tui/textin"
)

var update = flag.Bool("update", false, "rewrite golden files")

// timerMsg stands for a delayed message in tests: the harness records it
// instead of waiting.
type timerMsg struct {
	d   time.Duration
	msg tea.Msg
}

// harness drives an App without a terminal: it sends messages, runs the
// returned commands synchronously and feeds their results back, as the
// Bubble Tea runtime would.
type harness struct {
	t      *testing.T
	app    *App
	quit   bool
	timers []timerMsg
	// hold, when set, keeps render results back instead of delivering them,
	// so tests can deliver them late or out of order.
	hold    bool
	pending []docRenderedMsg
	// osc52 are the texts sent to the terminal's clipboard (OSC 52).
	osc52 []string
	clip  *fakeClipboard
	// typing, when set, keeps the pause after an edit of a text input from
	// coming (it is recorded in timers): the keys come faster than the
	// pause, as a paste without bracketed paste sends them.
	typing bool
}

// fakeClipboard records what is written to the native clipboard.
type fakeClipboard struct{ writes []string }

func (f *fakeClipboard) WriteAll(s string) error {
	f.writes = append(f.writes, s)
	return nil
}

func newHarness(t *testing.T, texts ...string) *harness {
	t.Helper()
	docs := make([]*model.Document, 0, len(texts))
	for i, text := range texts {
		d, err := model.ParseText(filepath.Join("test", string(rune('a'+i))+".txt"), text)
		if err != nil {
			t.Fatalf("parsing fixture %d: %v", i, err)
		}
		docs = append(docs, d)
	}
	return harnessFor(t, New(model.NewCorpus(docs, nil), Options{Theme: ThemeDark, ExportDir: t.TempDir()}))
}

// harnessFor drives an App built by the test, with a fake clipboard and
// timers that never wait.
func harnessFor(t *testing.T, a *App) *harness {
	clip := &fakeClipboard{}
	a.clipboard = clip
	fakeOutside(a)
	h := &harness{t: t, app: a, clip: clip}
	h.run(a.Init())
	return h
}

// send delivers msgs one by one and runs what they return.
func (h *harness) send(msgs ...tea.Msg) *harness {
	for _, m := range msgs {
		_, cmd := h.app.Update(m)
		h.run(cmd)
	}
	return h
}

// keys sends key presses given as key names ("j", "tab", "esc", "ctrl+c")
// or, for longer strings of plain characters, typed text.
func (h *harness) keys(names ...string) *harness {
	for _, n := range names {
		h.send(testkit.Press(n))
	}
	return h
}

// typeText sends each rune of s as a key press.
func (h *harness) typeText(s string) *harness {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return h
}

func (h *harness) size(w, ht int) *harness {
	return h.send(tea.WindowSizeMsg{Width: w, Height: ht})
}

// run executes cmd and everything it leads to.
func (h *harness) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		m := c()
		if v := reflect.ValueOf(m); v.IsValid() && v.Type().Name() == "setClipboardMsg" {
			h.osc52 = append(h.osc52, v.String())
			continue
		}
		switch msg := m.(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		case timerMsg:
			if settled, ok := msg.msg.(textin.PausedMsg); ok && !h.typing {
				// Typing pauses after every key unless a test types fast.
				_, next := h.app.Update(settled)
				queue = append(queue, next)
				continue
			}
			h.timers = append(h.timers, msg)
		case quoteCopiedMsg:
			h.app.Update(msg)
		case reloadMsg, reloadDoneMsg, editorDoneMsg, programReadyMsg, exportDoneMsg, stateDoneMsg:
			_, next := h.app.Update(msg)
			queue = append(queue, next)
		case docRenderedMsg:
			if h.hold {
				h.pending = append(h.pending, msg)
				continue
			}
			_, next := h.app.Update(msg)
			queue = append(queue, next)
		}
	}
}

// release delivers held render results in the given order (indexes into
// pending); the others stay pending. Renders they start are held too
// while hold is set.
func (h *harness) release(order ...int) {
	pending := h.pending
	h.pending = nil
	chosen := map[int]bool{}
	for _, i := range order {
		chosen[i] = true
	}
	for i, m := range pending {
		if !chosen[i] {
			h.pending = append(h.pending, m)
		}
	}
	for _, i := range order {
		h.send(pending[i])
	}
}

// screen is the current view with ANSI removed.
func (h *harness) screen() string {
	return ansi.Strip(h.app.View().Content)
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (rerun with -update after checking):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// seedText is the embedded seed document.
func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "seeds", "2025-09-01-tokayev-sco-tianjin.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// wire builds a small wire item.
func wire(date, dateline, body string) string {
	return "date " + date + " " + dateline + " " + body
}

// lines splits a screen into its lines.
func lines(s string) []string { return strings.Split(s, "\n") }

// TestMain keeps the render log quiet in tests; the program sends it to a
// file only when asked (--log).
func TestMain(m *testing.M) {
	log.SetOutput(io.Discard)
	os.Exit(m.Run())
}

// fakeOutside gives a the test's stand-ins for the outside world: timers
// that hand their message over at once, and no program run.
func fakeOutside(a *App) {
	a.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, msg: msg} }
	}
	a.exec = runAtOnce
}

// runAtOnce stands in for tea.ExecProcess: the program is not run, and
// its end is reported at once (so the pager's temporary file goes).
func runAtOnce(_ *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return fn(nil) }
}
