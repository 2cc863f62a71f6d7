// Package crashguard puts the terminal back when the reader dies in a way
// Bubble Tea cannot catch.
//
// Bubble Tea recovers a panic in Update, View or a command and restores
// the terminal itself. A panic in any other goroutine (its own input
// reader, where the x/ansi decoder panicked on long escape sequences, or
// one of the reader's loaders and watchers), a fatal runtime error or a
// SIGKILL ends the process at once: the terminal stays raw, in the
// alternate screen, with mouse tracking on and the cursor hidden, and the
// crash report is printed on the alternate screen, where it is lost.
//
// Start runs a guard: the same executable, started again in monitor mode,
// holding the terminal and a pipe. The runtime writes a crash report to
// the pipe as well (runtime/debug.SetCrashOutput); the guard waits for
// the pipe to close. If the reader stopped it, it exits; otherwise it
// resets the terminal's modes, restores the settings the terminal had
// when the guard started, and prints the crash report on the normal
// screen with a line saying what happened.
package crashguard

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
)

// envVar set to "1" starts the executable as a guard (see IsGuard).
const envVar = "ROSTRUM_CRASH_GUARD"

// Reset leaves the alternate screen, stops every mouse report, focus
// reports and bracketed paste, pops the kitty keyboard mode and resets
// modifyOtherKeys, resets colours and shows the cursor.
const Reset = "\x1b[?1049l" + // normal screen
	"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l" + // mouse
	"\x1b[?1004l\x1b[?2004l" + // focus reports, bracketed paste
	"\x1b[<u\x1b[>4;0m" + // kitty keyboard, modifyOtherKeys
	"\x1b[m\x1b[?25h\r\n" // colours, cursor

// stopMark is what the reader writes before closing the pipe when it ends
// normally.
const stopMark = "\x00stop\x00"

// ready is what the guard writes once it has the terminal's settings.
const ready = "ready\n"

// IsGuard reports whether this process was started as a guard.
func IsGuard() bool { return os.Getenv(envVar) == "1" }

// Start starts a guard for the terminal tty, which must still be in its
// normal mode (the guard keeps these settings to restore), and returns
// the function that stops it when the reader ends normally; stop reports
// a guard that could not be told or did not end cleanly. The guard is
// best effort: when it cannot start, Start returns the error and a stop
// that does nothing.
func Start(tty *os.File) (stop func() error, err error) {
	nothing := func() error { return nil }
	exe, err := os.Executable()
	if err != nil {
		return nothing, err
	}
	crashR, crashW, err := os.Pipe()
	if err != nil {
		return nothing, err
	}
	readyR, readyW, err := os.Pipe()
	if err != nil {
		crashR.Close()
		crashW.Close()
		return nothing, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), envVar+"=1")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = crashR, readyW, os.Stderr
	cmd.ExtraFiles = []*os.File{tty}
	err = cmd.Start()
	crashR.Close()
	readyW.Close()
	if err != nil {
		crashW.Close()
		readyR.Close()
		return nothing, err
	}
	// Wait until the guard has the terminal's settings, before the reader
	// changes them.
	got := make(chan bool, 1)
	go func() {
		line, _ := bufio.NewReader(readyR).ReadString('\n')
		got <- line == ready
	}()
	ok := false
	select {
	case ok = <-got:
	case <-time.After(3 * time.Second):
	}
	readyR.Close()
	if !ok {
		crashW.Close()
		// The guard may have exited already (Kill then fails with
		// os.ErrProcessDone); Wait reaps it either way, and the status of a
		// guard that never said ready adds nothing to the error below.
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nothing, errors.New("the crash guard did not start")
	}
	if err := debug.SetCrashOutput(crashW, debug.CrashOptions{}); err != nil {
		// Stopped as after a normal run, so that it does not take the
		// closed pipe for a crash and reset the terminal.
		return nothing, errors.Join(err, release(crashW, cmd))
	}
	return func() error {
		err := debug.SetCrashOutput(nil, debug.CrashOptions{})
		return errors.Join(err, release(crashW, cmd))
	}, nil
}

// release tells the guard behind crashW that the reader ends normally,
// closes the pipe and waits for the guard to exit.
func release(crashW *os.File, cmd *exec.Cmd) error {
	_, writeErr := crashW.WriteString(stopMark)
	closeErr := crashW.Close()
	if err := cmd.Wait(); err != nil {
		return errors.Join(writeErr, closeErr, fmt.Errorf("crash guard: %w", err))
	}
	return errors.Join(writeErr, closeErr)
}

// Guard runs the guard (the process IsGuard reported): the terminal is
// file descriptor 3, the crash pipe standard input. It returns the exit
// status.
func Guard() int {
	// The reader's keys are not for the guard: ctrl+c in an editor the
	// reader runs, or ctrl+\, must not end it.
	signal.Ignore(syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTSTP, syscall.SIGTTOU)
	tty := os.NewFile(3, "tty")
	if tty == nil {
		return 1
	}
	return Watch(os.Stdin, os.Stdout, tty, os.Stderr)
}

// Watch is the guard's work, over the files given: it saves tty's
// settings, says so on readyOut, waits for crash to close and, unless the
// reader stopped it, resets tty and writes what happened to stderr.
func Watch(crash io.Reader, readyOut io.WriteCloser, tty *os.File, stderr io.Writer) int {
	state, err := term.GetState(tty.Fd())
	if err != nil {
		state = nil // not a terminal: the reset is all there is to undo
	}
	_, err = io.WriteString(readyOut, ready)
	readyOut.Close()
	if err != nil {
		// The reader was not told: it gives up on the guard at once (the
		// pipe is closed) and runs without one.
		return 1
	}
	report, _ := io.ReadAll(crash)
	if strings.HasSuffix(string(report), stopMark) {
		return 0
	}
	outcome := "the terminal was restored"
	if err := restore(tty, state); err != nil {
		outcome = fmt.Sprintf("the terminal could not be restored (%v; the reset command puts it back)", err)
	}
	if len(report) > 0 {
		fmt.Fprintf(stderr, "rostrum crashed; %s. Please report this bug with the report below.\n\n%s", outcome, report)
	} else {
		fmt.Fprintf(stderr, "rostrum was stopped abruptly (killed?); %s.\n", outcome)
	}
	return 0
}

// restore writes Reset to tty and puts back the settings saved in state,
// if any were.
func restore(tty *os.File, state *term.State) error {
	if _, err := io.WriteString(tty, Reset); err != nil {
		return err
	}
	if state == nil {
		return nil
	}
	return term.Restore(tty.Fd(), state)
}
