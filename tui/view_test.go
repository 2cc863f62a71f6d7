package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestViewGolden(t *testing.T) {
	sizes := [][2]int{{60, 20}, {100, 30}, {160, 45}}
	for _, sz := range sizes {
		for _, open := range []bool{false, true} {
			name := fmt.Sprintf("view_%dx%d", sz[0], sz[1])
			if open {
				name += "_reading"
			}
			t.Run(name, func(t *testing.T) {
				h := newHarness(t, seedText(t), docA, docB).size(sz[0], sz[1])
				if open {
					h.keys("enter", "j", "j")
				}
				golden(t, name+".golden", h.screen())
			})
		}
	}
}

func TestViewGoldenFilteringAndHelp(t *testing.T) {
	h := newHarness(t, seedText(t), docA, docB).size(100, 30)
	h.keys("/").typeText("wheat")
	golden(t, "view_100x30_filter.golden", h.screen())
	h.keys("enter", "?")
	golden(t, "view_100x30_help.golden", h.screen())
}

func TestComputeLayout(t *testing.T) {
	cases := []struct {
		name             string
		w, h             int
		open             bool
		twoPane          bool
		listW, readerW   int
		headerH, statusH int
		bodyH            int
	}{
		{"wide", 160, 45, false, true, 60, 99, 1, 1, 42},
		{"threshold", 100, 30, false, true, 40, 59, 1, 1, 27},
		{"just below threshold shows list", 99, 30, false, false, 99, 0, 1, 1, 27},
		{"just below threshold reading", 99, 30, true, false, 0, 99, 1, 1, 27},
		{"no topic bar below 8 rows", 99, 7, false, false, 99, 0, 1, 1, 5},
		{"two rows: status only", 50, 2, false, false, 50, 0, 0, 1, 1},
		{"one row: body only", 50, 1, false, false, 50, 0, 0, 0, 1},
		{"nothing", 0, 0, false, false, 0, 0, 0, 0, 0},
		{"negative is nothing", -5, -5, true, false, 0, 0, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := computeLayout(c.w, c.h, c.open)
			if l.twoPane != c.twoPane || l.listW != c.listW || l.readerW != c.readerW ||
				l.headerH != c.headerH || l.statusH != c.statusH || l.bodyH != c.bodyH {
				t.Fatalf("computeLayout(%d, %d, %v) = %+v", c.w, c.h, c.open, l)
			}
			if l.listW+l.sepW+l.readerW != max(c.w, 0) {
				t.Errorf("widths %d+%d+%d do not fill %d", l.listW, l.sepW, l.readerW, c.w)
			}
			if l.headerH+l.barH+l.bodyH+l.statusH != max(c.h, 0) {
				t.Errorf("heights do not fill %d", c.h)
			}
		})
	}
}

func TestMarkTermsMarksWordStarts(t *testing.T) {
	base := DefaultStyles(true).ListTitle
	match := DefaultStyles(true).Match
	got := markTerms("Grain prices: the grain trade", []string{"gra"}, base, match)
	if ansi.Strip(got) != "Grain prices: the grain trade" {
		t.Fatalf("text changed: %q", ansi.Strip(got))
	}
	marked := match.Inherit(base).Render("Grain")
	if strings.Count(got, marked) != 1 || !strings.Contains(got, match.Inherit(base).Render("grain")) {
		t.Fatalf("both words starting with the term should be marked: %q", got)
	}
	if strings.Contains(got, match.Inherit(base).Render("prices")) {
		t.Fatal("other words must not be marked")
	}
	if markTerms("Agrarian", []string{"gra"}, base, match) != base.Render("Agrarian") {
		t.Fatal("a term inside a word is not a match")
	}
}
