package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var counterRE = regexp.MustCompile(`(\d+)/(\d+)\s*$`)

// TestE2EHostileFolder opens a folder of hostile files (escape sequences of
// every kind, control and invisible characters, broken encodings, binary
// and empty files, broken symlinks, hostile file names) in the real binary
// inside tmux, and checks after every step that nothing but plain text and
// colours reaches the terminal, its title or its clipboard.
func TestE2EHostileFolder(t *testing.T) {
	dir := hostileFolder(t)
	rawOut := filepath.Join(t.TempDir(), "pane-output")
	const wantDocs, wantProblems = 10, 8

	s, statusFile := startTmux(t, 120, 40, "'"+dir+"'")
	// Record every byte the program writes (from the first moments on),
	// and let OSC 52 copies land in tmux's paste buffers.
	s.tmux("pipe-pane", "-O", "cat > '"+rawOut+"'")
	s.tmux("set-option", "-g", "set-clipboard", "on")
	// Let a tmux window-name sequence (ESC k … ESC \) rename the window,
	// so the check on #{window_name} can see one that gets through.
	s.tmux("set-option", "-g", "allow-rename", "on")
	h := &hostileCheck{t: t, s: s, statusFile: statusFile, seen: map[string]bool{}}

	header := fmt.Sprintf("Rostrum · %d documents", wantDocs)
	scr := h.settle(header, 15*time.Second)
	if !strings.Contains(scr, fmt.Sprintf("%s · %d problems", header, wantProblems)) {
		t.Errorf("header should count %d documents and %d problems:\n%s", wantDocs, wantProblems, scr)
	}
	h.check("loaded")
	if strings.Contains(scr, "resource") {
		t.Errorf("the AppleDouble file ._resource.txt should be skipped:\n%s", scr)
	}

	// Every document in turn, letting the reader render each.
	seenText := ""
	for i := 1; i <= wantDocs; i++ {
		if i > 1 {
			s.tmux("send-keys", "j")
		}
		deadline := time.Now().Add(5 * time.Second)
		for {
			lines := strings.Split(strings.TrimRight(s.screen(), "\n"), "\n")
			if m := counterRE.FindStringSubmatch(lines[len(lines)-1]); m != nil && m[1] == fmt.Sprint(i) && m[2] == fmt.Sprint(wantDocs) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the list never reached document %d of %d:\n%s", i, wantDocs, s.screen())
			}
			time.Sleep(50 * time.Millisecond)
		}
		seenText += h.settle(fmt.Sprintf("%d/%d", i, wantDocs), 5*time.Second)
		h.check(fmt.Sprintf("document %d of %d", i, wantDocs))
	}
	flat := strings.Join(strings.Fields(seenText), " ")
	for _, want := range []string{
		"defend the budget", "will reopen", "Tom Reed", // hostile quotes are still read
		"abcXYZ", "done OVER", // backspace and carriage return cannot overprint
		"Bread costs £3 now", // Windows-1252
		"CSI ›2J and OSC",    // raw C1 bytes read as Windows-1252 text
		"The tide is high",   // UTF-16LE
		"Good record",        // the good JSON Lines record
		"Body text.",         // Markdown with broken front matter still loads
		"Odd name", "name.txt", "Bidi memo", "end.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("no document showed %q while stepping through the list", want)
		}
	}
	for _, unwanted := range []string{"resource", "Mac OS X"} {
		if strings.Contains(flat, unwanted) {
			t.Errorf("the AppleDouble file was read: %q appeared", unwanted)
		}
	}

	// The problems view: every skipped file with a one-line reason.
	s.tmux("send-keys", "!")
	scr = h.settle(fmt.Sprintf("Problems · %d files or records could not be read", wantProblems), 5*time.Second)
	h.check("problems view")
	lines := strings.Split(scr, "\n")
	for _, p := range []struct{ name, reason string }{
		{"/x.txt", "binary"},
		{"/empty.txt", "empty"},
		{"/blank.txt", "empty"},
		{"/dangling.txt", "link"},
		{"/gone.txt", "link"},
		{"/loopa.txt", "link"},
		{"/loopb.txt", "link"},
		{"/wire.jsonl:2", "JSON"},
	} {
		found := false
		for i, l := range lines {
			if !strings.HasSuffix(strings.TrimSpace(l), p.name) || !strings.Contains(l, dir) {
				continue
			}
			found = true
			reason := ""
			if i+1 < len(lines) {
				reason = lines[i+1]
			}
			if !strings.HasPrefix(reason, "    ") || !strings.Contains(reason, p.reason) {
				t.Errorf("problem %s: want an indented reason mentioning %q on the next line, got %q", p.name, p.reason, reason)
			}
			if i+2 < len(lines) && strings.TrimSpace(lines[i+2]) != "" && !strings.Contains(lines[i+2], dir) {
				t.Errorf("problem %s: the reason runs over more than one line: %q", p.name, lines[i+2])
			}
		}
		if !found {
			t.Errorf("the problems view does not list %s:\n%s", p.name, scr)
		}
	}
	if strings.Contains(scr, "resource") {
		t.Errorf("the AppleDouble file should be skipped silently, not listed:\n%s", scr)
	}
	s.tmux("send-keys", "Escape")
	h.settle(header, 5*time.Second)
	h.check("problems view closed")

	// Copy the budget quote, then the harbour quote with its citation.
	s.tmux("send-keys", "/")
	s.tmux("send-keys", "-l", "budget")
	s.tmux("send-keys", "Enter")
	h.settle(fmt.Sprintf("1 of %d documents", wantDocs), 5*time.Second)
	s.tmux("send-keys", "]")
	scr = h.settle("Quote 1 of ", 5*time.Second)
	if !strings.Contains(scr, "Quote 1 of 1 ") {
		t.Errorf("forged quote markers (U+E0051/U+E0071) around “talks” made a second quote:\n%s", scr)
	}
	if !strings.Contains(scr, "Anna Berg") {
		t.Errorf("the budget quote should be attributed to Anna Berg:\n%s", scr)
	}
	h.check("budget quote selected")
	s.tmux("send-keys", "y")
	h.settle("Copied quote (", 5*time.Second)
	buf := h.newestBuffer(func(b string) bool { return strings.HasPrefix(b, "We will") }, 5*time.Second)
	if !strings.HasPrefix(buf, "We will") || !strings.Contains(buf, "defend the budget") || !strings.HasSuffix(buf, "at every step,") {
		t.Errorf("tmux buffer holds %q, want the budget quote", buf)
	}
	h.check("budget quote copied")

	s.tmux("send-keys", "Escape")
	h.settle(header, 5*time.Second)
	s.tmux("send-keys", "/")
	s.tmux("send-keys", "-l", "harbour")
	s.tmux("send-keys", "Enter")
	h.settle(fmt.Sprintf("1 of %d documents", wantDocs), 5*time.Second)
	s.tmux("send-keys", "]")
	scr = h.settle("Quote 1 of ", 5*time.Second)
	if !strings.Contains(scr, "Quote 1 of 1 ") {
		t.Errorf("the harbour story should hold exactly one quote:\n%s", scr)
	}
	h.check("harbour quote selected")
	s.tmux("send-keys", "Y")
	h.settle("Copied quote with citation (", 5*time.Second)
	buf = h.newestBuffer(func(b string) bool { return strings.Contains(b, "will reopen") }, 5*time.Second)
	for _, want := range []string{"“The click harbour", "will reopen evil iso next spring zerowidth”", "— Tom Reed"} {
		if !strings.Contains(strings.Join(strings.Fields(buf), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the copied citation %q lacks %q", buf, want)
		}
	}
	h.check("harbour quote copied with citation")
	s.tmux("send-keys", "Escape")
	h.settle(header, 5*time.Second)
	h.check("filter cleared")

	// Extreme sizes, then back to 120x40.
	s.tmux("set-option", "-g", "window-size", "manual")
	for _, sz := range [][2]int{{1, 1}, {2, 2}, {20, 5}, {400, 120}, {80, 24}, {120, 40}} {
		w, hgt := fmt.Sprint(sz[0]), fmt.Sprint(sz[1])
		s.tmux("resize-window", "-x", w, "-y", hgt)
		if got := strings.TrimSpace(s.tmux("display-message", "-p", "#{window_width}x#{window_height}")); got != w+"x"+hgt {
			t.Fatalf("resize-window to %sx%s left the window at %s", w, hgt, got)
		}
		time.Sleep(250 * time.Millisecond)
		step := "resized to " + w + "x" + hgt
		switch {
		case sz[0] >= 40 && sz[1] >= 10:
			scr = h.settle(header, 5*time.Second)
			if !strings.Contains(scr, "Budget talks") {
				t.Errorf("%s: the list is missing:\n%s", step, scr)
			}
		case sz[0] >= 20:
			h.settle("Rostrum", 5*time.Second)
		}
		h.check(step)
	}
	scr = h.settle(header, 5*time.Second)
	for _, want := range []string{"Rostrum ·", "Budget talks", "Anna Berg", "Harbour plan", "Good record", "Sam Okoro", "│"} {
		if !strings.Contains(scr, want) {
			t.Errorf("back at 120x40 the screen lacks %q:\n%s", want, scr)
		}
	}
	for i, l := range strings.Split(strings.TrimRight(scr, "\n"), "\n") {
		if utf8.RuneCountInString(l) > 120 {
			t.Errorf("back at 120x40 line %d is %d cells wide: %q", i+1, utf8.RuneCountInString(l), l)
		}
	}

	s.quit(statusFile)

	// Everything rostrum wrote to the terminal during the run.
	var raw []byte
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		raw, _ = os.ReadFile(rawOut)
		if len(raw) > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(raw) == 0 {
		t.Fatal("pipe-pane recorded nothing")
	}
	copies := h.scanOutput(raw)
	if len(copies) != 2 {
		t.Errorf("rostrum sent %d OSC 52 copies, want 2: %q", len(copies), copies)
	}
}
