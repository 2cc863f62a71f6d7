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
	// visible text starts in out (-1 for no link), and how much of the
	// address that text has matched so far (-1 once it has differed).
	linkURL   string
	linkAt    int
	linkMatch int
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
			case r >= 0x80 && r <= 0x9f:
				i = f.c1(r, i, size)
				continue
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

// c1 skips the C1 control r of size bytes at i and, for CSI and the
// control strings, the parameters it introduces, as Sanitize does; it
// returns where the text after them starts.
func (f *termFilter) c1(r rune, i, size int) int {
	s := f.src
	switch r {
	case 0x9b: // CSI
		j := i + size
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
			j++
		}
		return j
	case 0x90, 0x98, 0x9d, 0x9e, 0x9f: // DCS, SOS, OSC, PM, APC
		if end, termLen := f.nextTerminator(i + size); end >= 0 {
			return end + termLen
		}
	}
	return i + size
}

// text writes a kept rune, enc its UTF-8 form.
func (f *termFilter) text(r rune, enc string) {
	f.out = append(f.out, enc...)
	if f.linkAt >= 0 && f.linkMatch >= 0 {
		if strings.HasPrefix(f.linkURL[f.linkMatch:], enc) {
			f.linkMatch += len(enc)
		} else {
			f.linkMatch = -1
		}
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
		f.linkURL, f.linkAt, f.linkMatch = uri, len(f.out), 0
		return
	}
	if f.linkAt < 0 {
		return
	}
	at := f.linkAt
	f.linkAt = -1
	if f.linkMatch != len(f.linkURL) || !linkableURL(f.linkURL) {
		return
	}
	// Put the link's start before its text, moving the text up.
	open := ansi.SetHyperlink(f.linkURL)
	n := len(f.out)
	f.out = append(f.out, open...)
	copy(f.out[at+len(open):], f.out[at:n])
	copy(f.out[at:], open)
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

// nextTerminator finds the first BEL, ESC \ or ST (U+009C) at or after
// i, and returns its position and length, or -1.
func (f *termFilter) nextTerminator(i int) (int, int) {
	if f.termAt == -1 {
		return -1, 0
	}
	if f.termAt < i {
		f.termAt = -1
		s := f.src
		for j := i; j < len(s); j++ {
			c := s[j]
			if c == 0x07 || j+1 < len(s) && (c == 0x1b && s[j+1] == '\\' || c == 0xc2 && s[j+1] == 0x9c) {
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
