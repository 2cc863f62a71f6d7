package e2e

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
