package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

// TerminalSafe is the last filter on text bound for the terminal. It keeps
// printable text (as the invisible-character policy of model.FilterRune
// allows), newlines, tabs, SGR sequences (ESC [ digits ; : m) and OSC 8
// hyperlinks whose visible text is exactly their http, https or mailto
// address; a hyperlink that shows anything else loses its link and keeps
// its text. Every other escape sequence is removed with its parameters,
// and every other control, format or invisible character is removed. Tag
// characters, which the reader uses as its own markers, are removed too.
// It runs in time linear in len(s).
func TerminalSafe(s string) string {
	return filterTerminal(s, false)
}

// safeRender is TerminalSafe for a rendering the painter has still to
// read: the reader's own markers stay, other tag characters go.
func safeRender(s string) string {
	return filterTerminal(s, true)
}

func filterTerminal(s string, keepMarkers bool) string {
	if plainText(s) {
		return s
	}
	f := termFilter{src: s, keepMarkers: keepMarkers, termAt: -2, linkAt: -1}
	f.out = make([]byte, 0, len(s))
	f.run()
	return string(f.out)
}

// plainText reports whether s is printable ASCII, newlines and tabs only,
// which every filter leaves as it is.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

// termFilter holds the state of one filtering pass.
type termFilter struct {
	src         string
	out         []byte
	keepMarkers bool
	prev        rune // the last rune written, for model.FilterRune
	// termAt caches the position of the next string terminator (BEL or
	// ESC \) at or after the last search: -1 for none, -2 before the
	// first search. It keeps the pass linear when there are many
	// unterminated strings.
	termAt int
	// A hyperlink whose end is still to come: its address, where its
	// visible text starts in out (-1 for no link) and that text.
	linkURL  string
	linkAt   int
	linkText []byte
}

func (f *termFilter) run() {
	s := f.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			i = f.escape(i)
		case c == '\n':
			f.lineEnd()
			i++
		case c == '\t':
			f.out = append(f.out, c)
			f.prev = '\t'
			i++
		case c < 0x20 || c == 0x7f:
			i++
		case c < utf8.RuneSelf:
			f.text(rune(c), s[i:i+1])
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				f.text(utf8.RuneError, "\ufffd")
			case f.keepMarkers && isMarker(r):
				f.out = append(f.out, s[i:i+size]...)
			default:
				if w, ok := model.FilterRune(f.prev, r); ok {
					if w == '\n' {
						f.lineEnd()
					} else {
						f.text(w, string(w))
					}
				}
			}
			i += size
		}
	}
	f.linkAt = -1 // a link never closed keeps its text, not its link
}

// text writes a kept rune, enc its UTF-8 form.
func (f *termFilter) text(r rune, enc string) {
	f.out = append(f.out, enc...)
	if f.linkAt >= 0 {
		f.linkText = append(f.linkText, enc...)
	}
	f.prev = r
}

// lineEnd writes a newline. A hyperlink must end on the line it starts
// on, so one still open loses its link.
func (f *termFilter) lineEnd() {
	f.linkAt = -1
	f.out = append(f.out, '\n')
	f.prev = '\n'
}

// escape handles the escape sequence at i and returns where the text
// after it starts: SGR is copied, OSC 8 handled as a link, the rest
// dropped whole.
func (f *termFilter) escape(i int) int {
	s := f.src
	if i+1 >= len(s) {
		return i + 1
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
			j++
		}
		params := s[i+2 : j]
		k := j
		for k < len(s) && s[k] >= 0x20 && s[k] <= 0x2f {
			k++
		}
		if k >= len(s) || s[k] < 0x40 || s[k] > 0x7e {
			return k // unterminated: drop what there is
		}
		if s[k] == 'm' && k == j && strings.Trim(params, "0123456789;:") == "" {
			f.out = append(f.out, s[i:k+1]...)
		}
		return k + 1
	case ']', 'P', 'X', '^', '_':
		end, termLen := f.nextTerminator(i + 2)
		if end < 0 {
			return i + 2 // unterminated: drop the introducer only
		}
		if body := s[i+2 : end]; s[i+1] == ']' && strings.HasPrefix(body, "8;") {
			if _, uri, ok := strings.Cut(body[2:], ";"); ok {
				f.hyperlink(uri)
			}
		}
		return end + termLen
	}
	// nF escapes: intermediates 0x20–0x2F, then a final byte 0x30–0x7E.
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	return i + 1
}

// hyperlink handles an OSC 8 with address uri: an address opens a link,
// an empty one ends it. A link is written only when it ends, and only if
// its visible text is its address.
func (f *termFilter) hyperlink(uri string) {
	if uri != "" {
		f.linkURL, f.linkAt, f.linkText = uri, len(f.out), f.linkText[:0]
		return
	}
	if f.linkAt < 0 {
		return
	}
	at := f.linkAt
	f.linkAt = -1
	if string(f.linkText) != f.linkURL || !linkableURL(f.linkURL) {
		return
	}
	open := ansi.SetHyperlink(f.linkURL)
	tail := append([]byte(nil), f.out[at:]...)
	f.out = append(append(f.out[:at], open...), tail...)
	f.out = append(f.out, ansi.ResetHyperlink()...)
}

// linkableURL reports whether a hyperlink may point to u: an http, https
// or mailto address of printable ASCII.
func linkableURL(u string) bool {
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "mailto:") {
		return false
	}
	for i := 0; i < len(u); i++ {
		if u[i] <= 0x20 || u[i] >= 0x7f {
			return false
		}
	}
	return true
}

// nextTerminator finds the first BEL or ESC \ at or after i, and returns
// its position and length, or -1.
func (f *termFilter) nextTerminator(i int) (int, int) {
	if f.termAt == -1 {
		return -1, 0
	}
	if f.termAt < i {
		f.termAt = -1
		s := f.src
		for j := i; j < len(s); j++ {
			if s[j] == 0x07 || s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				f.termAt = j
				break
			}
		}
		if f.termAt < 0 {
			return -1, 0
		}
	}
	if f.src[f.termAt] == 0x07 {
		return f.termAt, 1
	}
	return f.termAt, 2
}

// isMarker reports whether r is one of the reader's markers.
func isMarker(r rune) bool {
	switch string(r) {
	case mkQuoteStart, mkQuoteResume, mkQuoteEnd, mkSpeakerStart, mkSpeakerEnd,
		mkTermStart, mkTermEnd, mkTopicStart, mkTopicEnd, mkQuietStart, mkQuietEnd:
		return true
	}
	return false
}
