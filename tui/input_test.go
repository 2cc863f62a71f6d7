package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"rostrum/tui/textin"
)

// inputCase opens one of the four text inputs and reads what it holds
// and whether its narrowing or search has run on that text.
type inputCase struct {
	name  string
	open  func(h *harness)
	value func(a *App) string
	// narrowed reports whether the input's effect shows text (a word of
	// the seed document) has been acted on.
	narrowed func(a *App, text string) bool
}

var inputCases = []inputCase{
	{
		name:  "filter",
		open:  func(h *harness) { h.keys("/") },
		value: func(a *App) string { return a.filter.Value() },
		narrowed: func(a *App, text string) bool {
			return len(a.list.terms) > 0 && strings.Contains(text, a.list.terms[0])
		},
	},
	{
		name:  "search",
		open:  func(h *harness) { h.keys("enter", "/") },
		value: func(a *App) string { return a.search.Value() },
		narrowed: func(a *App, text string) bool {
			return a.reader.query != "" && strings.HasPrefix(strings.ToLower(a.reader.query), text)
		},
	},
	{
		name:  "picker",
		open:  func(h *harness) { h.keys("t") },
		value: func(a *App) string { return a.picker.Value() },
		narrowed: func(a *App, text string) bool {
			return len(a.picker.Shown()) < a.picker.Len()
		},
	},
	{
		name:  "browser",
		open:  func(h *harness) { h.keys("Q", "/") },
		value: func(a *App) string { return a.browser.Value() },
		narrowed: func(a *App, text string) bool {
			return len(a.browser.Shown()) < a.browser.Len()
		},
	},
}

// inputHarness is the seed document and another on a 120×40 screen, with
// input c open.
func inputHarness(t *testing.T, c inputCase) *harness {
	t.Helper()
	return inputHarnessSized(t, c, 120, 40)
}

func inputHarnessSized(t *testing.T, c inputCase, w, ht int) *harness {
	t.Helper()
	other := "date 2025-01-02 LONDON (Wire) — \"Nothing here,\" said Ann Smith. Cricket scores."
	h := newHarness(t, seedText(t), other).size(w, ht)
	c.open(h)
	return h
}

// TestPasteGoesIntoEveryInput: a bracketed paste lands in whichever input
// has the keys, as one edit, without escape sequences or control
// characters, its line ends and tabs turned to spaces.
func TestPasteGoesIntoEveryInput(t *testing.T) {
	for _, c := range inputCases {
		t.Run(c.name, func(t *testing.T) {
			h := inputHarness(t, c)
			h.send(tea.PasteMsg{Content: "Tok\x1b[31may\x1b]0;title\x07ev\x00\r\n\u0085Kas\u202esym\tJomart\x9b2J"})
			if got, want := c.value(h.app), "Tokayev Kassym Jomart"; got != want {
				t.Fatalf("the paste left %q, want %q", got, want)
			}
			if !c.narrowed(h.app, "tokayev") {
				t.Error("the paste should narrow or search like typing")
			}
			if h.quit {
				t.Error("no pasted character may act as a key")
			}
		})
	}
}

// TestInputsAreCapped: typing or pasting past textin.MaxRunes keeps the
// first textin.MaxRunes runes and says so.
func TestInputsAreCapped(t *testing.T) {
	long := strings.Repeat("Tokayev-", 1000) // no space: it ticks in the picker
	for _, c := range inputCases {
		t.Run(c.name+"/paste", func(t *testing.T) {
			h := inputHarness(t, c)
			h.send(tea.PasteMsg{Content: long})
			if got := c.value(h.app); got != long[:textin.MaxRunes] {
				t.Fatalf("the input holds %d runes, want the first %d", utf8.RuneCountInString(got), textin.MaxRunes)
			}
			if h.app.status.text != textin.CutStatus {
				t.Errorf("status %q should say the paste was cut", h.app.status.text)
			}
		})
		t.Run(c.name+"/typed", func(t *testing.T) {
			h := inputHarness(t, c)
			h.typing = true
			h.typeText(long[:textin.MaxRunes+40])
			if got := c.value(h.app); got != long[:textin.MaxRunes] {
				t.Fatalf("the input holds %d runes, want the first %d", utf8.RuneCountInString(got), textin.MaxRunes)
			}
			if h.app.status.text != textin.CutStatus {
				t.Errorf("status %q should say the typing was cut", h.app.status.text)
			}
			// One status message, not one per dropped key.
			n := 0
			for _, tm := range h.timers {
				if _, ok := tm.msg.(statusExpiredMsg); ok {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d status messages for one cut, want 1", n)
			}
		})
	}
}

// TestSearchPromptSaysFull: the search input is the status line, so its
// prompt says when it is full.
func TestSearchPromptSaysFull(t *testing.T) {
	h := inputHarness(t, inputCases[1])
	h.send(tea.PasteMsg{Content: strings.Repeat("x", 300)})
	scr := h.screen()
	if !strings.Contains(scr, searchFullPrompt) {
		t.Fatalf("the full search should say so:\n%s", scr)
	}
	for _, l := range lines(scr) {
		if w := utf8.RuneCountInString(l); w > 120 {
			t.Fatalf("a line is %d wide, more than the screen:\n%s", w, l)
		}
	}
	h.keys("ctrl+u")
	if strings.Contains(h.screen(), searchFullPrompt) {
		t.Fatal("the prompt should come back when the search is emptied")
	}
}

// TestInputsActWhenTypingPauses: fast keys only edit the input; the
// narrowing or search runs once, on the pause after the last key (a
// pause message of an older key does nothing), or at once on enter.
func TestInputsActWhenTypingPauses(t *testing.T) {
	for _, c := range inputCases {
		t.Run(c.name, func(t *testing.T) {
			h := inputHarness(t, c)
			h.typing = true
			h.typeText("tokayev")
			if c.narrowed(h.app, "tokayev") {
				t.Fatal("typing should not narrow before it pauses")
			}
			var pauses []textin.PausedMsg
			for _, tm := range h.timers {
				if m, ok := tm.msg.(textin.PausedMsg); ok {
					if tm.d != textin.Pause {
						t.Errorf("pause of %v, want %v", tm.d, textin.Pause)
					}
					pauses = append(pauses, m)
				}
			}
			if len(pauses) != len("tokayev") {
				t.Fatalf("%d pause messages, want one per key", len(pauses))
			}
			h.send(pauses[2])
			if c.narrowed(h.app, "tok") {
				t.Fatal("the pause after an older key should do nothing")
			}
			h.send(pauses[len(pauses)-1])
			if !c.narrowed(h.app, "tokayev") {
				t.Fatal("the pause after the last key should narrow")
			}
		})
	}
	h := inputHarness(t, inputCases[0])
	h.typing = true
	h.typeText("tokayev").keys("enter")
	if !inputCases[0].narrowed(h.app, "tokayev") {
		t.Fatal("enter should filter at once")
	}
}

// TestPasteOutsideAnInputDoesNothing: with no input open a paste is not
// read as keys.
func TestPasteOutsideAnInputDoesNothing(t *testing.T) {
	h := newHarness(t, seedText(t)).size(120, 40)
	h.send(tea.PasteMsg{Content: "q/Q"})
	if h.quit || h.app.mode != modePanes {
		t.Fatal("a paste in the list must not act as keys")
	}
}

// typingTime is the least time, over several runs, that 400 keys take in
// input c once it holds fill runes: 200 times a letter and a backspace,
// so the input stays at its size, each followed by a View as Bubble Tea
// draws after every message. The screen is narrow: a text input
// does work in proportion to its width (bubbles' textinput scrolls the
// text under the cursor into view), the same for any text that overflows
// it, so both sizes compared overflow it.
func typingTime(t *testing.T, c inputCase, fill int) time.Duration {
	best := time.Duration(1 << 62)
	for run := 0; run < 7; run++ {
		h := inputHarnessSized(t, c, 60, 20)
		h.typing = true
		h.send(tea.PasteMsg{Content: strings.Repeat("tokayev ", fill/8+1)[:fill]})
		backspace := tea.KeyPressMsg{Code: tea.KeyBackspace}
		start := time.Now()
		for i := 0; i < 200; i++ {
			h.send(tea.KeyPressMsg{Code: 'x', Text: "x"})
			h.app.View()
			h.send(backspace)
			h.app.View()
		}
		best = min(best, time.Since(start))
		h.timers = nil
	}
	return best
}

// TestKeyCostDoesNotGrowWithInput: a key costs the same in an input
// holding 4× as much (below the cap, and far past it, where the input
// holds textin.MaxRunes and the rest of a paste was dropped).
func TestKeyCostDoesNotGrowWithInput(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for _, c := range inputCases {
		for _, fill := range []int{textin.MaxRunes / 4, textin.MaxRunes * 8} {
			t.Run(fmt.Sprintf("%s/%d", c.name, fill), func(t *testing.T) {
				one, four := typingTime(t, c, fill), typingTime(t, c, 4*fill)
				t.Logf("400 keys: %v with %d runes, %v with %d", one, fill, four, 4*fill)
				if four > 2*one {
					t.Errorf("400 keys took %v with %d runes, more than twice %v with %d", four, 4*fill, one, fill)
				}
			})
		}
	}
}

// TestDroppedKeysAreNotDrawn: a letter typed into a full input changes
// nothing, so the frame drawn before is given again without drawing;
// Bubble Tea draws after every message, and drawing costs far more than
// the key. 4,000 dropped keys cost less than 400 drawn ones.
func TestDroppedKeysAreNotDrawn(t *testing.T) {
	h := inputHarness(t, inputCases[0])
	h.send(tea.PasteMsg{Content: strings.Repeat("speech ", 100)})
	before := h.app.View().Content
	h.typeText("x")
	if !h.app.idle || h.app.View().Content != before {
		t.Fatal("a key dropped by the full filter should give the last frame again")
	}
	h.keys("ctrl+u")
	if h.app.idle || h.app.View().Content == before {
		t.Fatal("a key that empties the filter must be drawn")
	}
	if testing.Short() {
		return
	}
	keys := func(n int, full bool) time.Duration {
		best := time.Duration(1 << 62)
		for run := 0; run < 5; run++ {
			h := inputHarness(t, inputCases[0])
			h.typing = true
			h.send(tea.PasteMsg{Content: strings.Repeat("x", textin.MaxRunes)})
			key := tea.KeyPressMsg{Code: 'x', Text: "x"}
			start := time.Now()
			for i := 0; i < n; i++ {
				if !full { // the cursor moves left and back: drawn
					key = tea.KeyPressMsg{Code: tea.KeyLeft}
					if i%2 == 1 {
						key = tea.KeyPressMsg{Code: tea.KeyRight}
					}
				}
				h.send(key)
				h.app.View()
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	dropped, drawn := keys(4000, true), keys(400, false)
	t.Logf("4000 dropped keys %v, 400 drawn keys %v", dropped, drawn)
	if dropped > drawn {
		t.Errorf("4000 dropped keys took %v, more than 400 drawn keys (%v)", dropped, drawn)
	}
}
