package quotes

import (
	"fmt"
	"strings"
	"testing"
)

// ---------------------------------------------------------------------------
// 1. The seed document

func TestSeed(t *testing.T) {
	text := seedText(t)
	ps := paragraphs(text)
	r := Extract(text, ps)
	if errs := invariants(text, ps, r); len(errs) > 0 {
		t.Errorf("invariants broken:\n  %s", strings.Join(errs, "\n  "))
	}
	qs := r.Quotes()
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2:%s", len(qs), describe(text, r))
	}
	for i, q := range qs {
		if q.Speaker != "Kassym-Jomart Tokayev" || q.Rule != RuleAdjacent || q.Depth != 0 || q.Unclosed {
			t.Errorf("quote %d: %s, want speaker Kassym-Jomart Tokayev, rule adjacent, depth 0, closed", i, describeSpan(text, q))
		}
		if q.Cue != "said" {
			t.Errorf("quote %d: cue %q, want said", i, q.Cue)
		}
		if o := text[q.Outer.Start:q.Outer.End]; !strings.HasPrefix(o, "“") || !strings.HasSuffix(o, ",”") {
			t.Errorf("quote %d: Outer holds %q, want “…,”", i, o)
		}
	}
	if m := qs[0].Mention; m != "Tokayev" {
		t.Errorf("first quote's mention %q, want Tokayev", m)
	}
	if m := qs[1].Mention; m != "the President of Kazakhstan" {
		t.Errorf("second quote's mention %q, want the President of Kazakhstan", m)
	}
	if got := qs[0].Text(text); !strings.HasPrefix(got, "In the context of escalating geopolitical conflicts,") ||
		!strings.HasSuffix(got, "is of utmost importance,") {
		t.Errorf("first quote's text %q", got)
	}
	if got := qs[1].Text(text); !strings.HasPrefix(got, "Such threats to international security, including the ‘three evils,’ can") ||
		!strings.HasSuffix(got, "across all priority areas,") {
		t.Errorf("second quote's text %q", got)
	}
	if qs[0].Paragraph != 2 || qs[1].Paragraph != 4 {
		t.Errorf("quotes in paragraphs %d and %d, want 2 and 4", qs[0].Paragraph, qs[1].Paragraph)
	}

	// ‘three evils,’ is a nested term, not a quote.
	var evils []Span
	for _, s := range r.Spans {
		if strings.Contains(s.Text(text), "three evils") && s.Kind != Quote || s.Depth > 0 {
			evils = append(evils, s)
		}
	}
	if len(evils) != 1 {
		t.Fatalf("got %d nested/term spans, want exactly ‘three evils,’:%s", len(evils), describe(text, r))
	}
	ev := evils[0]
	if ev.Kind != Term || ev.Depth != 1 || ev.Text(text) != "three evils," || text[ev.Outer.Start:ev.Outer.End] != "‘three evils,’" {
		t.Errorf("three evils: %s, want term depth 1 text \"three evils,\"", describeSpan(text, ev))
	}
	if ev.Outer.Start < qs[1].Outer.Start || ev.Outer.End > qs[1].Outer.End {
		t.Errorf("three evils %v not inside the second quote %v", ev.Outer, qs[1].Outer)
	}
	if len(r.Spans) != 3 {
		t.Errorf("got %d spans, want 3:%s", len(r.Spans), describe(text, r))
	}
	if len(r.Stray) != 0 {
		t.Errorf("stray marks %v in the seed", r.Stray)
	}
	found := false
	for _, p := range r.People {
		if p.Name == "Kassym-Jomart Tokayev" {
			found = true
		}
		if strings.Contains(p.Name, "Trend") {
			t.Errorf("credit taken for a person: %q", p.Name)
		}
	}
	if !found {
		t.Errorf("Kassym-Jomart Tokayev not among the people:%s", describe(text, r))
	}
}

// ---------------------------------------------------------------------------
// 2. Apostrophes

var apostropheWords = []string{"isn’t", "Xi’an", "O’Brien", "SCO’s", "’90s", "‘90s", "rock ’n’ roll", "states’ rights"}

func apostropheCases() []tcase {
	var cases []tcase
	for _, w := range apostropheWords {
		outside := fmt.Sprintf("We talked about %s on the trip that year.", w)
		double := fmt.Sprintf("John Smith said “we talked about %s on the trip that year,” and left.", w)
		single := fmt.Sprintf("John Smith said ‘we talked about %s on the trip that year,’ and left.", w)
		c := tcase{name: "inside ‘…’ " + w, in: single,
			want:  []want{quote(fmt.Sprintf("we talked about %s on the trip that year,", w), "John Smith", RuleAdjacent)},
			check: strayAt()}
		cases = append(cases,
			tcase{name: "outside " + w, in: outside, want: []want{}, check: strayAt()},
			tcase{name: "inside “…” " + w, in: double,
				want:  []want{quote(fmt.Sprintf("we talked about %s on the trip that year,", w), "John Smith", RuleAdjacent)},
				check: strayAt()},
			c)
	}
	return append(cases,
		tcase{name: "all at once outside",
			in:    "It isn’t in Xi’an, said O’Brien about the SCO’s plans in the ’90s and ‘90s with rock ’n’ roll and states’ rights.",
			want:  []want{},
			check: strayAt()},
		tcase{name: "plural possessive closes when no other closer follows",
			in:   "John Smith said ‘we will protect the rights of the states’ and left.",
			want: []want{quote("we will protect the rights of the states", "John Smith", RuleAdjacent)}},
		tcase{name: "plural possessive inside, closer later",
			in:   "John Smith said ‘the boys’ toys are here for the whole family,’ and left.",
			want: []want{quote("the boys’ toys are here for the whole family,", "John Smith", RuleAdjacent)}},
		tcase{name: "year at the start of a quote",
			in:   "“‘90s music was the best music we ever had,” said John Smith.",
			want: []want{quote("‘90s music was the best music we ever had,", "John Smith", RuleAdjacent)}},
	)
}

func TestApostrophes(t *testing.T) { runCases(t, apostropheCases()) }

// ---------------------------------------------------------------------------
// 3. Nesting

var nestingCases = []tcase{
	{name: "single inside double",
		in: "“We must act now for peace, security and the ‘inner words here’ of all nations,” said John Smith.",
		want: []want{
			quote("We must act now for peace, security and the ‘inner words here’ of all nations,", "John Smith", RuleAdjacent),
			term("inner words here"),
		},
		check: all(depth(0, 0), depth(1, 1), outerIs(1, "‘inner words here’"))},
	{name: "double inside single (British)",
		in: "John Smith said ‘the vote was “historic” for all of us here today,’ and left.",
		want: []want{
			quote("the vote was “historic” for all of us here today,", "John Smith", RuleAdjacent),
			term("historic"),
		},
		check: all(depth(0, 0), depth(1, 1))},
	{name: "double inside guillemets",
		in: "« Il a dit “nous sommes prêts” hier soir devant tout le monde », said Emmanuel Macron.",
		want: []want{
			quote("Il a dit “nous sommes prêts” hier soir devant tout le monde", "Emmanuel Macron", RuleAdjacent),
			term("nous sommes prêts"),
		},
		check: all(depth(0, 0), depth(1, 1))},
}

func TestNesting(t *testing.T) { runCases(t, nestingCases) }

// ---------------------------------------------------------------------------
// 4. Multi-paragraph quotes and 5. unclosed quotes

var paragraphCases = []tcase{
	{name: "two paragraphs, one quote",
		in: "“We must act now for peace and security of the whole region and beyond.\n\n“It is our duty to act together for everyone in the world,” said John Smith.",
		want: []want{quote("We must act now for peace and security of the whole region and beyond.\n\nIt is our duty to act together for everyone in the world,",
			"John Smith", RuleAdjacent)},
		check: all(paras(0, 0, 1), unclosed(0, false),
			segments(0, []string{"We must act now for peace and security of the whole region and beyond.",
				"It is our duty to act together for everyone in the world,"}, []bool{false, true}),
			outerIs(0, "“We must act now for peace and security of the whole region and beyond.\n\n“It is our duty to act together for everyone in the world,”"))},
	{name: "three paragraphs after a lead paragraph",
		in:   "President John Smith spoke on Monday.\n\n“We must act now for peace.\n\n“It is our duty to act together.\n\n“Nobody else will do it for us,” he said.",
		want: []want{quote("We must act now for peace.\n\nIt is our duty to act together.\n\nNobody else will do it for us,", "John Smith", RuleAdjacent)},
		check: all(paras(0, 1, 3), segments(0, []string{"We must act now for peace.", "It is our duty to act together.", "Nobody else will do it for us,"},
			[]bool{false, true, true}))},
	{name: "capped at five paragraphs",
		in:    "“One two three four five six seven.\n\n“Two three four five six seven.\n\n“Three four five six seven.\n\n“Four five six seven.\n\n“Five six seven eight.\n\n“Six seven eight nine.\n\n“Seven eight nine ten,” said John Smith.",
		check: all(paras(0, 0, 4), unclosed(0, true), paras(1, 5, 6), unclosed(1, false))},
	{name: "next paragraph opens with another mark",
		in: "“We must act now for peace and security of the whole region.\n\n‘It is our duty to act together for everyone,’ said John Smith.",
		want: []want{
			quote("We must act now for peace and security of the whole region.", "", RuleNone),
			quote("It is our duty to act together for everyone,", "John Smith", RuleAdjacent),
		},
		check: all(unclosed(0, true), paras(0, 0, 0), unclosed(1, false))},
	{name: "unclosed does not swallow the next paragraph",
		in: "“We must act now for peace and security of the whole region and beyond.\n\nThe weather was “fine today for everyone in the city,” said John Smith.",
		want: []want{
			quote("We must act now for peace and security of the whole region and beyond.", "", RuleNone),
			quote("fine today for everyone in the city,", "John Smith", RuleAdjacent),
		},
		check: all(unclosed(0, true), paras(0, 0, 0), unclosed(1, false), paras(1, 1, 1),
			outerIs(0, "“We must act now for peace and security of the whole region and beyond."))},
	{name: "unclosed before a plain paragraph",
		in:    "“We must act now for peace and security of all.\n\nMary Jones left the room early.",
		want:  []want{quote("We must act now for peace and security of all.", "", RuleNone)},
		check: all(unclosed(0, true), paras(0, 0, 0))},
}

func TestParagraphs(t *testing.T) { runCases(t, paragraphCases) }

func TestUnclosedConfidence(t *testing.T) {
	closed := "President John Smith said: “We must act now for peace and security.”"
	open := "President John Smith said: “We must act now for peace and security"
	rc := Extract(closed, paragraphs(closed))
	ro := Extract(open, paragraphs(open))
	if len(rc.Spans) != 1 || len(ro.Spans) != 1 {
		t.Fatalf("want one span each:%s\n---%s", describe(closed, rc), describe(open, ro))
	}
	c, o := rc.Spans[0], ro.Spans[0]
	if c.Unclosed || !o.Unclosed {
		t.Errorf("Unclosed: closed %v, open %v", c.Unclosed, o.Unclosed)
	}
	if o.Kind != Quote || o.Speaker != "John Smith" || c.Speaker != "John Smith" {
		t.Errorf("want both quotes by John Smith:\n  %s\n  %s", describeSpan(closed, c), describeSpan(open, o))
	}
	if !(o.Confidence < c.Confidence) || o.Confidence <= 0 {
		t.Errorf("unclosed confidence %.2f, closed %.2f: want 0 < unclosed < closed", o.Confidence, c.Confidence)
	}
	if o.Outer.End != len(open) {
		t.Errorf("unclosed quote ends at %d, want the paragraph end %d", o.Outer.End, len(open))
	}
}

// ---------------------------------------------------------------------------
// 6. German and 7. French, CJK and LaTeX marks

var markCases = []tcase{
	{name: "German „…“",
		in:    "„Wir müssen jetzt für den Frieden handeln“, said Olaf Scholz.",
		want:  []want{quote("Wir müssen jetzt für den Frieden handeln", "Olaf Scholz", RuleAdjacent)},
		check: outerIs(0, "„Wir müssen jetzt für den Frieden handeln“")},
	{name: "German „…”",
		in:    "„Wir müssen jetzt für den Frieden handeln”, said Olaf Scholz.",
		want:  []want{quote("Wir müssen jetzt für den Frieden handeln", "Olaf Scholz", RuleAdjacent)},
		check: outerIs(0, "„Wir müssen jetzt für den Frieden handeln”")},
	{name: "German single ‚…‘",
		in:    "‚Wir müssen jetzt für den Frieden handeln‘, said Olaf Scholz.",
		want:  []want{quote("Wir müssen jetzt für den Frieden handeln", "Olaf Scholz", RuleAdjacent)},
		check: outerIs(0, "‚Wir müssen jetzt für den Frieden handeln‘")},
	{name: "German nested ‚…‘ in „…“",
		in: "„Er nannte es ‚Unsinn‘ und ging dann nach Hause zurück“, said Olaf Scholz.",
		want: []want{
			quote("Er nannte es ‚Unsinn‘ und ging dann nach Hause zurück", "Olaf Scholz", RuleAdjacent),
			term("Unsinn"),
		},
		check: depth(1, 1)},
	{name: "German without a cue is still paired",
		in:    "„Wir müssen jetzt für den Frieden handeln“, sagte Olaf Scholz.",
		check: all(outerIs(0, "„Wir müssen jetzt für den Frieden handeln“"), strayAt())},
	{name: "French « … » with spaces",
		in:    "« Nous devons agir maintenant pour la paix », said Emmanuel Macron.",
		want:  []want{quote("Nous devons agir maintenant pour la paix", "Emmanuel Macron", RuleAdjacent)},
		check: all(outerIs(0, "« Nous devons agir maintenant pour la paix »"), strayAt())},
	{name: "French « … » with no-break spaces",
		in:    "«\u00a0Nous devons agir maintenant pour la paix\u00a0», said Emmanuel Macron.",
		want:  []want{quote("Nous devons agir maintenant pour la paix", "Emmanuel Macron", RuleAdjacent)},
		check: all(outerIs(0, "«\u00a0Nous devons agir maintenant pour la paix\u00a0»"), strayAt())},
	{name: "French « … » with narrow no-break spaces",
		in:    "«\u202fNous devons agir maintenant pour la paix\u202f», said Emmanuel Macron.",
		want:  []want{quote("Nous devons agir maintenant pour la paix", "Emmanuel Macron", RuleAdjacent)},
		check: strayAt()},
	{name: "French «…» without spaces",
		in:   "«Nous devons agir maintenant pour la paix», said Emmanuel Macron.",
		want: []want{quote("Nous devons agir maintenant pour la paix", "Emmanuel Macron", RuleAdjacent)}},
	{name: "reversed »…«",
		in:    "»Wir müssen jetzt für den Frieden handeln«, said Olaf Scholz.",
		want:  []want{quote("Wir müssen jetzt für den Frieden handeln", "Olaf Scholz", RuleAdjacent)},
		check: outerIs(0, "»Wir müssen jetzt für den Frieden handeln«")},
	{name: "single guillemets ‹…›",
		in:    "‹Nous devons agir maintenant pour la paix›, said Emmanuel Macron.",
		want:  []want{quote("Nous devons agir maintenant pour la paix", "Emmanuel Macron", RuleAdjacent)},
		check: outerIs(0, "‹Nous devons agir maintenant pour la paix›")},
	{name: "CJK 「…」",
		in:    "He said 「we must act now for peace together」 yesterday.",
		want:  []want{quote("we must act now for peace together", "", RuleAdjacent)},
		check: all(outerIs(0, "「we must act now for peace together」"), mention(0, "He"))},
	{name: "CJK 『…』",
		in:    "He said 『we must act now for peace together』 yesterday.",
		want:  []want{quote("we must act now for peace together", "", RuleAdjacent)},
		check: outerIs(0, "『we must act now for peace together』")},
	{name: "CJK text 「…」",
		in:    "「我们必须现在就为和平采取行动」",
		check: all(outerIs(0, "「我们必须现在就为和平采取行动」"), strayAt())},
	{name: "LaTeX ``…''",
		in:    "John Smith said ``we must act now for peace together'' yesterday.",
		want:  []want{quote("we must act now for peace together", "John Smith", RuleAdjacent)},
		check: all(outerIs(0, "``we must act now for peace together''"), strayAt())},
	{name: "doubled apostrophes ''…''",
		in:    "John Smith said ''we must act now for peace together'' yesterday.",
		want:  []want{quote("we must act now for peace together", "John Smith", RuleAdjacent)},
		check: outerIs(0, "''we must act now for peace together''")},
	{name: "straight double quotes",
		in:    "\"We must act now for peace,\" said John Smith.",
		want:  []want{quote("We must act now for peace,", "John Smith", RuleAdjacent)},
		check: outerIs(0, "\"We must act now for peace,\"")},
}

func TestMarks(t *testing.T) { runCases(t, markCases) }

// ---------------------------------------------------------------------------
// 15. British style

var britishCases = []tcase{
	{name: "single quotes only",
		in: "‘We must act now for peace,’ said John Smith.\n\n‘It is our duty to act together,’ he added.\n\nPresident Mary Jones replied: ‘We should wait for the report and see what happens.’",
		want: []want{
			quote("We must act now for peace,", "John Smith", RuleAdjacent),
			quote("It is our duty to act together,", "John Smith", RuleAdjacent),
			quote("We should wait for the report and see what happens.", "Mary Jones", RuleAdjacent),
		},
		check: strayAt()},
	{name: "single quotes with apostrophes",
		in: "‘It isn’t over for the SCO’s members,’ said John Smith.\n\n‘We’ll keep the states’ rights in mind,’ he added.",
		want: []want{
			quote("It isn’t over for the SCO’s members,", "John Smith", RuleAdjacent),
			quote("We’ll keep the states’ rights in mind,", "John Smith", RuleAdjacent),
		}},
}

func TestBritish(t *testing.T) { runCases(t, britishCases) }
