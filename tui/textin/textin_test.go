package textin

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// edited gives m msg and returns the input and the edit it reports.
func edited(t *testing.T, m Model, msg tea.Msg) (Model, EditedMsg) {
	t.Helper()
	m, cmd := m.Update(msg)
	e, ok := cmd().(EditedMsg)
	if !ok {
		t.Fatal("no EditedMsg reported")
	}
	return m, e
}

func TestEditsAndPauses(t *testing.T) {
	m := New("/ ", "")
	m.Focus()
	m, e1 := edited(t, m, tea.KeyPressMsg{Code: 'a', Text: "a"})
	m, e2 := edited(t, m, tea.KeyPressMsg{Code: 'b', Text: "b"})
	if !e1.Changed || !e2.Changed || e1.ID != m.ID() || e2.Seq <= e1.Seq {
		t.Fatalf("two edits: %+v, %+v", e1, e2)
	}
	if m.Paused(PausedMsg{ID: m.ID(), Seq: e1.Seq}) {
		t.Fatal("the pause after an older edit is stale")
	}
	if m.Paused(PausedMsg{ID: m.ID() + 1, Seq: e2.Seq}) {
		t.Fatal("another input's pause is not this one's")
	}
	if !m.Paused(PausedMsg{ID: m.ID(), Seq: e2.Seq}) {
		t.Fatal("the pause after the last edit settles it")
	}
	if m.Settle() || m.Paused(PausedMsg{ID: m.ID(), Seq: e2.Seq}) {
		t.Fatal("a settled edit is settled once")
	}
	m, _ = edited(t, m, tea.KeyPressMsg{Code: 'c', Text: "c"})
	m.Reset()
	if m.Value() != "" || m.Settle() {
		t.Fatal("Reset empties the input and forgets the edit")
	}
}

func TestFullInputDropsKeys(t *testing.T) {
	m := New("", "")
	m.Focus()
	m, e := edited(t, m, tea.PasteMsg{Content: strings.Repeat("x", MaxRunes+10)})
	if !e.Cut || !e.Changed || !m.Full() {
		t.Fatalf("a paste past the cap is cut: %+v", e)
	}
	m, e = edited(t, m, tea.KeyPressMsg{Code: 'y', Text: "y"})
	if !e.Cut || !e.Idle || e.Changed || m.Value() != strings.Repeat("x", MaxRunes) {
		t.Fatalf("a letter typed into a full input is dropped: %+v", e)
	}
	_, e = edited(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	if !e.Changed || e.Idle {
		t.Fatalf("backspace in a full input edits: %+v", e)
	}
}

// FuzzPaste: whatever is pasted, an input holds at most MaxRunes runes
// of valid UTF-8 with no control character, escape or line end.
func FuzzPaste(f *testing.F) {
	for _, s := range []string{"plain", "a\nb\tc", "\x1b[31mred\x1b[0m", "\x9b2J\x1b]0;t\x07", strings.Repeat("é", 300), "\u202eevil\r\n"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, paste string, prefill uint8) {
		ti := New("", "")
		ti.Focus()
		ti.SetValue(strings.Repeat("x", int(prefill)))
		ti, _ = ti.Update(tea.PasteMsg{Content: paste})
		v := ti.Value()
		if n := utf8.RuneCountInString(v); n > MaxRunes {
			t.Fatalf("the input holds %d runes", n)
		}
		if !utf8.ValidString(v) {
			t.Fatalf("invalid UTF-8: %q", v)
		}
		for _, r := range v {
			if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("the input holds %U: %q", r, v)
			}
		}
	})
}
