package tui

import (
	"fmt"
	"slices"
	"strings"

	"rostrum/model"

	"github.com/charmbracelet/x/ansi"
)

// problemEntries are the files that could not be read, then the notes on
// documents that were read.
func (a *App) problemEntries() []model.Problem {
	return append(slices.Clip(a.corpus.Problems), a.corpus.Notes()...)
}

// problemsView lists the files that could not be read, with why, and the
// notes on documents that were, for the problems screen (!). Paths and
// reasons were made safe when loaded.
func (a *App) problemsView(width int) string {
	ps := a.problemEntries()
	skipped := len(a.corpus.Problems)
	head := fmt.Sprintf(" Problems · %s could not be read", plural(skipped, "file or record", "files or records"))
	if n := len(ps) - skipped; n > 0 {
		head += fmt.Sprintf(" · %s on documents read", plural(n, "note", "notes"))
	}
	lines := []string{a.styles.Brand.Render(head + " · esc or ! closes"), ""}
	if len(ps) == 0 {
		lines = append(lines, "  "+a.styles.ListEmpty.Render("Every file was read."))
	}
	for _, p := range ps[min(a.problemsOffset, len(ps)):] {
		reason := p.Reason
		if p.Read {
			reason = "read, with a note: " + reason
		}
		lines = append(lines, "  "+a.styles.ListTitle.Render(ansi.Truncate(p.Path, max(width-4, 1), "…")),
			"    "+a.styles.ListMeta.Render(ansi.Truncate(reason, max(width-6, 1), "…")))
	}
	return strings.Join(lines, "\n")
}
