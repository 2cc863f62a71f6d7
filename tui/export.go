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
)

// exportShown writes the quotes shown in the browser as Markdown
// citations to a new file in the export folder (Options.ExportDir, the
// working folder when unset, the temporary folder when that cannot be
// written) and says where.
func (a *App) exportShown() tea.Cmd {
	b := a.browser
	if len(b.shown) == 0 {
		return a.setStatus("No quotes to export")
	}
	now := a.now()
	var out strings.Builder
	fmt.Fprintf(&out, "# Quotes from Rostrum, %s\n\n", now.Format("2 January 2006 15:04"))
	for _, k := range b.shown {
		e := b.entries[k]
		out.WriteString(model.CitationMarkdown(e.doc.Citation(e.quote())) + "\n\n")
	}
	base := "rostrum-quotes-" + now.Format("20060102-150405")
	var err error
	for _, dir := range []string{a.exportDir, os.TempDir()} {
		if err = os.MkdirAll(dir, 0o755); err != nil {
			continue
		}
		var f *os.File
		var path string
		// O_EXCL never overwrites a file: a second export in the same
		// second gets -2, -3, ….
		for n := 1; n < 100; n++ {
			path = filepath.Join(dir, base+".md")
			if n > 1 {
				path = filepath.Join(dir, fmt.Sprintf("%s-%d.md", base, n))
			}
			if f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); !errors.Is(err, fs.ErrExist) {
				break
			}
		}
		if err != nil {
			continue
		}
		_, err = f.WriteString(out.String())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			continue
		}
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		return a.setStatus(fmt.Sprintf("Wrote %s to %s", plural(len(b.shown), "quote", "quotes"), path))
	}
	return a.setStatus("Could not write the quotes: " + err.Error())
}

// now is the clock, for export names (tests may fix it).
func (a *App) now() time.Time {
	if a.clock != nil {
		return a.clock()
	}
	return time.Now()
}
