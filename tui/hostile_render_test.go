package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"rostrum/internal/termcheck"
	"rostrum/model"
)

// hostileReferences are the review's payloads: character references that
// Glamour decodes after the sanitiser has read the file, each with the
// text that must show instead (the reference as written).
var hostileReferences = []struct{ name, md, shows string }{
	{"OSC 0 window title", "Title &#x1b;]0;TITLE&#x07; here", "&#x1b;]0;TITLE&#x07;"},
	{"OSC 52 clipboard", "Clip &#x1b;]52;c;UFdORUQ=&#x07; here", "&#x1b;]52;c;UFdORUQ=&#x07;"},
	{"CSI clear screen, decimal", "Clear &#27;&#91;2J here", "&#27;[2J"},
	{"CSI cursor position query", "Ask &#x1b;&#x5b;6n here", "&#x1b;[6n"},
	{"DCS", "DCS &#x1b;P+q544e&#x1b;\\ here", "&#x1b;P+q544e&#x1b;\\"},
	{"PM and SOS", "PM &#x1b;^pm&#x1b;\\ SOS &#x1b;Xsos&#x1b;\\ here", "&#x1b;^pm&#x1b;\\ SOS &#x1b;Xsos&#x1b;\\"},
	{"C1 OSC", "C1 &#x9d;0;T&#x9c; here", "&#x9d;0;T&#x9c;"},
	{"right-to-left override", "RLO &#x202e;evil here", "&#x202e;evil"},
	{"forged quote marker", "Tag &#xE0051;forged&#xE0071; here", "&#xE0051;forged&#xE0071;"},
	{"references without ';'", "Bare &#x1b]0;T&#x07 here", "&#x1b]0;T&#x07"},
	{"BEL BS CR DEL", "Bel &#7; bs &#x08; cr &#13; del &#127; here", "&#7; bs &#x08; cr &#13; del &#127;"},
	{"variation selectors", "VS a&#xFE01;&#xE0100; here", "&#xFE01;&#xE0100;"},
	{"code span", "Code `&#x1b;]0;TITLE&#x07;` here", "&#x1b;]0;TITLE&#x07;"},
	{"HTML block", "<div>&#x1b;]0;TITLE&#x07; &#x1b;[2J</div>\n", "&#x1b;]0;TITLE&#x07; &#x1b;[2J"},
	{"inline HTML", "a <b>&#x1b;]0;T&#x07;</b> here", "&#x1b;]0;T&#x07;"},
	{"link text", "[&#x1b;]0;T&#x07;](https://a.example) here", "&#x1b;]0;T&#x07;"},
	{"table cell", "| a |\n|---|\n| &#x1b;]0;T&#x07; |\n", "&#x1b;]0;T&#x07;"},
	{"heading", "# H &#x1b;]0;T&#x07;\n", "&#x1b;]0;T&#x07;"},
	{"strikethrough", "~~&#x1b;]0;T&#x07;~~ here", "&#x1b;]0;T&#x07;"},
}

// rawPayloads are control characters written into Markdown as they are,
// which RenderMarkdown must not pass on even when its input was never
// sanitised.
var rawPayloads = []string{
	"Title \x1b]0;TITLE\x07 clip \x1b]52;c;UFdORUQ=\x07 clear \x1b[2J ask \x1b[6n",
	"DCS \x1bP+q544e\x1b\\ PM \x1b^pm\x1b\\ SOS \x1bXsos\x1b\\ APC \x1b_apc\x1b\\",
	"bel \x07 bs \b cr \r del \x7f c1 \u009d0;T\u009c rlo \u202e tags \U000E0051x\U000E0071",
	"`\x1b]0;TITLE\x07` and <div>\x1b[2J</div>",
}

var renderStyles = []string{"dark", "light", "notty"}

func TestHostileReferencesRenderLiterally(t *testing.T) {
	for _, tc := range hostileReferences {
		for _, style := range renderStyles {
			t.Run(tc.name+"/"+style, func(t *testing.T) {
				out, err := RenderMarkdown(tc.md, 80, style)
				if err != nil {
					t.Fatal(err)
				}
				if err := termcheck.Check(out); err != nil {
					t.Fatalf("%v in %q", err, out)
				}
				if plain := strings.Join(strings.Fields(ansi.Strip(out)), " "); !strings.Contains(plain, tc.shows) {
					t.Errorf("the rendering should show %q as written; it shows %q", tc.shows, plain)
				}
			})
		}
	}
}

func TestRawControlsNeverRender(t *testing.T) {
	for _, md := range rawPayloads {
		for _, style := range renderStyles {
			out, err := RenderMarkdown(md, 80, style)
			if err != nil {
				t.Fatal(err)
			}
			if err := termcheck.Check(out); err != nil {
				t.Errorf("%s: %v in %q", style, err, out)
			}
			for _, payload := range []string{"TITLE", "UFdORUQ", "544e", "pm", "sos", "apc", "0;T"} {
				if strings.Contains(md, payload) && strings.Contains(out, payload) {
					t.Errorf("%s: the payload %q of an escape sequence shows: %q", style, payload, out)
				}
			}
		}
	}
}

// TestSpoofedLinkLosesItsLink: a link whose text is another address shows
// its text without a link; the address it really points to shows, with
// its link, as Glamour prints it after the text.
func TestSpoofedLinkLosesItsLink(t *testing.T) {
	for _, style := range renderStyles {
		out, err := RenderMarkdown("[https://bank.example/login](https://evil.example) and <https://ok.example/>", 80, style)
		if err != nil {
			t.Fatal(err)
		}
		if err := termcheck.Check(out); err != nil {
			t.Fatalf("%s: %v in %q", style, err, out)
		}
		if strings.Contains(out, "\x1b]8;;https://evil.example\a\x1b") || strings.Count(out, "\x1b]8;;https://evil.example\a") != 1 {
			t.Errorf("%s: the address may only be linked from its own text: %q", style, out)
		}
		if !strings.Contains(out, "\x1b]8;;https://ok.example/\a") {
			t.Errorf("%s: an honest link lost its link: %q", style, out)
		}
		if plain := ansi.Strip(out); !strings.Contains(plain, "https://bank.example/login") || !strings.Contains(plain, "https://evil.example") {
			t.Errorf("%s: both addresses must show: %q", style, plain)
		}
	}
}

// hostileMarkdownDoc is a Markdown document with every payload and one
// real quote.
func hostileMarkdownDoc() string {
	var b strings.Builder
	b.WriteString("# Hostile &#x1b;]0;TITLE&#x07; notes\n\n")
	b.WriteString("Mayor Tom Reed said: “The harbour will reopen next spring,” at the meeting.\n\n")
	for _, tc := range hostileReferences {
		b.WriteString(tc.md + "\n\n")
	}
	b.WriteString("See [https://bank.example/login](https://evil.example) now, and “&#xE0051;not a quote&#xE0071;”.\n")
	return b.String()
}

// TestReaderPaneShowsHostileMarkdownSafely opens the hostile document in
// the reader: the frame holds only what termcheck allows, forged markers
// make no quote, and the one real quote is what y copies.
func TestReaderPaneShowsHostileMarkdownSafely(t *testing.T) {
	d := parseDoc(t, "hostile.md", hostileMarkdownDoc())
	h := newDocHarness(t, []*model.Document{d}, nil).size(120, 60).keys("tab")
	markup := readerMarkdown(d)
	raw := h.app.reader.raw
	if raw == "" {
		t.Fatal("the reader rendered nothing")
	}
	for r := rune(0xe0000); r <= 0xe007f; r++ {
		if got, want := strings.Count(raw, string(r)), strings.Count(markup, string(r)); got > want {
			t.Errorf("the rendering holds %d of tag character %U, the reader put in %d", got, r, want)
		}
	}
	if got, want := len(h.app.reader.quoteLines), len(d.Quotes); got != want {
		t.Errorf("the reader shows %d quotes, the document has %d", got, want)
	}
	for _, size := range [][2]int{{120, 60}, {60, 30}, {30, 20}} {
		h.size(size[0], size[1])
		for _, scroll := range []int{0, 1, 2, 3} {
			if scroll > 0 {
				h.keys("pgdown")
			}
			if err := termcheck.Check(h.app.View().Content); err != nil {
				t.Errorf("%dx%d, page %d: %v", size[0], size[1], scroll, err)
			}
		}
	}
	h.size(120, 60).keys("]", "y")
	if len(h.clip.writes) == 0 {
		t.Fatalf("y copied nothing; status %q", h.app.status.text)
	}
	got := h.clip.writes[len(h.clip.writes)-1]
	if got != "The harbour will reopen next spring," {
		t.Errorf("y copied %q, want the harbour quote", got)
	}
	for _, r := range got {
		if !model.PrintableRune(r) && r != ' ' {
			t.Errorf("the copy holds %U", r)
		}
	}
}

// TestViewFiltersEverything: text from outside the document (a topic
// name, a filter, a status message) cannot put a sequence on the screen.
func TestViewFiltersEverything(t *testing.T) {
	h := newHarness(t, seedText(t)).size(100, 30)
	h.app.status.text = "status \x1b]0;TITLE\x07 \x1b[2J \u009d \u202e \U000E0051 \x07 end"
	v := h.app.View().Content
	if err := termcheck.Check(v); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ansi.Strip(v), "status") || strings.Contains(v, "TITLE") {
		t.Errorf("the status should show without its sequence:\n%s", ansi.Strip(v))
	}
}

// FuzzRenderMarkdown renders arbitrary Markdown the way `rostrum show`
// does, in every style: nothing but text, SGR and honest hyperlinks may
// come out.
func FuzzRenderMarkdown(f *testing.F) {
	for _, tc := range hostileReferences {
		f.Add(tc.md)
	}
	for _, s := range rawPayloads {
		f.Add(s)
	}
	f.Add(hostileMarkdownDoc())
	f.Add("[https://bank.example/login](https://evil.example) <https://ok.example/> www.x.example")
	f.Add(strings.Repeat(">", 30) + " deep\n" + strings.Repeat("- ", 20) + "x\n" + strings.Repeat("*_", 12) + "y" + strings.Repeat("_*", 12))
	f.Add("&zwj;&ZeroWidthSpace;&shy;&NewLine;&Tab;&nbsp;&#x1F600;&#128512 &#x2028; &#x2800;")
	f.Fuzz(func(t *testing.T, md string) {
		if len(md) > 4096 {
			return
		}
		for _, style := range renderStyles {
			out, err := RenderMarkdown(md, 40, style)
			if err != nil {
				continue // a panic in Glamour, reported as an error
			}
			if err := termcheck.Check(out); err != nil {
				t.Fatalf("%s: %v\ninput %q\noutput %q", style, err, md, out)
			}
		}
	})
}

// FuzzReaderPane renders arbitrary Markdown the way the reader does: read
// as a file (sanitised, quotes found), marked up, rendered, painted. The
// rendering holds no tag character but the reader's own markers, and the
// painted pane only text, SGR and honest hyperlinks.
func FuzzReaderPane(f *testing.F) {
	for _, tc := range hostileReferences {
		f.Add(tc.md)
	}
	f.Add(hostileMarkdownDoc())
	f.Add("He said “&#xE0051;we will act&#xE0071;” and “we will”.\n\n> “quoted &#x1b;]0;T&#x07;,” she said.")
	st := DefaultStyles(true).Paint
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 || !utf8.ValidString(text) {
			return
		}
		d, err := model.ParseText("fuzz.md", text)
		if err != nil {
			return
		}
		markup := readerMarkdown(d)
		raw, err := renderReader(markup, 40, "dark")
		if err != nil {
			return
		}
		for i, r := range raw {
			if r >= 0xe0000 && r <= 0xe007f && !isMarker(r) {
				t.Fatalf("tag character %U at %d of the rendering of %q", r, i, text)
			}
		}
		for _, mk := range []string{mkQuoteStart, mkQuoteResume, mkQuoteEnd, mkSpeakerStart, mkTermStart, mkTopicStart, mkQuietStart} {
			if got, want := strings.Count(raw, mk), strings.Count(markup, mk); got > want {
				t.Fatalf("%d of marker %+q in the rendering, %d put in, for %q", got, mk, want, text)
			}
		}
		p := paint(raw, 0, st)
		if err := termcheck.Check(p.content); err != nil {
			t.Fatalf("%v\ninput %q\npainted %q", err, text, p.content)
		}
	})
}
