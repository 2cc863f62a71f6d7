package tui

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestResizeStormWhileRendering(t *testing.T) {
	for _, seed := range seeds(1, 2) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { resizeStorm(t, seed) })
	}
}

func resizeStorm(t *testing.T, seed int64) {
	rng := rand.New(rand.NewSource(seed))
	step := "start"
	defer catchPanic(t, func() string { return fmt.Sprintf("seed %d, %s (rerun with -mashseed=%d)", seed, step, seed) })
	text := longSpeech(200)
	h := newHarness(t, text)
	h.hold = true
	h.size(120, 40)
	h.keys("enter") // the reader has the keys, so it stays shown in one-pane layouts too
	if len(h.pending) != 2 {
		t.Fatalf("seed %d: opening the long document should start a partial and a full render, got %d", seed, len(h.pending))
	}

	sizes := make([][2]int, 50)
	for i := range sizes {
		sizes[i] = [2]int{1 + rng.Intn(400), 1 + rng.Intn(120)}
	}
	sizes[rng.Intn(20)] = [2]int{1, 1}
	sizes[20+rng.Intn(20)] = [2]int{400, 120}
	last := [2]int{131, 37}
	sizes[len(sizes)-1] = last

	delivered := 0
	for i, sz := range sizes {
		if i == len(sizes)-2 {
			// The renders in flight finish (the partial ones stay
			// pending); then the size before the last one wants a width
			// rendered neither before nor at the end, so the render it
			// starts is still running, and stale, when the storm ends.
			for settle := 0; h.app.inflight != (renderKey{}); settle++ {
				if settle > 10 {
					t.Fatalf("seed %d: renders keep starting mid-storm", seed)
				}
				var order []int
				for _, k := range rng.Perm(len(h.pending)) {
					if !h.pending[k].partial {
						order = append(order, k)
					}
				}
				h.release(order...)
				delivered += len(order)
			}
			sz = uncachedSize(h.app, last)
		}
		step = fmt.Sprintf("resize %d to %dx%d", i, sz[0], sz[1])
		h.size(sz[0], sz[1])
		if err := checkFrame(h.app.View().Content, sz[0], sz[1], nil); err != nil {
			t.Fatalf("seed %d: %s: %v", seed, step, err)
		}
		// Now and then some renders finish mid-storm, out of order; each
		// full one starts a render for the size wanted now, which the
		// next resizes make stale in turn.
		if i < len(sizes)-2 && rng.Intn(6) == 0 && len(h.pending) > 0 {
			order := rng.Perm(len(h.pending))[:1+rng.Intn(len(h.pending))]
			h.release(order...)
			delivered += len(order)
		}
	}
	want, ok := h.app.wantedKey()
	if !ok {
		t.Fatalf("seed %d: the reader should be shown at %dx%d", seed, last[0], last[1])
	}
	stale := 0
	for _, m := range h.pending {
		if m.key != want {
			stale++
		}
	}
	if stale == 0 {
		t.Fatalf("seed %d: test setup: no render for an earlier size is pending (%d pending, %d delivered mid-storm)", seed, len(h.pending), delivered)
	}

	// The stale results arrive, shuffled, while what they start is held;
	// then the results for the last size.
	step = "delivering stale renders"
	h.release(rng.Perm(len(h.pending))...)
	h.hold = false
	for round := 0; len(h.pending) > 0; round++ {
		if round > 10 {
			t.Fatalf("seed %d: renders keep starting: %d pending after %d rounds", seed, len(h.pending), round)
		}
		step = fmt.Sprintf("delivering the last renders, round %d", round)
		h.release(rng.Perm(len(h.pending))...)
	}

	view := h.app.View().Content
	if err := checkFrame(view, last[0], last[1], nil); err != nil {
		t.Fatalf("seed %d: final frame: %v", seed, err)
	}
	r := &h.app.reader
	if r.shown != want || r.partial || r.failed != "" || h.app.inflight != (renderKey{}) {
		t.Fatalf("seed %d: the reader should show the whole render for the last size %+v; shows %+v (partial %v, failed %q, in flight %+v)",
			seed, want, r.shown, r.partial, r.failed, h.app.inflight)
	}
	fresh := renderCmd(want, r.doc)().(docRenderedMsg)
	if fresh.err != nil {
		t.Fatal(fresh.err)
	}
	if r.raw != fresh.content {
		t.Fatalf("seed %d: the reader holds a rendering other than the one for width %d", seed, want.width)
	}
	l := h.app.lay
	widest := 0
	for i, line := range strings.Split(r.vp.GetContent(), "\n") {
		lw := ansi.StringWidth(line)
		widest = max(widest, lw)
		if lw > want.width || lw > l.readerW {
			t.Fatalf("seed %d: rendered line %d is %d cells wide, the pane %d: %q", seed, i, lw, l.readerW, ansi.Strip(line))
		}
	}
	if widest < want.width-25 {
		t.Errorf("seed %d: the widest rendered line is %d cells, too narrow for a %d-cell render", seed, widest, want.width)
	}
	// What the reading pane shows on screen: its columns of the body rows.
	var pane []string
	rows := strings.Split(view, "\n")
	top := l.headerH + l.barH
	for _, row := range rows[top : top+l.bodyH] {
		pane = append(pane, ansi.Strip(ansi.Cut(row, l.listW+l.sepW, l.width)))
	}
	shown := strings.Join(pane, "\n")
	for _, s := range []string{"The Minister’s Long Address", "“We will act,” the minister said. Paragraph 0"} {
		if !strings.Contains(shown, s) {
			t.Errorf("seed %d: the reading pane lacks %q:\n%s", seed, s, shown)
		}
	}
}

// uncachedSize is a two-pane size, as high as last, whose reading width
// differs from last's and has no cached render.
func uncachedSize(a *App, last [2]int) [2]int {
	d := a.list.Selected()
	lastW := min(computeLayout(last[0], last[1], true).readerW, MaxReadingWidth+2)
	for w := TwoPaneMinWidth; ; w++ {
		rw := min(computeLayout(w, last[1], true).readerW, MaxReadingWidth+2)
		if _, hit := a.cache.get(renderKey{id: d.ID, width: rw, dark: a.styles.Dark}); !hit && rw != lastW {
			return [2]int{w, last[1]}
		}
	}
}
