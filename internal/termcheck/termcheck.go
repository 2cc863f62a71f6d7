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
	var (
		prev     rune
		inLink   bool
		url      string
		linkText strings.Builder
	)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b && strings.HasPrefix(s[i:], "\x1b["):
			j := i + 2
			for j < len(s) && strings.IndexByte("0123456789;:", s[j]) >= 0 {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				return fmt.Errorf("control sequence other than SGR at byte %d: %q", i, around(s, i))
			}
			i = j + 1
		case c == 0x1b && strings.HasPrefix(s[i:], "\x1b]8;"):
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
				return fmt.Errorf("unterminated or malformed hyperlink at byte %d: %q", i, around(s, i))
			}
			_, uri, ok := strings.Cut(body, ";")
			if !ok {
				return fmt.Errorf("malformed hyperlink at byte %d: %q", i, s[i:j])
			}
			switch {
			case uri != "" && inLink:
				return fmt.Errorf("hyperlink opened inside another at byte %d: %q", i, around(s, i))
			case uri != "":
				inLink, url = true, uri
				linkText.Reset()
				lower := strings.ToLower(uri)
				if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "mailto:") {
					return fmt.Errorf("hyperlink to %q, which is not http, https or mailto", uri)
				}
			case !inLink:
				return fmt.Errorf("hyperlink closed but never opened at byte %d", i)
			default:
				if linkText.String() != url {
					return fmt.Errorf("hyperlink to %q shows %q", url, linkText.String())
				}
				inLink = false
			}
			i = j
		case c == 0x1b:
			return fmt.Errorf("escape sequence other than SGR or OSC 8 at byte %d: %q", i, around(s, i))
		case c == '\n':
			if inLink {
				return fmt.Errorf("hyperlink to %q still open at the end of a line, byte %d", url, i)
			}
			prev = '\n'
			i++
		case c == '\t':
			prev = '\t'
			i++
		case c < 0x20 || c == 0x7f:
			return fmt.Errorf("control character %#02x at byte %d: %q", c, i, around(s, i))
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d: %q", i, around(s, i))
			}
			if w, ok := model.FilterRune(prev, r); !ok || w != r {
				return fmt.Errorf("%U after %U, which the invisible-character policy does not keep, at byte %d: %q", r, prev, i, around(s, i))
			}
			if inLink {
				linkText.WriteString(s[i : i+size])
			}
			prev = r
			i += size
		}
	}
	if inLink {
		return fmt.Errorf("hyperlink to %q still open at the end", url)
	}
	return nil
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
