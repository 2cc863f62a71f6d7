package model_test

// Fuzz targets for the input formats: JSON Lines, Reuters SGML, Markdown
// front matter, and text under the file names that change how it is read.
// Every document they return must keep its offsets inside its body on rune
// boundaries and hold nothing unsafe to print. Run one with, for example,
//
//	go test -run '^$' -fuzz '^FuzzParseJSONL$' -fuzztime 20s ./model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"rostrum/model"
	"rostrum/model/quotes"
)

// fzField checks one string field: no unsafe character (newlines and tabs
// allowed only when multiline), valid UTF-8, and Sanitize leaves it as it
// is.
func fzField(t *testing.T, what, v string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(v) {
		t.Errorf("%s is not valid UTF-8: %q", what, v)
	}
	if r, bad := hardUnsafe(v, multiline); bad {
		t.Errorf("%s holds %U: %q", what, r, v)
	}
	if s := model.Sanitize(v); s != v {
		t.Errorf("%s is not sanitised:\n field     %q\n Sanitize  %q", what, v, s)
	}
}

// fzCheckDoc checks the invariants every parsed document keeps, whatever
// its input.
func fzCheckDoc(t *testing.T, d *model.Document) {
	t.Helper()
	if d == nil {
		t.Fatal("nil document without an error")
	}
	if d.Body == "" {
		t.Errorf("%s: empty body", d.Path)
	}
	if j := strings.Join(d.Paragraphs, "\n\n"); j != d.Body {
		t.Errorf("%s: Body is not its paragraphs joined:\n body %q\n join %q", d.Path, d.Body, j)
	}
	fzField(t, "Body", d.Body, true)
	for _, f := range []struct{ name, v string }{
		{"Title", d.Title}, {"Speaker", d.Speaker}, {"Place", d.Place},
		{"Source", d.Source}, {"Path", d.Path}, {"URL", d.URL},
	} {
		fzField(t, f.name, f.v, false)
	}
	for i, k := range d.Keywords {
		fzField(t, fmt.Sprintf("Keywords[%d]", i), k, false)
	}
	for i, p := range d.Problems {
		if p == "" {
			t.Errorf("Problems[%d] is empty", i)
		}
		fzField(t, fmt.Sprintf("Problems[%d]", i), p, false)
	}
	hardCheckOffsets(t, d)
	if t.Failed() {
		return // offsets out of range would make the rest panic
	}
	for kind, spans := range map[string][]quotes.Span{"quote": d.Quotes, "term": d.Terms} {
		for i, q := range spans {
			what := fmt.Sprintf("%s %d", kind, i)
			fzField(t, what+" text", q.Text(d.Body), true)
			fzField(t, what+" speaker", q.Speaker, false)
			fzField(t, what+" mention", q.Mention, true)
			fzField(t, what+" cue", q.Cue, true)
			if q.Paragraph < 0 || q.Paragraph > q.LastParagraph || q.LastParagraph >= len(d.Paragraphs) {
				t.Errorf("%s: paragraphs %d..%d of %d", what, q.Paragraph, q.LastParagraph, len(d.Paragraphs))
			}
			for j, seg := range q.Segments {
				if seg.Start < q.Outer.Start || seg.End > q.Outer.End {
					t.Errorf("%s: segment %d [%d,%d) outside its span [%d,%d)", what, j, seg.Start, seg.End, q.Outer.Start, q.Outer.End)
				}
				if j > 0 && seg.Start < q.Segments[j-1].End {
					t.Errorf("%s: segment %d overlaps the one before", what, j)
				}
			}
		}
	}
	for i, p := range d.People {
		fzField(t, fmt.Sprintf("person %d name", i), p.Name, false)
		for j, r := range p.Roles {
			fzField(t, fmt.Sprintf("person %d role %d", i, j), r, false)
		}
	}
	for i, tg := range d.Topics {
		fzField(t, fmt.Sprintf("topic %d ID", i), tg.ID, false)
		fzField(t, fmt.Sprintf("topic %d label", i), tg.Label, false)
		fzField(t, fmt.Sprintf("topic %d top label", i), tg.TopLabel, false)
		for j, term := range tg.Terms {
			fzField(t, fmt.Sprintf("topic %d term %d", i, j), term, false)
		}
	}
	for kind, vs := range map[string][]string{"person": d.Facets.People, "org": d.Facets.Organisations, "place": d.Facets.Places, "source": {d.Facets.Source}} {
		for i, v := range vs {
			fzField(t, fmt.Sprintf("facet %s %d", kind, i), v, false)
		}
	}
}

// fzCheckProblems checks the problems of a many-document file: a path
// and a reason, each one clean line.
func fzCheckProblems(t *testing.T, probs []model.Problem) {
	t.Helper()
	for i, p := range probs {
		if strings.TrimSpace(p.Reason) == "" {
			t.Errorf("problem %d (%q) has no reason", i, p.Path)
		}
		fzField(t, fmt.Sprintf("problem %d path", i), p.Path, false)
		fzField(t, fmt.Sprintf("problem %d reason", i), p.Reason, false)
	}
}

// fzPlaces checks that the documents and problems of a many-document file
// are named path + sep + N with N counting up from 1, and that no N is
// both a document and a problem. Problems for the whole file carry the
// bare path.
func fzPlaces(t *testing.T, path, sep string, docs []*model.Document, probs []model.Problem) {
	t.Helper()
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(path+sep) + `([1-9][0-9]*)$`)
	seen := map[int]string{}
	check := func(kind, p string, last *int) {
		if p == path && kind == "problem" {
			return
		}
		m := re.FindStringSubmatch(p)
		if m == nil {
			t.Errorf("%s path %q is not %s%sN", kind, p, path, sep)
			return
		}
		n, _ := strconv.Atoi(m[1])
		if n <= *last {
			t.Errorf("%s %q out of order (after %d)", kind, p, *last)
		}
		*last = n
		if other, dup := seen[n]; dup {
			t.Errorf("%s%s%d is both a %s and a %s", path, sep, n, other, kind)
		}
		seen[n] = kind
	}
	last := 0
	for _, d := range docs {
		check("document", d.Path, &last)
	}
	last = 0
	for _, p := range probs {
		check("problem", p.Path, &last)
	}
}

// fzTestdata returns the testdata files that exist among names.
func fzTestdata(names ...string) [][]byte {
	var out [][]byte
	for _, n := range names {
		if b, err := os.ReadFile(filepath.Join("testdata", n)); err == nil {
			out = append(out, b)
		}
	}
	return out
}

var fzJSONLSeeds = []string{
	`{"title":"Address to the nation","date":"2021-01-20","speaker":"Joseph R. Biden","place":"Washington, D.C.","tags":["inauguration","democracy"],"url":"https://example.org/1","text":"My fellow Americans.\n\nThis is America's day. \"We will lead,\" he said."}` + "\n" +
		`{"title":"Second","text":"Another record with “curly quotes” and a dateline.","source":"AP"}` + "\n",
	`{"text":"date 2025-09-01 TIANJIN, China, September 1. /TASS/. President Tokayev said “we support the SCO”."}`,
	"\n\n{\"text\":\"after blank lines\"}\r\n{bad json\r\n[1,2]\n{\"title\":\"no text\"}\n{\"text\":\"a\"} {\"text\":\"b\"}\n",
	`{"text":"escapes \u001b[31mred\u001b[0m \u202eevil\u202c \u0085next \u0000nul","title":"\u001b]0;pwned\u0007Title","speaker":"A\nB","tags":["\u009b31m","ok"]}`,
	`{"text":42}` + "\n" + `null` + "\n" + `{"text":""}` + "\n" + `{"text":"   \t  "}` + "\n",
	"\xef\xbb\xbf{\"text\":\"with a byte order mark\"}\n{\"text\":\"Caf\xe9 in Latin-1\"}",
	`{"title":"Nested","text":"He said: \"She told me 'no' and left.\" Then \"another","date":"not a date"}`,
}

func FuzzParseJSONL(f *testing.F) {
	for _, s := range fzJSONLSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		const path = "fuzz.jsonl"
		docs, probs := model.ParseJSONL(path, raw)
		for _, d := range docs {
			fzCheckDoc(t, d)
			if d.Format != model.FormatJSONL {
				t.Errorf("%s: format %q, want jsonl", d.Path, d.Format)
			}
		}
		fzCheckProblems(t, probs)
		fzPlaces(t, path, ":", docs, probs)
		if lines := strings.Count(string(raw), "\n") + 1; len(docs)+len(probs) > lines {
			t.Errorf("%d documents and %d problems from %d lines", len(docs), len(probs), lines)
		}
	})
}

var fzSGMLSeeds = []string{
	`<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D><D>usa</D><D>uruguay</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute
u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
<TEXT>&#2;
<TITLE>BAHIA COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao,
although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review.
    The dry period means the temporao will be late this year.
    "The temporao is expected to be good," one trader said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
`,
	`<REUTERS NEWID="2"><DATE>1-MAR-1987 09:00:00.00</DATE><TEXT><TITLE>U.S. &lt;GM&gt; SAYS "PROFITS UP"</TITLE><DATELINE>    NEW YORK, March 1 - </DATELINE><BODY>General Motors Corp &lt;GM> said profits rose.
 Reuter
&#3;</BODY></TEXT></REUTERS>
<REUTERS NEWID="3"><TEXT TYPE="UNPROC">&#2;
Unprocessed story text with no title, kept straight inside the text.
&#3;</TEXT></REUTERS>
<REUTERS NEWID="4"><TEXT TYPE="BRIEF">&#2;
<TITLE>BRIEF ONLY</TITLE>
&#3;</TEXT></REUTERS>
<REUTERS NEWID="5"><TEXT></TEXT></REUTERS>`,
	`<REUTERS NEWID="6"><DATE>bad date</DATE><TEXT><TITLE>&#27;[31mESCAPED&#27;[0m &#x202e;TITLE</TITLE><DATELINE>ZZ, Foo 99 -</DATELINE><BODY>&#155;31m body &#133; with &#0; entities</BODY></TEXT></REUTERS>`,
	`<REUTERS NEWID="7"><TEXT><TITLE>UNCLOSED`,
	`<REUTERS NEWID="8"></REUTERS><REUTERS><BODY>nested <REUTERS NEWID="9"><BODY>inner</BODY></REUTERS> tail</BODY></REUTERS>`,
}

func FuzzParseSGML(f *testing.F) {
	for _, s := range fzSGMLSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		const path = "fuzz.sgm"
		docs, probs := model.ParseSGML(path, raw)
		for _, d := range docs {
			fzCheckDoc(t, d)
			if d.Format != model.FormatSGML || d.Source != "Reuters" {
				t.Errorf("%s: format %q, source %q; want sgml, Reuters", d.Path, d.Format, d.Source)
			}
		}
		fzCheckProblems(t, probs)
		fzPlaces(t, path, "#", docs, probs)
		if stories := strings.Count(string(raw), "<REUTERS"); len(docs)+len(probs) > max(stories, 1) {
			t.Errorf("%d documents and %d problems from %d stories", len(docs), len(probs), stories)
		}
	})
}

// fzParseErr fails t unless err is one a file's content can cause.
func fzParseErr(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, model.ErrEmpty) && !errors.Is(err, model.ErrBinary) {
		t.Errorf("unexpected error %v", err)
	}
	if r, bad := hardUnsafe(err.Error(), false); bad {
		t.Errorf("error holds %U: %q", r, err.Error())
	}
}

var fzFrontMatterSeeds = []string{
	"\ntitle: \"Remarks at the summit\"\ndate: 2023-05-19\nspeaker: Fumio Kishida\nplace: Hiroshima, Japan\nsource: MOFA\ntags: [g7, nuclear]\nurl: https://example.org/g7\n---\n# Remarks\n\nThank you. “We stand united,” the Prime Minister said.\n",
	"\ntitle: [unclosed\n---\nBody after broken YAML.\n",
	"\n---\nEmpty front matter.\n",
	"\ntitle: Never closed\n\nBody of a file whose front matter runs on.\n",
	"\r\ntitle: CRLF\r\ndate: 2020-01-02\r\n---\r\nWindows line endings.\r\n",
	"\ntitle: !!binary aGVsbG8=\ndate: 99999-99-99\ntags: {a: b}\n---\nOdd YAML types.\n",
	"\ntitle: \"\\e[31mred\\u202e\\x85\"\nspeaker: |\n  two\n  lines\n---\nEscapes inside YAML strings.\n",
	"\na: &a [*a]\n---\nAn alias loop.\n",
	"\n---\n",
	"-\n---\n---\n# Only a heading\n",
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range fzFrontMatterSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rest string) {
		d, err := model.Parse("fuzz.md", []byte("---"+rest))
		if err != nil {
			fzParseErr(t, err)
			return
		}
		fzCheckDoc(t, d)
		if d.Format != model.FormatMarkdown {
			t.Errorf("format %q, want markdown", d.Format)
		}
	})
}

// fzNames are the file names FuzzParseFormats parses under: each changes
// how a text is read.
var fzNames = []string{"fuzz.txt", "fuzz.md", "fuzz", "TON_78_2023.txt", "2020-01-24-speech.txt"}

func FuzzParseFormats(f *testing.F) {
	texts := [][]byte{
		[]byte("date 2025-09-01 TIANJIN, China, September 1. /TASS/. President Kassym-Jomart Tokayev said “we support the SCO” on Monday, Trend reports.\n\nHe added: \"Cooperation matters.\"\n"),
		[]byte("Headline of a plain story\n\nFirst paragraph of the story. It goes on.\n\nSecond paragraph, with a quote: “This is it,” she said.\n"),
		[]byte("Title: Farewell Address\nSpeaker: George Washington\nDate: September 19, 1796\nPlace: Philadelphia\n\nFriends and Citizens: The period for a new election ...\n"),
		[]byte("---\ntitle: Front matter\n---\n# Heading\n\nMarkdown *body* with > quotes.\n"),
		[]byte("Mr. President,\r\nAt the outset I congratulate you.\rLone CR paragraph one.\rLone CR paragraph two.\r"),
		[]byte("\xff\xfeH\x00i\x00!\x00"),
		[]byte("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \u202eevil\u202c \x9b31m C1 \xc2\x85 NEL"),
		[]byte(strings.Repeat("“", 40) + strings.Repeat(`"`, 41) + " words " + strings.Repeat("”", 13)),
	}
	texts = append(texts, fzTestdata("wire_tass.txt", "bbc_style.txt", "hostile.txt", "cp1252.txt")...)
	for i, tx := range texts {
		for k := range fzNames {
			if (i+k)%2 == 0 || k == 1 {
				f.Add(uint8(k), tx)
			}
		}
	}
	f.Fuzz(func(t *testing.T, kind uint8, raw []byte) {
		path := fzNames[int(kind)%len(fzNames)]
		d, err := model.Parse(path, raw)
		if err != nil {
			fzParseErr(t, err)
			return
		}
		fzCheckDoc(t, d)
		if d.Path != path {
			t.Errorf("Path = %q, want %q", d.Path, path)
		}
	})
}
