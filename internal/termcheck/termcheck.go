// Package termcheck checks, for tests, that text bound for a terminal
// holds nothing but what Rostrum allows there: printable text (as the
// invisible-character policy keeps it), newlines, tabs, SGR sequences,
// and OSC 8 hyperlinks to http, https or mailto addresses whose visible
// text is their address, closed on the line they open.
package termcheck

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"rostrum/model"
)

// Check returns the first thing in s that is not allowed, or nil.
func Check(s string) error {
	c := checker{s: s}
	for i := 0; i < len(s); {
		next, err := c.step(i)
		if err != nil {
			return err
		}
		i = next
	}
	if c.inLink {
		return fmt.Errorf("hyperlink to %q still open at the end", c.url)
	}
	return nil
}

// checker is the state Check carries from one byte of s to the next:
// the rune before (for the invisible-character policy) and the
// hyperlink open, if any, with the text shown so far.
type checker struct {
	s        string
	prev     rune
	inLink   bool
	url      string
	linkText strings.Builder
}

// step checks what starts at byte i of c.s and returns where the next
// thing starts.
func (c *checker) step(i int) (int, error) {
	s := c.s
	switch b := s[i]; {
	case b == 0x1b:
		return c.escape(i)
	case b == '\n':
		if c.inLink {
			return 0, fmt.Errorf("hyperlink to %q still open at the end of a line, byte %d", c.url, i)
		}
		c.prev = '\n'
		return i + 1, nil
	case b == '\t':
		c.prev = '\t'
		return i + 1, nil
	case b < 0x20 || b == 0x7f:
		return 0, fmt.Errorf("control character %#02x at byte %d: %q", b, i, around(s, i))
	}
	return c.text(i)
}

// escape checks the escape sequence at byte i, which must be SGR or
// OSC 8, and returns where it ends.
func (c *checker) escape(i int) (int, error) {
	s := c.s
	switch {
	case strings.HasPrefix(s[i:], "\x1b["):
		return sgr(s, i)
	case strings.HasPrefix(s[i:], "\x1b]8;"):
		return c.hyperlink(i)
	}
	return 0, fmt.Errorf("escape sequence other than SGR or OSC 8 at byte %d: %q", i, around(s, i))
}

// sgr checks that the CSI sequence at byte i of s is SGR (parameters
// and 'm') and returns where it ends.
func sgr(s string, i int) (int, error) {
	j := i + 2
	for j < len(s) && strings.IndexByte("0123456789;:", s[j]) >= 0 {
		j++
	}
	if j >= len(s) || s[j] != 'm' {
		return 0, fmt.Errorf("control sequence other than SGR at byte %d: %q", i, around(s, i))
	}
	return j + 1, nil
}

// hyperlink checks the OSC 8 sequence at byte i of c.s, which opens or
// closes a hyperlink, and returns where it ends.
func (c *checker) hyperlink(i int) (int, error) {
	end, uri, err := osc8(c.s, i)
	if err != nil {
		return 0, err
	}
	if uri != "" {
		return end, c.openLink(i, uri)
	}
	return end, c.closeLink(i)
}

// osc8 reads the OSC 8 sequence at byte i of s, terminated by BEL or
// ST, and returns where it ends and the address it links to ("" for
// one that closes a link).
func osc8(s string, i int) (end int, uri string, err error) {
	j := i + 4
	for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
		j++
	}
	body := s[i+4 : j]
	switch {
	case j < len(s) && s[j] == 0x07:
		j++
	case strings.HasPrefix(s[j:], "\x1b\\"):
		j += 2
	default:
		return 0, "", fmt.Errorf("unterminated or malformed hyperlink at byte %d: %q", i, around(s, i))
	}
	_, uri, ok := strings.Cut(body, ";")
	if !ok {
		return 0, "", fmt.Errorf("malformed hyperlink at byte %d: %q", i, s[i:j])
	}
	return j, uri, nil
}

// openLink starts the hyperlink to uri opened at byte i, which must not be
// inside another and must be to an http, https or mailto address.
func (c *checker) openLink(i int, uri string) error {
	if c.inLink {
		return fmt.Errorf("hyperlink opened inside another at byte %d: %q", i, around(c.s, i))
	}
	c.inLink, c.url = true, uri
	c.linkText.Reset()
	lower := strings.ToLower(uri)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "mailto:") {
		return fmt.Errorf("hyperlink to %q, which is not http, https or mailto", uri)
	}
	return nil
}

// closeLink ends the hyperlink open, closed at byte i, whose text must be
// its address.
func (c *checker) closeLink(i int) error {
	if !c.inLink {
		return fmt.Errorf("hyperlink closed but never opened at byte %d", i)
	}
	if c.linkText.String() != c.url {
		return fmt.Errorf("hyperlink to %q shows %q", c.url, c.linkText.String())
	}
	c.inLink = false
	return nil
}

// text checks the rune at byte i of c.s, which must be valid UTF-8 that
// the invisible-character policy keeps after the rune before, and
// returns where the next one starts.
func (c *checker) text(i int) (int, error) {
	s := c.s
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return 0, fmt.Errorf("invalid UTF-8 at byte %d: %q", i, around(s, i))
	}
	if w, ok := model.FilterRune(c.prev, r); !ok || w != r {
		return 0, fmt.Errorf("%U after %U, which the invisible-character policy does not keep, at byte %d: %q", r, c.prev, i, around(s, i))
	}
	if c.inLink {
		c.linkText.WriteString(s[i : i+size])
	}
	c.prev = r
	return i + size, nil
}

// around is up to 40 bytes around byte i of s, for messages.
func around(s string, i int) string {
	return s[max(i-20, 0):min(i+20, len(s))]
}

// HostileMarkdown holds the review's payloads as character references,
// which the sanitiser reads as plain text and Glamour decodes: window
// title, OSC 52, screen clear, cursor query, DCS, PM, SOS, C1 OSC, BEL,
// BS, CR, DEL, bidi override, forged quote markers, in text, a code span,
// an HTML block, and a link whose text is another address.
const HostileMarkdown = "# Notes &#x1b;]0;TITLE&#x07;\n\n" +
	"Mayor Tom Reed said: “The harbour will reopen next spring,” at the meeting.\n\n" +
	"Title &#x1b;]0;TITLE&#x07; clip &#x1b;]52;c;UFdORUQ=&#x07; clear &#27;&#91;2J ask &#x1b;&#x5b;6n.\n\n" +
	"DCS &#x1b;P+q544e&#x1b;\\ PM &#x1b;^pm&#x1b;\\ SOS &#x1b;Xsos&#x1b;\\ C1 &#x9d;0;T&#x9c;.\n\n" +
	"Bell &#7; backspace &#x08; return &#13; delete &#127; next &#x85; rlo &#x202e;evil tag &#xE0051;forged&#xE0071; vs a&#xFE01;.\n\n" +
	"Code `&#x1b;]0;TITLE&#x07;` span.\n\n" +
	"<div>&#x1b;]0;TITLE&#x07; &#x1b;[2J</div>\n\n" +
	"See [https://bank.example/login](https://evil.example) now.\n"
