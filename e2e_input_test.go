package main

import (
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
