package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// The editor (e) and the pager (o) run with the terminal, the reader
// suspended. Everything that touches the file system runs in commands:
// the pager's file is written, the program is looked up in $PATH, and
// the path made absolute before the App hands the program to Bubble Tea
// (programReadyMsg); the pager's file is removed after it.

// programReadyMsg brings the program to run, ready, or what failed.
type programReadyMsg struct {
	what string // "editor" or "pager"
	cmd  *exec.Cmd
	tmp  string // a temporary file to remove afterwards, or ""
	err  error
}

// editorDoneMsg says the editor or pager has exited.
type editorDoneMsg struct {
	what string // "editor" or "pager"
	err  error
	tmp  string // a temporary file to remove, or ""
}

// openExternal suspends the reader and runs the user's editor (e) on the
// selected document's file, or their pager (o) on its text; the reader
// comes back when the program exits, and reloads after an edit.
func (a *App) openExternal(editor bool) tea.Cmd {
	d := a.list.Selected()
	if d == nil {
		return nil
	}
	if editor {
		if d.File == "" {
			return a.setStatus("This document has no file to edit (it was embedded or read from standard input)")
		}
		return a.prepare("editor", a.getenv("EDITOR", "VISUAL", "vi"), d.File, "")
	}
	text := model.Sanitize(d.Title + "\n\n" + d.Body + "\n")
	command, stdin := a.getenv("PAGER", "", "less"), a.terminal
	return func() tea.Msg {
		path, err := writePagerFile(text)
		if err != nil {
			return programReadyMsg{what: "pager", err: err}
		}
		return programCmd("pager", command, path, path, stdin)
	}
}

// prepare is the command that readies command (a program and its
// arguments) to run on path.
func (a *App) prepare(what, command, path, tmp string) tea.Cmd {
	stdin := a.terminal
	return func() tea.Msg { return programCmd(what, command, path, tmp, stdin) }
}

// programCmd readies command (a program and its arguments, as $EDITOR may
// hold "code --wait") to run on path, reading stdin (nil: Bubble Tea's
// input). The path is given absolute, so it starts with "/": a file
// named "-c" or "+!touch x" is a file to the program, never an option or
// a command (vi runs the command after a leading +).
func programCmd(what, command, path, tmp string, stdin *os.File) programReadyMsg {
	args := strings.Fields(command)
	if len(args) == 0 {
		return programReadyMsg{what: what, tmp: tmp}
	}
	cmd := exec.Command(args[0], append(args[1:], fileArg(path))...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	return programReadyMsg{what: what, cmd: cmd, tmp: tmp}
}

// writePagerFile writes the text for the pager to a new private file
// (os.CreateTemp makes it 0600).
func writePagerFile(text string) (string, error) {
	f, err := os.CreateTemp("", "rostrum-*.txt")
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// handleProgramReady runs the program readied for the editor or the
// pager.
func (a *App) handleProgramReady(msg programReadyMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return a.setStatus("Could not open the " + msg.what + ": " + model.Sanitize(msg.err.Error()))
	case msg.cmd == nil:
		return removeFile(msg.tmp)
	}
	what, tmp := msg.what, msg.tmp
	return a.exec(msg.cmd, func(err error) tea.Msg { return editorDoneMsg{what: what, err: err, tmp: tmp} })
}

// fileArg is path as an argument that cannot be read as an option or a
// command: absolute, or at least starting with "./".
func fileArg(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	if filepath.IsAbs(path) {
		return path
	}
	return "." + string(filepath.Separator) + path
}

// removeFile is the command that removes a temporary file ("" for none).
func removeFile(path string) tea.Cmd {
	if path == "" {
		return nil
	}
	return func() tea.Msg {
		_ = os.Remove(path) // gone already is as good
		return nil
	}
}

// handleEditorDone reports a failed program and reloads after an edit
// (when the opened files are watched, the watcher reloads if the file
// changed). A failure stays in the status line when a reload ends after
// it (handleReloadDone).
func (a *App) handleEditorDone(msg editorDoneMsg) tea.Cmd {
	rm := removeFile(msg.tmp)
	if msg.err != nil {
		cmd := a.setStatus(fmt.Sprintf("The %s failed: %s", msg.what, model.Sanitize(msg.err.Error())))
		a.failedAt = a.status.gen
		return tea.Batch(rm, cmd)
	}
	if msg.what == "editor" && a.changes == nil {
		return tea.Batch(rm, a.startReload()) // nothing watches the files: reload by hand
	}
	return rm
}

// failureShown is the failure message still in the status line, or "".
func (a *App) failureShown() string {
	if a.failedAt != 0 && a.status.gen == a.failedAt {
		return a.status.text
	}
	return ""
}

// getenv is the first of the variables that is set, or fallback.
func (o *outside) getenv(name, alt, fallback string) string {
	for _, n := range []string{name, alt} {
		if v := strings.TrimSpace(o.env(n)); n != "" && v != "" {
			return v
		}
	}
	return fallback
}
