package model_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"rostrum/model"
)

// The tests in this file and formats_*_test.go check the input formats and
// encodings of issue 5 on small synthetic inputs written there;
// corpora_test.go checks the real corpora.

func TestFormatMarkdown(t *testing.T) {
	t.Parallel()
	const front = "---\n" +
		"title: \"Rivers and Bridges\"\n" +
		"date: 2021-05-04\n" +
		"speaker: Jane Q. Public\n" +
		"source: City Hall Press Office\n" +
		"place: Springfield\n" +
		"tags: [rivers, infrastructure]\n" +
		"url: https://example.org/rivers\n" +
		"---\n"
	cases := []struct {
		name, path, text string
		want             docWant
	}{
		{
			name: "front matter", path: "speeches/rivers.md",
			text: front + "\n" + sentences + "\n\nA second paragraph follows here.\n",
			want: docWant{
				format: model.FormatMarkdown, title: "Rivers and Bridges", date: "2021-05-04",
				speaker: "Jane Q. Public", source: "City Hall Press Office", place: "Springfield",
				url: "https://example.org/rivers", keywords: []string{"rivers", "infrastructure"},
				bodyPrefix: "The committee met", paras: 2, problemHas: "-",
				bodyLacks: []string{"---", "title:", "tags:", "https://example.org"},
			},
		},
		{
			name: "front matter, no blank line after it", path: "rivers.markdown",
			text: front + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, title: "Rivers and Bridges", date: "2021-05-04",
				bodyPrefix: "The committee met", paras: 1, bodyLacks: []string{"---", "speaker:"},
			},
		},
		{
			name: "front matter with CRLF", path: "rivers.md",
			text: strings.ReplaceAll(front+"\n"+sentences+"\n", "\n", "\r\n"),
			want: docWant{
				format: model.FormatMarkdown, title: "Rivers and Bridges", speaker: "Jane Q. Public",
				bodyPrefix: "The committee met", bodyLacks: []string{"\r", "---"},
			},
		},
		{
			name: "upper-case extension", path: "RIVERS.MD",
			text: front + "\n" + sentences + "\n",
			want: docWant{format: model.FormatMarkdown, title: "Rivers and Bridges", bodyLacks: []string{"---"}},
		},
		{
			name: "front matter title wins over the heading", path: "rivers.md",
			text: front + "\n# A Heading\n\n" + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, title: "Rivers and Bridges",
				bodyPrefix: "# A Heading", paras: 2,
			},
		},
		{
			name: "heading gives the title", path: "notes.md",
			text: "# The River Plan\n\n" + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, title: "The River Plan", bodyPrefix: "The committee met",
				bodyLacks: []string{"# The River Plan"}, paras: 1, problemHas: "-",
			},
		},
		{
			name: "front matter without title, heading gives it", path: "notes.md",
			text: "---\ndate: May 4, 2021\nspeaker: Jane Q. Public\n---\n\n# The River Plan\n\n" + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, title: "The River Plan", date: "2021-05-04",
				speaker: "Jane Q. Public", bodyPrefix: "The committee met", paras: 1, problemHas: "-",
			},
		},
		{
			name: "invalid YAML is a problem and the text loads", path: "broken.md",
			text: "---\ntitle: [never closed\nspeaker: Jane\n---\n\n" + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, problemHas: "front matter",
				bodyHas:  []string{"The committee met on Tuesday.", "~~~yaml\ntitle: [never closed\nspeaker: Jane\n~~~"},
				speaker:  "-",
				titleNot: "title: [never closed",
			},
		},
		{
			name: "a billion laughs in front matter is refused and says so", path: "laughs.md",
			text: "---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + bombLevels(9) + "title: *l8\n---\n\n" + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, problemHas: "front matter not read: line 7: too many aliases",
				bodyHas: []string{"The committee met on Tuesday."},
			},
		},
		{
			name: "a wrong type in front matter says which line and what", path: "types.md",
			text: "---\ntitle: [a, list]\ntags: {not: a list}\n---\n\n" + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, bodyHas: []string{"The committee met on Tuesday."},
				problemHas: "front matter is not valid YAML: line 2: cannot unmarshal !!seq into string; line 3: cannot unmarshal !!map into []string",
			},
		},
		{
			name: "a title from Markdown text loses its inline syntax", path: "notes.md",
			text: "Some *emphasis*, `code` and __bold__ in [the title](http://x.y) of snake_case and 2*3.\n\n" + sentences + "\n",
			want: docWant{
				format: model.FormatMarkdown, title: "Some emphasis, code and bold in the title of snake_case and 2*3",
			},
		},
		{
			name: "front matter in a .txt file is not read as Markdown", path: "rivers.txt",
			text: front + "\n" + sentences + "\n",
			want: docWant{
				format: model.FormatText, url: "-", keywordsEmpty: true, speaker: "-",
				titleNot: "Rivers and Bridges", bodyHas: []string{"The committee met"},
			},
		},
		{
			name: "a heading in a .txt file is not a Markdown heading", path: "notes.txt",
			text: "# The River Plan\n\n" + sentences + "\n",
			want: docWant{formatNot: model.FormatMarkdown},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := model.ParseText(tc.path, tc.text)
			if err != nil {
				t.Fatalf("ParseText: %v", err)
			}
			checkWant(t, d, tc.want)
		})
	}
	t.Run("loaded from a folder", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{
			"a.md":       []byte(front + "\n" + sentences + "\n"),
			"b.markdown": []byte("# The River Plan\n\n" + sentences + "\n"),
		})
		docs, c := loadDir(t, dir, dir)
		if len(c.Problems) > 0 {
			t.Errorf("problems: %v", c.Problems)
		}
		checkWant(t, docs["a.md"], docWant{format: model.FormatMarkdown, title: "Rivers and Bridges", date: "2021-05-04"})
		checkWant(t, docs["b.markdown"], docWant{format: model.FormatMarkdown, title: "The River Plan"})
	})
}

func TestFormatJSONL(t *testing.T) {
	t.Parallel()
	const input = `{"title": "Harbour Speech", "date": "2019-06-01", "speaker": "Ana Silva", "source": "Port Authority", "place": "Lisbon", "tags": ["ports", "trade"], "url": "https://example.org/1", "text": "The harbour will open a new quay next year. “We are ready for the ships,” said Ana Silva. Trade is expected to grow."}
{"title": "Second Record", "date": "March 3, 2020", "text": "A short second record about the budget.\n\nIt has two paragraphs."}
this line is not JSON at all

{"title": "No Text Here", "date": "2020-01-01"}
{"text": "The third good record has no metadata at all. It is only text."}
`
	for _, ext := range []string{".jsonl", ".ndjson"} {
		t.Run(ext, func(t *testing.T) {
			t.Parallel()
			path := "feeds/news" + ext
			docs, probs := model.ParseJSONL(path, []byte(input))
			if len(docs) != 3 {
				t.Fatalf("%d documents, want 3", len(docs))
			}
			checkWant(t, docs[0], docWant{
				format: model.FormatJSONL, title: "Harbour Speech", date: "2019-06-01",
				speaker: "Ana Silva", source: "Port Authority", place: "Lisbon",
				url: "https://example.org/1", keywords: []string{"ports", "trade"},
				quotes: true, pathSuffix: ":1", problemHas: "-",
				bodyPrefix: "The harbour will open",
			})
			if q := docs[0].Quotes; len(q) > 0 {
				if got := q[0].Text(docs[0].Body); !strings.Contains(got, "ready for the ships") {
					t.Errorf("first quote is %q", got)
				}
				if q[0].Speaker != "Ana Silva" {
					t.Errorf("first quote's speaker is %q", q[0].Speaker)
				}
			}
			checkWant(t, docs[1], docWant{
				format: model.FormatJSONL, title: "Second Record", date: "2020-03-03",
				paras: 2, pathSuffix: ":2", url: "-",
			})
			checkWant(t, docs[2], docWant{
				format: model.FormatJSONL, title: "The third good record has no metadata at all",
				pathSuffix: ":6", dateNotSet: "no date in the record", place: "-", source: "-",
			})
			if len(probs) != 2 {
				t.Fatalf("problems %v, want 2", probs)
			}
			for i, line := range []string{":3", ":5"} {
				if p := probs[i]; p.Path != path+line || strings.TrimSpace(p.Reason) == "" || strings.Contains(p.Reason, "\n") {
					t.Errorf("problem %d = %q, want path %q and a one-line reason", i, p, path+line)
				}
			}
			// IDs: unique, and the same on a second parse.
			again, _ := model.ParseJSONL(path, []byte(input))
			seen := map[string]bool{}
			for i, d := range docs {
				if seen[d.ID] {
					t.Errorf("duplicate ID %s", d.ID)
				}
				seen[d.ID] = true
				if again[i].ID != d.ID {
					t.Errorf("record %d: ID %s then %s", i, d.ID, again[i].ID)
				}
			}
		})
	}
	t.Run("CRLF lines", func(t *testing.T) {
		t.Parallel()
		docs, probs := model.ParseJSONL("x.jsonl", []byte(strings.ReplaceAll(input, "\n", "\r\n")))
		if len(docs) != 3 || len(probs) != 2 {
			t.Fatalf("%d documents and %d problems, want 3 and 2", len(docs), len(probs))
		}
		if probs[0].Path != "x.jsonl:3" || probs[1].Path != "x.jsonl:5" {
			t.Errorf("problems at %q and %q", probs[0].Path, probs[1].Path)
		}
	})
	t.Run("loaded from a folder", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{"a.jsonl": []byte(input), "b.ndjson": []byte(input)})
		docs, c := loadDir(t, dir, dir)
		want := []string{"a.jsonl:1", "a.jsonl:2", "a.jsonl:6", "b.ndjson:1", "b.ndjson:2", "b.ndjson:6"}
		if got := keysOf(docs); !slices.Equal(got, want) {
			t.Errorf("documents %q, want %q", got, want)
		}
		if len(c.Problems) != 4 {
			t.Errorf("problems %v, want 4", c.Problems)
		}
		for _, p := range c.Problems {
			if !strings.HasSuffix(p.Path, ":3") && !strings.HasSuffix(p.Path, ":5") {
				t.Errorf("problem %q does not end with the line number", p)
			}
		}
		seen := map[string]bool{}
		for _, d := range c.Docs {
			if seen[d.ID] {
				t.Errorf("duplicate ID %s in the corpus", d.ID)
			}
			seen[d.ID] = true
		}
		checkWant(t, docs["a.jsonl:1"], docWant{title: "Harbour Speech", speaker: "Ana Silva", format: model.FormatJSONL})
	})
	t.Run("nothing but broken lines", func(t *testing.T) {
		t.Parallel()
		docs, probs := model.ParseJSONL("x.jsonl", []byte("not json\n{\"title\": \"t\"}\n"))
		if len(docs) != 0 || len(probs) != 2 {
			t.Errorf("%d documents and %d problems, want 0 and 2", len(docs), len(probs))
		}
	})
	t.Run("JSON followed by more on the same line", func(t *testing.T) {
		t.Parallel()
		// One JSON object per line: a line with a second object or trailing
		// text is broken, and must not load half of itself silently.
		docs, probs := model.ParseJSONL("x.jsonl", []byte(`{"text": "The first object on the line."}{"text": "A second object."}`+"\n"+
			`{"text": "Another object."} and trailing words`+"\n"))
		if len(probs) == 2 && len(docs) == 0 {
			return
		}
		if len(probs) == 0 && len(docs) == 2 {
			t.Fatal("regression: ParseJSONL decodes only the first JSON value of a line: `{...}{...}` and `{...} junk` load silently, the rest of the line is dropped")
		}
		t.Errorf("%d documents and %v problems, want 0 and 2", len(docs), probs)
	})
}

// reutersFile is two stories in the Reuters-21578 layout (text invented
// for the test).
const reutersFile = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9001" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>brazil</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0001&#31;reute
u f BC-TEST-STORY   02-26 0100</UNKNOWN>
<TEXT>&#2;
<TITLE>BAHIA COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Rain fell over the growing region all
week and growers said the late crop
looked better than expected.
    Shipments for the week came to 12,000 bags
against 9,000 a year ago, traders said.
    Prices for spot beans were firm, and one
dealer said stocks were &lt;below&gt; last year's level.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9002" NEWID="2">
<DATE> 2-MAR-1987 09:12:44.10</DATE>
<TOPICS></TOPICS>
<TEXT>&#2;
<TITLE>ACME &lt;ACM> TO BUY WIDGET MAKER</TITLE>
<DATELINE>    NEW YORK, March 2 - </DATELINE><BODY>Acme Corp &lt;ACM> said it agreed to buy
a maker of widgets for 40 mln dlrs in cash.
    The deal is expected to close in the second quarter.
 REUTER
&#3;</BODY></TEXT>
</REUTERS>
`

func TestFormatSGML(t *testing.T) {
	t.Parallel()
	docs, probs := model.ParseSGML("wire/reut.sgm", []byte(reutersFile))
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	t.Run("first story", func(t *testing.T) {
		checkWant(t, docs[0], docWant{
			format: model.FormatSGML, title: "Bahia Cocoa Review", date: "1987-02-26",
			checkYearOnly: true, place: "Salvador", source: "Reuters", paras: 3, problemHas: "-",
			bodyPrefix: "Rain fell over the growing region all week and growers said the late crop looked better than expected.",
			bodyHas: []string{
				"Shipments for the week came to 12,000 bags against 9,000 a year ago, traders said.",
				"stocks were <below> last year's level.",
			},
			bodyLacks: []string{"&lt;", "&gt;", "&#", "BAHIA COCOA REVIEW", "SALVADOR", "<BODY>"},
		})
		if strings.HasSuffix(strings.TrimSpace(docs[0].Body), "Reuter") {
			t.Errorf("body ends with the Reuter signature: %q", docs[0].Body)
		}
	})
	t.Run("second story", func(t *testing.T) {
		checkWant(t, docs[1], docWant{
			format: model.FormatSGML, titleHas: "Widget Maker", date: "1987-03-02",
			place: "New York", source: "Reuters", paras: 2,
			bodyHas:   []string{"Acme Corp <ACM> said it agreed to buy a maker of widgets for 40 mln dlrs in cash."},
			bodyLacks: []string{"&lt;", "REUTER", "Reuter"},
		})
	})
	t.Run("IDs", func(t *testing.T) {
		again, _ := model.ParseSGML("elsewhere.sgm", []byte(reutersFile))
		if docs[0].ID == docs[1].ID {
			t.Errorf("both stories have ID %s", docs[0].ID)
		}
		for i := range docs {
			if again[i].ID != docs[i].ID {
				t.Errorf("story %d: ID %s, then %s for the same text", i, docs[i].ID, again[i].ID)
			}
		}
	})
	t.Run("loaded from a folder", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		writeFiles(t, dir, map[string][]byte{"reut2-000.sgm": []byte(reutersFile)})
		_, c := loadDir(t, dir, dir)
		if c.Len() != 2 || len(c.Problems) != 0 {
			t.Fatalf("%d documents and problems %v, want 2 and none", c.Len(), c.Problems)
		}
		checkWant(t, c.Docs[0], docWant{format: model.FormatSGML, title: "Bahia Cocoa Review", place: "Salvador"})
	})
	t.Run("story without text markup", func(t *testing.T) {
		t.Parallel()
		// TYPE="UNPROC" stories have their text straight in <TEXT>, with no
		// TITLE, DATELINE or BODY; they are stories all the same.
		const unproc = `<REUTERS TOPICS="NO" NEWID="3">
<DATE> 2-MAR-1987 10:00:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
WEEKLY MONEY FIGURES - MARCH 2
    One week ended March 2
 Notes in circulation.........101.5 up....0.3
 Reserve balances..............12.0 down..0.1
 Reuter
&#3;</TEXT>
</REUTERS>
`
		docs, probs := model.ParseSGML("u.sgm", []byte(unproc))
		if len(docs) == 1 {
			checkWant(t, docs[0], docWant{format: model.FormatSGML, date: "1987-03-02", source: "Reuters",
				bodyHas: []string{"Notes in circulation"}, bodyLacks: []string{"Reuter", "&#"}})
			if !strings.Contains(strings.ToLower(docs[0].Title), "weekly money figures") {
				t.Errorf("Title = %q, want the story's first line", docs[0].Title)
			}
			return
		}
		if len(probs) == 1 && strings.Contains(probs[0].Reason, "no title and no text") {
			t.Fatal("regression: ParseSGML reads only <TITLE>/<BODY>, so a TYPE=\"UNPROC\" story (text directly in <TEXT>) " +
				"becomes the problem \"story with no title and no text\" and its text is lost")
		}
		t.Errorf("%d documents, problems %v; want 1 document", len(docs), probs)
	})
}

// bombLevels writes levels 1 to n-1 of a "billion laughs": each a list of
// nine aliases to the level before.
func bombLevels(n int) string {
	var b strings.Builder
	for i := 1; i < n; i++ {
		a := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.Repeat(a+", ", 8)+a)
	}
	return b.String()
}
