package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2ETerminalInputCannotCrashOrFreeze sends the reader, in tmux, the
// input that used to kill or freeze it: escape sequences with more than
// 32 parameters (they panicked in the x/ansi decoder, leaving the
// terminal raw in the alternate screen) and 20 KB pasted as keys into
// the filter (each key re-filtered the whole text: a minute's freeze).
// The reader must stay up and take keys at once after each.
func TestE2ETerminalInputCannotCrashOrFreeze(t *testing.T) {
	s, statusFile := startTmux(t, 120, 40)
	s.waitFor("President of Kazakhstan Kassym-Jomart Tokayev", 15*time.Second)

	alive := func(step string) {
		t.Helper()
		if code := exitStatus(statusFile); code != "" {
			t.Fatalf("after %s rostrum exited with status %s; screen:\n%s", step, code, s.screen())
		}
	}
	for _, seq := range []string{
		"\x1b[" + strings.Repeat(";", 32) + "1m",
		"\x1bP" + strings.Repeat(":", 40) + "1q\x1b\\",
		"\x1b[<" + strings.Repeat("1;", 60) + "2M",
	} {
		out, err := exec.Command("tmux", "-L", s.socket, "send-keys", "-l", seq).CombinedOutput()
		if err != nil { // the pane is gone: rostrum has exited
			time.Sleep(200 * time.Millisecond)
			t.Fatalf("rostrum died on %q (exit status %q): %s", seq, exitStatus(statusFile), out)
		}
		time.Sleep(100 * time.Millisecond) // one read each
	}
	s.tmux("send-keys", "/")
	s.tmux("send-keys", "-l", "Tianjin")
	s.waitFor("/ Tianjin", 10*time.Second)
	alive("the long escape sequences")
	s.tmux("send-keys", "Escape")
	s.waitFor("Rostrum · 1 document\n", 5*time.Second)

	// 20 KB on one line, pasted as keys (no -p: no bracketed paste).
	long := filepath.Join(t.TempDir(), "paste")
	if err := os.WriteFile(long, []byte(strings.Repeat("speech ", 20*1024/7)), 0o600); err != nil {
		t.Fatal(err)
	}
	s.tmux("load-buffer", "-b", "long", long)
	s.tmux("send-keys", "/")
	s.tmux("paste-buffer", "-b", "long")
	s.waitFor("Input cut at 256 characters", 20*time.Second)
	// A key sent after the paste is read after it: once esc has cleared
	// the filter, every pasted key has been handled. (esc goes alone: an
	// esc and a key in one read are alt and that key.)
	start := time.Now()
	s.tmux("send-keys", "Escape")
	s.waitFor("Rostrum · 1 document\n", 20*time.Second)
	t.Logf("the 20 KB paste was handled %v after it ended", time.Since(start))
	s.tmux("send-keys", "/")
	s.tmux("send-keys", "-l", "Tianjin")
	s.waitFor("/ Tianjin", 5*time.Second)
	alive("the long paste")
	s.tmux("send-keys", "Escape")
	s.waitFor("Rostrum · 1 document\n", 5*time.Second)

	// A bracketed paste lands in the filter, its line end a space.
	s.tmux("send-keys", "/")
	s.tmux("set-buffer", "-b", "short", "Tianjin\nSCO")
	s.tmux("paste-buffer", "-p", "-b", "short")
	s.waitFor("/ Tianjin SCO", 10*time.Second)
	s.tmux("send-keys", "Escape")
	s.waitFor("Rostrum · 1 document\n", 5*time.Second)
	s.quit(statusFile)
}

// exitStatus is the binary's exit status, or "" while it runs.
func exitStatus(statusFile string) string {
	b, _ := os.ReadFile(statusFile)
	return strings.TrimSpace(string(b))
}

// TestE2EKilledReaderRestoresTerminal: when the reader dies where Bubble
// Tea cannot clean up (here SIGKILL; a panic outside Update and View, as
// the x/ansi one was, ends it the same way), its crash guard takes the
// terminal out of the alternate screen, stops mouse tracking, shows the
// cursor and says what happened.
func TestE2EKilledReaderRestoresTerminal(t *testing.T) {
	s, statusFile := startTmux(t, 120, 40)
	s.tmux("set-option", "-g", "remain-on-exit", "on") // keep the pane to look at
	rawOut := filepath.Join(t.TempDir(), "pane-output")
	s.tmux("pipe-pane", "-O", "cat > '"+rawOut+"'")
	s.waitFor("President of Kazakhstan Kassym-Jomart Tokayev", 15*time.Second)
	modes := func() string {
		return strings.TrimSpace(s.tmux("display-message", "-p", "#{alternate_on} #{mouse_button_flag} #{mouse_sgr_flag} #{cursor_flag}"))
	}
	if got := modes(); got != "1 1 1 0" {
		t.Fatalf("the running reader should have alternate screen, mouse and a hidden cursor (1 1 1 0), got %q", got)
	}
	shell := strings.TrimSpace(s.tmux("display-message", "-p", "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", shell, "-x", "rostrum").Output()
	pid := strings.TrimSpace(string(out))
	if err != nil || pid == "" || strings.Contains(pid, "\n") {
		t.Fatalf("cannot find the reader's process under %s: %v %q", shell, err, out)
	}
	if err := exec.Command("kill", "-KILL", pid).Run(); err != nil {
		t.Fatal(err)
	}
	if code := waitExit(t, statusFile, 10*time.Second); code != "137" {
		t.Fatalf("killed reader exited with %s, want 137", code)
	}
	s.waitFor("rostrum was stopped abruptly (killed?); the terminal was restored.", 10*time.Second)
	// tmux hides the cursor of a dead pane: the output must show it.
	if got := modes(); !strings.HasPrefix(got, "0 0 0 ") {
		t.Errorf("the terminal was not restored: modes %q, want alternate screen and mouse off", got)
	}
	raw, err := os.ReadFile(rawOut)
	if err != nil {
		t.Fatal(err)
	}
	after := string(raw[bytes.LastIndex(raw, []byte("\x1b[?1049h"))+1:])
	if !strings.Contains(after, "\x1b[?25h") {
		t.Errorf("the cursor was not shown again after the reader was killed: %q", after)
	}
}
