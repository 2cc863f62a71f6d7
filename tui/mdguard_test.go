package tui

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func TestNeutraliseReferences(t *testing.T) {
	cases := []struct{ in, want string }{
		// Decoding to controls: the review's payloads.
		{"&#x1b;]0;TITLE&#x07;", "&amp;#x1b;]0;TITLE&amp;#x07;"},
		{"&#x1b;]52;c;UFdORUQ=&#x07;", "&amp;#x1b;]52;c;UFdORUQ=&amp;#x07;"},
		{"&#27;&#91;2J", "&amp;#27;&#91;2J"},
		{"&#x1b;&#x5b;6n", "&amp;#x1b;&#x5b;6n"},
		{"&#x1B;P1$r&#x1b;\\", "&amp;#x1B;P1$r&amp;#x1b;\\"},
		{"&#X9D;&#157;&#x80;", "&amp;#X9D;&amp;#157;&amp;#x80;"},
		// Without the final ';', as html.UnescapeString reads them.
		{"&#x1b next", "&amp;#x1b next"},
		{"&#27", "&amp;#27"},
		// Leading zeros, and values that wrap around in html.UnescapeString.
		{"&#0000000027;", "&amp;#0000000027;"},
		{"&#x10000000000000001b;", "&amp;#x10000000000000001b;"},
		{"&#0;&#xD800;&#x110000;", "&amp;#0;&amp;#xD800;&amp;#x110000;"},
		// Format and other invisible characters.
		{"&#x202e;&#x200b;&#xFEFF;&#xAD;", "&amp;#x202e;&amp;#x200b;&amp;#xFEFF;&amp;#xAD;"},
		{"&#xE0051;&#917585;&#xE0071", "&amp;#xE0051;&amp;#917585;&amp;#xE0071"},
		{"&#xFE0F;&#xE0100;&#x200d;&#x2028;&#x2800;&#xE000;", "&amp;#xFE0F;&amp;#xE0100;&amp;#x200d;&amp;#x2028;&amp;#x2800;&amp;#xE000;"},
		// Named references to invisible characters and controls.
		{"&zwj;&zwnj;&shy;&lrm;&rlm;", "&amp;zwj;&amp;zwnj;&amp;shy;&amp;lrm;&amp;rlm;"},
		{"&ZeroWidthSpace;&NoBreak;&InvisibleTimes;&af;", "&amp;ZeroWidthSpace;&amp;NoBreak;&amp;InvisibleTimes;&amp;af;"},
		{"&Tab;&NewLine;", "&amp;Tab;&amp;NewLine;"},
		// Printable references stay.
		{"&amp; &lt;b&gt; &copy &nbsp; &eacute; &#x1F600; &#233; &#x41;", "&amp; &lt;b&gt; &copy &nbsp; &eacute; &#x1F600; &#233; &#x41;"},
		// Not references.
		{"AT&T, & alone, &#; &#x; &;", "AT&T, & alone, &#; &#x; &;"},
		{"no ampersand", "no ampersand"},
	}
	for _, tc := range cases {
		if got := neutraliseReferences(tc.in); got != tc.want {
			t.Errorf("neutraliseReferences(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestCapContainers(t *testing.T) {
	deepList := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- item " + string(rune('a'+i)) + "\n")
		}
		return b.String()
	}
	cases := []struct{ name, in, want string }{
		{"quotes", strings.Repeat(">", 10) + " deep", strings.Repeat(">", 8) + " deep"},
		{"spaced quotes", strings.Repeat("> ", 10) + "deep", strings.Repeat("> ", 8) + "deep"},
		{"100 quotes", strings.Repeat(">", 100) + " deep", strings.Repeat(">", 8) + " deep"},
		{"bullets on a line", strings.Repeat("- ", 10) + "x", strings.Repeat("- ", 8) + "x"},
		{"ordered on a line", strings.Repeat("1. ", 10) + "x", strings.Repeat("1. ", 8) + "x"},
		{"quotes and lists", strings.Repeat("> - ", 5) + "x", strings.Repeat("> - ", 4) + "x"},
		{"continued quotes count", "> > > > > a\n> > > > > > > > > > b", "> > > > > a\n> > > > > > > > b"},
		{"list by indentation", deepList(10),
			strings.Replace(strings.Replace(deepList(10), strings.Repeat("  ", 8)+"- item i", strings.Repeat("  ", 8)+"item i", 1),
				strings.Repeat("  ", 9)+"- item j", strings.Repeat("  ", 8)+"item j", 1)},
		{"quote inside a deep list", deepList(8) + strings.Repeat("  ", 8) + "> q",
			deepList(8) + strings.Repeat("  ", 8) + "q"},
		// Left alone.
		{"eight levels", strings.Repeat(">", 8) + " ok\n" + deepList(8), strings.Repeat(">", 8) + " ok\n" + deepList(8)},
		{"indented code", "    >>>>>>>>>>>> code\n    - - - - - - - - - - code", "    >>>>>>>>>>>> code\n    - - - - - - - - - - code"},
		{"thematic break", "- - - - - - - - - - - -", "- - - - - - - - - - - -"},
		{"emphasis, not a list", "*a* *b* *c* *d* *e* *f* *g* *h* *i* *j*", "*a* *b* *c* *d* *e* *f* *g* *h* *i* *j*"},
		{"a closed quote does not count", strings.Repeat(">", 8) + " a\n\n" + strings.Repeat(">", 8) + " b",
			strings.Repeat(">", 8) + " a\n\n" + strings.Repeat(">", 8) + " b"},
		{"a new list closes the old", deepList(8) + "\n- top\n  - next", deepList(8) + "\n- top\n  - next"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := capContainers(tc.in, 8); got != tc.want {
				t.Errorf("capContainers(%q)\n = %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// nestingDepths parses md with the depthCap transformer only (no line
// caps) and returns the deepest nesting of quotes and lists together and
// of emphasis, and the text of the document.
func nestingDepths(t *testing.T, md string, limit int) (blocks, inlines int, txt string) {
	t.Helper()
	p := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(depthCap{limit: limit}, 0))),
	).Parser()
	src := []byte(md)
	doc := p.Parse(text.NewReader(src))
	var b strings.Builder
	var walk func(n ast.Node, bl, in int)
	walk = func(n ast.Node, bl, in int) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList:
			bl++
		case ast.KindEmphasis, extast.KindStrikethrough:
			in++
		case ast.KindListItem:
			if _, ok := n.Parent().(*ast.List); !ok {
				t.Errorf("a list item outside a list")
			}
		case ast.KindText:
			b.Write(n.(*ast.Text).Segment.Value(src))
			b.WriteByte(' ')
		}
		blocks, inlines = max(blocks, bl), max(inlines, in)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, bl, in)
		}
	}
	walk(doc, 0, 0)
	return blocks, inlines, b.String()
}

func TestDepthCapFlattens(t *testing.T) {
	cases := []struct {
		name, md             string
		wantBlocks, wantEmph int
		words                []string
	}{
		{"quotes", strings.Repeat(">", 30) + " deep words", 8, 0, []string{"deep words"}},
		{"lists", strings.Repeat("- ", 30) + "deep item\n- next", 8, 0, []string{"deep item", "next"}},
		{"loose lists", "- a\n\n  - b\n\n    - c\n", 3, 0, []string{"a", "b", "c"}},
		{"mixed", strings.Repeat("> 1. ", 15) + "deep", 8, 0, []string{"deep"}},
		{"emphasis", strings.Repeat("*a _b ", 10) + "x" + strings.Repeat(" b_ a*", 10), 0, 8, []string{"x"}},
		{"strong and struck", strings.Repeat("**a ~~b ", 6) + "y" + strings.Repeat(" b~~ a**", 6), 0, 8, []string{"y"}},
		{"shallow stays", "> - *a* **b**", 2, 1, []string{"a", "b"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			blocks, inlines, txt := nestingDepths(t, tc.md, 8)
			if blocks != tc.wantBlocks || inlines != tc.wantEmph {
				t.Errorf("nesting %d blocks, %d emphases; want %d, %d", blocks, inlines, tc.wantBlocks, tc.wantEmph)
			}
			txt = strings.Join(strings.Fields(txt), " ")
			for _, w := range tc.words {
				if !strings.Contains(txt, w) {
					t.Errorf("text %q lost %q", txt, w)
				}
			}
		})
	}
}

// TestDeepNestingRendersFlat: the review's 119-byte file of 100 nested
// block quotes (minutes and 12 GB in Glamour before) renders at once, with
// eight levels and its text.
func TestDeepNestingRendersFlat(t *testing.T) {
	for _, md := range []string{
		strings.Repeat(">", 100) + " deep text here",
		strings.Repeat("> - ", 60) + "deep text here",
	} {
		out, err := RenderMarkdown(md, 80, "notty")
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if !strings.Contains(plain, "deep text here") {
			t.Errorf("the text is lost:\n%s", plain)
		}
		if n := strings.Count(plain, "|") + strings.Count(plain, "•"); n > 8*8 {
			t.Errorf("%d nesting marks in the rendering, want at most 8 levels:\n%s", n, plain)
		}
	}
}

// TestRenderingIsLinear: RenderMarkdown's time at 4x the input stays
// under 6x on inputs built to be slow: deep block quotes and lists (on
// one line, by indentation, followed by lazy lines, for which the parser
// does work per open container), deep emphasis and many character
// references.
func TestRenderingIsLinear(t *testing.T) {
	lazy := func(n int) string { return strings.Repeat("lazy\n", n/5) }
	inputs := []struct {
		name string
		n    int
		gen  func(n int) string
	}{
		{"nested block quotes", 2000, func(n int) string { return strings.Repeat(">", n/2) + " text\n" + lazy(n/2) }},
		{"nested lists on a line", 800, func(n int) string { return strings.Repeat("- ", n/4) + "text\n" + lazy(n/2) }},
		{"nested lists by indentation", 800, func(n int) string {
			var b strings.Builder
			k := int(math.Sqrt(float64(n / 2)))
			for i := range k {
				b.WriteString(strings.Repeat(" ", 2*i) + "- x\n")
			}
			return b.String() + lazy(n/2)
		}},
		{"nested emphasis", 4000, func(n int) string {
			return strings.Repeat("*_", n/4) + "x" + strings.Repeat("_*", n/4)
		}},
		{"many references", 4000, func(n int) string {
			return strings.Repeat("&#x1b;]0;T&#x07; &#xE0051; &zwj; &amp; &#x1F600; ", n/48)
		}},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			assertLinear(t, in.n, func(n int) func() {
				md := in.gen(n)
				return func() {
					if _, err := RenderMarkdown(md, 80, "dark"); err != nil {
						t.Fatal(err)
					}
				}
			})
		})
	}
}

// TestGuardedParsingIsLinear: the Markdown parser does work for every
// open container on every line, so deep nesting followed by many lazy
// continuation lines is quadratic unless guardMarkdown caps the nesting
// on each line first.
func TestGuardedParsingIsLinear(t *testing.T) {
	p := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()
	// Lazy lines a few hundred at most, though as many more at 4x: the
	// unguarded cost, depth times lines, still grows 16-fold, while the
	// parser's own memory for one long paragraph (which on a busy machine
	// gets slower per byte as it grows) stays small.
	lazy := func(n int) string { return strings.Repeat("lazy words on a line\n", n/400) }
	inputs := map[string]func(n int) string{
		"quotes then lazy lines": func(n int) string { return strings.Repeat(">", n) + " a\n" + lazy(n) },
		"lists then lazy lines":  func(n int) string { return strings.Repeat("- ", n/2) + "a\n" + lazy(n) },
		"indented lists then lazy lines": func(n int) string {
			var b strings.Builder
			k := int(math.Sqrt(float64(n)))
			for i := range k {
				b.WriteString(strings.Repeat(" ", 2*i) + "- x\n")
			}
			return b.String() + lazy(n)
		},
	}
	for name, gen := range inputs {
		t.Run(name, func(t *testing.T) {
			// Large enough that the parser's nodes outgrow the processor's
			// caches at both sizes (smaller, the step out of them alone
			// costs more than 6x).
			assertLinear(t, 64000, func(n int) func() {
				md := gen(n)
				return func() { p.Parse(text.NewReader([]byte(guardMarkdown(md)))) }
			})
		})
	}
}
