package crashguard

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary be a guard (Start runs the executable
// again) and a program that crashes under one.
func TestMain(m *testing.M) {
	if IsGuard() {
		os.Exit(Guard())
	}
	if path := os.Getenv("CRASHGUARD_TEST_CRASH"); path != "" {
		crashUnderGuard(path)
	}
	os.Exit(m.Run())
}

// crashUnderGuard starts a guard over the file at path (standing for the
// terminal) and panics in a goroutine, where nothing can recover.
func crashUnderGuard(path string) {
	tty, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		os.Exit(3)
	}
	if _, err := Start(tty); err != nil {
		os.Exit(4)
	}
	go func() { panic("boom in a goroutine") }()
	select {}
}

// ttyFile is a file standing for the terminal (not a terminal: the guard
// cannot save its settings, and writes the reset to it all the same).
func ttyFile(t *testing.T) (*os.File, string) {
	path := filepath.Join(t.TempDir(), "tty")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

type nopCloser struct{ bytes.Buffer }

func (nopCloser) Close() error { return nil }

func TestWatch(t *testing.T) {
	for _, tc := range []struct {
		name, crash string
		reset       bool
		say         string
	}{
		{"stopped", "\x00stop\x00", false, ""},
		{"crashed", "panic: boom\n\ngoroutine 7 [running]:\n", true, "rostrum crashed; the terminal was restored. Please report this bug with the report below.\n\npanic: boom\n"},
		{"killed", "", true, "rostrum was stopped abruptly (killed?); the terminal was restored.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tty, path := ttyFile(t)
			var ready nopCloser
			var stderr bytes.Buffer
			if code := Watch(strings.NewReader(tc.crash), &ready, tty, &stderr); code != 0 {
				t.Errorf("exit status %d", code)
			}
			if ready.String() != "ready\n" {
				t.Errorf("the guard said %q, want ready", ready.String())
			}
			written, _ := os.ReadFile(path)
			if got := string(written) == Reset; got != tc.reset {
				t.Errorf("terminal got %q; reset wanted: %v", written, tc.reset)
			}
			if !strings.HasPrefix(stderr.String(), tc.say) || (tc.say == "") != (stderr.Len() == 0) {
				t.Errorf("stderr %q, want it to start with %q", stderr.String(), tc.say)
			}
		})
	}
}

// TestWatchCannotRestore: when the reset cannot be written, the guard
// does not claim the terminal was restored.
func TestWatchCannotRestore(t *testing.T) {
	_, path := ttyFile(t)
	tty, err := os.Open(path) // read-only: the reset fails
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	var ready nopCloser
	var stderr bytes.Buffer
	if code := Watch(strings.NewReader(""), &ready, tty, &stderr); code != 0 {
		t.Errorf("exit status %d", code)
	}
	if got := stderr.String(); !strings.HasPrefix(got, "rostrum was stopped abruptly (killed?); the terminal could not be restored (") {
		t.Errorf("stderr %q, want it to say the terminal could not be restored", got)
	}
}

// TestResetUndoesTheReader: the reset leaves the alternate screen, stops
// the mouse reports Bubble Tea turns on and shows the cursor.
func TestResetUndoesTheReader(t *testing.T) {
	for _, seq := range []string{"\x1b[?1049l", "\x1b[?1002l", "\x1b[?1003l", "\x1b[?1006l", "\x1b[?2004l", "\x1b[?25h"} {
		if !strings.Contains(Reset, seq) {
			t.Errorf("the reset lacks %q", seq)
		}
	}
}

// TestStartAndStop: a guard started and stopped writes nothing and ends.
func TestStartAndStop(t *testing.T) {
	tty, path := ttyFile(t)
	stop, err := Start(tty)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- stop() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("stop: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("stop did not end the guard")
	}
	if written, _ := os.ReadFile(path); len(written) != 0 {
		t.Errorf("a stopped guard wrote %q to the terminal", written)
	}
}

// TestGuardCatchesGoroutinePanic: a process that panics in a goroutine
// under a guard dies with status 2, and the guard resets the terminal and
// prints the crash report with a line saying what happened.
func TestGuardCatchesGoroutinePanic(t *testing.T) {
	_, path := ttyFile(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CRASHGUARD_TEST_CRASH="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run() // waits for the guard too: it holds stderr
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Fatalf("the crashing process ended with %v, want exit status 2; stderr:\n%s", err, stderr.String())
	}
	written, _ := os.ReadFile(path)
	if string(written) != Reset {
		t.Errorf("the guard wrote %q to the terminal, want the reset", written)
	}
	out := stderr.String()
	if !strings.Contains(out, "rostrum crashed; the terminal was restored") || strings.Count(out, "panic: boom in a goroutine") < 2 {
		t.Errorf("stderr should hold the runtime's report and the guard's copy after its note:\n%s", out)
	}
}
