package tui

import (
	"fmt"
	"testing"

	"rostrum/model"
)

func TestViewFitsEverySize(t *testing.T) {
	docSets := []struct{ name, path, text string }{
		{"seed", "test/seed.txt", seedText(t)},
		{"long", "test/long.txt", longSpeech(200)},
		{"markdown-links", "test/links.md", linkMarkdown},
		{"markdown-quoted-links", "test/quoted-links.md", quotedLinksMarkdown},
	}
	modes := []struct {
		name  string
		enter func(h *harness)
	}{
		{"list", func(h *harness) {}},
		{"reader", func(h *harness) { h.keys("enter") }},
		{"reader-quote-selected", func(h *harness) { h.keys("enter", "]", "]") }},
		{"quote-browser", func(h *harness) { h.keys("Q") }},
		{"quote-browser-filter", func(h *harness) { h.keys("Q", "/").typeText("act 中") }},
		{"topic-picker", func(h *harness) { h.keys("t") }},
		{"topic-picker-typed", func(h *harness) { h.keys("t").typeText("gra") }},
		{"problems", func(h *harness) { h.keys("!") }},
		{"help", func(h *harness) { h.keys("?") }},
		{"filter-match", func(h *harness) { h.keys("/").typeText("minister") }},
		{"filter-no-match", func(h *harness) { h.keys("/").typeText("zzz “quoted” 中文 🇰🇿") }},
	}
	var stats escapeStats
	for _, ds := range docSets {
		// The harnesses of one document set share the parsed document,
		// which is immutable once loaded, and its renders.
		doc := parseDoc(t, ds.path, ds.text)
		cache := newRenderCache(renderCacheSize)
		for _, m := range modes {
			t.Run(ds.name+"/"+m.name, func(t *testing.T) {
				// The mode is entered at the first size and kept through
				// every size, up and back down; then entered afresh at
				// each size.
				where := ""
				defer catchPanic(t, func() string { return where })
				h := newDocHarness(t, []*model.Document{doc}, abuseProblems())
				h.app.cache = cache
				order := append(append([][2]int{}, abuseSizes...), reversed(abuseSizes)...)
				for i, sz := range order {
					where = fmt.Sprintf("%dx%d (kept mode, step %d)", sz[0], sz[1], i)
					h.size(sz[0], sz[1])
					if i == 0 {
						m.enter(h)
					}
					if err := checkFrame(h.app.View().Content, sz[0], sz[1], &stats); err != nil {
						t.Fatalf("%s: %v\n%s", where, err, h.screen())
					}
				}
				for _, sz := range abuseSizes {
					where = fmt.Sprintf("%dx%d (fresh)", sz[0], sz[1])
					h := newDocHarness(t, []*model.Document{doc}, abuseProblems())
					h.app.cache = cache
					h.size(sz[0], sz[1])
					m.enter(h)
					if err := checkFrame(h.app.View().Content, sz[0], sz[1], &stats); err != nil {
						t.Fatalf("%s: %v\n%s", where, err, h.screen())
					}
				}
			})
		}
	}
	t.Logf("sequences seen: %d SGR, %d OSC 8", stats.sgr, stats.osc8)
}

func reversed(s [][2]int) [][2]int {
	out := make([][2]int, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}
