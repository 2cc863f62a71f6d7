package model_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rostrum/model"
)

// docWant is what a test expects of one document. An empty string field is
// not checked; "-" means the field must be empty. Date is YYYY-MM-DD, or
// YYYY when only the year is known.
type docWant struct {
	format, formatNot model.Format
	title, titleHas   string
	titleNot          string // the title must not be this
	date              string
	yearOnly          bool
	checkYearOnly     bool   // check YearOnly even when yearOnly is false
	dateNotSet        string // when set, the date must be unknown (the text says why)
	place, source     string
	speaker, url      string
	keywords          []string
	keywordsEmpty     bool
	bodyPrefix        string
	bodyHas           []string
	bodyLacks         []string
	paras             int    // 0: not checked
	problemHas        string // a problem note must contain it; "-": no problem at all
	pathSuffix        string
	quotes            bool // at least one quotation found
}

// fieldIs checks one metadata field against a docWant value.
func fieldIs(t *testing.T, name, got, want string) {
	t.Helper()
	switch want {
	case "":
	case "-":
		if got != "" {
			t.Errorf("%s = %q, want empty", name, got)
		}
	default:
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// checkWant fails t for every way d differs from w, and for every broken
// document invariant.
func checkWant(t *testing.T, d *model.Document, w docWant) {
	t.Helper()
	if d == nil {
		t.Fatal("no document")
	}
	// A loaded document may carry the "-N" a corpus adds to a duplicate ID.
	for _, v := range brokenInvariants(d, d.File != "") {
		t.Error(v)
	}
	if w.format != "" && d.Format != w.format {
		t.Errorf("Format = %q, want %q", d.Format, w.format)
	}
	if w.formatNot != "" && d.Format == w.formatNot {
		t.Errorf("Format = %q, want anything else", d.Format)
	}
	fieldIs(t, "Title", d.Title, w.title)
	fieldIs(t, "Date", d.DateString(), w.date)
	fieldIs(t, "Place", d.Place, w.place)
	fieldIs(t, "Source", d.Source, w.source)
	fieldIs(t, "Speaker", d.Speaker, w.speaker)
	fieldIs(t, "URL", d.URL, w.url)
	if w.titleHas != "" && !strings.Contains(d.Title, w.titleHas) {
		t.Errorf("Title = %q, want it to contain %q", d.Title, w.titleHas)
	}
	if w.titleNot != "" && d.Title == w.titleNot {
		t.Errorf("Title = %q, want anything else", d.Title)
	}
	if (w.yearOnly || w.checkYearOnly) && d.YearOnly != w.yearOnly {
		t.Errorf("YearOnly = %v, want %v", d.YearOnly, w.yearOnly)
	}
	if w.keywords != nil && !slices.Equal(d.Keywords, w.keywords) {
		t.Errorf("Keywords = %q, want %q", d.Keywords, w.keywords)
	}
	if w.keywordsEmpty && len(d.Keywords) > 0 {
		t.Errorf("Keywords = %q, want none", d.Keywords)
	}
	for _, s := range w.bodyHas {
		if !strings.Contains(d.Body, s) {
			t.Errorf("Body lacks %q:\n%q", s, d.Body)
		}
	}
	for _, s := range w.bodyLacks {
		if strings.Contains(d.Body, s) {
			t.Errorf("Body holds %q:\n%q", s, d.Body)
		}
	}
	if w.bodyPrefix != "" && !strings.HasPrefix(d.Body, w.bodyPrefix) {
		t.Errorf("Body starts %q, want %q", d.Body[:min(len(d.Body), 60)], w.bodyPrefix)
	}
	if w.paras != 0 && len(d.Paragraphs) != w.paras {
		t.Errorf("%d paragraphs, want %d: %q", len(d.Paragraphs), w.paras, d.Paragraphs)
	}
	switch w.problemHas {
	case "":
	case "-":
		if len(d.Problems) > 0 {
			t.Errorf("Problems = %q, want none", d.Problems)
		}
	default:
		if !slices.ContainsFunc(d.Problems, func(p string) bool { return strings.Contains(p, w.problemHas) }) {
			t.Errorf("Problems = %q, want one containing %q", d.Problems, w.problemHas)
		}
	}
	if w.pathSuffix != "" && !strings.HasSuffix(d.Path, w.pathSuffix) {
		t.Errorf("Path = %q, want it to end with %q", d.Path, w.pathSuffix)
	}
	if w.quotes && len(d.Quotes) == 0 {
		t.Errorf("no quotation found in %q", d.Body)
	}
	if w.dateNotSet != "" && d.HasDate() {
		t.Errorf("Date = %s, want none (%s)", d.DateString(), w.dateNotSet)
	}
}

// writeFiles creates files (slash-separated names, folders made as needed)
// under dir.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// loadDir loads paths and indexes the documents by their path relative to
// dir (slash-separated).
func loadDir(t *testing.T, dir string, paths ...string) (map[string]*model.Document, *model.Corpus) {
	t.Helper()
	c, err := model.Load(context.Background(), paths, model.LoadOptions{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	byRel := map[string]*model.Document{}
	for _, d := range c.Docs {
		rel, err := filepath.Rel(dir, d.Path)
		if err != nil {
			t.Fatal(err)
		}
		byRel[filepath.ToSlash(rel)] = d
	}
	return byRel, c
}

func keysOf(m map[string]*model.Document) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// A paragraph long enough (over 100 bytes) to count as a paragraph on one
// line, and some plain sentences.
const (
	longLine1 = "The council met on a cold morning to weigh the plan for the river, and every member spoke at length about the cost of the new bridge."
	longLine2 = "Farmers from the valley asked for more time to harvest before the works began, since the fields by the water flood every other spring."
	longLine3 = "The mayor promised an answer within a month and thanked the engineers who had drawn three designs, each cheaper than the one before."
	longLine4 = "A final vote is due in the autumn, after the public has seen the drawings in the library and written its comments in the open register."
	sentences = "The committee met on Tuesday. It agreed to publish its report next week."
)
