package model_test

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"rostrum/model"
	"rostrum/seeds"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedName is the embedded seed document.
const seedName = "2025-09-01-tokayev-sco-tianjin.txt"

// seedBytes returns the raw bytes of the embedded seed document.
func seedBytes(tb testing.TB) []byte {
	tb.Helper()
	b, err := fs.ReadFile(seeds.FS(), seedName)
	if err != nil {
		tb.Fatalf("reading seed: %v", err)
	}
	return b
}

var (
	// onlyDatePrefix is a wire item with no text after its date prefix.
	onlyDatePrefix = regexp.MustCompile(`^date\s+\d{4}-\d{2}-\d{2}$`)
	// idPattern is the ID Parse gives: 12 lowercase hex digits.
	idPattern = regexp.MustCompile(`^[0-9a-f]{12}$`)
	// corpusIDPattern also allows the "-N" a corpus adds to duplicates.
	corpusIDPattern = regexp.MustCompile(`^[0-9a-f]{12}(-[2-9]|-[1-9][0-9]+)?$`)
)

// controlIn returns the first control character in s that is not in
// allowed: C0 controls, DEL and C1 controls count.
func controlIn(s, allowed string) (rune, bool) {
	for _, r := range s {
		if (r < 0x20 || (r >= 0x7f && r <= 0x9f)) && !strings.ContainsRune(allowed, r) {
			return r, true
		}
	}
	return 0, false
}

// brokenInvariants lists the Document invariants that d breaks. inCorpus
// allows the ID suffix a Corpus gives to duplicates.
func brokenInvariants(d *model.Document, inCorpus bool) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if inCorpus && !corpusIDPattern.MatchString(d.ID) {
		add("ID %q is not 12 lowercase hex digits with an optional -N", d.ID)
	} else if !inCorpus && !idPattern.MatchString(d.ID) {
		add("ID %q is not 12 lowercase hex digits", d.ID)
	}
	switch d.Format {
	case model.FormatWire, model.FormatText, model.FormatMarkdown, model.FormatJSONL, model.FormatSGML:
	default:
		add("unknown Format %q", d.Format)
	}
	if j := strings.Join(d.Paragraphs, "\n\n"); d.Body != j {
		add("Body is not its paragraphs joined with a blank line:\nBody %q\njoin %q", d.Body, j)
	}
	off := 0
	for i, p := range d.Paragraphs {
		switch {
		case p == "":
			add("paragraph %d is empty", i)
		case !strings.Contains(d.Body, p):
			add("paragraph %d is not a substring of Body: %q", i, p)
		case strings.Contains(p, "\n\n"):
			add("paragraph %d holds a blank line: %q", i, p)
		case strings.TrimSpace(p) != p:
			add("paragraph %d has surrounding space: %q", i, p)
		}
		if off+len(p) <= len(d.Body) && d.Body[off:off+len(p)] != p {
			add("paragraph %d is not at offset %d of Body", i, off)
		}
		off += len(p) + 2
	}
	if d.Words <= 0 {
		add("Words = %d, want > 0", d.Words)
	}
	if n := len(strings.Fields(d.Body)); d.Words != n {
		add("Words = %d, but Body has %d words", d.Words, n)
	}
	if !utf8.ValidString(d.Body) {
		add("Body is not valid UTF-8")
	}
	if r, bad := controlIn(d.Body, "\n\t"); bad {
		add("Body holds control character %U", r)
	}
	for _, f := range []struct{ name, v string }{
		{"Title", d.Title}, {"Place", d.Place}, {"Source", d.Source}, {"Speaker", d.Speaker},
	} {
		if r, bad := controlIn(f.v, ""); bad {
			add("%s holds control character %U: %q", f.name, r, f.v)
		}
		if !utf8.ValidString(f.v) {
			add("%s is not valid UTF-8: %q", f.name, f.v)
		}
	}
	if utf8.RuneCountInString(d.Title) > model.MaxTitleRunes && strings.HasSuffix(d.Title, "…") {
		add("cut title has %d runes, want at most %d", utf8.RuneCountInString(d.Title), model.MaxTitleRunes)
	}
	if s := model.Sanitize(d.Body); s != d.Body {
		add("Body is not sanitised: Sanitize(Body) = %q, Body = %q", s, d.Body)
	}
	for i, p := range d.Problems {
		if p == "" || strings.Contains(p, "\n") {
			add("problem %d is not one non-empty line: %q", i, p)
		}
	}
	return out
}

// checkDoc fails t for every broken invariant of d.
func checkDoc(t testing.TB, d *model.Document) {
	t.Helper()
	for _, v := range brokenInvariants(d, false) {
		t.Error(v)
	}
}

type parseCase struct {
	name       string
	in         string
	format     model.Format
	title      string
	date       string // YYYY-MM-DD or ""
	place      string
	source     string
	paras      int
	bodyPrefix string
	notInBody  []string
	problems   []string // substrings, one per expected problem
}

var wireCases = []parseCase{
	{
		name:   "ASTANA with TASS credit",
		in:     "date 2025-08-30\nASTANA, August 30. /TASS/. President Kassym-Jomart Tokayev signed a decree on Saturday. It takes effect at once.",
		format: model.FormatWire, date: "2025-08-30", place: "Astana", source: "TASS",
		title: "President Kassym-Jomart Tokayev signed a decree on Saturday",
		paras: 1, bodyPrefix: "ASTANA, August 30. /TASS/. President",
	},
	{
		name:   "ST. PETERSBURG with country and abbreviated month",
		in:     "date 2025-09-05 ST. PETERSBURG, Russia, Sept. 5. The economic forum opened on Friday. Delegates arrived from forty countries.\n\nTalks continue tomorrow.",
		format: model.FormatWire, date: "2025-09-05", place: "St. Petersburg, Russia",
		title: "The economic forum opened on Friday",
		paras: 2, bodyPrefix: "ST. PETERSBURG, Russia, Sept. 5.",
	},
	{
		name:   "NUR-SULTAN with reports credit",
		in:     "date 2021-03-15 NUR-SULTAN, Kazakhstan, March 15. Parliament approved the budget on Monday, Kazinform reports. Voting was unanimous.",
		format: model.FormatWire, date: "2021-03-15", place: "Nur-Sultan, Kazakhstan", source: "Kazinform",
		title: "Parliament approved the budget on Monday",
		paras: 1, bodyPrefix: "NUR-SULTAN, Kazakhstan, March 15.",
	},
	{
		name:   "multi-word credit",
		in:     "date 2024-02-10 BAKU, Azerbaijan, February 10. Voters went to the polls, Azer News reports. Turnout was high.",
		format: model.FormatWire, date: "2024-02-10", place: "Baku, Azerbaijan", source: "Azer News",
		title: "Voters went to the polls", paras: 1,
	},
	{
		name:   "no dateline",
		in:     "date 2024-05-01 The central bank kept rates unchanged. Analysts had expected the move.",
		format: model.FormatWire, date: "2024-05-01",
		title: "The central bank kept rates unchanged", paras: 1,
		bodyPrefix: "The central bank", notInBody: []string{"date 2024"},
	},
	{
		name:   "invalid date",
		in:     "date 2025-13-45 Markets were calm. Nothing happened.",
		format: model.FormatWire, title: "Markets were calm", paras: 1,
		bodyPrefix: "Markets were calm.", notInBody: []string{"2025-13-45"},
		problems: []string{"2025-13-45"},
	},
	{
		name:   "leading blank lines before the date prefix",
		in:     "\n\n   \n\t\ndate 2025-09-01\n\nASTANA, September 1. /TASS/. Text here. More text.",
		format: model.FormatWire, date: "2025-09-01", place: "Astana", source: "TASS",
		title: "Text here", paras: 1, bodyPrefix: "ASTANA, September 1.",
	},
	{
		name:   "date prefix on its own line",
		in:     "date 2025-07-04\nWASHINGTON, July 4. The parade began at noon.\n\nCrowds lined the streets.",
		format: model.FormatWire, date: "2025-07-04", place: "Washington",
		title: "The parade began at noon", paras: 2,
	},
}

var plainCases = []parseCase{
	{
		name:   "BBC style headline",
		in:     "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December.\n\nThe firm said it was pleased.\n",
		format: model.FormatText, title: "Ad sales boost Time Warner profit", paras: 2,
		bodyPrefix: "Quarterly profits", notInBody: []string{"Ad sales boost"},
	},
	{
		name:   "headline ending in a question mark",
		in:     "Is this the end of cash?\n\nShops in Sweden now refuse notes. Banks agree.",
		format: model.FormatText, title: "Is this the end of cash?", paras: 1,
		bodyPrefix: "Shops in Sweden", notInBody: []string{"end of cash"},
	},
	{
		name:   "no headline",
		in:     "The committee met on Tuesday. It decided nothing.\n\nA second paragraph follows.",
		format: model.FormatText, title: "The committee met on Tuesday", paras: 2,
		bodyPrefix: "The committee met",
	},
	{
		name:   "first line ending in a full stop is not a headline",
		in:     "The talks ended.\n\nBoth sides went home.",
		format: model.FormatText, title: "The talks ended", paras: 2,
		bodyPrefix: "The talks ended.",
	},
	{
		name:   "indented lines and trailing spaces are trimmed",
		in:     "    Reuters style indented paragraph,  \n    its second line. Another sentence.  \n\n\t  Next paragraph.\t\n",
		format: model.FormatText, title: "Reuters style indented paragraph, its second line", paras: 2,
		bodyPrefix: "Reuters style indented paragraph,\nits second line. Another sentence.\n\nNext paragraph.",
	},
	{
		name:   "single paragraph",
		in:     "Just one line without a stop",
		format: model.FormatText, title: "Just one line without a stop", paras: 1,
	},
	{
		name:   "Mr. abbreviation",
		in:     "Mr. Smith said the plan would work. Others disagreed.",
		format: model.FormatText, title: "Mr. Smith said the plan would work", paras: 1,
	},
	{
		name:   "Dr. and St. abbreviations",
		in:     "Dr. Jones visited St. Petersburg last week. She returned on Monday.",
		format: model.FormatText, title: "Dr. Jones visited St. Petersburg last week", paras: 1,
	},
	{
		name:   "U.S. abbreviation",
		in:     "U.S. officials said talks would resume. No date was set.",
		format: model.FormatText, title: "U.S. officials said talks would resume", paras: 1,
	},
	{
		name:   "U.S. inside the sentence",
		in:     "Talks with U.S. Trade Representative Tai ended. Both sides were pleased.",
		format: model.FormatText, title: "Talks with U.S. Trade Representative Tai ended", paras: 1,
	},
	{
		name:   "abbreviation after an opening bracket",
		in:     "(U.S. Senate) Votes were cast on Monday. The bill passed.",
		format: model.FormatText, title: "(U.S. Senate) Votes were cast on Monday", paras: 1,
	},
	{
		name:   "single initial",
		in:     "John F. Kennedy spoke in Berlin. The crowd cheered.",
		format: model.FormatText, title: "John F. Kennedy spoke in Berlin", paras: 1,
	},
	{
		name:   "abbreviated month",
		in:     "The summit opened on Sept. 5 in Tianjin. Leaders attended.",
		format: model.FormatText, title: "The summit opened on Sept. 5 in Tianjin", paras: 1,
	},
	{
		name:   "sentence ending in a closing quote",
		in:     "“We will win.” The crowd cheered.",
		format: model.FormatText, title: "“We will win.”", paras: 1,
	},
	{
		name:   "exclamation",
		in:     "Stop the war! Protesters marched.",
		format: model.FormatText, title: "Stop the war!", paras: 1,
	},
	{
		name:   "sentence followed by a digit",
		in:     "Prices rose. 2025 was a hard year.",
		format: model.FormatText, title: "Prices rose", paras: 1,
	},
	{
		name:   "lower-case after a stop does not end the sentence",
		in:     "The value was 3.5 percent. It fell.",
		format: model.FormatText, title: "The value was 3.5 percent", paras: 1,
	},
	{
		name:   "whitespace inside a lead title collapses",
		in:     "Words\tsplit  by\nodd   spacing. Then more.",
		format: model.FormatText, title: "Words split by odd spacing", paras: 1,
	},
}

func TestParseSeed(t *testing.T) {
	t.Parallel()
	raw := seedBytes(t)
	d, err := model.Parse("seeds/"+seedName, raw)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkDoc(t, d)
	want := map[string]string{
		"Format": string(model.FormatWire),
		"Date":   "2025-09-01",
		"Place":  "Tianjin, China",
		"Source": "Trend",
		"Title":  "President of Kazakhstan Kassym-Jomart Tokayev presented his vision for the…",
		"Path":   "seeds/" + seedName,
	}
	got := map[string]string{
		"Format": string(d.Format), "Date": d.DateString(), "Place": d.Place,
		"Source": d.Source, "Title": d.Title, "Path": d.Path,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	if !d.HasDate() || !d.Date.Equal(time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date = %v, want 2025-09-01 UTC", d.Date)
	}
	if len(d.Paragraphs) != 5 {
		t.Errorf("got %d paragraphs, want 5", len(d.Paragraphs))
	}
	if !strings.HasPrefix(d.Body, "TIANJIN, China, September 1. President") {
		t.Errorf("Body starts %q", d.Body[:min(60, len(d.Body))])
	}
	if strings.Contains(d.Body, "date 2025") {
		t.Error("Body keeps the date prefix")
	}
	if len(d.Problems) != 0 {
		t.Errorf("Problems = %q, want none", d.Problems)
	}

	// The title is the lead without dateline or credit, cut at a word
	// boundary.
	lead := strings.TrimPrefix(d.Paragraphs[0], "TIANJIN, China, September 1. ")
	if n := utf8.RuneCountInString(d.Title); n > model.MaxTitleRunes {
		t.Errorf("title has %d runes, want at most %d", n, model.MaxTitleRunes)
	}
	stem, cut := strings.CutSuffix(d.Title, "…")
	if !cut {
		t.Fatalf("title %q does not end in an ellipsis", d.Title)
	}
	if !strings.HasPrefix(lead, stem) || lead[len(stem)] != ' ' {
		t.Errorf("title stem %q is not the lead cut at a word boundary", stem)
	}
	for _, s := range []string{"TIANJIN", "Trend", "reports"} {
		if strings.Contains(d.Title, s) {
			t.Errorf("title %q contains %q", d.Title, s)
		}
	}
	if d.ReadingMinutes() < 1 || d.Words < 300 {
		t.Errorf("Words = %d, ReadingMinutes = %d", d.Words, d.ReadingMinutes())
	}
}

func TestParseCases(t *testing.T) {
	t.Parallel()
	for _, group := range []struct {
		name  string
		cases []parseCase
	}{{"wire", wireCases}, {"text", plainCases}} {
		for _, tc := range group.cases {
			t.Run(group.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				d, err := model.ParseText("case.txt", tc.in)
				if err != nil {
					t.Fatalf("ParseText: %v", err)
				}
				checkDoc(t, d)
				checkCase(t, d, tc)

				// Parse, which decodes bytes first, agrees on UTF-8 input.
				d2, err := model.Parse("case.txt", []byte(tc.in))
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if fmt.Sprint(*d2) != fmt.Sprint(*d) {
					t.Errorf("Parse and ParseText differ:\n%+v\n%+v", *d2, *d)
				}
			})
		}
	}
}

func checkCase(t *testing.T, d *model.Document, tc parseCase) {
	t.Helper()
	if d.Format != tc.format {
		t.Errorf("Format = %q, want %q", d.Format, tc.format)
	}
	if d.Title != tc.title {
		t.Errorf("Title = %q, want %q", d.Title, tc.title)
	}
	if d.DateString() != tc.date {
		t.Errorf("Date = %q, want %q", d.DateString(), tc.date)
	}
	if tc.date == "" && d.HasDate() {
		t.Errorf("HasDate() = true for date %v", d.Date)
	}
	if d.Place != tc.place {
		t.Errorf("Place = %q, want %q", d.Place, tc.place)
	}
	if d.Source != tc.source {
		t.Errorf("Source = %q, want %q", d.Source, tc.source)
	}
	if d.Speaker != "" {
		t.Errorf("Speaker = %q, want none", d.Speaker)
	}
	if len(d.Paragraphs) != tc.paras {
		t.Errorf("got %d paragraphs %q, want %d", len(d.Paragraphs), d.Paragraphs, tc.paras)
	}
	if !strings.HasPrefix(d.Body, tc.bodyPrefix) {
		t.Errorf("Body = %q, want prefix %q", d.Body, tc.bodyPrefix)
	}
	for _, s := range tc.notInBody {
		if strings.Contains(d.Body, s) {
			t.Errorf("Body contains %q: %q", s, d.Body)
		}
	}
	if len(d.Problems) != len(tc.problems) {
		t.Errorf("Problems = %q, want %d mentioning %q", d.Problems, len(tc.problems), tc.problems)
	} else {
		for i, want := range tc.problems {
			if !strings.Contains(d.Problems[i], want) {
				t.Errorf("problem %d = %q, want it to mention %q", i, d.Problems[i], want)
			}
		}
	}
}

func TestParseLineEndings(t *testing.T) {
	t.Parallel()
	inputs := map[string]string{
		"wire": "date 2025-08-30\nASTANA, August 30. /TASS/. First paragraph here.\nIt has two lines.\n\nSecond paragraph.\n\n\nThird after two blank lines.\n",
		"text": "A headline\n\nFirst paragraph.\nSecond line.\n\nSecond paragraph.\n",
	}
	for name, lf := range inputs {
		want, err := model.ParseText("lf.txt", lf)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Paragraphs) < 2 {
			t.Fatalf("%s: LF input gave %d paragraphs", name, len(want.Paragraphs))
		}
		variants := map[string]string{
			"CRLF":    strings.ReplaceAll(lf, "\n", "\r\n"),
			"CR only": strings.ReplaceAll(lf, "\n", "\r"),
			"mixed":   mixedLineEndings(lf),
		}
		for vname, in := range variants {
			t.Run(name+"/"+vname, func(t *testing.T) {
				t.Parallel()
				got, err := model.ParseText("v.txt", in)
				if err != nil {
					t.Fatal(err)
				}
				checkDoc(t, got)
				if fmt.Sprintf("%q", got.Paragraphs) != fmt.Sprintf("%q", want.Paragraphs) {
					t.Errorf("paragraphs = %q, want %q", got.Paragraphs, want.Paragraphs)
				}
				if got.Title != want.Title || got.Place != want.Place || got.ID != want.ID {
					t.Errorf("got title %q place %q ID %s, want %q %q %s",
						got.Title, got.Place, got.ID, want.Title, want.Place, want.ID)
				}
			})
		}
	}
}

// mixedLineEndings rewrites each LF in s as CRLF, LF or CR in turn. A CR
// is always followed by CRLF, so no CR LF pair is formed by accident.
func mixedLineEndings(s string) string {
	endings := []string{"\r\n", "\n", "\r"}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '\n' {
			b.WriteString(endings[n%len(endings)])
			n++
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestParseEmpty(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"empty":             "",
		"spaces":            "   ",
		"whitespace lines":  " \n\t\n \r\n\r\n",
		"only escapes":      "\x1b[31m\x1b]0;title\x07\x1b[0m",
		"only BOM and bidi": "\ufeff\u202e\u2066",
		"only controls":     "\x00\x07\x08\x7f",
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText("empty.txt", in)
			if !errors.Is(err, model.ErrEmpty) {
				t.Errorf("ParseText(%q) = %+v, %v; want ErrEmpty", in, d, err)
			}
			if d != nil {
				t.Errorf("document returned with ErrEmpty: %+v", d)
			}
		})
	}
	// Through Parse, NUL bytes make the content binary rather than empty.
	if _, err := model.Parse("nul.txt", []byte("\x00\x00")); !errors.Is(err, model.ErrBinary) {
		t.Errorf("Parse of NUL bytes: err = %v, want ErrBinary", err)
	}
}

func TestParseIDStable(t *testing.T) {
	t.Parallel()
	texts := []string{string(seedBytes(t)), plainCases[0].in, wireCases[0].in}
	seen := map[string]bool{}
	for _, text := range texts {
		a, err := model.ParseText("one/a.txt", text)
		if err != nil {
			t.Fatal(err)
		}
		b, err := model.Parse(filepath.Join("other", "folder", "b.md"), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if a.ID != b.ID {
			t.Errorf("same text, different paths: IDs %s and %s", a.ID, b.ID)
		}
		if a.Path != "one/a.txt" || b.Path != filepath.Join("other", "folder", "b.md") {
			t.Errorf("paths not recorded: %q, %q", a.Path, b.Path)
		}
		if !idPattern.MatchString(a.ID) {
			t.Errorf("ID %q is not 12 lowercase hex digits", a.ID)
		}
		if seen[a.ID] {
			t.Errorf("different texts share ID %s", a.ID)
		}
		seen[a.ID] = true
	}
	// A one-word change changes the ID.
	a, _ := model.ParseText("x", "The cat sat.")
	b, _ := model.ParseText("x", "The cat sat!")
	if a.ID == b.ID {
		t.Errorf("different texts share ID %s", a.ID)
	}
}

// TestTitleCut checks titles longer than MaxTitleRunes.
func TestTitleCut(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("alpha beta gamma ", 10) + "end."
	cases := []struct {
		name, in, want string
	}{
		{"cut at a word boundary", long, strings.Repeat("alpha beta gamma ", 4) + "alpha beta…"},
		{"single over-long word", strings.Repeat("x", 200), strings.Repeat("x", model.MaxTitleRunes-1) + "…"},
		{"multi-byte runes", strings.Repeat("ü", 200), strings.Repeat("ü", model.MaxTitleRunes-1) + "…"},
		{"trailing comma dropped before the ellipsis", strings.Repeat("a", 70) + ", " + strings.Repeat("b", 20), strings.Repeat("a", 70) + "…"},
		{"exactly the limit is kept", strings.Repeat("y", model.MaxTitleRunes), strings.Repeat("y", model.MaxTitleRunes)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText("long.txt", tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.want {
				t.Errorf("Title = %q, want %q", d.Title, tc.want)
			}
			if n := utf8.RuneCountInString(d.Title); n > model.MaxTitleRunes {
				t.Errorf("title has %d runes", n)
			}
		})
	}
}

// TestTitleCutKeepsWordThatFits: when the word before the cut ends exactly
// at rune MaxTitleRunes-1, it fits with the ellipsis and should be kept.
func TestTitleCutKeepsWordThatFits(t *testing.T) {
	t.Parallel()
	words := strings.TrimSpace(strings.Repeat("word ", 16)) // 79 runes
	d, err := model.ParseText("x.txt", words+" and more words after it")
	if err != nil {
		t.Fatal(err)
	}
	if want := words + "…"; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
}

// Regression tests for edge cases found while reviewing the parser.

// TestParseWireOnlyDatePrefix: a wire item with nothing after its date
// prefix has no text, so it should be rejected as empty.
func TestParseWireOnlyDatePrefix(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"date 2025-09-01", "date 2025-09-01\n\n   \n"} {
		d, err := model.ParseText("bare.txt", in)
		if !errors.Is(err, model.ErrEmpty) {
			t.Errorf("ParseText(%q) = %+v, %v; want ErrEmpty", in, d, err)
		}
	}
}

// TestParseWireDatelineOnlyLead: when the first paragraph is only the
// dateline, the title should come from the next paragraph.
func TestParseWireDatelineOnlyLead(t *testing.T) {
	t.Parallel()
	in := "date 2025-08-30 ASTANA, August 30. /TASS/.\n\nPresident Tokayev signed the decree. It takes effect today."
	d, err := model.ParseText("wire.txt", in)
	if err != nil {
		t.Fatal(err)
	}
	if d.Place != "Astana" || d.Source != "TASS" {
		t.Errorf("Place %q, Source %q; want Astana, TASS", d.Place, d.Source)
	}
	if want := "President Tokayev signed the decree"; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
}

// TestTitleAbbreviationAfterQuote: an abbreviation or initial right after
// an opening quote or bracket does not end the sentence.
func TestTitleAbbreviationAfterQuote(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{`He said: "Mr. Smith is here." Then he left.`, `He said: "Mr. Smith is here."`},
		{"“Dr. King had a dream,” she said. Then more.", "“Dr. King had a dream,” she said"},
		{"‘J. Smith’ signed it. Nobody else did.", "‘J. Smith’ signed it"},
		{`"U.S. Marines will stay," he said. Others disagreed.`, `"U.S. Marines will stay," he said`},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText("q.txt", tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.want {
				t.Errorf("Title = %q, want %q", d.Title, tc.want)
			}
		})
	}
}

// TestTitleSentenceEndsAtLineBreak: a sentence end followed by a line break
// or by two spaces is still a sentence end. Paragraphs of hard-wrapped text
// (Reuters) and of some speeches have such ends.
func TestTitleSentenceEndsAtLineBreak(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"line break", "The talks ended on Friday.\nBoth sides went home.",
			"The talks ended on Friday"},
		{"two spaces", "The talks ended on Friday.  Both sides went home.",
			"The talks ended on Friday"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText("x.txt", tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.want {
				t.Errorf("Title = %q, want %q", d.Title, tc.want)
			}
		})
	}
}

// TestTitleKeepsAbbreviationStop: removing "the closing full stop" must not
// eat the stop of an abbreviation that ends the sentence.
func TestTitleKeepsAbbreviationStop(t *testing.T) {
	t.Parallel()
	d, err := model.ParseText("x.txt", "The delegation flew back to the U.S.")
	if err != nil {
		t.Fatal(err)
	}
	if want := "The delegation flew back to the U.S."; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
}

// TestPlaceInitialisms: capitalised initialisms in a dateline keep their
// capitals when the place is title-cased.
func TestPlaceInitialisms(t *testing.T) {
	t.Parallel()
	d, err := model.ParseText("w.txt", "date 2025-05-05 WASHINGTON, D.C., May 5. The Senate met. It adjourned.")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Washington, D.C."; d.Place != want {
		t.Errorf("Place = %q, want %q", d.Place, want)
	}
}

// TestMetadataWhitespace: Title, Place and Source are one-line display
// fields, so a tab inside them should become a plain space.
func TestMetadataWhitespace(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		field    func(*model.Document) string
		want     string
	}{
		{"headline title", "Headline\twith tab\n\nBody text here.", func(d *model.Document) string { return d.Title }, "Headline with tab"},
		{"dateline place", "date 2025-01-01 ASTANA, North\tRegion, May 5. Text.", func(d *model.Document) string { return d.Place }, "Astana, North Region"},
		{"credit source", "date 2025-01-01 Text here, Trend\tNews reports. More.", func(d *model.Document) string { return d.Source }, "Trend News"},
		{"slash source", "date 2025-01-01 ASTANA, May 5. /TA SS\tWire/. Text.", func(d *model.Document) string { return d.Source }, "TA SS Wire"},
		{"credit across a line break", "date 2025-01-01 Text here, Trend\nNews reports. More.", func(d *model.Document) string { return d.Source }, "Trend News"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText("tab.txt", tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got := tc.field(d)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// dumpDocument renders d as stable text for golden files.
func dumpDocument(d *model.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ID: %s\n", d.ID)
	fmt.Fprintf(&b, "Format: %s\n", d.Format)
	fmt.Fprintf(&b, "Title: %s\n", d.Title)
	fmt.Fprintf(&b, "Date: %s\n", d.DateString())
	fmt.Fprintf(&b, "Place: %s\n", d.Place)
	fmt.Fprintf(&b, "Source: %s\n", d.Source)
	fmt.Fprintf(&b, "Speaker: %s\n", d.Speaker)
	fmt.Fprintf(&b, "Words: %d\n", d.Words)
	if len(d.Problems) == 0 {
		b.WriteString("Problems: none\n")
	} else {
		b.WriteString("Problems:\n")
		for _, p := range d.Problems {
			fmt.Fprintf(&b, "- %s\n", p)
		}
	}
	fmt.Fprintf(&b, "Paragraphs: %d\n", len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		fmt.Fprintf(&b, "--- paragraph %d\n%s\n", i+1, p)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string // golden file is testdata/NAME.golden
		raw  func(t *testing.T) []byte
	}{
		{"seed", func(t *testing.T) []byte { return seedBytes(t) }},
		{"wire_tass", readTestdata("wire_tass.txt")},
		{"bbc_style", readTestdata("bbc_style.txt")},
		{"hostile", readTestdata("hostile.txt")},
		{"cp1252", readTestdata("cp1252.txt")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.Parse(tc.name+".txt", tc.raw(t))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkDoc(t, d)
			got := dumpDocument(d)
			if r, bad := controlIn(got, "\n"); bad {
				t.Errorf("dump holds control character %U", r)
			}
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./model -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the parsed document (run go test ./model -update to rewrite it)\n--- got\n%s--- want\n%s",
					golden, got, want)
			}
		})
	}
}

func readTestdata(name string) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

func FuzzParse(f *testing.F) {
	f.Add(string(seedBytes(f)))
	for _, group := range [][]parseCase{wireCases, plainCases} {
		for _, tc := range group {
			f.Add(tc.in)
		}
	}
	for _, name := range []string{"wire_tass.txt", "bbc_style.txt", "hostile.txt", "cp1252.txt"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(string(b))
		}
	}
	for _, tc := range sanitizeCases {
		f.Add("date 2025-01-01 " + tc.in)
	}
	f.Add("date 2025-01-01 ASTANA, May 5. /TASS/.")
	f.Add("date 0000-00-00 X, May 1. a, B reports.")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := model.ParseText("fuzz.txt", in)
		if err != nil {
			if !errors.Is(err, model.ErrEmpty) {
				t.Fatalf("ParseText(%q): unexpected error %v", in, err)
			}
			if s := strings.TrimSpace(model.Sanitize(in)); s != "" && !onlyDatePrefix.MatchString(s) {
				t.Fatalf("ErrEmpty for text %q", s)
			}
			return
		}
		for _, v := range brokenInvariants(d, false) {
			t.Errorf("%s\ninput %q", v, in)
		}
	})
}

func BenchmarkParseSeed(b *testing.B) {
	raw := seedBytes(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := model.Parse(seedName, raw); err != nil {
			b.Fatal(err)
		}
	}
}
