package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// problemsView lists the files that could not be read, with why, for the
// problems screen (!). Paths and reasons were made safe when loaded.
func (a *App) problemsView(width int) string {
	ps := a.corpus.Problems
	lines := []string{a.styles.Brand.Render(fmt.Sprintf(" Problems · %s could not be read · esc or ! closes", plural(len(ps), "file or record", "files or records"))), ""}
	if len(ps) == 0 {
		lines = append(lines, "  "+a.styles.ListEmpty.Render("Every file was read."))
	}
	for _, p := range ps[min(a.problemsOffset, len(ps)):] {
		lines = append(lines, "  "+a.styles.ListTitle.Render(ansi.Truncate(p.Path, max(width-4, 1), "…")),
			"    "+a.styles.ListMeta.Render(ansi.Truncate(p.Reason, max(width-6, 1), "…")))
	}
	return strings.Join(lines, "\n")
}
