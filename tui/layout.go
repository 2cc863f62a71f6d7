package tui

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

// bodyTop is the row where the panes start.
func (l layout) bodyTop() int { return l.headerH + l.barH }
