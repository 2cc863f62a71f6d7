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

// editorDoneMsg says the editor or pager has exited.
type editorDoneMsg struct {
	what string // "editor" or "pager"
	err  error
	tmp  string // a temporary file to remove, or ""
}

// pagerFileMsg brings the temporary file the pager is to show, written
// off the UI goroutine.
type pagerFileMsg struct {
	path string
	err  error
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
	text := model.Sanitize(d.Title + "\n\n" + d.Body + "\n")
	return func() tea.Msg { return writePagerFile(text) }
}

// writePagerFile writes the text for the pager to a new private file
// (os.CreateTemp makes it 0600).
func writePagerFile(text string) pagerFileMsg {
	f, err := os.CreateTemp("", "rostrum-*.txt")
	if err != nil {
		return pagerFileMsg{err: err}
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return pagerFileMsg{err: err}
	}
	return pagerFileMsg{path: f.Name()}
}

// handlePagerFile runs the pager on the file written for it.
func (a *App) handlePagerFile(msg pagerFileMsg) tea.Cmd {
	if msg.err != nil {
		return a.setStatus("Could not open the pager: " + model.Sanitize(msg.err.Error()))
	}
	return a.runProgram("pager", a.getenv("PAGER", "", "less"), msg.path, msg.path)
}

// runProgram runs command (a program and its arguments, as $EDITOR may
// hold "code --wait") on path. The path is given absolute, so it starts
// with "/": a file named "-c" or "+!touch x" is a file to the program,
// never an option or a command (vi runs the command after a leading +).
func (a *App) runProgram(what, command, path, tmp string) tea.Cmd {
	args := strings.Fields(command)
	if len(args) == 0 {
		return nil
	}
	cmd := exec.Command(args[0], append(args[1:], fileArg(path))...)
	if a.terminal != nil {
		cmd.Stdin = a.terminal
	}
	return a.exec(cmd, func(err error) tea.Msg { return editorDoneMsg{what: what, err: err, tmp: tmp} })
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

// handleEditorDone reports a failed program and reloads after an edit
// (when the opened files are watched, the watcher reloads if the file
// changed). A failure stays in the status line when a reload ends after
// it (handleReloadDone).
func (a *App) handleEditorDone(msg editorDoneMsg) tea.Cmd {
	if msg.tmp != "" {
		os.Remove(msg.tmp)
	}
	if msg.err != nil {
		cmd := a.setStatus(fmt.Sprintf("The %s failed: %s", msg.what, model.Sanitize(msg.err.Error())))
		a.failedAt = a.status.gen
		return cmd
	}
	if msg.what == "editor" && a.changes == nil {
		return a.startReload() // nothing watches the files: reload by hand
	}
	return nil
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
