package topics

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestFoldAndStem(t *testing.T) {
	same := [][]string{
		{"organisation", "organization", "organizations", "Organisations"},
		{"defence", "defense"},
		{"labour", "labor"},
		{"programme", "program", "programs"},
		{"criticised", "criticized"},
		{"centre", "center"},
		{"Ukraine’s", "Ukraine's"},
	}
	for _, words := range same {
		want := Stem(words[0])
		for _, w := range words[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q like %q", w, got, want, words[0])
			}
		}
	}
	// Porter2 alone would stem "organization" like "organic".
	if Stem("organization") == Stem("organic") {
		t.Error("organization must not stem like organic")
	}
	if Stem("size") == Stem("sise") {
		t.Error("size is spelt with a z in British English too")
	}
}

func TestTokensKeepOffsets(t *testing.T) {
	text := "Kazakhstan’s drug-trafficking, cyber-crime; 2025."
	for _, tok := range Tokens(text) {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Fatalf("bad range %+v", tok)
		}
		if Stem(text[tok.Start:tok.End]) != tok.Stem {
			t.Errorf("token %q has stem %q", text[tok.Start:tok.End], tok.Stem)
		}
	}
}

// testLexicon is a small lexicon for scorer tests.
func testLexicon(t *testing.T) *Lexicon {
	t.Helper()
	lx, err := Compile([]Topic{
		{ID: "security", Label: "Security", IPTC: "medtop:11000000", Strong: []string{"national security", "armed forces"}, Terms: []string{"security", "military", "threat"}, Exclude: []string{"security council", "social security"}},
		{ID: "sport", Label: "Sport", IPTC: "medtop:15000000", Strong: []string{"football", "striker"}, Terms: []string{"match", "goal", "season"}},
		{ID: "weak", Label: "Weak", Terms: []string{"harvest"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

func TestScore(t *testing.T) {
	lx := testLexicon(t)
	cases := []struct {
		name  string
		in    Input
		want  []string // tag IDs in rank order
		terms map[string][]string
	}{
		{"strong term in the title", Input{Title: "Football returns", Body: "A quiet day."}, []string{"sport"}, nil},
		{"two distinct ordinary terms in the lead", Input{Body: "The military saw a threat. The military moved.", LeadEnd: 46}, []string{"security"},
			map[string][]string{"security": {"military", "threat"}}},
		{"one ordinary term is not enough", Input{Body: "The military parade was long and it was very colourful indeed."}, nil, nil},
		{"exclusions do not count", Input{Body: "The Security Council met. Social security rose. Security council again."}, nil, nil},
		{"ranked by score", Input{Title: "Striker scores", Body: "The striker scored a goal in the match. The armed forces watched the match.", LeadEnd: 80},
			[]string{"sport", "security"}, nil},
		{"a topic below threshold is left out", Input{Body: "The harvest was good."}, nil, nil},
		{"empty text", Input{}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tags, matches := lx.Score(c.in)
			var got []string
			for _, tag := range tags {
				got = append(got, tag.ID)
				if want, ok := c.terms[tag.ID]; ok && !slices.Equal(tag.Terms, want) {
					t.Errorf("%s terms = %v, want %v", tag.ID, tag.Terms, want)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("tags = %v, want %v (%+v)", got, c.want, tags)
			}
			for _, m := range matches {
				if m.Start < 0 || m.End > len(c.in.Body) || !slices.Contains(got, m.Topic) {
					t.Errorf("bad match %+v", m)
				}
			}
		})
	}
}

func TestScoreNormalisesLongTexts(t *testing.T) {
	lx := testLexicon(t)
	short := Input{Body: "The military saw a threat.", LeadEnd: 26}
	long := Input{Body: short.Body + strings.Repeat(" Nothing relevant happens here at all.", 400), LeadEnd: 26}
	s1, _ := lx.Score(short)
	s2, _ := lx.Score(long)
	if len(s1) != 1 || len(s2) != 0 {
		t.Fatalf("the same two mentions should tag a short text but not a 2,500-word one: %v / %v", s1, s2)
	}
}

func TestScoreAtMostFiveTags(t *testing.T) {
	var ts []Topic
	var body []string
	for _, w := range []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"} {
		ts = append(ts, Topic{ID: w, Label: w, Strong: []string{w + " topic"}})
		body = append(body, w+" topic")
	}
	lx, err := Compile(ts)
	if err != nil {
		t.Fatal(err)
	}
	tags, _ := lx.Score(Input{Title: strings.Join(body, ", ")})
	if len(tags) != maxTags {
		t.Fatalf("want %d tags, got %d", maxTags, len(tags))
	}
}

func TestCompileRefusesBadTopics(t *testing.T) {
	cases := []struct {
		name string
		t    Topic
		want string
	}{
		{"invented code", Topic{ID: "x", Label: "X", IPTC: "medtop:99999999", Terms: []string{"zebra crossing"}}, "not an IPTC"},
		{"retired code", Topic{ID: "x", Label: "X", IPTC: "medtop:20000162", Terms: []string{"zebra crossing"}}, "retired"},
		{"common word", Topic{ID: "x", Label: "X", Terms: []string{"states"}}, "common word"},
		{"bad id", Topic{ID: "Bad ID", Label: "X", Terms: []string{"zebra crossing"}}, "id must be"},
		{"no terms", Topic{ID: "x", Label: "X"}, "no terms"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Compile([]Topic{c.t})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestBuiltinLexicon(t *testing.T) {
	lx, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lx.Topics); n < 25 || n > 40 {
		t.Errorf("the lexicon should have 25–40 topics, has %d", n)
	}
	code := regexp.MustCompile(`^medtop:\d{8}$`)
	v := IPTC()
	for _, tp := range lx.Topics {
		c, ok := v.Lookup(tp.IPTC)
		if !code.MatchString(tp.IPTC) || !ok || c.Retired {
			t.Errorf("%s: %q is not a current IPTC Media Topics code", tp.ID, tp.IPTC)
		}
		if top, _ := v.Top(tp.IPTC); top.Level != 1 || tp.Top != top.Code {
			t.Errorf("%s: top level %q, want %q", tp.ID, tp.Top, top.Code)
		}
	}
	// No two terms, in one topic or in two, may stem alike: the second
	// would never be matched.
	seen := map[string]string{}
	for _, es := range lx.byFirst {
		for _, e := range es {
			key := strings.Join(e.stems, " ")
			if other, dup := seen[key]; dup {
				t.Errorf("terms %q and %s stem alike (%q)", e.surface, other, key)
			}
			seen[key] = fmt.Sprintf("%q of %s", e.surface, lx.Topics[e.topic].ID)
		}
	}
	if v.Len() < 1000 {
		t.Errorf("the IPTC vocabulary should have over 1,000 concepts, has %d", v.Len())
	}
}

func TestUserTopicsMerge(t *testing.T) {
	base := []Topic{{ID: "sport", Label: "Sport", Terms: []string{"football"}}}
	user, err := ParseYAML([]byte("topics:\n  - name: Space & science\n    terms: [rocket launch, astronaut]\n    key: x\n  - name: sport\n    terms: [cricket]\n"))
	if err != nil {
		t.Fatal(err)
	}
	lx, err := Compile(Merge(base, user))
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.Topics) != 2 {
		t.Fatalf("want sport replaced and one topic added, got %+v", lx.Topics)
	}
	if tp, ok := lx.Topic("space-science"); !ok || tp.Label != "Space & science" || tp.Key != "x" {
		t.Errorf("user topic by name: %+v", tp)
	}
	if tp, _ := lx.Topic("Sport"); !slices.Equal(tp.Terms, []string{"cricket"}) {
		t.Errorf("a user topic with a built-in label should replace it: %+v", tp)
	}
	if _, err := ParseYAML([]byte("topics:\n  - name: X\n    tems: [a]\n")); err == nil {
		t.Error("an unknown key should be an error")
	}
}

func TestGazetteer(t *testing.T) {
	g := Places()
	orgs, places := g.Find("The SCO and the Conference on Interaction and Confidence-Building Measures in Asia (CICA) met. " +
		"The UN Secretary-General visited Afghanistan; Kazakh and U.S. officials went to Astana. us and who are words.")
	for _, want := range []string{"SCO", "CICA", "UN"} {
		if !slices.Contains(orgs, want) {
			t.Errorf("organisations %v lack %s", orgs, want)
		}
	}
	for _, want := range []string{"Afghanistan", "Kazakhstan", "United States", "Astana"} {
		if !slices.Contains(places, want) {
			t.Errorf("places %v lack %s", places, want)
		}
	}
	if slices.Contains(orgs, "WHO") || len(orgs) != 3 {
		t.Errorf("lower-case words must not match acronyms: %v", orgs)
	}
}

func BenchmarkScoreSeedSized(b *testing.B) {
	lx, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("Tokayev emphasized the importance of enhancing cooperation in the field of security, terrorism, drug trafficking and cybercrime. ", 20)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		lx.Score(Input{Title: "Security talks", Body: body, LeadEnd: 100})
	}
}
