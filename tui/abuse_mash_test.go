package tui

import (
	"fmt"
	"math/rand"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
	"rostrum/tui/internal/testkit"
)

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
		case quoteCopiedMsg, editorDoneMsg, programReadyMsg, exportDoneMsg:
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
	case a.problems.offset < 0 || a.mode == modeProblems && a.problems.offset > max(len(a.problems.entries())-1, 0):
		return fmt.Errorf("problems offset %d for %d problems", a.problems.offset, len(a.corpus.Problems))
	}
	switch a.mode {
	case modeBrowser:
		if err := a.browser.Check(); err != nil {
			return err
		}
	case modePicker:
		if err := a.picker.Check(); err != nil {
			return err
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
		return fmt.Errorf("frame at %dx%d: %w", w, h, err)
	}
	return nil
}

// mashKeys are the keys pressed at random, besides letters.
var mashKeys = []tea.KeyPressMsg{
	testkit.Press("j"), testkit.Press("k"), testkit.Press("g"), testkit.Press("G"), testkit.Press("J"), testkit.Press("K"),
	testkit.Press("tab"), testkit.Press("shift+tab"), testkit.Press("enter"), testkit.Press("esc"), testkit.Press("/"),
	testkit.Press("]"), testkit.Press("["), testkit.Press("y"), testkit.Press("Y"), testkit.Press("Q"), testkit.Press("t"),
	testkit.Press("!"), testkit.Press("?"), testkit.Press("0"), testkit.Press("1"), testkit.Press("2"), testkit.Press("3"),
	testkit.Press("4"), testkit.Press("5"), testkit.Press("6"), testkit.Press("7"), testkit.Press("8"), testkit.Press("9"),
	testkit.Press("space"), testkit.Press("n"), testkit.Press("N"), testkit.Press("s"), testkit.Press("q"),
	testkit.Press("pgup"), testkit.Press("pgdown"), testkit.Press("up"), testkit.Press("down"),
	testkit.Press("ctrl+d"), testkit.Press("ctrl+u"),
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
	a := New(model.NewCorpus(nil, nil), Options{Theme: ThemeDark, Clipboard: clip, Loading: make(chan model.Progress), ExportDir: t.TempDir()})
	fakeOutside(a)
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
