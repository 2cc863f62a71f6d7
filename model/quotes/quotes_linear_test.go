package quotes

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// pathological are texts built to make Extract slow, by the number of
// repeats of their unit. Before the lead-in was bounded, `"a" “b `
// repeated took 16 s at 144 KB and 68 s at 288 KB: every quote nested in
// the long unclosed one re-read the paragraph before it.
var pathological = map[string]func(n int) string{
	"unclosed and nested":  repeat("\"a\" “b "),
	"opening marks":        repeat("“a ‘b « c "),
	"straight marks":       repeat("\"a \"b' 'c "),
	"terms between quotes": repeat("Foo “x” bar. “We will act now for peace and for all.” "),
	"pronoun quotes":       repeat("“We will win,” he said. John Smith met Mary Jones. "),
	"colon lead-ins": func(n int) string {
		return strings.Repeat("word ", 4*n) + "said:\n\n" + strings.Repeat("“a.” ", n)
	},
	"people of one surname": func(n int) string {
		var b strings.Builder
		for k := range n {
			b.WriteString("Mr " + firstName(k) + " Smith met him. “We go,” he said. ")
		}
		return b.String()
	},
	"random marks": func(n int) string { return randomMarks(n, 7) },
}

func repeat(unit string) func(int) string {
	return func(n int) string { return strings.Repeat(unit, n) }
}

// firstName is a distinct capitalised word for each k.
func firstName(k int) string {
	b := []byte{'A'}
	for ; k > 0; k /= 26 {
		b = append(b, byte('a'+k%26))
	}
	return string(b) + "a"
}

// fastest is the shortest of several runs of Extract on text, so that a
// busy machine inflates the figures as little as possible; the collector
// waits until a run is over.
func fastest(text string) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	ps := paragraphs(text)
	best := time.Duration(1<<63 - 1)
	for range 5 {
		runtime.GC()
		start := time.Now()
		Extract(text, ps)
		best = min(best, time.Since(start))
	}
	return best
}

// TestExtractTimeIsLinear: four times the text takes at most six times
// as long (a quadratic pass would take sixteen). Each text is first made
// long enough to take some milliseconds, where timings are steadier.
func TestExtractTimeIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for name, gen := range pathological {
		t.Run(name, func(t *testing.T) {
			n := 500
			for n < 1<<16 && fastest(gen(n)) < 10*time.Millisecond {
				n *= 2
			}
			small, large := gen(n), gen(4*n)
			var ratio float64
			for range 3 { // a busy machine may slow one measurement down
				t1, t4 := fastest(small), fastest(large)
				ratio = float64(t4) / float64(t1)
				t.Logf("%d bytes %v, %d bytes %v: ×%.1f", len(small), t1, len(large), t4, ratio)
				if ratio <= 6 {
					return
				}
			}
			t.Errorf("4× the text took %.1f× the time: quadratic", ratio)
		})
	}
}

// TestTopLevelNeighbours: the top-level spans before and after each span,
// worked out for all at once, are those a walk over the spans finds.
func TestTopLevelNeighbours(t *testing.T) {
	for seed := range uint64(20) {
		text := randomMarks(400, seed)
		ps := paragraphs(text)
		spans := mergeInterrupted(text, scan(text, ps).spans)
		prev, next := prevTops(spans), nextTops(spans)
		for i, s := range spans {
			wantPrev, wantNext := -1, -1
			for k := i - 1; k >= 0; k-- {
				if spans[k].Depth == 0 && spans[k].Outer.End <= s.Outer.Start {
					wantPrev = k
					break
				}
			}
			for k := i + 1; k < len(spans); k++ {
				if spans[k].Depth == 0 && spans[k].Outer.Start >= s.Outer.End {
					wantNext = k
					break
				}
			}
			if prev[i] != wantPrev || next[i] != wantNext {
				t.Fatalf("seed %d span %d: prev %d next %d, want %d and %d", seed, i, prev[i], next[i], wantPrev, wantNext)
			}
		}
	}
}

// TestLongLeadIn: the lead-in is read no further back than maxLeadIn
// bytes, cut at a word, so a speaker named just before a long quote's mark
// is still found, and a long sentence of blanks cannot make the quote look
// as if it opened its sentence.
func TestLongLeadIn(t *testing.T) {
	long := strings.Repeat("and the council met again ", 40) // over 1000 bytes, no full stop
	text := "Yesterday " + long + "before Tokayev said “we must act now for peace together.”"
	r := Extract(text, paragraphs(text))
	if q := r.Quotes(); len(q) != 1 || q[0].Rule != RuleAdjacent || q[0].Mention != "Tokayev" {
		t.Fatalf("the quote after a long lead-in should go to Tokayev:%s", describe(text, r))
	}
	lo := len(text) - maxLeadIn
	if got := cutLeadIn(text, lo, len(text)); got <= lo || text[got-1] != ' ' {
		t.Errorf("a cut lead-in should start after a space, at %d: %q", got, text[got-5:got+5])
	}
	blank := "Words " + strings.Repeat(" ", 2*maxLeadIn) + "“x”"
	end := strings.Index(blank, "“")
	if got := cutLeadIn(blank, end-maxLeadIn, end); strings.TrimSpace(blank[got:end]) == "" {
		t.Errorf("a lead-in of blanks should reach back to the last word: %q", blank[got:end])
	}
	multi := strings.Repeat("ж", maxLeadIn) + "“x”" // no space: cut on a rune boundary
	end = strings.Index(multi, "“")
	if got := cutLeadIn(multi, end-maxLeadIn+1, end); !strings.HasPrefix(multi[got:], "ж") {
		t.Errorf("a cut without a space should fall between runes, at %d", got)
	}
}

// TestDeepNesting: marks opened past maxDepth open nothing, and what is
// found stays consistent.
func TestDeepNesting(t *testing.T) {
	text := strings.Repeat("“a ‘b ", 20) + strings.Repeat("’ c” ", 20)
	ps := paragraphs(text)
	r := Extract(text, ps)
	for _, s := range r.Spans {
		if s.Depth >= maxDepth {
			t.Errorf("a span at depth %d, past %d", s.Depth, maxDepth)
		}
	}
	if errs := invariants(text, ps, r); len(errs) > 0 {
		t.Fatalf("%d invariants broken, first: %s", len(errs), errs[0])
	}
}
