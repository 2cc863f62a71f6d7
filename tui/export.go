package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
	"rostrum/tui/browser"
)

// exportDoneMsg reports an export: the file written, or what failed.
type exportDoneMsg struct {
	n    int // quotes exported
	path string
	err  error
}

// exportQuotes writes the quotes shown in the browser as Markdown
// citations to a new file in the export folder (Options.ExportDir, the
// working folder when unset), off the UI goroutine, and says where or
// what failed. Nothing is ever written anywhere else: the quotes may be
// private, and a shared temporary folder is readable by others.
func (a *App) exportQuotes(shown []browser.Quote) tea.Cmd {
	if len(shown) == 0 {
		return a.setStatus("No quotes to export")
	}
	now := a.timeNow()
	var out strings.Builder
	fmt.Fprintf(&out, "# Quotes from Rostrum, %s\n\n", now.Format("2 January 2006 15:04"))
	for _, q := range shown {
		out.WriteString(model.CitationMarkdown(q.Doc.Citation(q.Span())) + "\n\n")
	}
	dir, base, text, n := a.exportDir, "rostrum-quotes-"+now.Format("20060102-150405"), out.String(), len(shown)
	if dir == "" {
		dir = "."
	}
	return func() tea.Msg {
		path, err := writeExport(dir, base, text)
		return exportDoneMsg{n: n, path: path, err: err}
	}
}

// handleExportDone says where the quotes went, or what failed.
func (a *App) handleExportDone(msg exportDoneMsg) tea.Cmd {
	if msg.err != nil {
		return a.setStatus("Quotes not exported: " + model.Sanitize(msg.err.Error()))
	}
	return a.setStatus(fmt.Sprintf("Wrote %s to %s", plural(msg.n, "quote", "quotes"), model.Sanitize(msg.path)))
}

// Stand-ins for the file system's calls, which tests replace to fail as a
// full disk would.
var (
	writeString = func(f *os.File, s string) error { _, err := f.WriteString(s); return err }
	linkFile    = os.Link
)

// writeExport writes text to a new file base.md in dir (base-2.md, … when
// that is taken; never over an existing file) and returns its absolute
// path. The folder is made private (0700) when it is created and the file
// is private (0600). The text is written to a temporary file in the same
// folder, which then gets the final name, so a failure (a full disk)
// leaves no empty or partial file behind.
func writeExport(dir, base, text string) (string, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot create the folder %s: %w", dir, bareErr(err))
	}
	tmp, err := os.CreateTemp(dir, ".rostrum-export-*.tmp") // 0600
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", dir, bareErr(err))
	}
	defer os.Remove(tmp.Name()) // once linked, the final name remains
	err = writeString(tmp, text)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("writing to %s failed: %w", dir, bareErr(err))
	}
	for n := 1; n < 100; n++ {
		path := filepath.Join(dir, base+".md")
		if n > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.md", base, n))
		}
		err := linkFile(tmp.Name(), path) // fails when path exists: nothing is overwritten
		switch {
		case err == nil:
			return path, nil
		case errors.Is(err, fs.ErrExist):
			continue
		}
		// No hard links here (some file systems have none): rename, if the
		// name is still free.
		if _, serr := os.Lstat(path); !errors.Is(serr, fs.ErrNotExist) {
			continue
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			return "", fmt.Errorf("cannot name the file %s: %w", path, bareErr(err))
		}
		return path, nil
	}
	return "", fmt.Errorf("%s already holds 99 exports named %s", dir, base)
}

// bareErr is the system's reason without the path and call that
// fs.PathError and os.LinkError add (the message names the folder).
func bareErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// timeNow is the clock, for export names (tests may fix it).
func (o *outside) timeNow() time.Time {
	if o.clock != nil {
		return o.clock()
	}
	return time.Now()
}
