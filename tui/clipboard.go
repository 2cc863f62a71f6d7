package tui

import (
	"fmt"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"

	"rostrum/model"
)

// Clipboard writes text to the system's own clipboard. The OSC 52 copy
// that works over SSH and through tmux is always sent as well; this is the
// second path for terminals that ignore OSC 52.
type Clipboard interface {
	WriteAll(text string) error
}

// NativeClipboard uses the system clipboard (pbcopy, xclip, xsel,
// wl-copy, or the Windows API). Where there is none, writes fail quietly
// and the OSC 52 copy still goes out.
type NativeClipboard struct{}

// WriteAll copies text to the system clipboard.
func (NativeClipboard) WriteAll(text string) error { return clipboard.WriteAll(text) }

// noClipboard is used when no system clipboard is configured.
type noClipboard struct{}

func (noClipboard) WriteAll(string) error { return nil }

// quoteCopiedMsg reports the result of a native clipboard write.
type quoteCopiedMsg struct{ err error }

// copyCmd sanitises text and copies it by OSC 52 and, off the UI
// goroutine, to the native clipboard.
func copyCmd(cb Clipboard, text string) tea.Cmd {
	text = model.Sanitize(text)
	native := func() tea.Msg { return quoteCopiedMsg{err: cb.WriteAll(text)} }
	return tea.Batch(tea.SetClipboard(text), native)
}

// copiedStatus is the status line after a copy.
func copiedStatus(what, text string) string {
	return fmt.Sprintf("Copied %s (%d characters)", what, utf8.RuneCountInString(model.Sanitize(text)))
}
