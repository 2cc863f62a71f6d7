package tui

// Abuse tests: every mode at every terminal size, a resize storm while
// renders are in flight, and random keys while documents stream in. They
// check behaviour (nothing panics, the frame fits the terminal, only
// allowed escape sequences reach it, the panes stay consistent), not
// timing.

import (
	"flag"
	"fmt"
	"math/rand"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

var mashSeed = flag.Int64("mashseed", 0, "seed for TestKeysMashedDuringLoading and TestResizeStormWhileRendering (0: the fixed default seeds)")

// abuseSizes are the terminal sizes every mode is drawn at.
var abuseSizes = [][2]int{{1, 1}, {2, 2}, {3, 1}, {10, 3}, {20, 5}, {40, 10}, {80, 24}, {120, 40}, {200, 60}, {400, 120}}

// longSpeech is a plain-text speech of n paragraphs, long enough for the
// reader to paint its start first, with a quote in every paragraph and a
// few wide characters.
func longSpeech(n int) string {
	var b strings.Builder
	b.WriteString("The Minister’s Long Address to the Assembly on Grain, Water Rights and the Harvest of the Year\n\n")
	for i := range n {
		fmt.Fprintf(&b, "“We will act,” the minister said. Paragraph %d deals with grain, water rights and the harvest, and she promised that “nobody will be left behind this year.”", i)
		if i%25 == 7 {
			b.WriteString(" Delegates from 中华人民共和国 and 日本国 applauded 🇰🇿👍🏽.")
		}
		b.WriteString("\n\n")
	}
	b.WriteString("The very last paragraph closes the speech.")
	return b.String()
}

// linkMarkdown is a Markdown document with links, which Glamour renders
// as OSC 8 hyperlinks.
const linkMarkdown = "# Linked Notes on the Summit\n\n" +
	"See the [ministry's statement](https://example.org/ministry/statement) and " +
	"<https://example.com/a/very/long/path/that/needs/cutting/in/a/narrow/pane/for/sure> for the full text.\n\n" +
	"“We will act,” the minister said, pointing to [the plan](https://example.net/plan).\n\n" +
	"- first point with a [link](https://example.org/one)\n- second point\n"

// quotedLinksMarkdown is a Markdown quote holding links, which wrap to
// the start of a line at some widths.
const quotedLinksMarkdown = "# Notes\n\n" +
	"“We will act on every single point of the plan, see [the annex](https://example.net/annex) and " +
	"[the second annex](https://example.net/annex2) and [the third](https://example.net/annex3) and more,” the speaker said.\n"

// parseDoc parses text as a document at path (its extension picks the
// format).
func parseDoc(t testing.TB, path, text string) *model.Document {
	t.Helper()
	d, err := model.ParseText(path, text)
	if err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	return d
}

// newDocHarness is newHarness for documents already parsed.
func newDocHarness(t *testing.T, docs []*model.Document, problems []model.Problem) *harness {
	t.Helper()
	clip := &fakeClipboard{}
	a := New(model.NewCorpus(docs, problems), Options{Theme: ThemeDark, Clipboard: clip})
	a.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, msg: msg} }
	}
	h := &harness{t: t, app: a, clip: clip}
	h.run(a.Init())
	return h
}

// abuseProblems are files that could not be read, with long and wide
// names, for the problems screen.
func abuseProblems() []model.Problem {
	return []model.Problem{
		{Path: "corpus/2025/09/" + strings.Repeat("very-long-directory-name/", 8) + "speech.txt", Reason: "invalid UTF-8 at byte 1234567 and a reason that goes on for a while"},
		{Path: "报告/非常长的文件名称与更多的中文字符.txt", Reason: "二进制文件 🚫"},
		{Path: "x.bin", Reason: "binary"},
	}
}

// escapeStats counts the escape sequences checkEscapes has accepted.
type escapeStats struct{ sgr, osc8 int }

// checkEscapes reports the first thing in a frame that is neither
// printable text, a newline, an SGR sequence (ESC [ params m) nor an OSC 8
// hyperlink (ESC ] 8 ; params ; URI, ended by BEL or ESC \), the only
// sequences the app draws (SGR from its styles and Glamour, OSC 8 from
// Glamour for Markdown links). A hyperlink must be closed on the line
// that opens it, or it would spill into the next pane and line. C0 and C1
// control characters and invalid UTF-8 are refused.
func checkEscapes(s string, st *escapeStats) error {
	linkOpen := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			if linkOpen {
				return fmt.Errorf("hyperlink still open at the end of a line, before byte %d: %q", i, around(s, i))
			}
			i++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && strings.IndexByte("0123456789;:", s[j]) >= 0 {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				end := min(j+1, len(s))
				return fmt.Errorf("control sequence other than SGR at byte %d: %q", i, s[i:end])
			}
			if st != nil {
				st.sgr++
			}
			i = j + 1
		case c == 0x1b && i+1 < len(s) && s[i+1] == ']':
			if !strings.HasPrefix(s[i:], "\x1b]8;") {
				return fmt.Errorf("OSC sequence other than a hyperlink at byte %d: %q", i, around(s, i))
			}
			j := i + 4
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			body := s[i+4 : j]
			switch {
			case j < len(s) && s[j] == 0x07:
				j++
			case strings.HasPrefix(s[j:], "\x1b\\"):
				j += 2
			default:
				return fmt.Errorf("unterminated or malformed hyperlink at byte %d: %q", i, around(s, i))
			}
			params, uri, ok := strings.Cut(body, ";")
			if !ok || strings.ContainsAny(params, "\x1b") {
				return fmt.Errorf("malformed hyperlink at byte %d: %q", i, s[i:j])
			}
			linkOpen = uri != ""
			if st != nil {
				st.osc8++
			}
			i = j
		case c == 0x1b:
			return fmt.Errorf("escape sequence other than SGR or OSC 8 at byte %d: %q", i, around(s, i))
		case c < 0x20 || c == 0x7f:
			return fmt.Errorf("control character %#x at byte %d: %q", c, i, around(s, i))
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d: %q", i, around(s, i))
			}
			if r >= 0x80 && r <= 0x9f {
				return fmt.Errorf("C1 control character %U at byte %d: %q", r, i, around(s, i))
			}
			i += size
		}
	}
	if linkOpen {
		return fmt.Errorf("hyperlink still open at the end of the frame")
	}
	return nil
}

// around is up to 40 bytes around byte i of s, for messages.
func around(s string, i int) string {
	return s[max(i-20, 0):min(i+20, len(s))]
}

// checkFrame reports how a frame breaks a w x h terminal: too many lines,
// a line too wide, or a stray control sequence.
func checkFrame(view string, w, h int, st *escapeStats) error {
	if view == "" {
		return nil
	}
	ls := strings.Split(view, "\n")
	if len(ls) > h {
		return fmt.Errorf("%d lines, want at most %d", len(ls), h)
	}
	for i, l := range ls {
		if lw := ansi.StringWidth(l); lw > w {
			return fmt.Errorf("line %d is %d cells wide, want at most %d: %q", i, lw, w, ansi.Strip(l))
		}
	}
	return checkEscapes(view, st)
}

// catchPanic turns a panic into a test failure that says where it
// happened. Use it as `defer catchPanic(t, func() string { ... })`.
func catchPanic(t *testing.T, where func() string) {
	if r := recover(); r != nil {
		t.Fatalf("panic at %s: %v\n%s", where(), r, debug.Stack())
	}
}

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

// seeds are the seeds a randomised test runs with: -mashseed, or defaults.
func seeds(defaults ...int64) []int64 {
	if *mashSeed != 0 {
		return []int64{*mashSeed}
	}
	return defaults
}

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

// masher drives an App in the loading state with random input. It runs
// the commands the App returns except the load's own (waitLoad), which
// would block on the channel; render results, timers and copies are kept
// and delivered later, in random order.
type masher struct {
	t        *testing.T
	seed     int64
	app      *App
	rng      *rand.Rand
	w, h     int
	renders  []docRenderedMsg
	timers   []tea.Msg
	waits    int // load commands skipped
	quits    int
	osc52    int
	unknown  map[string]int // other messages, dropped
	step     int
	lastKey  string
	finished bool
	// checked is the last frame found good, at checkedW x checkedH.
	checked            string
	checkedW, checkedH int
}

// loadWait reports whether cmd was made by waitLoad.
func loadWait(cmd tea.Cmd) bool {
	f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	return f != nil && strings.Contains(f.Name(), "waitLoad")
}

// cmdName names a command's function, for messages.
func cmdName(cmd tea.Cmd) string {
	if f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()); f != nil {
		return f.Name()
	}
	return "?"
}

var cmdSliceType = reflect.TypeOf([]tea.Cmd(nil))

// run runs cmd and what it leads to, except load commands.
func (m *masher) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		if loadWait(c) {
			m.waits++
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(30 * time.Second):
			m.t.Fatalf("%s: command %s did not return", m.where(), cmdName(c))
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			m.quits++
		case timerMsg:
			m.timers = append(m.timers, msg.msg)
		case docRenderedMsg:
			m.renders = append(m.renders, msg)
		case quoteCopiedMsg:
			m.send(msg)
		default:
			v := reflect.ValueOf(msg)
			switch {
			case v.Type().Name() == "setClipboardMsg":
				m.osc52++
			case v.Type().ConvertibleTo(cmdSliceType): // tea.Sequence
				queue = append(queue, v.Convert(cmdSliceType).Interface().([]tea.Cmd)...)
			default:
				m.unknown[v.Type().String()]++
			}
		}
	}
}

func (m *masher) send(msg tea.Msg) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.w, m.h = ws.Width, ws.Height
	}
	_, cmd := m.app.Update(msg)
	m.run(cmd)
}

// deliverRenders delivers n of the finished renders, chosen at random.
func (m *masher) deliverRenders(n int) {
	for ; n > 0 && len(m.renders) > 0; n-- {
		i := m.rng.Intn(len(m.renders))
		msg := m.renders[i]
		m.renders = append(m.renders[:i], m.renders[i+1:]...)
		m.send(msg)
	}
}

func (m *masher) where() string {
	return fmt.Sprintf("seed %d, step %d, after key %q (rerun with -mashseed=%d)", m.seed, m.step, m.lastKey, m.seed)
}

// check fails the test if an invariant of the App does not hold.
func (m *masher) check() {
	m.t.Helper()
	view := m.app.View().Content
	same := view == m.checked && m.w == m.checkedW && m.h == m.checkedH
	if err := appInvariants(m.app, view, m.w, m.h, !same); err != nil {
		m.t.Fatalf("%s: %v\n%s", m.where(), err, ansi.Strip(view))
	}
	m.checked, m.checkedW, m.checkedH = view, m.w, m.h
}

// appInvariants reports the first broken invariant of a, whose view is
// drawn in a w x h terminal; the frame is checked when checkView is set
// (the same frame needs no second look).
func appInvariants(a *App, view string, w, h int, checkView bool) error {
	l := &a.list
	n := len(l.docs)
	switch {
	case n == 0 && l.cursor != 0:
		return fmt.Errorf("empty list with cursor %d", l.cursor)
	case n > 0 && (l.cursor < 0 || l.cursor >= n):
		return fmt.Errorf("list cursor %d outside %d entries", l.cursor, n)
	case l.offset < 0 || l.offset > l.cursor || l.cursor >= l.offset+l.Page():
		return fmt.Errorf("list cursor %d not in the visible window from %d of %d entries", l.cursor, l.offset, l.Page())
	case n > a.corpus.Len():
		return fmt.Errorf("%d entries listed from %d documents", n, a.corpus.Len())
	case a.reader.doc != l.Selected():
		return fmt.Errorf("the reader shows another document than the list selects")
	case a.reader.shown.id != "" && (a.reader.doc == nil || a.reader.shown.id != a.reader.doc.ID):
		return fmt.Errorf("the reader shows a rendering of another document (%q)", a.reader.shown.id)
	case a.problemsOffset < 0 || a.problemsOffset > max(len(a.problemEntries())-1, 0):
		return fmt.Errorf("problems offset %d for %d problems", a.problemsOffset, len(a.corpus.Problems))
	}
	if b := a.browser; b != nil {
		if err := cursorOK("quote browser", b.cursor, b.offset, len(b.shown)); err != nil {
			return err
		}
		for _, i := range b.shown {
			if i < 0 || i >= len(b.entries) {
				return fmt.Errorf("quote browser shows entry %d of %d", i, len(b.entries))
			}
		}
	}
	if p := a.picker; p != nil {
		if err := cursorOK("topic picker", p.cursor, p.offset, len(p.shown)); err != nil {
			return err
		}
		for _, i := range p.shown {
			if i < 0 || i >= len(p.items) {
				return fmt.Errorf("topic picker shows item %d of %d", i, len(p.items))
			}
		}
	}
	if !a.ready {
		if view != "" {
			return fmt.Errorf("drawn before the first size")
		}
		return nil
	}
	if !checkView {
		return nil
	}
	if err := checkFrame(view, w, h, nil); err != nil {
		return fmt.Errorf("frame at %dx%d: %v", w, h, err)
	}
	return nil
}

func cursorOK(what string, cursor, offset, n int) error {
	if n == 0 && cursor != 0 || n > 0 && (cursor < 0 || cursor >= n) || offset < 0 || offset > cursor {
		return fmt.Errorf("%s cursor %d, offset %d, %d entries", what, cursor, offset, n)
	}
	return nil
}

// mashKeys are the keys pressed at random, besides letters.
var mashKeys = []tea.KeyPressMsg{
	keyMsg("j"), keyMsg("k"), keyMsg("g"), keyMsg("G"), keyMsg("J"), keyMsg("K"),
	keyMsg("tab"), keyMsg("shift+tab"), keyMsg("enter"), keyMsg("esc"), keyMsg("/"),
	keyMsg("]"), keyMsg("["), keyMsg("y"), keyMsg("Y"), keyMsg("Q"), keyMsg("t"),
	keyMsg("!"), keyMsg("?"), keyMsg("0"), keyMsg("1"), keyMsg("2"), keyMsg("3"),
	keyMsg("4"), keyMsg("5"), keyMsg("6"), keyMsg("7"), keyMsg("8"), keyMsg("9"),
	keyMsg("space"), keyMsg("n"), keyMsg("N"), keyMsg("s"), keyMsg("q"),
	keyMsg("pgup"), keyMsg("pgdown"), keyMsg("up"), keyMsg("down"),
	keyMsg("ctrl+d"), keyMsg("ctrl+u"),
	{Code: tea.KeyHome}, {Code: tea.KeyEnd}, {Code: tea.KeyBackspace},
}

// mashRunes are typed as well: letters, and a few wide or accented ones.
var mashRunes = []rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéü中文“”🇰")

func TestKeysMashedDuringLoading(t *testing.T) {
	for _, seed := range seeds(1, 2) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { mashDuringLoad(t, seed) })
	}
}

func mashDuringLoad(t *testing.T, seed int64) {
	rng := rand.New(rand.NewSource(seed))
	clip := &fakeClipboard{}
	// The channel only marks a load in progress: nothing is ever sent on
	// it; the batches are handed to Update as waitLoad would.
	a := New(model.NewCorpus(nil, nil), Options{Theme: ThemeDark, Clipboard: clip, Loading: make(chan model.Progress)})
	a.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d: d, msg: msg} }
	}
	m := &masher{t: t, seed: seed, app: a, rng: rng, unknown: map[string]int{}}
	defer catchPanic(t, m.where)

	hostile := "Title \x1b]0;pwned\x07here\n\nBody \x1b[2J\x1b]52;c;aGk=\x07text \u009b31m and \u202eevil\u202c done."
	pool := []struct{ path, text string }{
		{"seed.txt", seedText(t)},
		{"long.txt", longSpeech(120)},
		{"a.txt", docA}, {"b.txt", docB}, {"c.txt", docC},
		{"sport.txt", topicSport}, {"tennis.txt", topicSport2}, {"market.txt", topicMarket},
		{"links.md", linkMarkdown},
		{"quoted-links.md", quotedLinksMarkdown},
		{"hostile.txt", hostile},
		{"short.txt", "x"},
		{"wide.txt", "中华人民共和国外交部发言人表示\n\n“我们将采取行动，”部长说。日本国 🇰🇿 delegates agreed."},
	}
	const steps, batches = 2000, 30
	total := 0
	type batch struct {
		docs     []*model.Document
		problems []model.Problem
	}
	plan := make([]batch, batches)
	for i := range plan {
		for range 1 + rng.Intn(4) {
			p := pool[rng.Intn(len(pool))]
			plan[i].docs = append(plan[i].docs, parseDoc(t, fmt.Sprintf("load/%03d-%s", total, p.path), p.text))
			total++
		}
		if rng.Intn(5) == 0 {
			plan[i].problems = []model.Problem{{Path: fmt.Sprintf("load/bad-%d.bin", i), Reason: "binary \x1b[31mfile"}}
			total++
		}
	}
	// When each batch arrives, and when the load ends: spread over the
	// first nine tenths of the keys, so keys come before, during and
	// after the load.
	at := map[int]int{}
	for i, s := range rng.Perm(steps * 9 / 10)[:batches] {
		at[s] = i
	}
	finishAt := steps*9/10 + rng.Intn(steps/20)
	firstSize := rng.Intn(20)
	sizes := append([][2]int{{1, 1}, {400, 120}, {80, 24}, {120, 40}, {100, 30}, {99, 30}, {60, 8}, {30, 7}}, abuseSizes...)

	m.run(a.Init())
	m.check()
	next, done := 0, 0
	for m.step = 0; m.step < steps; m.step++ {
		if b, ok := at[m.step]; ok {
			for ; next <= b; next++ { // batches arrive in order
				done += len(plan[next].docs) + len(plan[next].problems)
				m.lastKey = fmt.Sprintf("<batch %d>", next)
				m.send(docsLoadedMsg{p: model.Progress{Docs: plan[next].docs, Problems: plan[next].problems, Done: done, Total: total}})
				m.check()
			}
		}
		if m.step == finishAt {
			for ; next < batches; next++ {
				done += len(plan[next].docs) + len(plan[next].problems)
				m.send(docsLoadedMsg{p: model.Progress{Docs: plan[next].docs, Problems: plan[next].problems, Done: done, Total: total}})
			}
			m.lastKey = "<load finished>"
			m.send(loadFinishedMsg{})
			m.finished = true
			m.check()
		}
		if m.step == firstSize || m.step > firstSize && rng.Intn(60) == 0 {
			sz := sizes[rng.Intn(len(sizes))]
			if m.step == firstSize {
				sz = [2]int{120, 40}
			}
			m.lastKey = fmt.Sprintf("<size %dx%d>", sz[0], sz[1])
			m.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			m.check()
		}
		if rng.Intn(4) == 0 {
			m.deliverRenders(1 + rng.Intn(3))
		}
		if len(m.timers) > 0 && rng.Intn(15) == 0 {
			i := rng.Intn(len(m.timers))
			msg := m.timers[i]
			m.timers = append(m.timers[:i], m.timers[i+1:]...)
			m.send(msg)
		}
		var k tea.KeyPressMsg
		if rng.Intn(3) == 0 {
			r := mashRunes[rng.Intn(len(mashRunes))]
			k = tea.KeyPressMsg{Code: r, Text: string(r)}
		} else {
			k = mashKeys[rng.Intn(len(mashKeys))]
		}
		m.lastKey = k.String()
		m.send(k)
		m.check()
	}
	if !m.finished || a.load.ch != nil {
		t.Fatalf("%s: the load should have finished", m.where())
	}
	if a.corpus.Len() == 0 {
		t.Fatalf("seed %d: no document arrived", seed)
	}
	// Every render finishes: the reader settles on the one wanted.
	m.lastKey = "<settling>"
	for round := 0; len(m.renders) > 0; round++ {
		if round > 200 {
			t.Fatalf("%s: renders keep starting", m.where())
		}
		m.deliverRenders(len(m.renders))
	}
	m.check()
	if want, ok := a.wantedKey(); ok && (a.reader.shown != want || a.reader.partial) && a.reader.failed == "" {
		t.Fatalf("%s: once every render has arrived the reader should show %+v, shows %+v (partial %v, in flight %+v)",
			m.where(), want, a.reader.shown, a.reader.partial, a.inflight)
	}
	t.Logf("seed %d: %d documents, %d quits ignored, %d load commands skipped, %d copies (%d by OSC 52), other messages dropped: %v",
		seed, a.corpus.Len(), m.quits, m.waits, len(clip.writes), m.osc52, m.unknown)
}
