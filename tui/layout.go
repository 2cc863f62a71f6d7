package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// TwoPaneMinWidth is the narrowest terminal that shows list and reader side
// by side; below it one pane is shown at a time.
const TwoPaneMinWidth = 100

// layout is where everything goes for one terminal size. It is computed by
// the pure function computeLayout; every width and height is >= 0, and the
// header, body and status heights add up to the terminal height.
type layout struct {
	width, height  int
	headerH        int
	barH           int // the topic bar
	bodyH          int
	statusH        int
	twoPane        bool
	listW, readerW int // 0 when that pane is hidden
	sepW           int // the column between panes in two-pane mode
}

// computeLayout places header, panes and status line in a w x h terminal.
// readerOpen says which pane a one-pane layout shows.
func computeLayout(w, h int, readerOpen bool) layout {
	w, h = max(w, 0), max(h, 0)
	l := layout{width: w, height: h}
	switch {
	case h >= 3:
		l.headerH, l.statusH = 1, 1
	case h == 2:
		l.statusH = 1
	}
	if h >= 8 {
		l.barH = 1
	}
	l.bodyH = h - l.headerH - l.barH - l.statusH
	switch {
	case w >= TwoPaneMinWidth:
		l.twoPane = true
		l.listW = min(max(w*2/5, 32), 60)
		l.sepW = 1
		l.readerW = w - l.listW - l.sepW
	case readerOpen:
		l.readerW = w
	default:
		l.listW = w
	}
	return l
}

// fitBlock returns s cut or padded to exactly h lines of exactly w cells,
// never splitting an escape sequence, or "" when the box is empty. It is the last step of every pane's
// view, so no pane can draw outside its box whatever it is given.
func fitBlock(s string, w, h int) string {
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
			line = fitLine(lines[i], w)
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

// fitLine cuts or pads one line to exactly w cells.
func fitLine(line string, w int) string {
	if lw := ansi.StringWidth(line); lw > w {
		line = ansi.Truncate(line, w, "")
	}
	if pad := w - ansi.StringWidth(line); pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	return line
}

// joinColumns joins blocks of equal height side by side, line by line.
func joinColumns(blocks ...string) string {
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

// scrollTo moves a cursor by delta within n entries, clamped, and returns
// it with the offset of the first visible entry adjusted so that the
// cursor stays in a window of rows entries. The list, the quote browser
// and the topic picker all scroll this way.
func scrollTo(cursor, offset, delta, n, rows int) (int, int) {
	cursor = min(max(cursor+delta, 0), max(n-1, 0))
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return cursor, min(max(offset, 0), max(n-rows, 0))
}
