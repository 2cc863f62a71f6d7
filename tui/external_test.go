package tui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rostrum/tui/internal/testkit"
)

// runForReal stands in for tea.ExecProcess by running the program at once,
// without a terminal.
func runForReal(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return fn(c.Run()) }
}

// recorder writes a stand-in program that records its arguments, one a
// line, to a file, and returns its path and the file's.
func recorder(t *testing.T) (prog, log string) {
	t.Helper()
	dir := t.TempDir()
	prog, log = filepath.Join(dir, "record"), filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + log + "'\n"
	if err := os.WriteFile(prog, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return prog, log
}

func recorded(t *testing.T, log string) []string {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatalf("the program did not run: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestEditorAndPagerGetAbsolutePaths: file names that start with + or -
// reach $EDITOR, $VISUAL and $PAGER as absolute paths, never as a command
// (vi runs the one after +) or an option.
func TestEditorAndPagerGetAbsolutePaths(t *testing.T) {
	seed := seedText(t)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"+!touch PWNED", "-c"} {
		if err := os.WriteFile(name, []byte("text"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prog, log := recorder(t)
	for _, v := range []string{"EDITOR", "VISUAL", "PAGER"} {
		for _, name := range []string{"+!touch PWNED", "-c"} {
			h := newHarness(t, seed).size(100, 30)
			h.app.exec = runForReal
			h.app.env = func(n string) string {
				if n == v {
					return prog + " --wait"
				}
				return ""
			}
			h.app.list.Selected().File = name // relative, as `rostrum .` gives it
			key := "e"
			if v == "PAGER" {
				key = "o"
			}
			h.keys(key)
			args := recorded(t, log)
			if len(args) != 2 || args[0] != "--wait" || !strings.HasPrefix(args[1], "/") {
				t.Fatalf("$%s with %q: the path should come last and absolute: %q", v, name, args)
			}
			if v != "PAGER" && args[1] != filepath.Join(dir, name) {
				t.Errorf("$%s: got %q, want the file %q", v, args[1], filepath.Join(dir, name))
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "PWNED")); err == nil {
		t.Fatal("a file name ran a command")
	}
}

// TestViDoesNotRunAFileName runs the real vim, when there is one, on a
// file named "+!touch PWNED": given as it is, vim would run the command.
func TestViDoesNotRunAFileName(t *testing.T) {
	vim, err := exec.LookPath("vim")
	if err != nil {
		t.Skip("no vim")
	}
	seed := seedText(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("+!touch PWNED", []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, seed).size(100, 30)
	h.app.exec = runForReal // standard input is empty: vim -es reads no command and ends
	h.app.env = func(n string) string {
		return map[string]string{"EDITOR": vim + " -es -u NONE -i NONE -n"}[n]
	}
	h.app.list.Selected().File = "+!touch PWNED"
	h.keys("e")
	if _, err := os.Stat(filepath.Join(dir, "PWNED")); err == nil {
		t.Fatal("vim ran the command in the file name")
	}
}

// TestEditorFailureIsNotHiddenByTheReload: when the editor fails and the
// watcher then reloads the file, the failure stays in the status line.
func TestEditorFailureIsNotHiddenByTheReload(t *testing.T) {
	texts := map[string]string{"test/a.txt": wire("2025-01-01", "BAKU, January 1.", "A story about grain.")}
	h := newHarness(t, texts["test/a.txt"]).size(120, 30)
	h.app.reloadFn = reloadFrom(t, texts, "test/a.txt")
	changes := make(chan []string)
	close(changes)
	h.app.changes = changes
	h.app.list.Selected().File = "/tmp/a.txt"
	h.app.exec = func(_ *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		return func() tea.Msg { return fn(errors.New("exit status 1")) }
	}
	h.keys("e")
	if !strings.Contains(h.screen(), "The editor failed: exit status 1") {
		t.Fatalf("the failure should be shown:\n%s", h.screen())
	}
	h.send(filesChangedMsg{paths: []string{"test/a.txt"}})
	scr := h.screen()
	if !strings.Contains(scr, "The editor failed: exit status 1") || !strings.Contains(scr, "Reloaded") {
		t.Fatalf("the reload should not replace the failure:\n%s", scr)
	}
	// Without a watcher, a failed edit is not reloaded at all.
	h.app.changes = nil
	h.app.list.Selected().File = "/tmp/a.txt"
	h.keys("e")
	if scr := h.screen(); !strings.Contains(scr, "The editor failed") || strings.Contains(scr, "Reloaded") {
		t.Fatalf("a failed edit should say so and not reload:\n%s", scr)
	}
}

// TestPagerFileIsPrivateAndRemoved: the pager's copy of the text is a
// 0600 file, written off the UI goroutine, and removed afterwards.
func TestPagerFileIsPrivateAndRemoved(t *testing.T) {
	h := newHarness(t, seedText(t)).size(100, 30)
	var seen string
	h.app.exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		seen = c.Args[len(c.Args)-1]
		info, err := os.Stat(seen)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("the pager's file should be there, 0600: %v %v", info, err)
		}
		return func() tea.Msg { return fn(nil) }
	}
	h.app.env = func(string) string { return "" }
	_, cmd := h.app.Update(testkit.Press("o"))
	if seen != "" {
		t.Fatal("the file should be written by a command, not in Update")
	}
	h.run(cmd)
	if seen == "" {
		t.Fatal("the pager did not run")
	}
	if _, err := os.Stat(seen); err == nil {
		t.Errorf("the pager's file should be removed: %s", seen)
	}
}

// TestRebindShowsACleanKeyName: a key name from the config file is shown
// on the help screen sanitised.
func TestRebindShowsACleanKeyName(t *testing.T) {
	k := DefaultKeyMap()
	if !k.Rebind("quit", []string{"\x1b]0;PWN\x07ctrl+q\u202e", "x"}) || k.Quit.Help().Key != "ctrl+q" {
		t.Errorf("help key %q", k.Quit.Help().Key)
	}
	if k.Rebind("help", []string{"\x1b[2J"}); k.Help.Help().Key != "\ufffd" {
		t.Errorf("a key name of nothing printable should show as U+FFFD: %q", k.Help.Help().Key)
	}
}

// TestCopiedTextIsSanitisedLast: whatever reaches copyCmd, both the OSC 52
// payload and the native clipboard get it sanitised.
func TestCopiedTextIsSanitisedLast(t *testing.T) {
	h := newHarness(t, seedText(t))
	h.run(copyCmd(h.clip, "a\x1b]52;c;UFdO\x07b\u009d0;x\u009c\u202ec\x7f"))
	if len(h.osc52) != 1 || h.osc52[0] != "abc" || len(h.clip.writes) != 1 || h.clip.writes[0] != "abc" {
		t.Errorf("OSC 52 %q, native %q: want \"abc\" each", h.osc52, h.clip.writes)
	}
}
