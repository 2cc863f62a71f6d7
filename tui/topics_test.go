package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

var (
	topicSport  = "Cup final report\n\nThe striker scored a late goal as the football club won the cup final. The manager praised the squad."
	topicSport2 = "Tennis star wins\n\nThe tennis champion won the grand slam final at Wimbledon after a long match in the tournament."
	topicMarket = "Shares rise\n\nShares in the company rose after profits beat forecasts, the chief executive told investors. The stock market cheered."
)

// chipFor returns the 1-based chip number of a topic, or 0.
func chipFor(h *harness, id string) int {
	for i, c := range h.app.bar.chips {
		if c.id == id {
			return i + 1
		}
	}
	return 0
}

func TestTopicChipsToggleAndClear(t *testing.T) {
	h := newHarness(t, topicSport, topicSport2, topicMarket).size(120, 40)
	n := chipFor(h, "sport")
	if n == 0 {
		t.Fatalf("sport should be a chip: %+v", h.app.bar.chips)
	}
	if c := h.app.bar.chips[n-1]; c.count != 2 {
		t.Fatalf("sport chip counts %d documents, want 2", c.count)
	}
	if !strings.Contains(h.screen(), fmt.Sprintf("%d Sport 2", n)) {
		t.Fatalf("the bar should show the sport chip:\n%s", h.screen())
	}
	h.keys(fmt.Sprint(n))
	if len(h.app.list.docs) != 2 || !strings.Contains(h.screen(), "2 of 3 documents · all of: Sport") {
		t.Fatalf("the sport chip should narrow the list to 2 and say so:\n%s", h.screen())
	}
	if chipFor(h, "sport") != n {
		t.Fatal("a chip must keep its number while it is toggled")
	}
	before := append([]chip(nil), h.app.bar.chips...)
	other := 1
	if n == 1 {
		other = 2
	}
	h.keys(fmt.Sprint(other))
	for i, c := range h.app.bar.chips {
		if c.id != before[i].id {
			t.Fatalf("toggling chip %d moved chip %d from %s to %s", other, i+1, before[i].id, c.id)
		}
	}
	h.keys(fmt.Sprint(other))
	h.keys(fmt.Sprint(n))
	if len(h.app.list.docs) != 3 {
		t.Fatal("pressing the chip again should remove the topic")
	}
	h.keys(fmt.Sprint(n), "0")
	if len(h.app.list.docs) != 3 || !h.app.tags.empty() {
		t.Fatal("0 should clear the topics")
	}
	h.keys("9")
	if len(h.chips()) < 9 && !strings.Contains(h.app.status.text, "No topic 9") {
		t.Fatalf("a missing chip should be reported, status %q", h.app.status.text)
	}
}

func (h *harness) chips() []chip { return h.app.bar.chips }

func TestTopicCountsFollowTheFilter(t *testing.T) {
	h := newHarness(t, topicSport, topicSport2, topicMarket).size(120, 40)
	h.keys("/").typeText("wimbledon")
	h.keys("enter")
	if n := chipFor(h, "sport"); n == 0 || h.app.bar.chips[n-1].count != 1 {
		t.Fatalf("with the text filter the sport chip should count 1: %+v", h.app.bar.chips)
	}
	if chipFor(h, "business") != 0 {
		t.Fatal("topics absent from the text-filtered result should leave the bar")
	}
}

func TestTopicPickerCapturesKeysAndApplies(t *testing.T) {
	h := newHarness(t, topicSport, topicSport2, topicMarket).size(120, 40)
	h.keys("t")
	if h.app.mode != modePicker {
		t.Fatal("t should open the picker")
	}
	h.typeText("q1sport")
	if h.quit || !h.app.tags.empty() || h.app.picker.Value() != "q1sport" {
		t.Fatal("while the picker is open every key goes to it")
	}
	for range "q1sport" {
		h.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	h.typeText("sport")
	if shown := h.app.picker.Shown(); len(shown) == 0 || shown[0].ID != "sport" {
		t.Fatalf("typing should narrow to the sport topic: %+v", shown)
	}
	h.keys("space")
	h.send(tea.KeyPressMsg{Code: tea.KeyEscape})
	if h.app.mode == modePicker || !h.app.tags.empty() {
		t.Fatal("esc cancels: nothing applied")
	}
	h.keys("t").typeText("sport")
	h.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	for range "sport" {
		h.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	h.typeText("business")
	h.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	h.keys("enter")
	if h.app.mode == modePicker || len(h.app.tags.topics) != 2 || len(h.app.list.docs) != 0 {
		t.Fatalf("all of sport and business matches nothing: tags %+v, %d docs", h.app.tags, len(h.app.list.docs))
	}
	h.keys("t", "tab", "enter")
	if !h.app.tags.anyOf || len(h.app.list.docs) != 3 {
		t.Fatalf("tab switches to any of: %d docs", len(h.app.list.docs))
	}
	if !strings.Contains(h.screen(), "any of: Sport, Business") {
		t.Fatalf("the header should say any of:\n%s", h.screen())
	}
}

func TestFacetFromPicker(t *testing.T) {
	h := newHarness(t, seedText(t), topicSport).size(120, 40)
	h.keys("t").typeText("afghanistan")
	if n := len(h.app.picker.Shown()); n != 1 {
		t.Fatalf("the place facet should be offered once: %d", n)
	}
	h.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	h.keys("enter")
	if len(h.app.list.docs) != 1 || !strings.HasPrefix(h.app.list.docs[0].Title, "President of Kazakhstan") {
		t.Fatalf("the facet should narrow to the seed, got %d docs", len(h.app.list.docs))
	}
}

func TestStartingTopicsFromOptions(t *testing.T) {
	docs := []*model.Document{}
	for _, s := range []string{topicSport, topicMarket} {
		d, err := model.ParseText("x.txt", s)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	a := New(model.NewCorpus(docs, nil), Options{Theme: ThemeDark, Topics: []string{"sport"}})
	if len(a.list.docs) != 1 {
		t.Fatalf("--topic sport should start with one document, got %d", len(a.list.docs))
	}
}

// BenchmarkToggleTopic10k measures a topic toggle over 10,000 documents:
// the filter update and the redraw, as a keystroke costs.
func BenchmarkToggleTopic10k(b *testing.B) {
	var docs []*model.Document
	texts := []string{topicSport, topicSport2, topicMarket, seedText(b)}
	for i := range 10000 {
		d, err := model.ParseText(fmt.Sprintf("doc%05d.txt", i), fmt.Sprintf("%s\n\nNumber %d.", texts[i%len(texts)], i))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	a := New(model.NewCorpus(docs, nil), Options{Theme: ThemeDark})
	a.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	b.ResetTimer()
	for b.Loop() {
		a.Update(tea.KeyPressMsg{Code: '1', Text: "1"})
		_ = a.View()
	}
}

func TestLoadingFillsTheList(t *testing.T) {
	// The channel is only there to mark a load in progress: the test hands
	// the batches to Update itself, as waitLoad would.
	a := New(model.NewCorpus(nil, nil), Options{Theme: ThemeDark, Loading: make(chan model.Progress)})
	h := &harness{t: t, app: a, clip: &fakeClipboard{}}
	a.after = func(d time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return timerMsg{d: d, msg: msg} } }
	h.size(120, 30)
	parse := func(text string) *model.Document {
		d, err := model.ParseText("x.txt", text)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	a.Update(docsLoadedMsg{p: model.Progress{Docs: []*model.Document{parse(topicSport)}, Done: 1, Total: 3}})
	h.run(a.syncReader())
	if a.corpus.Len() != 1 || !strings.Contains(h.screen(), "Loading 1 / 3") || !strings.Contains(h.screen(), "Cup final report") {
		t.Fatalf("the first document should show while loading:\n%s", h.screen())
	}
	sel := a.list.Selected()
	a.Update(docsLoadedMsg{p: model.Progress{Docs: []*model.Document{parse(topicMarket), parse(topicSport2)}, Problems: []model.Problem{{Path: "bad.txt", Reason: "binary"}}, Done: 3, Total: 3}})
	a.Update(loadFinishedMsg{})
	if a.corpus.Len() != 3 || a.list.Selected() != sel || strings.Contains(h.screen(), "Loading") {
		t.Fatalf("the rest should arrive, the selection stay, the progress go:\n%s", h.screen())
	}
	if n := chipFor(h, "sport"); n == 0 || a.bar.chips[n-1].count != 2 {
		t.Fatalf("topic counts should include the late documents: %+v", a.bar.chips)
	}
	if !strings.Contains(h.screen(), "1 problem") {
		t.Fatalf("problems should be counted:\n%s", h.screen())
	}
}

func TestChipsOffScreenCannotBeToggled(t *testing.T) {
	h := newHarness(t, seedText(t), topicSport, topicMarket, topicSport2).size(60, 30)
	shown := h.app.bar.shown(60, h.app.lay.barH)
	if shown >= len(h.app.bar.chips) {
		t.Skipf("all %d chips fit at 60 columns", len(h.app.bar.chips))
	}
	h.keys(fmt.Sprint(shown + 1))
	if !h.app.tags.empty() || !strings.Contains(h.app.status.text, "No topic") {
		t.Fatalf("a chip that is not drawn must not toggle: tags %+v", h.app.tags)
	}
}

func TestPickerKeepsActiveFiltersOutsideTheResult(t *testing.T) {
	h := newHarness(t, seedText(t), topicSport).size(120, 40)
	h.keys("t").typeText("afghanistan")
	h.keys("space", "enter")
	if len(h.app.tags.facets) != 1 {
		t.Fatalf("the facet should be active: %+v", h.app.tags)
	}
	h.keys("/").typeText("striker")
	h.keys("enter", "t", "enter")
	if len(h.app.tags.facets) != 1 {
		t.Fatalf("reopening the picker and applying must keep the facet: %+v", h.app.tags)
	}
	h.keys("0")
	if h.app.tags.anyOf || !h.app.tags.empty() {
		t.Fatal("0 clears every topic, facet and the any-of mode")
	}
}

// BenchmarkFilterKeystroke measures one key typed into the list filter
// over a synthetic corpus (10,000 and 100,000 documents made from the test
// texts): the filter update and the redraw.
func BenchmarkFilterKeystroke(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var docs []*model.Document
			base := []string{topicSport, topicSport2, topicMarket, seedText(b)}
			parsed := make([]*model.Document, len(base))
			for i, s := range base {
				d, err := model.ParseText("x.txt", s)
				if err != nil {
					b.Fatal(err)
				}
				parsed[i] = d
			}
			for i := range n {
				d := *parsed[i%len(parsed)]
				d.ID = fmt.Sprintf("%012d", i)
				d.Title = fmt.Sprintf("%s %d", d.Title, i)
				docs = append(docs, &d)
			}
			a := New(model.NewCorpus(docs, nil), Options{Theme: ThemeDark})
			a.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
			a.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
			for _, r := range "cup fina" {
				a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				// Alternate typing and deleting the last letter.
				if i%2 == 0 {
					a.Update(tea.KeyPressMsg{Code: 'l', Text: "l"})
				} else {
					a.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
				}
				_ = a.View()
			}
		})
	}
}

func TestProblemsScreen(t *testing.T) {
	d, err := model.ParseText("a.txt", topicSport)
	if err != nil {
		t.Fatal(err)
	}
	a := New(model.NewCorpus([]*model.Document{d}, []model.Problem{{Path: "bad\x1b[2J.txt", Reason: "binary file (contains NUL bytes)"}}), Options{Theme: ThemeDark})
	h := &harness{t: t, app: a, clip: &fakeClipboard{}}
	h.size(100, 20).keys("!")
	scr := h.screen()
	if !strings.Contains(scr, "1 file or record could not be read") || !strings.Contains(scr, "bad.txt") || !strings.Contains(scr, "binary file") {
		t.Fatalf("the problems screen should list the file and why:\n%s", scr)
	}
	assertOnlySGR(t, a.View().Content)
	h.keys("esc")
	if a.mode == modeProblems {
		t.Fatal("esc closes the problems screen")
	}
	d.Problems = []string{"front matter is not valid YAML (line 1); read as text"}
	h.keys("!")
	scr = h.screen()
	if !strings.Contains(scr, "1 note on documents read") || !strings.Contains(scr, "read, with a note: front matter is not valid YAML") {
		t.Fatalf("the problems screen should list notes on documents that loaded:\n%s", scr)
	}
}
