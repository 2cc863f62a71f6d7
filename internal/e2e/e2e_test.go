package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// tmuxSession drives the real binary in a real terminal: a detached tmux
// server of its own (so a user's tmux is never touched), keys sent with
// send-keys, the screen read with capture-pane.
type tmuxSession struct {
	t      *testing.T
	socket string
}

// startTmux builds rostrum and starts it in a w x h tmux window. The exit
// status of the binary is written to the returned file when it ends.
func startTmux(t *testing.T, w, h int, args ...string) (*tmuxSession, string) {
	t.Helper()
	return startTmuxState(t, "", w, h, args...)
}

// startTmuxState is startTmux with the reading state kept in stateDir
// ("" for a folder of the test's own).
func startTmuxState(t *testing.T, stateDir string, w, h int, args ...string) (*tmuxSession, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required in CI (.ci/run installs it)")
		}
		t.Skip("tmux not installed; the end-to-end test needs it (apt-get install tmux)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "rostrum")
	build := exec.Command("go", "build", "-o", bin, "rostrum")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	statusFile := filepath.Join(dir, "status")
	// State, config and data folders of its own, so no test reads or
	// writes the user's.
	if stateDir == "" {
		stateDir = filepath.Join(dir, "state")
	}
	cmdline := fmt.Sprintf("XDG_STATE_HOME=%s XDG_CONFIG_HOME=%s XDG_DATA_HOME=%s %s %s; echo $? > %s",
		stateDir, filepath.Join(dir, "config"), filepath.Join(dir, "data"), bin, strings.Join(args, " "), statusFile)
	s := &tmuxSession{t: t, socket: fmt.Sprintf("rostrum-e2e-%d-%d", os.Getpid(), tmuxCount.Add(1))}
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh", "-c", cmdline)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s, statusFile
}

// tmuxCount numbers the tmux servers a test process starts.
var tmuxCount atomic.Int32

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p") }

// waitFor polls the screen until it contains want, failing after timeout
// with the last screen.
func (s *tmuxSession) waitFor(want string, timeout time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; last screen:\n%s", want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitExit waits for the binary's exit status.
func waitExit(t *testing.T, statusFile string, timeout time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(statusFile); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("rostrum did not exit")
	return ""
}

// quit presses q and checks that rostrum exits with status 0.
func (s *tmuxSession) quit(statusFile string) {
	s.t.Helper()
	s.tmux("send-keys", "q")
	if code := waitExit(s.t, statusFile, 10*time.Second); code != "0" {
		s.t.Fatalf("rostrum exited with status %s, want 0", code)
	}
}

func TestE2EReaderOnSeedsInTmux(t *testing.T) {
	s, statusFile := startTmux(t, 120, 40)
	scr := s.waitFor("President of Kazakhstan Kassym-Jomart Tokayev", 15*time.Second)
	if !strings.Contains(scr, "Rostrum · 1 document") {
		t.Errorf("header missing:\n%s", scr)
	}
	scr = s.waitFor("strengthening mutual trust in the", 5*time.Second)
	if strings.ContainsRune(scr, '\x1b') {
		t.Error("captured screen text holds an escape byte")
	}
	s.tmux("send-keys", "tab")
	s.waitFor("J next document", 5*time.Second)
	s.tmux("send-keys", "G")
	s.waitFor("across all priority areas,”", 5*time.Second)
	s.quit(statusFile)
}

func TestE2ECopyQuoteThroughTmuxClipboard(t *testing.T) {
	s, statusFile := startTmux(t, 120, 40)
	// tmux takes OSC 52 from applications into its paste buffer.
	s.tmux("set-option", "-g", "set-clipboard", "on")
	s.waitFor("President of Kazakhstan Kassym-Jomart Tokayev", 15*time.Second)
	s.tmux("send-keys", "]")
	s.waitFor("Quote 1 of 2", 5*time.Second)
	s.tmux("send-keys", "y")
	s.waitFor("Copied quote (", 5*time.Second)
	want := "In the context of escalating geopolitical conflicts"
	deadline := time.Now().Add(5 * time.Second)
	var buf string
	for time.Now().Before(deadline) {
		out, err := exec.Command("tmux", "-L", s.socket, "show-buffer").Output()
		if buf = string(out); err == nil && strings.HasPrefix(buf, want) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.HasPrefix(buf, want) || !strings.HasSuffix(buf, "is of utmost importance,") {
		t.Fatalf("tmux buffer holds %q, want the first quote", buf)
	}
	if strings.ContainsAny(buf, "\x1b\x07") {
		t.Fatal("the copied text holds control characters")
	}
	s.quit(statusFile)
}

func TestE2ETopicChipNarrowsTheList(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a-sport.txt":  "Cup final report\n\nThe striker scored a late goal as the football club won the cup final.",
		"b-market.txt": "Shares rise\n\nShares in the company rose after profits beat forecasts, the chief executive told investors.",
		"c-sport.txt":  "Tennis star wins\n\nThe tennis champion won the grand slam final at Wimbledon after a long match.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, statusFile := startTmux(t, 120, 30, dir)
	scr := s.waitFor("3 documents", 15*time.Second)
	if !strings.Contains(scr, "1 Sport 2") {
		t.Fatalf("the topic bar should offer Sport as chip 1:\n%s", scr)
	}
	s.tmux("send-keys", "1")
	scr = s.waitFor("2 of 3 documents · all of: Sport", 5*time.Second)
	if strings.Contains(scr, "Shares rise") {
		t.Fatalf("the business story should have left the list:\n%s", scr)
	}
	s.tmux("send-keys", "0")
	s.waitFor("Shares rise", 5*time.Second)
	s.quit(statusFile)
}

// TestE2EStarSurvivesRestart stars a quote, quits, starts again and finds
// the quote starred, the document reopened where it was, and the star
// exported by the command line.
func TestE2EStarSurvivesRestart(t *testing.T) {
	stateDir := t.TempDir()
	s, statusFile := startTmuxState(t, stateDir, 120, 40)
	s.waitFor("President of Kazakhstan Kassym-Jomart Tokayev", 15*time.Second)
	s.tmux("send-keys", "enter", "]", "]")
	s.waitFor("Quote 2 of 2", 5*time.Second)
	s.tmux("send-keys", "s")
	s.waitFor("★ Starred", 5*time.Second)
	s.quit(statusFile)

	s, statusFile = startTmuxState(t, stateDir, 120, 40)
	s.waitFor("President of Kazakhstan Kassym-Jomart Tokayev", 15*time.Second)
	s.waitFor("] next quote", 5*time.Second) // the reader is open again on the seed
	s.tmux("send-keys", "Q")
	scr := s.waitFor("Quotes ·", 5*time.Second)
	if !strings.Contains(scr, "★ “Such threats") {
		t.Fatalf("the starred quote should be marked after a restart:\n%s", scr)
	}
	s.quit(statusFile)
	cmd := exec.Command("go", "run", "rostrum", "quotes", "--starred", "-f", "md")
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+stateDir)
	if out, err := cmd.CombinedOutput(); err != nil || !strings.HasPrefix(string(out), "> “Such threats") ||
		!strings.Contains(string(out), "— Kassym-Jomart Tokayev") {
		t.Fatalf("the star should export with its speaker: %v\n%s", err, out)
	}
}
