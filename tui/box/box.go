// Package box fits styled text into boxes of terminal cells, and keeps a
// cursor in view in a scrolling list. Every pane's view ends in Fit, so
// no pane can draw outside its box whatever it is given. Widths are
// measured in cells on the text with its escape sequences, which are
// never split.
package box

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit returns s cut or padded to exactly h lines of exactly w cells,
// never splitting an escape sequence, or "" when the box is empty.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	var b strings.Builder
	for i := range h {
		line := ""
		if i < len(lines) {
			line = FitLine(lines[i], w)
		} else {
			line = strings.Repeat(" ", w)
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

// FitLine cuts or pads one line to exactly w cells.
func FitLine(line string, w int) string {
	if lw := ansi.StringWidth(line); lw > w {
		line = ansi.Truncate(line, w, "")
	}
	if pad := w - ansi.StringWidth(line); pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	return line
}

// Columns joins blocks of equal height side by side, line by line; empty
// blocks take no room.
func Columns(blocks ...string) string {
	var cols [][]string
	rows := 0
	for _, b := range blocks {
		if b == "" {
			continue
		}
		lines := strings.Split(b, "\n")
		rows = max(rows, len(lines))
		cols = append(cols, lines)
	}
	out := make([]string, rows)
	for i := range rows {
		var sb strings.Builder
		for _, c := range cols {
			if i < len(c) {
				sb.WriteString(c[i])
			}
		}
		out[i] = sb.String()
	}
	return strings.Join(out, "\n")
}

// Scroll moves a cursor by delta within n entries, clamped, and returns
// it with the offset of the first visible entry adjusted so that the
// cursor stays in a window of rows entries. The list, the quote browser
// and the topic picker all scroll this way.
func Scroll(cursor, offset, delta, n, rows int) (int, int) {
	cursor = min(max(cursor+delta, 0), max(n-1, 0))
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return cursor, min(max(offset, 0), max(n-rows, 0))
}
