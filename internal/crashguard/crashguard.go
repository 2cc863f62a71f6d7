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
// the function that stops it when the reader ends normally. The guard is
// best effort: when it cannot start, Start returns the error and a stop
// that does nothing.
func Start(tty *os.File) (stop func(), err error) {
	nothing := func() {}
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
		cmd.Process.Kill()
		cmd.Wait()
		return nothing, errors.New("the crash guard did not start")
	}
	if err := debug.SetCrashOutput(crashW, debug.CrashOptions{}); err != nil {
		crashW.Close()
		cmd.Wait()
		return nothing, err
	}
	return func() {
		debug.SetCrashOutput(nil, debug.CrashOptions{})
		crashW.WriteString(stopMark)
		crashW.Close()
		cmd.Wait()
	}, nil
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
	state, stateErr := term.GetState(tty.Fd())
	io.WriteString(readyOut, ready)
	readyOut.Close()
	report, _ := io.ReadAll(crash)
	if strings.HasSuffix(string(report), stopMark) {
		return 0
	}
	io.WriteString(tty, Reset)
	if stateErr == nil {
		term.Restore(tty.Fd(), state)
	}
	if len(report) > 0 {
		fmt.Fprintf(stderr, "rostrum crashed; the terminal was restored. Please report this bug with the report below.\n\n%s", report)
	} else {
		fmt.Fprintln(stderr, "rostrum was stopped abruptly (killed?); the terminal was restored.")
	}
	return 0
}
