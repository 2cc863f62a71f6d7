package tui

import (
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// reloadFrom is a Reload function that reads the given texts as a load
// would, one batch, then closes.
func reloadFrom(t *testing.T, texts map[string]string, order ...string) func() <-chan model.Progress {
	return func() <-chan model.Progress {
		ch := make(chan model.Progress, 1)
		var docs []*model.Document
		for _, path := range order {
			d, err := model.ParseText(path, texts[path])
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d)
		}
		ch <- model.Progress{Docs: docs, Done: len(order), Total: len(order)}
		close(ch)
		return ch
	}
}

func TestReloadKeepsTheSelectedFile(t *testing.T) {
	texts := map[string]string{
		"test/a.txt": wire("2025-01-01", "BAKU, January 1.", "First story about grain harvests."),
		"test/b.txt": wire("2025-01-02", "BAKU, January 2.", "Second story about oil prices."),
		"test/c.txt": wire("2025-01-03", "BAKU, January 3.", "Third story about rail links."),
	}
	h := newHarness(t, texts["test/a.txt"], texts["test/b.txt"], texts["test/c.txt"]).size(100, 30)
	h.keys("j") // the second story
	// b.txt was edited; a new file d.txt appeared before it.
	texts["test/b.txt"] = wire("2025-01-02", "BAKU, January 2.", "Second story, edited, about gas prices.")
	texts["test/d.txt"] = wire("2025-01-04", "BAKU, January 4.", "A new story about ports.")
	h.app.reloadFn = reloadFrom(t, texts, "test/a.txt", "test/d.txt", "test/b.txt", "test/c.txt")
	h.keys("r")
	if got := h.app.corpus.Len(); got != 4 {
		t.Fatalf("after the reload the corpus has %d documents, want 4", got)
	}
	d := h.app.list.Selected()
	if d == nil || d.Path != "test/b.txt" || !strings.Contains(d.Body, "edited") {
		t.Fatalf("the edited file should stay selected, got %+v", d)
	}
	if scr := h.screen(); !strings.Contains(scr, "Reloaded: 4 documents (was 3)") {
		t.Fatalf("the status line should say what the reload did:\n%s", scr)
	}
}

func TestReloadWithoutFilesSaysSo(t *testing.T) {
	h := newHarness(t, seedText(t)).size(100, 30)
	h.keys("r")
	if !strings.Contains(h.screen(), "Nothing to reload") {
		t.Fatalf("r with no files behind the documents should say so:\n%s", h.screen())
	}
}

func TestFilesChangedReloads(t *testing.T) {
	texts := map[string]string{"test/a.txt": wire("2025-01-01", "BAKU, January 1.", "First story about grain harvests.")}
	h := newHarness(t, texts["test/a.txt"]).size(100, 30)
	texts["test/b.txt"] = wire("2025-01-02", "BAKU, January 2.", "A file that appeared.")
	h.app.reloadFn = reloadFrom(t, texts, "test/a.txt", "test/b.txt")
	changes := make(chan []string)
	close(changes)
	h.app.changes = changes
	h.send(filesChangedMsg{paths: []string{"test/b.txt"}})
	if h.app.corpus.Len() != 2 {
		t.Fatalf("a change in the opened folder should reload: %d documents", h.app.corpus.Len())
	}
}

func TestEditorAndPager(t *testing.T) {
	h := newHarness(t, seedText(t)).size(100, 30)
	var ran []*exec.Cmd
	h.app.exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		ran = append(ran, c)
		return func() tea.Msg { return fn(nil) }
	}
	h.app.env = func(name string) string {
		return map[string]string{"EDITOR": "code --wait", "PAGER": "most"}[name]
	}
	h.keys("e")
	if len(ran) != 0 || !strings.Contains(h.screen(), "no file to edit") {
		t.Fatalf("a document without a file cannot be edited:\n%s", h.screen())
	}
	h.app.list.Selected().File = "/tmp/speech.txt"
	h.keys("e")
	if len(ran) != 1 || strings.Join(ran[0].Args, " ") != "code --wait /tmp/speech.txt" {
		t.Fatalf("e should run $EDITOR with its arguments on the file: %v", ran)
	}
	h.keys("o")
	if len(ran) != 2 || ran[1].Args[0] != "most" || !strings.HasSuffix(ran[1].Args[1], ".txt") {
		t.Fatalf("o should run $PAGER on a copy of the text: %v", ran[1].Args)
	}
}
