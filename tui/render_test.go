package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"rostrum/model"
)

// markdownTraps are plain-text lines that Markdown would otherwise turn
// into headings, lists, code, links, tables, HTML or emphasis.
var markdownTraps = []string{
	"# Not a heading",
	"1984. Not a list item",
	"2) nor this",
	"- not a bullet",
	"+ nor this",
	"* nor this",
	"> not a block quote",
	"**not bold** and _not italic_ and `not code`",
	"[not a link](http://example.com) and ![no image](x.png)",
	"<b>not html</b> &amp; not an entity &copy;",
	"~~not struck~~ | not | a | table |",
	"AT&T paid $5 at 50% on 1/2/2025: yes; really? @handle ^caret",
	"www.example.com stays as written, as does https://example.org/a_b",
	"Backslash \\ stays, and \\* too",
	"    four spaces are not code",
	"Title line\n=====",
	"Another\n-----",
	"```\nnot a fence\n```",
	"| a | b |\n|---|---|\n| 1 | 2 |",
}

// visibleText collapses whitespace, for comparing rendered text.
func visibleText(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func TestEscapeMarkdownRendersTextLiterally(t *testing.T) {
	for _, in := range markdownTraps {
		t.Run(in, func(t *testing.T) {
			out, err := RenderMarkdown(EscapeMarkdown(in), 200, "dark")
			if err != nil {
				t.Fatal(err)
			}
			if got, want := visibleText(ansi.Strip(out)), visibleText(in); got != want {
				t.Errorf("rendered %q, want %q", got, want)
			}
		})
	}
}

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range markdownTraps {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		in = model.Sanitize(in)
		if strings.TrimSpace(in) == "" || strings.Contains(in, "\n\n") {
			return
		}
		out, err := RenderMarkdown(EscapeMarkdown(in), 400, "dark")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := visibleText(ansi.Strip(out)), visibleText(in); got != want {
			t.Errorf("input %q rendered as %q", want, got)
		}
	})
}

func TestRenderMarkdownStyles(t *testing.T) {
	for _, style := range []string{"dark", "light", "notty"} {
		out, err := RenderMarkdown("Hello *world*", 40, style)
		if err != nil {
			t.Fatalf("%s: %v", style, err)
		}
		if !strings.Contains(ansi.Strip(out), "Hello") {
			t.Errorf("%s: output %q lacks the text", style, out)
		}
		if strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") {
			t.Errorf("%s: output should have no leading or trailing blank lines", style)
		}
	}
	if _, err := RenderMarkdown("x", 40, "neon"); err == nil {
		t.Error("an unknown style should be an error")
	}
}

func TestRenderWidthIsRespected(t *testing.T) {
	d, err := model.ParseText("seed.txt", seedText(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{20, 60, 80, 102} {
		out, err := RenderMarkdown(BodyMarkdown(d), w, "dark")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines(out) {
			if lw := ansi.StringWidth(l); lw > w {
				t.Fatalf("width %d: line %q is %d wide", w, ansi.Strip(l), lw)
			}
		}
	}
}

func TestDocumentMarkdownHasTitleAndMeta(t *testing.T) {
	d, err := model.ParseText("seed.txt", seedText(t))
	if err != nil {
		t.Fatal(err)
	}
	out, err := RenderMarkdown(DocumentMarkdown(d), 100, "notty")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"President of Kazakhstan", "2025-09-01 · Tianjin, China · Trend", "350 words", "said Tokayev."} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

func TestRenderCacheEvictsOldest(t *testing.T) {
	c := newRenderCache(2)
	k := func(id string) renderKey { return renderKey{id: id, width: 80} }
	c.put(k("a"), "A")
	c.put(k("b"), "B")
	c.put(k("a"), "A2") // an update does not count as a new entry
	c.put(k("c"), "C")
	if _, ok := c.get(k("a")); ok {
		t.Error("the oldest entry should have been evicted")
	}
	if s, ok := c.get(k("b")); !ok || s != "B" {
		t.Error("b should still be cached")
	}
	if s, ok := c.get(k("c")); !ok || s != "C" {
		t.Error("c should be cached")
	}
}

func BenchmarkRenderSeed80(b *testing.B) {
	text := seedText(b)
	d, err := model.ParseText("seed.txt", text)
	if err != nil {
		b.Fatal(err)
	}
	md := BodyMarkdown(d)
	b.SetBytes(int64(len(d.Body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderMarkdown(md, 80, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// speech150KB reads the 150 KB briefing named in the issue, or skips.
func speech150KB(b *testing.B) *model.Document {
	dir := os.Getenv("ROSTRUM_CORPORA")
	if dir == "" {
		b.Skip("set ROSTRUM_CORPORA to benchmark on the real speech")
	}
	path := filepath.Join(dir, "us-presidential-speeches", "data", "2020-04-13-coronavirus-task-force-briefing.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	d, err := model.Parse(path, raw)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkFirstPaint150KB is the reader's first paint of the 150 KB
// speech: the render of its first paragraphs and the painting of quotes.
func BenchmarkFirstPaint150KB(b *testing.B) {
	d := speech150KB(b)
	key := renderKey{id: d.ID, width: 80, dark: true}
	st := DefaultStyles(true).Paint
	for b.Loop() {
		msg := partialRenderCmd(key, d)().(docRenderedMsg)
		paint(msg.content, -1, st)
	}
}

// BenchmarkFullRender150KB is the whole render of the same speech.
func BenchmarkFullRender150KB(b *testing.B) {
	d := speech150KB(b)
	key := renderKey{id: d.ID, width: 80, dark: true}
	st := DefaultStyles(true).Paint
	for b.Loop() {
		msg := renderCmd(key, d)().(docRenderedMsg)
		paint(msg.content, -1, st)
	}
}

// BenchmarkSearchKeystroke150KB is one key typed into the search in the
// 150 KB speech, fully rendered: the search of the whole rendering, the
// highlighting and the viewport update. The queries alternate so that
// every iteration searches: a common word with thousands of matches, and
// a rarer one.
func BenchmarkSearchKeystroke150KB(b *testing.B) {
	d := speech150KB(b)
	key := renderKey{id: d.ID, width: 80, dark: true}
	content := renderCmd(key, d)().(docRenderedMsg).content
	r := newReaderPane()
	r.SetSize(82, 40)
	r.SetPaintStyles(DefaultStyles(true).Paint)
	r.search = DefaultStyles(true).Search
	r.SetDocument(d)
	r.SetContent(key, content)
	queries := []string{"the", "th", "hospital", "hospita"}
	i := 0
	for b.Loop() {
		r.SetQuery(queries[i%len(queries)])
		i++
	}
}
