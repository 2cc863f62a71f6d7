// Package textin is the one-line text input every Rostrum input is built
// on: the list filter, the search in the document, and the topic
// picker's and the quote browser's narrowing. Each key costs the same
// whatever the input holds, so that text typed or pasted without
// bracketed paste (tmux's paste-buffer sends it as keys) cannot freeze
// the reader:
//
//   - an input holds at most MaxRunes runes; what goes past is dropped,
//     and the edit says so (EditedMsg.Cut);
//   - the owner acts on the text (filters, searches) once typing has
//     paused for Pause, not on every key: the root delivers a PausedMsg
//     after each edit that changed the text, and Paused says whether it
//     is the last one; Settle acts at once (enter);
//   - a bracketed paste is one edit, sanitised: escape sequences and
//     control characters removed, line ends and tabs turned to spaces;
//   - a key that changes nothing (a letter typed into a full input) is
//     not given to the input, and the edit says it changed nothing drawn
//     (EditedMsg.Idle), so the last frame can be drawn again (Bubble Tea
//     draws the whole screen after every message, which costs far more
//     than the key: 20 KB pasted as keys took 17 s).
package textin

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// MaxRunes is the most runes an input holds.
const MaxRunes = 256

// Pause is how long typing pauses before the owner acts on the text.
const Pause = 120 * time.Millisecond

// CutStatus is the status line's note when an input dropped text.
var CutStatus = fmt.Sprintf("Input cut at %d characters: the rest was dropped", MaxRunes)

// EditedMsg is the fact of one key press or paste given to an input,
// for the root: it starts the pause (PausedMsg{ID, Seq}) after an edit
// that Changed the text, notes a Cut in the status line, draws the last
// frame again after an Idle one, and runs Cmd.
type EditedMsg struct {
	ID      int  // the input edited
	Seq     int  // the edit's number
	Changed bool // the text changed
	Cut     bool // text was dropped at the cap
	Idle    bool // nothing changed at all, not even the cursor
	// Cmd is what the underlying bubbles input asked to run (ctrl+v
	// reads the system clipboard), for Bubble Tea to run; nil mostly.
	Cmd tea.Cmd
}

// PausedMsg says typing in input ID has paused since its edit Seq.
type PausedMsg struct{ ID, Seq int }

// lastID numbers the inputs, so a pause meant for an input closed since
// (a picker reopened) is told apart.
var lastID atomic.Int64

// Model is one capped text input.
//
// Invariants: the value holds at most MaxRunes runes; pending says an
// edit has not been acted on, and seq numbers the last edit (any pause
// for an older one is stale).
type Model struct {
	ti      textinput.Model
	id      int
	seq     int
	pending bool
}

// New returns an empty input with a prompt and a placeholder.
func New(prompt, placeholder string) Model {
	ti := textinput.New()
	ti.CharLimit = MaxRunes
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	m := Model{ti: ti, id: int(lastID.Add(1))}
	m.SetStyles(ti.Styles())
	return m
}

// ID tells this input's messages apart from other inputs'.
func (m Model) ID() int { return m.id }

// Value is the text in the input.
func (m Model) Value() string { return m.ti.Value() }

// SetValue replaces the text, the cursor at its end.
func (m *Model) SetValue(s string) {
	m.ti.SetValue(s)
	m.ti.CursorEnd()
}

// Reset empties the input and forgets an edit waiting for a pause: what
// it held no longer matters.
func (m *Model) Reset() {
	m.ti.SetValue("")
	m.pending = false
	m.seq++
}

// Full reports whether the input holds MaxRunes runes.
func (m Model) Full() bool { return utf8.RuneCountInString(m.ti.Value()) >= MaxRunes }

// Focus gives the input the keys (its cursor shows).
func (m *Model) Focus() { m.ti.Focus() }

// Blur takes the keys away (its cursor hides).
func (m *Model) Blur() { m.ti.Blur() }

// Focused reports whether the input has the keys.
func (m Model) Focused() bool { return m.ti.Focused() }

// SetWidth sets how many cells the text takes, prompt aside.
func (m *Model) SetWidth(w int) { m.ti.SetWidth(w) }

// SetPrompt changes the text before the input.
func (m *Model) SetPrompt(p string) { m.ti.Prompt = p }

// SetStyles changes the input's styles. The cursor never blinks: a
// blinking one would keep a timer running, and a command of the input's
// could then wait.
func (m *Model) SetStyles(st textinput.Styles) {
	st.Cursor.Blink = false
	m.ti.SetStyles(st)
}

// View draws the prompt and the text.
func (m Model) View() string { return m.ti.View() }

// Update gives the input a key press or a paste; other messages are
// ignored. The command only reports the EditedMsg, so the root may run
// it at once (anything to run later is in EditedMsg.Cmd).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		return m, nil
	}
	e := m.edit(msg)
	if e.Changed {
		m.seq++
		m.pending = true
	}
	e.ID, e.Seq = m.id, m.seq
	return m, func() tea.Msg { return e }
}

// edit applies a key press or a paste to the input.
func (m *Model) edit(msg tea.Msg) EditedMsg {
	before, pos := m.ti.Value(), m.ti.Position()
	room := MaxRunes - utf8.RuneCountInString(before)
	var e EditedMsg
	switch k := msg.(type) {
	case tea.PasteMsg:
		text := pasteText(k.Content)
		if n := utf8.RuneCountInString(text); n > room {
			text, e.Cut = firstRunes(text, max(room, 0)), true
		}
		if text == "" {
			e.Idle = true
			return e
		}
		msg = tea.PasteMsg{Content: text}
	case tea.KeyPressMsg:
		// A printable key (no ctrl or alt: no editing binding) in a full
		// input inserts nothing.
		if k.Text != "" && room <= 0 && k.Mod&^tea.ModShift == 0 {
			return EditedMsg{Cut: true, Idle: true}
		}
	}
	m.ti, e.Cmd = m.ti.Update(msg)
	e.Changed = m.ti.Value() != before
	e.Idle = !e.Changed && m.ti.Position() == pos && e.Cmd == nil
	return e
}

// Paused reports whether msg is the pause after this input's last edit,
// with that edit not acted on yet; the edit is then settled.
func (m *Model) Paused(msg PausedMsg) bool {
	if msg.ID != m.id || msg.Seq != m.seq {
		return false
	}
	return m.Settle()
}

// Settle reports whether an edit is waiting for a pause, and settles it
// (a pause on its way is then stale): the owner acts on the text now,
// on enter or when the input closes.
func (m *Model) Settle() bool {
	if !m.pending {
		return false
	}
	m.pending = false
	m.seq++
	return true
}

// pasteText is pasted text made fit for a one-line input: sanitised as
// documents are, with line ends and tabs turned to spaces.
func pasteText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, model.Sanitize(s))
}

// firstRunes is the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
