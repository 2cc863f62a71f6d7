package quotes

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// ---------------------------------------------------------------------------
// 14. Stray marks

var strayCases = []tcase{
	{name: "lone closing curly", in: "He said ” nothing.", want: []want{}, check: strayAt(8)},
	{name: "lone straight", in: "He said \" nothing.", want: []want{}, check: strayAt(8)},
	{name: "lone closing curly before a quote",
		in:    "He said ” nothing. “We must act now for peace together,” said John Smith.",
		want:  []want{quote("We must act now for peace together,", "John Smith", RuleAdjacent)},
		check: strayAt(8)},
	{name: "lone straight does not swallow the next paragraph",
		in:    "He said \" nothing.\n\n“We must act now for peace together,” said John Smith.",
		want:  []want{quote("We must act now for peace together,", "John Smith", RuleAdjacent)},
		check: strayAt(8)},
}

func TestStray(t *testing.T) { runCases(t, strayCases) }

// randomMarks is a single paragraph of n random quotation marks among
// letters and spaces, without "\n\n".
func randomMarks(n int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	marks := []string{"“", "”", "‘", "’", "\"", "'", "„", "‚", "«", "»", "‹", "›", "「", "」", "『", "』", "``", "''"}
	filler := []string{"a", "b", "word", " ", " ", ",", ".", "—", "(", ")", ":", "9", "s", "n", "\u00a0"}
	var b strings.Builder
	for range n {
		for range rng.IntN(3) {
			b.WriteString(filler[rng.IntN(len(filler))])
		}
		b.WriteString(marks[rng.IntN(len(marks))])
	}
	return b.String()
}

func TestManyRandomMarks(t *testing.T) {
	for seed := range uint64(3) {
		text := randomMarks(10000, seed)
		ps := paragraphs(text)
		if len(ps) != 1 {
			t.Fatalf("want one paragraph, got %d", len(ps))
		}
		start := time.Now()
		r := Extract(text, ps)
		t.Logf("seed %d: %d bytes, %d spans, %d stray, %v", seed, len(text), len(r.Spans), len(r.Stray), time.Since(start))
		if errs := invariants(text, ps, r); len(errs) > 0 {
			t.Errorf("seed %d: %d invariants broken, first: %s", seed, len(errs), strings.Join(errs[:min(5, len(errs))], "\n  "))
		}
	}
}

// ---------------------------------------------------------------------------
// Text and byte offsets

func TestOffsets(t *testing.T) {
	text := "He said “hello there my friend,” and left."
	r := Extract(text, paragraphs(text))
	if len(r.Spans) != 1 {
		t.Fatalf("want one span:%s", describe(text, r))
	}
	s := r.Spans[0]
	open, close := strings.Index(text, "“"), strings.Index(text, "”")
	if want := (Range{open, close + len("”")}); s.Outer != want {
		t.Errorf("Outer %v, want %v", s.Outer, want)
	}
	if len(s.Segments) != 1 || s.Segments[0].Range != (Range{open + len("“"), close}) {
		t.Errorf("segments %v, want [%d,%d)", s.Segments, open+len("“"), close)
	}
	if got := text[s.Segments[0].Start:s.Segments[0].End]; got != "hello there my friend," {
		t.Errorf("content %q", got)
	}
	if s.Outer.Len() != len("“hello there my friend,”") {
		t.Errorf("Outer.Len %d", s.Outer.Len())
	}

	// Text joins segments of one paragraph with a space and of several with
	// a blank line; Span.Text works on a hand-made span too.
	hand := Span{Segments: []Segment{{Range: Range{0, 3}}, {Range: Range{4, 8}}, {Range: Range{9, 12}, NewParagraph: true}}}
	if got := hand.Text(" ab cdef  gh "); got != "ab cdef\n\ngh" {
		t.Errorf("Text %q", got)
	}
	if got := (&Span{}).Text("x"); got != "" {
		t.Errorf("empty span Text %q", got)
	}
	for k, want := range map[Kind]string{Quote: "quote", Term: "term", Title: "title"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}

func TestQuotesFilter(t *testing.T) {
	text := "John Smith said “we must act now for peace and security,” and warned about the so-called “three evils” today."
	r := Extract(text, paragraphs(text))
	qs := r.Quotes()
	if len(r.Spans) != 2 || len(qs) != 1 || qs[0].Text(text) != "we must act now for peace and security," {
		t.Errorf("Quotes() = %d of %d spans:%s", len(qs), len(r.Spans), describe(text, r))
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "no quotes here at all"} {
		r := Extract(in, paragraphs(in))
		if len(r.Spans) != 0 || len(r.Stray) != 0 {
			t.Errorf("%q:%s", in, describe(in, r))
		}
	}
	if r := Extract("“We must act now,” he said.", nil); len(r.Spans) != 0 {
		t.Errorf("no paragraphs, yet spans:%s", describe("", r))
	}
}

// ---------------------------------------------------------------------------
// Fuzzing and benchmark

func allTableCases() []tcase {
	var out []tcase
	for _, cs := range [][]tcase{apostropheCases(), nestingCases, paragraphCases, markCases, interruptedCases,
		termTitleCases, pronounCases, creditCases, attributionCases, strayCases, britishCases} {
		out = append(out, cs...)
	}
	return out
}

func FuzzQuotes(f *testing.F) {
	f.Add(seedText(f))
	for _, c := range allTableCases() {
		f.Add(c.in)
	}
	f.Add(randomMarks(200, 7))
	f.Add("“a\n\n“b\n\n“c\n\n“d\n\n“e\n\n“f\n\n“g”")
	f.Fuzz(func(t *testing.T, text string) {
		ps := paragraphs(text)
		r := Extract(text, ps)
		if errs := invariants(text, ps, r); len(errs) > 0 {
			t.Fatalf("input %q:\n  %s%s", text, strings.Join(errs, "\n  "), describe(text, r))
		}
	})
}

func BenchmarkExtractSeed(b *testing.B) {
	text := seedText(b)
	ps := paragraphs(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text, ps)
	}
}
