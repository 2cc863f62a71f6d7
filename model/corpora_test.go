package model_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"rostrum/model"
)

// The tests in this file load each real corpus of $ROSTRUM_CORPORA (read
// only; each folder's SOURCE.md describes it) and check known documents'
// metadata. They are skipped when the variable is not set.

// loadedCorpus is one corpus folder, loaded once however many tests ask.
type loadedCorpus struct {
	once  sync.Once
	dir   string
	c     *model.Corpus
	byRel map[string]*model.Document // slash-separated path relative to dir
	err   error
}

var (
	corporaMu     sync.Mutex
	loadedCorpora = map[string]*loadedCorpus{}
)

// loadCorpus loads the corpus folder name of $ROSTRUM_CORPORA, or skips t
// when the variable is not set. Different corpora load in parallel.
func loadCorpus(t *testing.T, name string) *loadedCorpus {
	t.Helper()
	root := os.Getenv("ROSTRUM_CORPORA")
	if root == "" {
		t.Skip("set ROSTRUM_CORPORA to the corpora folder (e.g. /work/shared/corpora) to run the per-corpus tests")
	}
	corporaMu.Lock()
	lc, ok := loadedCorpora[name]
	if !ok {
		lc = &loadedCorpus{dir: filepath.Join(root, name)}
		loadedCorpora[name] = lc
	}
	corporaMu.Unlock()
	lc.once.Do(func() {
		if _, lc.err = os.Stat(lc.dir); lc.err != nil {
			return
		}
		if lc.c, lc.err = model.Load(context.Background(), []string{lc.dir}, model.LoadOptions{}); lc.err != nil {
			return
		}
		lc.byRel = map[string]*model.Document{}
		for _, d := range lc.c.Docs {
			rel, err := filepath.Rel(lc.dir, d.Path)
			if err != nil {
				lc.err = err
				return
			}
			lc.byRel[filepath.ToSlash(rel)] = d
		}
	})
	if lc.err != nil {
		t.Fatalf("loading %s: %v", name, lc.err)
	}
	return lc
}

// doc returns the one document whose path ends with suffix (at a path
// separator), failing t when there is none or more than one.
func (lc *loadedCorpus) doc(t *testing.T, suffix string) *model.Document {
	t.Helper()
	var found []*model.Document
	for rel, d := range lc.byRel {
		if rel == suffix || strings.HasSuffix(rel, "/"+suffix) {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 0:
		t.Fatalf("no document whose path ends with %q", suffix)
	case 1:
	default:
		t.Fatalf("%d documents whose paths end with %q", len(found), suffix)
	}
	return found[0]
}

// under returns the documents whose relative path starts with prefix.
func (lc *loadedCorpus) under(prefix string) map[string]*model.Document {
	out := map[string]*model.Document{}
	for rel, d := range lc.byRel {
		if strings.HasPrefix(rel, prefix) {
			out[rel] = d
		}
	}
	return out
}

// checkAll fails t for every broken invariant of the corpus's documents.
func (lc *loadedCorpus) checkAll(t *testing.T) {
	t.Helper()
	bad := 0
	for rel, d := range lc.byRel {
		for _, v := range brokenInvariants(d, true) {
			if strings.HasPrefix(v, "cut title has") {
				// Some real titles end with "…" and are long (PolNeAR's
				// west-journal headlines): not a title Rostrum cut.
				continue
			}
			if bad++; bad <= 10 {
				t.Errorf("%s: %s", rel, v)
			}
		}
		if strings.TrimSpace(d.Title) == "" {
			t.Errorf("%s: no title", rel)
		}
		if strings.Contains("/"+rel, "/.") {
			t.Errorf("hidden file loaded: %s", rel)
		}
	}
	for _, p := range lc.c.Problems {
		if strings.Contains(p.Path, string(filepath.Separator)+".") {
			t.Errorf("hidden file reported as a problem: %s", p)
		}
	}
}

func TestCorpusUSPresidentialSpeeches(t *testing.T) {
	t.Parallel()
	lc := loadCorpus(t, "us-presidential-speeches")
	lc.checkAll(t)
	if len(lc.c.Problems) > 0 {
		t.Errorf("problems: %v", lc.c.Problems)
	}
	t.Run("coronavirus briefing", func(t *testing.T) {
		d := lc.doc(t, "data/2020-04-13-coronavirus-task-force-briefing.txt")
		checkWant(t, d, docWant{
			format: model.FormatText, speaker: "Donald Trump", date: "2020-04-13", checkYearOnly: true,
			bodyPrefix: "THE PRESIDENT: Thank you very much, everyone.",
		})
		if !strings.EqualFold(d.Title, "Coronavirus task force briefing") {
			t.Errorf("Title = %q, want the file name's slug", d.Title)
		}
		if d.Words < 20000 {
			t.Errorf("%d words; the transcript is over 26,000", d.Words)
		}
	})
	t.Run("first inaugural", func(t *testing.T) {
		d := lc.doc(t, "data/1789-04-30-first-inaugural-address.txt")
		checkWant(t, d, docWant{
			speaker: "George Washington", date: "1789-04-30",
			bodyPrefix: "Fellow Citizens of the Senate and the House of Representatives:",
		})
		if !strings.EqualFold(d.Title, "First inaugural address") {
			t.Errorf("Title = %q", d.Title)
		}
	})
	t.Run("file without extension", func(t *testing.T) {
		d := lc.doc(t, "data/2020-08-08-press-conference-executive-orders")
		checkWant(t, d, docWant{
			speaker: "Donald Trump", date: "2020-08-08", titleHas: "ress conference",
			bodyPrefix: "Thank you very much everybody.",
		})
	})
	t.Run("debate", func(t *testing.T) {
		d := lc.doc(t, "data/1988-09-25-debate-michael-dukakis.txt")
		checkWant(t, d, docWant{speaker: "George H. W. Bush", date: "1988-09-25", bodyPrefix: "**JIM LEHRER:** Good evening."})
	})
	t.Run("every speech", func(t *testing.T) {
		data := lc.under("data/")
		if len(data) != 289 {
			t.Errorf("%d documents under data/, want the 289 files", len(data))
		}
		for rel, d := range data {
			if d.Speaker == "" || !d.HasDate() || d.YearOnly || strings.HasPrefix(d.Body, "President:") {
				t.Errorf("%s: speaker %q, date %q, body %.40q", rel, d.Speaker, d.DateString(), d.Body)
			}
			if want := filepath.Base(rel)[:10]; d.DateString() != want {
				t.Errorf("%s: date %s, want %s from the name", rel, d.DateString(), want)
			}
		}
	})
}

func TestCorpusUNGeneralDebates(t *testing.T) {
	t.Parallel()
	lc := loadCorpus(t, "un-general-debates")
	lc.checkAll(t)
	if len(lc.c.Problems) > 0 {
		t.Errorf("problems (the ._ files must be skipped silently): %v", lc.c.Problems)
	}
	t.Run("Afghanistan 1991", func(t *testing.T) {
		d := lc.doc(t, "TXT/Session 46 - 1991/AFG_46_1991.txt")
		checkWant(t, d, docWant{
			place: "Afghanistan", date: "1991", yearOnly: true, titleHas: "Afghanistan",
			bodyPrefix: "At the outset I wish to convey", bodyLacks: []string{"\r", "\ufeff"},
		})
		// 56 paragraphs ended by lone CRs, one of them empty.
		if n := len(d.Paragraphs); n <= 40 {
			if n <= 3 && strings.Contains(d.Paragraphs[0], "\n") {
				t.Fatalf("regression: lone-CR paragraphs with one empty line come out as %d paragraphs of many lines "+
					"(splitParagraphs only splits at every line when there is no blank line at all)", n)
			}
			t.Errorf("%d paragraphs, want more than 40", n)
		}
	})
	t.Run("United States 2023", func(t *testing.T) {
		d := lc.doc(t, "TXT/Session 78 - 2023/USA_78_2023.txt")
		checkWant(t, d, docWant{
			place: "United States", date: "2023", yearOnly: true, titleHas: "United States",
			bodyPrefix: "About one week ago.",
		})
		if len(d.Paragraphs) < 20 {
			t.Errorf("%d paragraphs", len(d.Paragraphs))
		}
	})
	t.Run("European Union 2023", func(t *testing.T) {
		d := lc.doc(t, "EU_78_2023.txt")
		checkWant(t, d, docWant{place: "European Union", date: "2023", yearOnly: true, titleHas: "European Union"})
	})
	t.Run("Tonga 2023", func(t *testing.T) {
		checkWant(t, lc.doc(t, "TON_78_2023.txt"), docWant{place: "Tonga", date: "2023", titleHas: "UN General Debate"})
	})
	t.Run("mixed CR and CRLF", func(t *testing.T) {
		d := lc.doc(t, "WSM_46_1991.txt")
		checkWant(t, d, docWant{place: "Samoa", date: "1991", bodyLacks: []string{"\r"}})
	})
	t.Run("every speech", func(t *testing.T) {
		speeches := lc.under("TXT/")
		if len(speeches) != 162+192 {
			t.Errorf("%d speeches, want 354 (and no ._ companion file)", len(speeches))
		}
		var codes []string
		for rel, d := range speeches {
			if strings.HasPrefix(filepath.Base(rel), "._") {
				t.Errorf("AppleDouble file loaded: %s", rel)
			}
			year := rel[len(rel)-8 : len(rel)-4]
			if d.DateString() != year || !d.YearOnly {
				t.Errorf("%s: date %q (year only %v), want %s", rel, d.DateString(), d.YearOnly, year)
			}
			code, _, _ := strings.Cut(filepath.Base(rel), "_")
			if d.Place == "" {
				t.Errorf("%s: no place", rel)
			} else if d.Place == code {
				codes = append(codes, code)
			}
		}
		// Czechoslovakia (CSK) and Yugoslavia (YUG) spoke in 1991 under
		// codes withdrawn since; every other code resolves to a name.
		for _, c := range codes {
			if c != "CSK" && c != "YUG" {
				t.Errorf("country code %s not turned into a name", c)
			}
		}
		if len(codes) > 0 {
			t.Fatalf("regression: places left as codes: %v (withdrawn ISO 3166 codes are not in the gazetteer)", codes)
		}
	})
}

func TestCorpusBBCNews(t *testing.T) {
	t.Parallel()
	lc := loadCorpus(t, "bbc-news")
	lc.checkAll(t)
	if len(lc.c.Problems) > 0 {
		t.Errorf("problems: %v", lc.c.Problems)
	}
	t.Run("business 001", func(t *testing.T) {
		d := lc.doc(t, "bbc/business/001.txt")
		checkWant(t, d, docWant{
			format: model.FormatText, title: "Ad sales boost Time Warner profit", problemHas: "-",
			bodyPrefix: "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)",
			bodyLacks:  []string{"Ad sales boost Time Warner profit"}, dateNotSet: "the BBC files have no date",
		})
	})
	t.Run("sport 199 in Windows-1252", func(t *testing.T) {
		d := lc.doc(t, "bbc/sport/199.txt")
		checkWant(t, d, docWant{
			title: "Chelsea sack Mutu", bodyHas: []string{"£"}, bodyLacks: []string{"\ufffd"},
			problemHas: "Windows-1252", bodyPrefix: "Chelsea have sacked Adrian Mutu",
		})
	})
	t.Run("every article", func(t *testing.T) {
		articles := map[string]*model.Document{}
		for _, topic := range []string{"business", "entertainment", "politics", "sport", "tech"} {
			for rel, d := range lc.under("bbc/" + topic + "/") {
				articles[rel] = d
			}
		}
		if len(articles) != 1781 {
			t.Errorf("%d articles, want 1,781", len(articles))
		}
		var lostStop []string
		for rel, d := range articles {
			if strings.Contains(d.Body, "\ufffd") {
				t.Errorf("%s: replacement character in the body", rel)
			}
			if rel != "bbc/sport/199.txt" && len(d.Problems) > 0 {
				t.Errorf("%s: problems %q", rel, d.Problems)
			}
			raw, err := os.ReadFile(d.File)
			if err != nil {
				t.Fatal(err)
			}
			line1, _, _ := strings.Cut(string(raw), "\n")
			line1 = strings.Join(strings.Fields(line1), " ")
			switch {
			case d.Title == line1:
			case strings.HasSuffix(line1, "...") && d.Title == strings.TrimSuffix(line1, "."):
				lostStop = append(lostStop, rel)
			default:
				t.Errorf("%s: title %q, want line 1 %q", rel, d.Title, line1)
			}
		}
		if len(lostStop) > 0 {
			t.Fatalf("regression: a headline ending in \"...\" is not taken as one and loses a stop: %v", lostStop)
		}
	})
}

func TestCorpusPolNeAR(t *testing.T) {
	t.Parallel()
	lc := loadCorpus(t, "polnear")
	lc.checkAll(t)
	if len(lc.c.Problems) > 0 {
		t.Errorf("problems: %v", lc.c.Problems)
	}
	t.Run("Breitbart dev text", func(t *testing.T) {
		d := lc.doc(t, "data/dev/text/breitbart_2016-09-12_stealth-over-health-hillary-clin.txt")
		// The headline ends with a full stop; metadata.tsv gives it without.
		checkWant(t, d, docWant{
			format: model.FormatText, source: "breitbart", date: "2016-09-12", problemHas: "-",
			title: "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics",
		})
	})
	t.Run("New York Times dev text", func(t *testing.T) {
		d := lc.doc(t, "data/dev/text/nyt_2016-09-25_obama-says-african-american-muse.txt")
		checkWant(t, d, docWant{source: "nyt", date: "2016-09-25", titleHas: "African-American"})
	})
	t.Run("no annotation file is a document", func(t *testing.T) {
		for rel := range lc.byRel {
			if strings.HasSuffix(rel, ".ann") || strings.HasSuffix(rel, ".tsv") {
				t.Errorf("%s loaded as a document", rel)
			}
		}
	})
	t.Run("every text", func(t *testing.T) {
		texts := lc.under("data/")
		if len(texts) != 928 {
			t.Errorf("%d texts under data/, want 928", len(texts))
		}
		for rel, d := range texts {
			if !strings.Contains(rel, "/text/") {
				t.Errorf("%s: not a text file", rel)
				continue
			}
			publisher, rest, _ := strings.Cut(filepath.Base(rel), "_")
			if d.Source != publisher || d.DateString() != rest[:10] {
				t.Errorf("%s: source %q, date %q; want %q and %q", rel, d.Source, d.DateString(), publisher, rest[:10])
			}
			if d.Title == "" || strings.HasSuffix(d.Title, ".txt") {
				t.Errorf("%s: title %q", rel, d.Title)
			}
		}
	})
}

func TestCorpusReuters21578(t *testing.T) {
	t.Parallel()
	lc := loadCorpus(t, "reuters-21578")
	lc.checkAll(t)
	stories := lc.under("reut2-000.sgm#")
	t.Run("reut2-000 stories", func(t *testing.T) {
		// 1,000 stories; a few are tables with no title markup (UNPROC).
		if n := len(stories); n < 985 || n > 1000 {
			t.Errorf("%d documents from reut2-000.sgm, want about 1,000", n)
		}
		for _, p := range lc.c.Problems {
			t.Logf("problem: %s", p)
		}
	})
	t.Run("first story", func(t *testing.T) {
		d := lc.doc(t, "reut2-000.sgm#1")
		checkWant(t, d, docWant{
			format: model.FormatSGML, title: "Bahia Cocoa Review", date: "1987-02-26", checkYearOnly: true,
			place: "Salvador", source: "Reuters", problemHas: "-",
			bodyPrefix: "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January",
			bodyLacks:  []string{"&#", "<BODY>", "BAHIA COCOA REVIEW"},
		})
		if len(d.Paragraphs) < 10 {
			t.Errorf("%d paragraphs; the wrapped lines should be joined into the story's paragraphs", len(d.Paragraphs))
		}
		for i, p := range d.Paragraphs {
			if strings.Contains(p, "\n") {
				t.Errorf("paragraph %d keeps its hard line breaks: %q", i, p)
			}
		}
	})
	t.Run("entities decoded", func(t *testing.T) {
		d := lc.doc(t, "reut2-000.sgm#2")
		checkWant(t, d, docWant{
			place: "Cleveland", date: "1987-02-26", source: "Reuters", titleHas: "Financial Unit",
			bodyHas: []string{"Plc <BP>"}, bodyLacks: []string{"&lt;"},
		})
	})
	t.Run("unprocessed story", func(t *testing.T) {
		// NEWID 99 is a TYPE="UNPROC" table: no TITLE or BODY markup.
		if _, ok := stories["reut2-000.sgm#99"]; !ok {
			t.Fatal("regression: the TYPE=\"UNPROC\" story reut2-000.sgm#99 is a problem, not a document")
		}
		checkWant(t, stories["reut2-000.sgm#99"], docWant{date: "1987-02-26", bodyHas: []string{"Bank borrowings"}})
	})
	t.Run("every story", func(t *testing.T) {
		n := 0
		for rel, d := range lc.byRel {
			if d.Format != model.FormatSGML {
				continue
			}
			n++
			if d.Source != "Reuters" || !d.HasDate() {
				t.Errorf("%s: source %q, date %q", rel, d.Source, d.DateString())
			}
			if body := strings.TrimSpace(d.Body); strings.HasSuffix(body, "Reuter") || strings.HasSuffix(body, "REUTER") {
				t.Errorf("%s: body ends with the signature", rel)
			}
			if strings.Contains(d.Body, "&lt;") || strings.Contains(d.Body, "&#") || strings.Contains(d.Body, "\ufffd") {
				t.Errorf("%s: undecoded entity or bad character in %q", rel, d.Body)
			}
			if d.Title != strings.TrimSpace(d.Title) || strings.HasPrefix(d.Title, "*") {
				t.Errorf("%s: title %q", rel, d.Title)
			}
		}
		if n < 2950 || n > 3000 {
			t.Errorf("%d stories from the three .sgm files, want about 3,000", n)
		}
	})
	t.Run("stray byte in reut2-017", func(t *testing.T) {
		// One byte 0xFC (Latin-1 "ü") in the file: the story still loads.
		found := false
		for rel, d := range lc.under("reut2-017.sgm#") {
			if strings.Contains(d.Body, "world economic growth.ü") {
				found = true
				t.Logf("%s holds the stray byte as ü", rel)
			}
		}
		if !found {
			t.Errorf("no reut2-017.sgm story holds the stray 0xFC byte decoded as ü")
		}
	})
}
