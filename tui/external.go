package tui

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"
)

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
		return a.runProgram("editor", a.getenv("EDITOR", "VISUAL", "vi"), d.File, "")
	}
	f, err := os.CreateTemp("", "rostrum-*.txt")
	if err != nil {
		return a.setStatus("Could not open the pager: " + err.Error())
	}
	_, err = f.WriteString(d.Title + "\n\n" + d.Body + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return a.setStatus("Could not open the pager: " + err.Error())
	}
	return a.runProgram("pager", a.getenv("PAGER", "", "less"), f.Name(), f.Name())
}

// runProgram runs command (a program and its arguments, as $EDITOR may
// hold "code --wait") on path.
func (a *App) runProgram(what, command, path, tmp string) tea.Cmd {
	args := strings.Fields(command)
	if len(args) == 0 {
		return nil
	}
	cmd := exec.Command(args[0], append(args[1:], path)...)
	if a.terminal != nil {
		cmd.Stdin = a.terminal
	}
	return a.exec(cmd, func(err error) tea.Msg { return editorDoneMsg{what: what, err: err, tmp: tmp} })
}

// handleEditorDone reports a failed program and reloads after an edit
// (when the opened files are watched, the watcher reloads if the file
// changed).
func (a *App) handleEditorDone(msg editorDoneMsg) (tea.Model, tea.Cmd) {
	if msg.tmp != "" {
		os.Remove(msg.tmp)
	}
	if msg.err != nil {
		return a, a.setStatus(fmt.Sprintf("The %s failed: %v", msg.what, msg.err))
	}
	if msg.what == "editor" && a.changes == nil {
		return a, a.startReload() // nothing watches the files: reload by hand
	}
	return a, nil
}

// getenv is the first of the variables that is set, or fallback.
func (a *App) getenv(name, alt, fallback string) string {
	for _, n := range []string{name, alt} {
		if v := strings.TrimSpace(a.env(n)); n != "" && v != "" {
			return v
		}
	}
	return fallback
}
