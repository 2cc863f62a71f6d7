package quotes

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// ---------------------------------------------------------------------------
// Helpers

// paragraphs splits text at "\n\n" into the byte ranges of its paragraphs,
// leaving out empty ones.
func paragraphs(text string) []Range {
	var out []Range
	pos := 0
	for {
		i := strings.Index(text[pos:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = pos + i
		}
		if end > pos {
			out = append(out, Range{pos, end})
		}
		if i < 0 {
			return out
		}
		pos = end + 2
	}
}

// describeSpan is a compact one-line account of a span for failure messages.
func describeSpan(text string, s Span) (d string) {
	defer func() {
		if e := recover(); e != nil {
			d = fmt.Sprintf("%s <Text panicked: %v> outer=%v", s.Kind, e, s.Outer)
		}
	}()
	d = fmt.Sprintf("%s %q speaker=%q rule=%q", s.Kind, s.Text(text), s.Speaker, s.Rule)
	if s.Mention != "" {
		d += fmt.Sprintf(" mention=%q", s.Mention)
	}
	d += fmt.Sprintf(" depth=%d para=%d-%d segs=%d conf=%.2f", s.Depth, s.Paragraph, s.LastParagraph, len(s.Segments), s.Confidence)
	if s.Unclosed {
		d += " unclosed"
	}
	return d
}

// describe is a compact account of a whole result for failure messages.
func describe(text string, r Result) string {
	var b strings.Builder
	for i, s := range r.Spans {
		fmt.Fprintf(&b, "\n  [%d] %s", i, describeSpan(text, s))
	}
	if len(r.Spans) == 0 {
		b.WriteString("\n  (no spans)")
	}
	if len(r.Stray) > 0 {
		fmt.Fprintf(&b, "\n  stray=%v", r.Stray)
	}
	var people []string
	for _, p := range r.People {
		people = append(people, p.Name)
	}
	if len(people) > 0 {
		fmt.Fprintf(&b, "\n  people=%q", people)
	}
	return b.String()
}

// seedText is the seed document without its "date …" prefix.
func seedText(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile("../../seeds/2025-09-01-tokayev-sco-tianjin.txt")
	if err != nil {
		tb.Fatal(err)
	}
	s := strings.TrimSpace(string(data))
	const prefix = "date 2025-09-01 "
	if !strings.HasPrefix(s, prefix) {
		tb.Fatalf("seed does not start with %q", prefix)
	}
	return strings.TrimSpace(strings.TrimPrefix(s, prefix))
}

// The quotation marks of QUOTES.md §1, as written in the text.
var (
	openMarks  = []string{"``", "''", "“", "‘", "\"", "'", "„", "‚", "«", "»", "‹", "›", "「", "『"}
	closeMarks = []string{"''", "”", "’", "\"", "'", "“", "‘", "»", "«", "›", "‹", "」", "』"}
)

func startsWithAny(s string, list []string) bool {
	for _, m := range list {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

func endsWithAny(s string, list []string) bool {
	for _, m := range list {
		if strings.HasSuffix(s, m) {
			return true
		}
	}
	return false
}

// invariants checks what must hold for any text: spans inside the text and
// their paragraphs, segments in order inside Outer, spans sorted and
// properly nested, confidences in range, only quotes attributed, stray
// offsets inside the text and sorted, Text and Pieces never panicking.
func invariants(text string, paras []Range, r Result) []string {
	var errs []string
	bad := func(i int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("span %d: ", i)+fmt.Sprintf(format, args...))
	}
	for i, s := range r.Spans {
		if s.Paragraph < 0 || s.LastParagraph >= len(paras) || s.Paragraph > s.LastParagraph {
			bad(i, "paragraphs %d-%d out of order or range (%d paragraphs)", s.Paragraph, s.LastParagraph, len(paras))
			continue
		}
		if s.LastParagraph-s.Paragraph >= maxParagraphs {
			bad(i, "runs over %d paragraphs", s.LastParagraph-s.Paragraph+1)
		}
		if s.Outer.Start < 0 || s.Outer.End > len(text) || s.Outer.Start >= s.Outer.End {
			bad(i, "Outer %v outside text of %d bytes or empty", s.Outer, len(text))
			continue
		}
		if lo, hi := paras[s.Paragraph].Start, paras[s.LastParagraph].End; s.Outer.Start < lo || s.Outer.End > hi {
			bad(i, "Outer %v outside its paragraphs [%d,%d)", s.Outer, lo, hi)
		}
		if len(s.Segments) == 0 {
			bad(i, "no segments")
		}
		prev := s.Outer.Start
		for k, sg := range s.Segments {
			if sg.Start < prev || sg.End < sg.Start || sg.End > s.Outer.End {
				bad(i, "segment %d %v out of order or outside Outer %v", k, sg.Range, s.Outer)
			}
			prev = max(prev, sg.End)
		}
		if i > 0 && r.Spans[i-1].Outer.Start > s.Outer.Start {
			bad(i, "not sorted: starts at %d after a span starting at %d", s.Outer.Start, r.Spans[i-1].Outer.Start)
		}
		if c := s.Confidence; c < 0 || c > 1 || math.IsNaN(c) {
			bad(i, "confidence %v outside [0,1]", c)
		}
		if s.Kind != Quote && (s.Speaker != "" || s.Rule != RuleNone) {
			bad(i, "%s with speaker %q rule %q", s.Kind, s.Speaker, s.Rule)
		}
		if !startsWithAny(text[s.Outer.Start:], openMarks) {
			bad(i, "Outer %v does not start with a quotation mark: %q", s.Outer, text[s.Outer.Start:min(len(text), s.Outer.Start+8)])
		}
		if !s.Unclosed && !endsWithAny(text[:s.Outer.End], closeMarks) {
			bad(i, "closed span's Outer %v does not end with a quotation mark: %q", s.Outer, text[max(0, s.Outer.End-8):s.Outer.End])
		}
		func() {
			defer func() {
				if e := recover(); e != nil {
					bad(i, "Text or Pieces panicked: %v", e)
				}
			}()
			_ = s.Text(text)
			for k, p := range s.Pieces(text) {
				if p.Start < s.Outer.Start || p.End > s.Outer.End || p.Start > p.End {
					bad(i, "piece %d %v outside Outer %v", k, p, s.Outer)
				}
			}
		}()
	}
	// Properly nested or disjoint: spans are sorted by start, so a later
	// span that starts inside an earlier one must also end inside it.
	for i, a := range r.Spans {
		for j := i + 1; j < len(r.Spans); j++ {
			b := r.Spans[j]
			if b.Outer.Start >= a.Outer.End {
				break
			}
			if b.Outer.End > a.Outer.End {
				errs = append(errs, fmt.Sprintf("spans %d %v and %d %v overlap partially", i, a.Outer, j, b.Outer))
			}
		}
	}
	for k, off := range r.Stray {
		if off < 0 || off >= len(text) {
			errs = append(errs, fmt.Sprintf("stray offset %d outside text of %d bytes", off, len(text)))
		}
		if k > 0 && r.Stray[k-1] > off {
			errs = append(errs, fmt.Sprintf("stray offsets not sorted: %v", r.Stray))
			break
		}
	}
	return errs
}

// want is the expected kind, text, speaker and rule of one span.
type want struct {
	Kind    Kind
	Text    string
	Speaker string
	Rule    Rule
}

func quote(text, speaker string, rule Rule) want { return want{Quote, text, speaker, rule} }
func term(text string) want                      { return want{Kind: Term, Text: text} }
func title(text string) want                     { return want{Kind: Title, Text: text} }

// check is an extra assertion on a result; it returns what is wrong.
type check func(text string, r Result) []string

// tcase is one table case. want lists every span in text order (nil: not
// checked; empty: no spans at all). Cases that once exposed a bug say so in
// their name's comment and now guard against its return.
type tcase struct {
	name  string
	in    string
	want  []want
	check check
}

func runCases(t *testing.T, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := paragraphs(c.in)
			r := Extract(c.in, ps)
			if errs := invariants(c.in, ps, r); len(errs) > 0 {
				t.Errorf("invariants broken for %q:\n  %s%s", c.in, strings.Join(errs, "\n  "), describe(c.in, r))
			}
			var errs []string
			if c.want != nil {
				errs = append(errs, compare(c.in, r, c.want)...)
			}
			if c.check != nil {
				errs = append(errs, c.check(c.in, r)...)
			}
			if len(errs) == 0 {
				return
			}
			t.Errorf("input %q:\n  %s\ngot:%s", c.in, strings.Join(errs, "\n  "), describe(c.in, r))
		})
	}
}

func compare(text string, r Result, ws []want) []string {
	var errs []string
	if len(r.Spans) != len(ws) {
		errs = append(errs, fmt.Sprintf("got %d spans, want %d", len(r.Spans), len(ws)))
	}
	for i := range min(len(r.Spans), len(ws)) {
		s, w := r.Spans[i], ws[i]
		got := want{s.Kind, s.Text(text), s.Speaker, s.Rule}
		if got != w {
			errs = append(errs, fmt.Sprintf("span %d: got %s %q speaker=%q rule=%q, want %s %q speaker=%q rule=%q",
				i, got.Kind, got.Text, got.Speaker, got.Rule, w.Kind, w.Text, w.Speaker, w.Rule))
		}
	}
	return errs
}

func all(cs ...check) check {
	return func(text string, r Result) []string {
		var errs []string
		for _, c := range cs {
			errs = append(errs, c(text, r)...)
		}
		return errs
	}
}

// onSpan runs f on span k, or reports that there is none.
func onSpan(k int, f func(text string, s Span) string) check {
	return func(text string, r Result) []string {
		if k >= len(r.Spans) {
			return []string{fmt.Sprintf("no span %d", k)}
		}
		if e := f(text, r.Spans[k]); e != "" {
			return []string{fmt.Sprintf("span %d: %s", k, e)}
		}
		return nil
	}
}

func depth(k, d int) check {
	return onSpan(k, func(_ string, s Span) string {
		if s.Depth != d {
			return fmt.Sprintf("depth %d, want %d", s.Depth, d)
		}
		return ""
	})
}

func mention(k int, m string) check {
	return onSpan(k, func(text string, s Span) string {
		if s.Mention != m {
			return fmt.Sprintf("mention %q, want %q", s.Mention, m)
		}
		if m != "" && text[s.MentionAt.Start:s.MentionAt.End] != m {
			return fmt.Sprintf("MentionAt %v holds %q, want %q", s.MentionAt, text[s.MentionAt.Start:s.MentionAt.End], m)
		}
		return ""
	})
}

func cue(k int, c string) check {
	return onSpan(k, func(text string, s Span) string {
		if s.Cue != c {
			return fmt.Sprintf("cue %q, want %q", s.Cue, c)
		}
		if c != "" && text[s.CueAt.Start:s.CueAt.End] != c {
			return fmt.Sprintf("CueAt %v holds %q, want %q", s.CueAt, text[s.CueAt.Start:s.CueAt.End], c)
		}
		return ""
	})
}

func unclosed(k int, u bool) check {
	return onSpan(k, func(_ string, s Span) string {
		if s.Unclosed != u {
			return fmt.Sprintf("Unclosed %v, want %v", s.Unclosed, u)
		}
		return ""
	})
}

func paras(k, first, last int) check {
	return onSpan(k, func(_ string, s Span) string {
		if s.Paragraph != first || s.LastParagraph != last {
			return fmt.Sprintf("paragraphs %d-%d, want %d-%d", s.Paragraph, s.LastParagraph, first, last)
		}
		return ""
	})
}

// segments checks the raw content of each segment (trimmed of spaces) and
// which segments start a new paragraph.
func segments(k int, contents []string, newPara []bool) check {
	return onSpan(k, func(text string, s Span) string {
		if len(s.Segments) != len(contents) {
			return fmt.Sprintf("%d segments, want %d", len(s.Segments), len(contents))
		}
		for i, sg := range s.Segments {
			if got := strings.TrimSpace(text[sg.Start:sg.End]); got != contents[i] {
				return fmt.Sprintf("segment %d holds %q, want %q", i, got, contents[i])
			}
			if sg.NewParagraph != newPara[i] {
				return fmt.Sprintf("segment %d NewParagraph %v, want %v", i, sg.NewParagraph, newPara[i])
			}
		}
		return ""
	})
}

// outerIs checks the marks and content the span covers.
func outerIs(k int, outer string) check {
	return onSpan(k, func(text string, s Span) string {
		if got := text[s.Outer.Start:s.Outer.End]; got != outer {
			return fmt.Sprintf("Outer holds %q, want %q", got, outer)
		}
		return ""
	})
}

func strayAt(offs ...int) check {
	return func(_ string, r Result) []string {
		if fmt.Sprint(r.Stray) != fmt.Sprint(offs) && !(len(r.Stray) == 0 && len(offs) == 0) {
			return []string{fmt.Sprintf("stray %v, want %v", r.Stray, offs)}
		}
		return nil
	}
}

func noPerson(names ...string) check {
	return func(_ string, r Result) []string {
		var errs []string
		for _, p := range r.People {
			for _, n := range names {
				if strings.Contains(strings.ToLower(p.Name), strings.ToLower(n)) {
					errs = append(errs, fmt.Sprintf("person %q found, want none named %q", p.Name, n))
				}
			}
		}
		return errs
	}
}
