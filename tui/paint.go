package tui

import (
	"strings"
	"unicode/utf8"
)

// paintStyles are the SGR sequences the painter applies on top of
// Glamour's own styles.
type paintStyles struct {
	quote, quoteSel, speaker, term, topic, quiet string
}

// painted is a rendering with quotes, speakers and terms styled.
type painted struct {
	content    string
	quoteLines []int // the line where each quote starts, in quote order
}

// paint replaces the markers in a Glamour rendering with styles; quote sel
// (an index in quote order, -1 for none) gets the selected style. Glamour
// resets its style after every run of text, so the painter re-applies the
// active style after each of Glamour's sequences and at each line start,
// and restores Glamour's last style when one of ours ends. It only ever
// inserts whole SGR sequences between Glamour's, so no sequence is split.
func paint(raw string, sel int, st paintStyles) painted {
	p := painter{st: st, sel: sel, quote: -1}
	p.out.Grow(len(raw) + len(raw)/4)
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case c == 0x1b:
			i = p.sequence(raw, i)
		case c == '\n':
			if len(p.stack) > 0 {
				p.out.WriteString("\x1b[m")
			}
			p.out.WriteByte('\n')
			p.line++
			p.lineStart = true
			i++
		case c == 0xf3 && strings.HasPrefix(raw[i:], "\U000E0000"[:2]):
			r, size := utf8.DecodeRuneInString(raw[i:])
			if !p.marker(r) {
				p.out.WriteString(raw[i : i+size])
			}
			i += size
		default:
			if p.lineStart && c != ' ' && len(p.stack) > 0 {
				p.out.WriteString(p.active())
			}
			if c != ' ' {
				p.lineStart = false
			}
			p.out.WriteByte(c)
			i++
		}
	}
	if len(p.stack) > 0 {
		p.out.WriteString("\x1b[m")
	}
	return painted{content: p.out.String(), quoteLines: p.lines}
}

// painter holds the state of one paint pass.
type painter struct {
	st        paintStyles
	sel       int
	out       strings.Builder
	stack     []string // active styles, innermost last
	glamour   string   // Glamour's last SGR sequence ("" after a reset)
	quote     int      // index of the current quote, -1 before the first
	line      int
	lineStart bool // only margin spaces written on this line so far
	lines     []int
}

// active is every active style, outermost first, so a term inside a
// selected quote keeps the quote's background.
func (p *painter) active() string { return strings.Join(p.stack, "") }

// sequence copies the escape sequence at i whole (SGR, Glamour's OSC 8
// links) and re-applies the active style after an SGR.
func (p *painter) sequence(raw string, i int) int {
	j := seqEnd(raw, i)
	seq := raw[i:j]
	p.out.WriteString(seq)
	if strings.HasSuffix(seq, "m") {
		if seq == "\x1b[m" || seq == "\x1b[0m" {
			p.glamour = ""
		} else {
			p.glamour = seq
		}
		if len(p.stack) > 0 {
			p.out.WriteString(p.active())
			p.lineStart = false
		}
	}
	return j
}

// seqEnd is the end of the escape sequence at i: a CSI up to its final
// byte, an OSC up to its terminator (BEL or ESC \), or two bytes.
func seqEnd(raw string, i int) int {
	j := i + 1
	if j >= len(raw) {
		return j
	}
	switch raw[j] {
	case '[':
		j++
		for j < len(raw) && (raw[j] < 0x40 || raw[j] > 0x7e) {
			j++
		}
		return min(j+1, len(raw))
	case ']':
		for k := j + 1; k < len(raw); k++ {
			switch {
			case raw[k] == 0x07:
				return k + 1
			case raw[k] == 0x1b && k+1 < len(raw) && raw[k+1] == '\\':
				return k + 2
			case raw[k] == '\n':
				return k // never run an unterminated string past the line
			}
		}
		return len(raw)
	}
	return j + 1
}

// marker starts or ends one of our styles, and reports whether r was one
// of our markers.
func (p *painter) marker(r rune) bool {
	switch string(r) {
	case mkQuoteStart:
		p.quote++
		p.lines = append(p.lines, p.line)
		p.push(p.quoteStyle())
	case mkQuoteResume:
		p.push(p.quoteStyle())
	case mkSpeakerStart:
		p.push(p.st.speaker)
	case mkTermStart:
		p.push(p.st.term)
	case mkTopicStart:
		p.push(p.st.topic)
	case mkQuietStart:
		p.push(p.st.quiet)
	case mkQuoteEnd, mkSpeakerEnd, mkTermEnd, mkTopicEnd, mkQuietEnd:
		p.pop()
	default:
		return false
	}
	return true
}

func (p *painter) quoteStyle() string {
	if p.quote == p.sel {
		return p.st.quoteSel
	}
	return p.st.quote
}

func (p *painter) push(style string) {
	p.stack = append(p.stack, style)
	p.out.WriteString(style)
}

func (p *painter) pop() {
	if len(p.stack) == 0 {
		return
	}
	p.stack = p.stack[:len(p.stack)-1]
	p.out.WriteString("\x1b[m" + p.glamour)
	if len(p.stack) > 0 {
		p.out.WriteString(p.active())
	}
}
