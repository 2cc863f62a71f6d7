package box

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFit(t *testing.T) {
	styled := "\x1b[1mbold text that is long\x1b[m"
	got := Fit(styled+"\nshort\nthird line\nfourth", 8, 3)
	ls := strings.Split(got, "\n")
	if len(ls) != 3 {
		t.Fatalf("want 3 lines, got %d", len(ls))
	}
	for _, l := range ls {
		if ansi.StringWidth(l) != 8 {
			t.Errorf("line %q is %d wide, want 8", l, ansi.StringWidth(l))
		}
	}
	if ansi.Strip(ls[0]) != "bold tex" || !strings.HasPrefix(ls[0], "\x1b[1m") {
		t.Errorf("styled line cut wrongly: %q", ls[0])
	}
	if Fit("x", 0, 3) != "" || Fit("x", 3, 0) != "" {
		t.Error("an empty box should give an empty block")
	}
	if got := Fit("", 2, 2); got != "  \n  " {
		t.Errorf("padding: got %q", got)
	}
}

func TestScroll(t *testing.T) {
	cases := []struct {
		name                           string
		cursor, offset, delta, n, rows int
		wantCursor, wantOffset         int
	}{
		{"down in view", 0, 0, 1, 10, 3, 1, 0},
		{"down past the window", 2, 0, 1, 10, 3, 3, 1},
		{"up past the window", 3, 3, -1, 10, 3, 2, 2},
		{"clamped at the end", 8, 7, 5, 10, 3, 9, 7},
		{"clamped at the start", 1, 0, -5, 10, 3, 0, 0},
		{"empty", 0, 0, 1, 0, 3, 0, 0},
		{"offset pulled back when the list shrinks", 1, 5, 0, 2, 3, 1, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cur, off := Scroll(c.cursor, c.offset, c.delta, c.n, c.rows)
			if cur != c.wantCursor || off != c.wantOffset {
				t.Fatalf("Scroll = %d, %d; want %d, %d", cur, off, c.wantCursor, c.wantOffset)
			}
		})
	}
}

func TestColumns(t *testing.T) {
	if got := Columns("ab\ncd", "", "1\n2"); got != "ab1\ncd2" {
		t.Fatalf("Columns = %q", got)
	}
}
