package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"rostrum/internal/termcheck"
)

// TestE2EHostileMarkdownReferences opens a Markdown file whose character
// references decode to escape sequences (hostileMarkdown) in the real
// binary inside tmux: the window title and tmux's paste buffers stay
// untouched, the screen shows the references as written and holds only
// SGR, the spoofed link is not linked, and the one real quote is what y
// copies.
func TestE2EHostileMarkdownReferences(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hostile.md")
	if err := os.WriteFile(path, []byte(termcheck.HostileMarkdown), 0o644); err != nil {
		t.Fatal(err)
	}
	rawOut := filepath.Join(t.TempDir(), "pane-output")
	s, statusFile := startTmux(t, 120, 40, "'"+path+"'")
	s.tmux("pipe-pane", "-O", "cat > '"+rawOut+"'")
	s.tmux("set-option", "-g", "set-clipboard", "on")
	s.tmux("set-option", "-g", "allow-rename", "on")
	h := &hostileCheck{t: t, s: s, statusFile: statusFile, seen: map[string]bool{}}

	// The reader renders the document beside the list.
	scr := h.settle("The harbour will reopen next", 15*time.Second)
	flat := strings.Join(strings.Fields(scr), " ")
	for _, want := range []string{"&#x1b;]0;TITLE&#x07;", "&#x1b;]52;c;UFdORUQ=&#x07;", "Rostrum · 1 document"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the screen should show %q:\n%s", want, scr)
		}
	}
	h.check("opened")
	titleAndBuffers := func(step string) {
		t.Helper()
		for _, f := range []string{"#{pane_title}", "#{window_name}"} {
			if v := s.tmux("display-message", "-p", f); strings.Contains(v, "TITLE") || strings.Contains(v, "0;") {
				t.Errorf("%s: %s is %q: a decoded OSC 0 reached the terminal", step, f, v)
			}
		}
		out, _ := exec.Command("tmux", "-L", s.socket, "list-buffers", "-F", "#{buffer_name}").Output()
		for _, name := range strings.Fields(string(out)) {
			buf, _ := exec.Command("tmux", "-L", s.socket, "show-buffer", "-b", name).Output()
			if b := string(buf); b != "The harbour will reopen next spring," {
				t.Errorf("%s: tmux paste buffer %s holds %q: only the copied quote may be there", step, name, b)
			}
		}
	}
	titleAndBuffers("opened")

	// The reader pane scrolled to the end.
	s.tmux("send-keys", "tab")
	s.tmux("send-keys", "G")
	scr = h.settle("bank.example/login", 5*time.Second)
	if !strings.Contains(scr, "https://evil.example") {
		t.Errorf("the link's real address should show:\n%s", scr)
	}
	h.check("scrolled to the end")
	titleAndBuffers("scrolled to the end")

	// The one real quote: forged markers (&#xE0051;…&#xE0071;) made no other.
	s.tmux("send-keys", "g")
	s.tmux("send-keys", "]")
	scr = h.settle("Quote 1 of ", 5*time.Second)
	if !strings.Contains(scr, "Quote 1 of 1 ") {
		t.Errorf("the document holds one quote:\n%s", scr)
	}
	s.tmux("send-keys", "y")
	h.settle("Copied quote (", 5*time.Second)
	buf := h.newestBuffer(func(b string) bool { return b != "" }, 5*time.Second)
	if buf != "The harbour will reopen next spring," {
		t.Errorf("y copied %q, want the harbour quote", buf)
	}
	h.check("quote copied")
	titleAndBuffers("quote copied")
	s.quit(statusFile)

	raw, err := os.ReadFile(rawOut)
	if err != nil || len(raw) == 0 {
		t.Fatalf("pipe-pane recorded nothing: %v", err)
	}
	if copies := h.scanOutput([]byte(checkHyperlinks(t, string(raw)))); len(copies) != 1 {
		t.Errorf("rostrum sent %d OSC 52 copies, want 1: %q", len(copies), copies)
	}
	for _, seq := range []string{"\x1b]0;TITLE", "\x1b]52;c;UFdORUQ=", "\x1bP+q544e", "\x1b^pm", "\x1bXsos", "\x1b[6n"} {
		if strings.Contains(string(raw), seq) {
			t.Errorf("rostrum wrote %q to the terminal", seq)
		}
	}
}

// hyperlinkRE is an OSC 8 sequence: its address, then the bytes up to the
// next one.
var hyperlinkRE = regexp.MustCompile("\x1b\\]8;[^;\x07\x1b]*;([^\x07\x1b]*)(?:\x07|\x1b\\\\)")

// checkHyperlinks checks every hyperlink in what rostrum wrote: it may
// only point to https://evil.example (the one link of hostileMarkdown
// whose text is its address), and the text drawn inside it must be part
// of that address, never the bank's address it was disguised as. It
// returns raw without its hyperlinks, for scanOutput.
func checkHyperlinks(t *testing.T, raw string) string {
	t.Helper()
	locs := hyperlinkRE.FindAllStringSubmatchIndex(raw, -1)
	for i, m := range locs {
		url := raw[m[2]:m[3]]
		if url == "" {
			continue
		}
		if url != "https://evil.example" {
			t.Errorf("rostrum linked to %q", url)
			continue
		}
		end := len(raw)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if shown := ansi.Strip(raw[m[1]:end]); shown == "" || !strings.Contains(url, shown) {
			t.Errorf("the link to %s shows %q", url, shown)
		}
	}
	return hyperlinkRE.ReplaceAllString(raw, "")
}
