package main

import (
	"encoding/base64"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The hostile folder hides marker words ("PWN…") only inside the
// parameters of escape sequences. Rostrum must drop every such sequence
// with its parameters, so a marker seen on the screen, in the pane title,
// in a tmux paste buffer or anywhere in the bytes the program writes means
// that a sequence, or its payload, got through.
var hostileMarkers = map[string]string{
	"PWNTITLE":   `a-budget.txt: OSC 0 window title "\x1b]0;PWNTITLE\x07" inside the quote`,
	"PWNCLIP":    `a-budget.txt: OSC 52 clipboard "\x1b]52;c;UFdOQ0xJUA==\x07" (base64 of PWNCLIP) inside the quote`,
	"PWNLINK":    `b-harbour.txt: OSC 8 hyperlink to http://evil.example/PWNLINK inside the quote`,
	"PWNHEAD":    `b-harbour.txt: OSC 0 "\x1b]0;PWNHEAD\x07" inside the headline`,
	"PWNSPK":     `b-harbour.txt: OSC 0 "\x1b]0;PWNSPK\x07" inside the speaker's name`,
	"PWNDCS":     `c-controls.txt: DCS "\x1bP+qPWNDCS\x1b\\"`,
	"PWNAPC":     `c-controls.txt: APC "\x1b_PWNAPC\x1b\\"`,
	"PWNSOS":     `c-controls.txt: SOS "\x1bXPWNSOS\x1b\\"`,
	"PWNPM":      `c-controls.txt: PM "\x1b^PWNPM\x1b\\"`,
	"PWNU1":      `c-controls.txt: C1 OSC written as UTF-8 runes "\u009d0;PWNU1\u009c"`,
	"PWNCP":      `cp1252.txt: OSC 0 "\x1b]0;PWNCP\x07" in a Windows-1252 file`,
	"PWN16":      `utf16.txt: OSC 0 "\x1b]0;PWN16\x07" in a UTF-16LE file`,
	"PWNMD":      `bad.md: OSC 2 "\x1b]2;PWNMD\x07" in a Markdown file with broken front matter`,
	"PWNJSON":    `wire.jsonl: OSC 0 "\u001b]0;PWNJSON\u0007" (JSON escapes) in the good record`,
	"PWNNAME":    `file name "name\x1b]0;PWNNAME\x07.txt"`,
	"PWNGONE":    `file name of a dangling symlink "gone\x1b]0;PWNGONE\x07.txt"`,
	"PWNBIDI":    `memo-bidi.txt: OSC 0 "\x1b]0;PWNBIDI\x07" next to bidi overrides`,
	"UFdOQ0xJUA": "a-budget.txt: the base64 payload of the hostile OSC 52",
}

var markerRE = regexp.MustCompile(`PWN[A-Z0-9]*|UFdOQ0xJUA`)

// hostileFolder writes the hostile corpus into a fresh temporary folder.
func hostileFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if strings.ContainsAny(dir, " '\"\\$`") {
		t.Fatalf("temporary folder %q cannot be passed through sh -c", dir)
	}
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}

	// Two readable stories with a named speaker; the quotes are full of
	// escape sequences, and the budget story forges the reader's own
	// zero-width quote markers (tag characters U+E0051/U+E0071) outside
	// its only quote.
	write("a-budget.txt", []byte("Budget talks\n\n"+
		"Finance Minister Anna Berg said: “We will \x1b]52;c;UFdOQ0xJUA==\x07 defend the budget \x1b]0;PWNTITLE\x07 at every step,” "+
		"adding that \U000E0051talks\U000E0071 would go on.\x07\n"))
	write("b-harbour.txt", []byte("Harbour \x1b]0;PWNHEAD\x07plan\n\n"+
		"“The \x1b]8;;http://evil.example/PWNLINK\x1b\\click\x1b]8;;\x1b\\ harbour \x1b[2J\x1b[H will reopen "+
		"\u202eevil\u202c \u2066iso\u2069 next \U000E0051spring\U000E0071 zero\u200bwidth,” "+
		"Mayor Tom\x1b]0;PWNSPK\x07 Reed told reporters.\n\n"+
		"Overprint abc\b\b\bXYZ and done\rOVER here.\n"))
	// Every other kind of control string and control character.
	write("c-controls.txt", []byte("Control soup\n\n"+
		"DCS \x1bP+qPWNDCS\x1b\\ APC \x1b_PWNAPC\x1b\\ SOS \x1bXPWNSOS\x1b\\ PM \x1b^PWNPM\x1b\\ "+
		"C1 runes \u009b2J \u009d0;PWNU1\u009c window \x1bkTMUXWIN\x1b\\ reset \x1bc save \x1b7 restore \x1b8 "+
		"bell \x07 delete \x7f end.\n"))
	// Raw 8-bit C1 bytes (not valid UTF-8) in an otherwise UTF-8 file: the
	// decoder reads such bytes as Windows-1252, the encoding real corpora
	// use them for, so they are shown as the characters they are there
	// (› for 0x9b, œ for 0x9c, U+FFFD for the undefined 0x9d), never
	// sent as controls.
	write("c1-raw.txt", []byte("Raw control bytes\n\nThe file holds 8-bit controls: CSI \x9b2J and OSC \x9d0;title\x9c then plain words.\n"))
	// Windows-1252: \x93 \x94 curly quotes, \xa3 pound sign.
	write("cp1252.txt", []byte("Price rise\n\nThe trader Lucy Hart said: \x93Bread costs \xa33 now,\x94 at the market \x1b]0;PWNCP\x07 stall.\n"))
	// UTF-16LE with a byte order mark.
	u16 := []byte{0xff, 0xfe}
	for _, r := range "Tide report\n\nCaptain Ola Nordmann said: “The tide is high \x1b]0;PWN16\x07 tonight,” at dawn.\n" {
		if r > 0xffff {
			t.Fatal("the UTF-16 text must stay in the BMP")
		}
		u16 = append(u16, byte(r), byte(r>>8))
	}
	write("utf16.txt", u16)
	write("bad.md", []byte("---\ntitle: [unclosed\n---\nBody text. \x1b]2;PWNMD\x07Still body.\n"))
	write("wire.jsonl", []byte(`{"title":"Good record","text":"Chair Sam Okoro said: \u201cWe agree \u001b]0;PWNJSON\u0007 today.\u201d"}`+"\n"+
		`{"title": broken`+"\n"))
	write("name\x1b]0;PWNNAME\x07.txt", []byte("Odd name\n\nA plain file with a hostile name.\n"))
	write("memo\u202eexe\u2066.txt", []byte("Bidi memo\n\nRight \u202eto left\u202c and \u2067isolated\u2069 text \x1b]0;PWNBIDI\x07 here.\n"))

	// Files that must be skipped and reported.
	bin := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(bin)
	bin[100], bin[2000] = 0, 0
	write("x.txt", bin)
	write("empty.txt", nil)
	write("blank.txt", []byte("  \n\t\n   \r\n"))
	symlink("nowhere.txt", "dangling.txt")
	symlink("nowhere.txt", "gone\x1b]0;PWNGONE\x07.txt")
	symlink("loopb.txt", "loopa.txt")
	symlink("loopa.txt", "loopb.txt")
	// AppleDouble resource fork: skipped silently.
	write("._resource.txt", []byte("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        "))
	return dir
}

// hostileCheck holds what one run of the hostile test has reported, so
// each distinct leak is reported once, at the first step that shows it.
type hostileCheck struct {
	t          *testing.T
	s          *tmuxSession
	statusFile string
	seen       map[string]bool
}

func (h *hostileCheck) fail(key, format string, args ...any) {
	h.t.Helper()
	if h.seen[key] {
		return
	}
	h.seen[key] = true
	h.t.Errorf(format, args...)
}

// markers reports the PWN markers in text, each with the input it came from.
func (h *hostileCheck) markers(where, step, text string) {
	h.t.Helper()
	for _, m := range markerRE.FindAllString(text, -1) {
		src := hostileMarkers[m]
		if src == "" {
			src = "unknown input"
		}
		i := strings.Index(text, m)
		ctx := text[max(0, i-60):min(len(text), i+len(m)+30)]
		h.fail(where+"|"+m, "step %q: marker %s reached %s (from %s); around it: %q", step, m, where, src, ctx)
	}
}

// badRune reports whether r is a control character, bidi control, tag
// character or zero-width space (a newline only when allowNL is false).
func badRune(r rune, allowNL bool) bool {
	switch {
	case r == '\n':
		return !allowNL
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0xe0000 && r <= 0xe007f:
		return true
	case r == 0x200b:
		return true
	}
	return false
}

// runes reports the first character of text that badRune rejects.
func (h *hostileCheck) runes(where, step, text string, allowNL bool) {
	h.t.Helper()
	for i, r := range text {
		if badRune(r, allowNL) {
			ctx := text[max(0, i-40):min(len(text), i+40)]
			h.fail(where+"|rune", "step %q: %s holds %U; around it: %q", step, where, r, ctx)
			return
		}
	}
}

// sgrOnly fails unless every escape sequence in a `capture-pane -e`
// capture is SGR (ESC [ params m).
func sgrOnly(b string) (bad string, ok bool) {
	for i := 0; i < len(b); i++ {
		if b[i] != 0x1b {
			continue
		}
		j := i + 1
		if j >= len(b) || b[j] != '[' {
			return b[i:min(len(b), i+20)], false
		}
		j++
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';' || b[j] == ':') {
			j++
		}
		if j >= len(b) || b[j] != 'm' {
			return b[i:min(len(b), j+1)], false
		}
		i = j
	}
	return "", true
}

// check runs every protection check on the current state of the terminal.
func (h *hostileCheck) check(step string) {
	h.t.Helper()
	if b, err := os.ReadFile(h.statusFile); err == nil {
		h.t.Fatalf("step %q: rostrum has exited with status %q; last screen:\n%s", step, strings.TrimSpace(string(b)), h.s.screen())
	}
	scr := h.s.screen()
	h.markers("the screen", step, scr)
	h.runes("the screen", step, scr, true)
	esc := h.s.tmux("capture-pane", "-e", "-p")
	if bad, ok := sgrOnly(esc); !ok {
		h.fail("sgr|"+bad, "step %q: capture-pane -e holds a sequence other than SGR: %q", step, bad)
	}
	for _, f := range []string{"#{pane_title}", "#{window_name}", "#{session_name}"} {
		v := h.s.tmux("display-message", "-p", f)
		h.markers(f, step, v)
		if strings.Contains(v, "TMUXWIN") {
			h.fail(f+"|TMUXWIN", "step %q: %s is %q: the tmux window-name sequence \\x1bkTMUXWIN\\x1b\\\\ of c-controls.txt got through", step, f, v)
		}
	}
	out, _ := exec.Command("tmux", "-L", h.s.socket, "list-buffers", "-F", "#{buffer_name}").Output()
	for _, name := range strings.Fields(string(out)) {
		buf, err := exec.Command("tmux", "-L", h.s.socket, "show-buffer", "-b", name).Output()
		if err != nil {
			continue
		}
		h.markers("tmux paste buffer "+name, step, string(buf))
		h.runes("tmux paste buffer "+name, step, string(buf), false)
	}
}

// settle waits until the screen shows want and stops changing.
func (h *hostileCheck) settle(want string, timeout time.Duration) string {
	h.t.Helper()
	scr := h.s.waitFor(want, timeout)
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		time.Sleep(60 * time.Millisecond)
		next := h.s.screen()
		if next == scr && strings.Contains(next, want) {
			return next
		}
		scr = next
	}
	return scr
}

// newestBuffer polls tmux's newest paste buffer until it satisfies ok.
func (h *hostileCheck) newestBuffer(ok func(string) bool, timeout time.Duration) string {
	h.t.Helper()
	var buf string
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		out, err := exec.Command("tmux", "-L", h.s.socket, "show-buffer").Output()
		if buf = string(out); err == nil && ok(buf) {
			return buf
		}
		time.Sleep(50 * time.Millisecond)
	}
	return buf
}

// scanOutput checks the raw bytes rostrum wrote to its terminal: no marker
// anywhere, no BEL outside an OSC terminator, no SOS, PM or APC, only the
// OSC the program itself uses (10/11/12 colour queries and 52 copies, whose
// payload must be clean text), and no C1, bidi or tag characters.
func (h *hostileCheck) scanOutput(b []byte) (copies []string) {
	h.t.Helper()
	s := string(b)
	h.markers("the bytes rostrum wrote to the terminal", "whole run", s)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x07:
			h.fail("raw|bel", "rostrum wrote a bare BEL to the terminal; around it: %q", s[max(0, i-60):min(len(s), i+20)])
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
				j++
			}
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
				j++
			}
			i = j + 1
		case c == 0x1b && i+1 < len(s) && strings.IndexByte("]P^_X", s[i+1]) >= 0:
			kind := s[i+1]
			j := i + 2
			end, termLen := -1, 0
			for k := j; k < len(s); k++ {
				if s[k] == 0x07 && kind == ']' {
					end, termLen = k, 1
					break
				}
				if s[k] == 0x1b && k+1 < len(s) && s[k+1] == '\\' {
					end, termLen = k, 2
					break
				}
			}
			if end < 0 {
				h.fail("raw|unterminated", "rostrum wrote an unterminated control string: %q", s[i:min(len(s), i+60)])
				return copies
			}
			payload := s[j:end]
			switch kind {
			case ']':
				num, rest, _ := strings.Cut(payload, ";")
				switch num {
				case "10", "11", "12":
					if rest != "?" {
						h.fail("raw|osc"+num, "rostrum set a terminal colour: OSC %q", payload)
					}
				case "52":
					_, data, _ := strings.Cut(rest, ";")
					dec, err := base64.StdEncoding.DecodeString(data)
					if err != nil {
						h.fail("raw|osc52", "rostrum sent OSC 52 with a payload that is not base64: %q", payload)
						break
					}
					copies = append(copies, string(dec))
					h.markers("an OSC 52 copy written by rostrum", "whole run", string(dec))
					h.runes("an OSC 52 copy written by rostrum", "whole run", string(dec), false)
				default:
					h.fail("raw|osc|"+num, "rostrum wrote OSC %s to the terminal: %q", num, payload)
				}
			case 'P':
				// A terminal query of the program itself may be a DCS; it
				// must carry no marker (checked above).
			default:
				h.fail("raw|string|"+string(kind), "rostrum wrote an SOS, PM or APC string to the terminal: %q", s[i:end+termLen])
			}
			i = end + termLen
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError && badRune(r, true) {
				h.fail(fmt.Sprintf("raw|%U", r), "rostrum wrote %U to the terminal; around it: %q", r, s[max(0, i-60):min(len(s), i+20)])
			}
			i += size
		}
	}
	return copies
}

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

	s.tmux("send-keys", "q")
	if code := waitExit(t, statusFile, 10*time.Second); code != "0" {
		t.Fatalf("rostrum exited with status %s, want 0", code)
	}

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
