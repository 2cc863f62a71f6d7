package tui

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"rostrum/model"
)

// Every text input (the list filter, the search in the reader, the topic
// picker's and the quote browser's) costs the same per key whatever it
// holds, so that text typed or pasted without bracketed paste (tmux's
// paste-buffer sends it as keys) cannot freeze the reader:
//
//   - an input holds at most maxInputRunes runes; what goes past is
//     dropped, and the status line says so;
//   - the filtering or searching runs once typing has paused for
//     inputPause, not on every key (enter runs it at once);
//   - a bracketed paste is one edit, sanitised: escape sequences and
//     control characters removed, line ends and tabs turned to spaces;
//   - a key that changes nothing (a letter typed into a full input) is
//     not given to the input, and the frame drawn before is drawn again
//     (Bubble Tea draws the whole screen after every message, which
//     costs far more than the key: 20 KB pasted as keys took 17 s).

// maxInputRunes is the most runes a text input holds.
const maxInputRunes = 256

// inputPause is how long typing pauses before the filter or search runs.
const inputPause = 120 * time.Millisecond

// inputKind names a text input.
type inputKind int

const (
	inputFilter  inputKind = iota // the list filter
	inputSearch                   // the search in the open document
	inputPicker                   // the topic picker's narrowing
	inputBrowser                  // the quote browser's filter
	numInputs
)

// inputCutStatus is the status line's note when an input dropped text.
var inputCutStatus = fmt.Sprintf("Input cut at %d characters: the rest was dropped", maxInputRunes)

// The search input is the status line, where the note cannot show: its
// prompt says when it is full instead.
var (
	searchPrompt     = "/ "
	searchFullPrompt = fmt.Sprintf("/ (full: %d max) ", maxInputRunes)
)

// inputSettledMsg says input kind has not changed since its edit seq.
type inputSettledMsg struct {
	kind inputKind
	seq  int
}

// inputEdits tracks the edits of each input waiting for a pause.
type inputEdits struct {
	seq     [numInputs]int  // the last edit of each input
	pending [numInputs]bool // an edit has not been acted on yet
}

// newTextInput is a text input holding at most maxInputRunes runes.
func newTextInput() textinput.Model {
	ti := textinput.New()
	ti.CharLimit = maxInputRunes
	return ti
}

// edit is what a key or a paste did to a text input.
type edit struct {
	changed bool // the text changed
	cut     bool // text was dropped at the cap
	idle    bool // nothing changed at all, not even the cursor
	cmd     tea.Cmd
}

// editInput gives ti a key press or a paste.
func editInput(ti *textinput.Model, msg tea.Msg) edit {
	before, pos := ti.Value(), ti.Position()
	room := maxInputRunes - utf8.RuneCountInString(before)
	var e edit
	switch m := msg.(type) {
	case tea.PasteMsg:
		text := pasteText(m.Content)
		if n := utf8.RuneCountInString(text); n > room {
			text, e.cut = firstRunes(text, max(room, 0)), true
		}
		if text == "" {
			e.idle = true
			return e
		}
		msg = tea.PasteMsg{Content: text}
	case tea.KeyPressMsg:
		// A printable key (no ctrl or alt: no editing binding) in a full
		// input inserts nothing.
		if m.Text != "" && room <= 0 && m.Mod&^tea.ModShift == 0 {
			return edit{cut: true, idle: true}
		}
	}
	*ti, e.cmd = ti.Update(msg)
	after := ti.Value()
	e.changed = after != before
	e.idle = !e.changed && ti.Position() == pos && e.cmd == nil
	return e
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

// inputEdited records an edit of input kind and returns its command with
// the one that reports the pause after it; a cut adds the status note.
func (a *App) inputEdited(kind inputKind, e edit) tea.Cmd {
	cmds := []tea.Cmd{e.cmd}
	if e.cut && a.status.text != inputCutStatus {
		cmds = append(cmds, a.setStatus(inputCutStatus))
		e.idle = false
	}
	a.idle = e.idle
	if kind == inputSearch {
		a.syncSearchPrompt()
	}
	if e.changed {
		a.edits.seq[kind]++
		a.edits.pending[kind] = true
		cmds = append(cmds, a.after(inputPause, inputSettledMsg{kind: kind, seq: a.edits.seq[kind]}))
	}
	return tea.Batch(cmds...)
}

// syncSearchPrompt says in the search's prompt whether it is full, and
// sizes the input to what is left of the status line.
func (a *App) syncSearchPrompt() {
	p := searchPrompt
	if utf8.RuneCountInString(a.search.Value()) >= maxInputRunes {
		p = searchFullPrompt
	}
	a.search.Prompt = p
	a.search.SetWidth(max(a.lay.width-statusRightWidth-4-utf8.RuneCountInString(p), 1))
}

// handleInputSettled acts on the last edit of an input once typing has
// paused; an older edit's message is ignored.
func (a *App) handleInputSettled(msg inputSettledMsg) (tea.Model, tea.Cmd) {
	if msg.seq != a.edits.seq[msg.kind] {
		return a, nil
	}
	return a, a.settleInput(msg.kind)
}

// settleInput acts at once on an edit of input kind still waiting for a
// pause (enter in an input, or the input closing); it does nothing when
// none is waiting.
func (a *App) settleInput(kind inputKind) tea.Cmd {
	if !a.edits.pending[kind] {
		return nil
	}
	a.edits.pending[kind] = false
	a.edits.seq[kind]++ // a pause message still on its way is now stale
	switch kind {
	case inputFilter:
		return a.applyFilter()
	case inputSearch:
		if a.reader.doc != nil {
			a.reader.SetQuery(a.search.Value())
		}
	case inputPicker:
		if a.picker != nil {
			a.picker.narrow()
		}
	case inputBrowser:
		if a.browser != nil {
			a.browser.applyFilter()
		}
	}
	return nil
}

// dropInput forgets an edit of input kind waiting for a pause (the input
// was cleared or closed, and what it held no longer matters).
func (a *App) dropInput(kind inputKind) {
	a.edits.pending[kind] = false
	a.edits.seq[kind]++
}

// handlePaste gives a bracketed paste to the input that has the keys, as
// one edit; with no input open it is ignored.
func (a *App) handlePaste(msg tea.PasteMsg) (tea.Model, tea.Cmd) {
	a.restore = nil
	var ti *textinput.Model
	var kind inputKind
	switch {
	case a.filtering:
		ti, kind = &a.filter, inputFilter
	case a.searching:
		ti, kind = &a.search, inputSearch
	case a.picker != nil:
		ti, kind = &a.picker.input, inputPicker
	case a.browser != nil && a.browser.filtering:
		ti, kind = &a.browser.filter, inputBrowser
	default:
		return a, nil
	}
	return a, a.inputEdited(kind, editInput(ti, msg))
}
