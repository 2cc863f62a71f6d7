package topics_test

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
	"unicode/utf8"

	"rostrum/model"
	"rostrum/model/topics"
)

// Regression floors of the evaluation: the measured values less about
// 0.02, rounded down. The test fails only below them. The targets are
// higher (issue 4, TOPICS.md "Measuring"): BBC accuracy ≥ 0.90 and
// coverage ≥ 0.90 on the speech and news corpora; raise a floor when the
// lexicon improves, never lower it to let a change through.
const (
	floorBBCAccuracy     = 0.91 // measured 0.933; target 0.90
	floorBBCCoverage     = 0.97 // measured 0.998; target 0.90
	floorUNCoverage      = 0.98 // measured 1.000; target 0.90
	floorSpeechCoverage  = 0.93 // measured 0.955; target 0.90
	floorReutersMicroF1  = 0.58 // measured 0.600; a second check, no target
	bbcConfusionExamples = 20   // shown with -v
)

// bbcClass maps the IPTC top levels onto the BBC News classes.
var bbcClass = map[string]string{
	"medtop:04000000": "business",      // economy, business and finance
	"medtop:01000000": "entertainment", // arts, culture, entertainment and media
	"medtop:11000000": "politics",      // politics and government
	"medtop:15000000": "sport",         // sport
	"medtop:13000000": "tech",          // science and technology
}

var bbcClasses = []string{"business", "entertainment", "politics", "sport", "tech"}

// corpora is the folder of evaluation corpora, or skips the test.
func corpora(tb testing.TB) string {
	root := os.Getenv("ROSTRUM_CORPORA")
	if root == "" {
		tb.Skip("set ROSTRUM_CORPORA to the corpora folder (e.g. ../shared/corpora) to run the topic evaluation")
	}
	return root
}

// need fails the test when a corpus folder is missing: Load would only
// report it as a problem.
func need(tb testing.TB, dirs ...string) {
	tb.Helper()
	for _, d := range dirs {
		if info, err := os.Stat(d); err != nil || !info.IsDir() {
			tb.Fatalf("corpus folder %s is missing (ROSTRUM_CORPORA=%s)", d, os.Getenv("ROSTRUM_CORPORA"))
		}
	}
}

func bbcDirs(root string) []string {
	var dirs []string
	for _, c := range bbcClasses {
		dirs = append(dirs, filepath.Join(root, "bbc-news", "bbc", c))
	}
	return dirs
}

// under reports whether a document was read from below dir.
func under(d *model.Document, dir string) bool {
	return strings.HasPrefix(d.File, dir+string(filepath.Separator))
}

// firstMapped is the BBC class of a document's first-ranked tag that maps
// to one, or "".
func firstMapped(tags []topics.Tag) string {
	for _, t := range tags {
		if c, ok := bbcClass[t.Top]; ok {
			return c
		}
	}
	return ""
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// table writes rows aligned in columns.
func table(rows [][]string) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range rows {
		fmt.Fprintln(w, strings.Join(r, "\t")+"\t")
	}
	w.Flush()
	return b.String()
}

func TestTopicEvaluation(t *testing.T) {
	root := corpora(t)
	un := filepath.Join(root, "un-general-debates", "TXT")
	speeches := filepath.Join(root, "us-presidential-speeches", "data")
	bbc := bbcDirs(root)
	paths := append(slices.Clone(bbc), un, speeches)
	need(t, paths...)

	// The three corpora in one Load, so all cores are busy throughout.
	c, err := model.Load(context.Background(), paths, model.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Problems {
		t.Logf("load problem: %s", p)
	}

	// Reuters is parsed and scored here meanwhile.
	var (
		reuters    reutersResult
		reutersErr error
		wg         sync.WaitGroup
	)
	wg.Go(func() { reuters, reutersErr = evalReuters(filepath.Join(root, "reuters-21578")) })

	t.Run("bbc", func(t *testing.T) { evalBBC(t, root, c.Docs) })

	t.Run("coverage", func(t *testing.T) {
		corpora := []struct {
			name  string
			dirs  []string
			floor float64
		}{
			{"bbc-news", bbc, floorBBCCoverage},
			{"un-general-debates", []string{un}, floorUNCoverage},
			{"us-presidential-speeches", []string{speeches}, floorSpeechCoverage},
		}
		rows := [][]string{{"corpus", "docs", "tagged", "coverage", "mean tags", "floor"}}
		for _, k := range corpora {
			docs, tagged, tags := 0, 0, 0
			for _, d := range c.Docs {
				if !slices.ContainsFunc(k.dirs, func(dir string) bool { return under(d, dir) }) {
					continue
				}
				docs++
				tags += len(d.Topics)
				if len(d.Topics) > 0 {
					tagged++
				}
			}
			cov := ratio(tagged, docs)
			rows = append(rows, []string{k.name, fmt.Sprint(docs), fmt.Sprint(tagged),
				fmt.Sprintf("%.3f", cov), fmt.Sprintf("%.2f", ratio(tags, docs)), fmt.Sprintf("%.2f", k.floor)})
			if docs == 0 {
				t.Errorf("%s: no documents loaded", k.name)
			} else if cov < k.floor {
				t.Errorf("%s: coverage %.3f is below the floor %.2f (target 0.90)", k.name, cov, k.floor)
			}
		}
		t.Logf("coverage: share of documents with at least one topic (target ≥ 0.90)\n%s", table(rows))
	})

	wg.Wait()
	t.Run("reuters", func(t *testing.T) {
		if reutersErr != nil {
			t.Skipf("Reuters-21578 not evaluated: %v", reutersErr)
		}
		reuters.report(t)
	})
}

// evalBBC reports the accuracy of the first mapped tag against the BBC
// News classes.
func evalBBC(t *testing.T, root string, docs []*model.Document) {
	type miss struct {
		file, gold, pred string
		tags             []topics.Tag
	}
	var (
		n, right, strict, none int
		support                = map[string]int{}
		predicted              = map[string]int{}
		correct                = map[string]int{}
		confusion              = map[[2]string]int{}
		misses                 = map[[2]string][]miss{}
	)
	for _, d := range docs {
		gold := filepath.Base(filepath.Dir(d.File))
		if !slices.Contains(bbcClasses, gold) || !under(d, filepath.Join(root, "bbc-news", "bbc", gold)) {
			continue
		}
		n++
		support[gold]++
		pred := firstMapped(d.Topics)
		if len(d.Topics) > 0 && bbcClass[d.Topics[0].Top] == gold {
			strict++
		}
		if pred == "" {
			none++
		} else {
			predicted[pred]++
		}
		if pred == gold {
			right++
			correct[gold]++
			continue
		}
		shown := pred
		if shown == "" {
			shown = "(none)"
		}
		key := [2]string{gold, shown}
		confusion[key]++
		rel, _ := filepath.Rel(root, d.File)
		misses[key] = append(misses[key], miss{rel, gold, shown, d.Topics})
	}
	if n == 0 {
		t.Fatal("no BBC News documents loaded")
	}
	acc := ratio(right, n)

	rows := [][]string{{"class", "support", "predicted", "correct", "precision", "recall", "F1"}}
	for _, c := range bbcClasses {
		p, r := ratio(correct[c], predicted[c]), ratio(correct[c], support[c])
		rows = append(rows, []string{c, fmt.Sprint(support[c]), fmt.Sprint(predicted[c]), fmt.Sprint(correct[c]),
			fmt.Sprintf("%.3f", p), fmt.Sprintf("%.3f", r), fmt.Sprintf("%.3f", f1(p, r))})
	}
	rows = append(rows, []string{"(none)", "", fmt.Sprint(none), "", "", "", ""})
	rows = append(rows, []string{"all", fmt.Sprint(n), fmt.Sprint(n - none), fmt.Sprint(right), "", fmt.Sprintf("%.3f", acc), ""})
	t.Logf("BBC News: first-ranked tag that maps to a class (target accuracy ≥ 0.90, floor %.2f)\n%s", floorBBCAccuracy, table(rows))
	t.Logf("accuracy %.3f (%d/%d); %d documents had no tag that maps to a class; "+
		"first tag only (stricter): %.3f (%d/%d)", acc, right, n, none, ratio(strict, n), strict, n)

	// Confusion matrix: rows are the gold classes, columns the predictions.
	cols := append(slices.Clone(bbcClasses), "(none)")
	rows = [][]string{append([]string{"gold \\ predicted"}, cols...)}
	for _, g := range bbcClasses {
		row := []string{g}
		for _, p := range cols {
			if p == g {
				row = append(row, fmt.Sprint(correct[g]))
			} else {
				row = append(row, fmt.Sprint(confusion[[2]string{g, p}]))
			}
		}
		rows = append(rows, row)
	}
	t.Logf("confusion matrix\n%s", table(rows))

	if acc < floorBBCAccuracy {
		t.Errorf("BBC accuracy %.3f is below the floor %.2f (target 0.90)", acc, floorBBCAccuracy)
	}

	if !testing.Verbose() || len(misses) == 0 {
		return
	}
	// Examples, taken in turn from the most frequent confusions down.
	keys := make([][2]string, 0, len(misses))
	for k, ms := range misses {
		keys = append(keys, k)
		sort.Slice(ms, func(i, j int) bool { return ms[i].file < ms[j].file })
	}
	sort.Slice(keys, func(i, j int) bool {
		if confusion[keys[i]] != confusion[keys[j]] {
			return confusion[keys[i]] > confusion[keys[j]]
		}
		return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1]
	})
	rows = [][]string{{"file", "gold", "predicted", "first tags (score: terms)"}}
	for i := 0; len(rows) <= bbcConfusionExamples; i++ {
		added := false
		for _, k := range keys {
			if i < len(misses[k]) && len(rows) <= bbcConfusionExamples {
				m := misses[k][i]
				rows = append(rows, []string{m.file, m.gold, m.pred, describeTags(m.tags, 3)})
				added = true
			}
		}
		if !added {
			break
		}
	}
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(w, strings.Join(r, "\t"))
	}
	w.Flush()
	t.Logf("BBC confusions (up to %d, most frequent patterns first)\n%s", bbcConfusionExamples, b.String())
}

// describeTags shows up to n tags as "id 12.3 (term, term, term)".
func describeTags(tags []topics.Tag, n int) string {
	if len(tags) == 0 {
		return "(no tags)"
	}
	var parts []string
	for _, t := range tags[:min(n, len(tags))] {
		parts = append(parts, fmt.Sprintf("%s %.1f (%s)", t.ID, t.Score, strings.Join(t.Terms[:min(3, len(t.Terms))], ", ")))
	}
	return strings.Join(parts, "; ")
}

// reutersTopic maps Reuters-21578 categories onto Rostrum topic IDs where
// the correspondence is plain; the others are left out of the check.
var reutersTopic = map[string]string{
	"trade": "trade",
	"ship":  "transport",
	"jobs":  "labour",

	"crude": "energy", "nat-gas": "energy", "fuel": "energy", "gas": "energy", "heat": "energy",
	"propane": "energy", "jet": "energy", "naphtha": "energy",

	"money-fx": "finance", "interest": "finance", "money-supply": "finance", "reserves": "finance",
	"dlr": "finance", "yen": "finance", "dmk": "finance", "stg": "finance", "austdlr": "finance",
	"bfr": "finance", "can": "finance", "cruzado": "finance", "dfl": "finance", "dkr": "finance",
	"drachma": "finance", "escudo": "finance", "ffr": "finance", "hk": "finance", "lit": "finance",
	"mexpeso": "finance", "nkr": "finance", "nzdlr": "finance", "peseta": "finance", "rand": "finance",
	"ringgit": "finance", "rupiah": "finance", "saudriyal": "finance", "sfr": "finance",
	"singdlr": "finance", "skr": "finance",

	"grain": "agriculture", "wheat": "agriculture", "corn": "agriculture", "barley": "agriculture",
	"oat": "agriculture", "rye": "agriculture", "sorghum": "agriculture", "rice": "agriculture",
	"sugar": "agriculture", "coffee": "agriculture", "cocoa": "agriculture", "tea": "agriculture",
	"veg-oil": "agriculture", "oilseed": "agriculture", "soybean": "agriculture", "soy-meal": "agriculture",
	"soy-oil": "agriculture", "palm-oil": "agriculture", "rapeseed": "agriculture", "sunseed": "agriculture",
	"livestock": "agriculture", "l-cattle": "agriculture", "hog": "agriculture", "carcass": "agriculture",
	"cotton": "agriculture", "orange": "agriculture", "potato": "agriculture", "meal-feed": "agriculture",
	"groundnut": "agriculture", "copra-cake": "agriculture",

	"earn": "business", "acq": "business",

	"gnp": "economy", "cpi": "economy", "wpi": "economy", "ipi": "economy", "bop": "economy",
	"retail": "economy", "income": "economy", "lei": "economy", "instal-debt": "economy",
	"inventories": "economy", "housing": "economy",
}

// story is one Reuters-21578 story: its text and gold categories.
type story struct {
	id          string
	title, body string
	leadEnd     int
	gold        []string
}

var (
	sgmTag    = regexp.MustCompile(`<[^>]*>`)
	sgmCharRe = regexp.MustCompile(`&#\d+;`)
	sgmD      = regexp.MustCompile(`<D>([^<]*)</D>`)
	sgmNewID  = regexp.MustCompile(`NEWID="(\d+)"`)
)

// between is the text between the first open and the next close after it.
func between(s, open, close string) (string, bool) {
	i := strings.Index(s, open)
	if i < 0 {
		return "", false
	}
	s = s[i+len(open):]
	j := strings.Index(s, close)
	if j < 0 {
		return "", false
	}
	return s[:j], true
}

// sgmText turns SGML character data into plain text: numeric references
// (control characters) go, entities such as &lt; are resolved.
func sgmText(s string) string {
	return strings.TrimSpace(html.UnescapeString(sgmCharRe.ReplaceAllString(s, "")))
}

// parseSGM splits one Reuters-21578 file into stories. The files are ASCII
// with a stray Latin-1 byte, so invalid UTF-8 is read as Latin-1.
func parseSGM(raw []byte) []story {
	text := string(raw)
	if !utf8.Valid(raw) {
		rs := make([]rune, len(raw))
		for i, b := range raw {
			rs[i] = rune(b)
		}
		text = string(rs)
	}
	var out []story
	for {
		i := strings.Index(text, "<REUTERS")
		if i < 0 {
			break
		}
		j := strings.Index(text[i:], "</REUTERS>")
		if j < 0 {
			break
		}
		s := text[i : i+j]
		text = text[i+j+len("</REUTERS>"):]

		var st story
		if m := sgmNewID.FindStringSubmatch(s); m != nil {
			st.id = m[1]
		}
		if ts, ok := between(s, "<TOPICS>", "</TOPICS>"); ok {
			for _, m := range sgmD.FindAllStringSubmatch(ts, -1) {
				st.gold = append(st.gold, m[1])
			}
		}
		if title, ok := between(s, "<TITLE>", "</TITLE>"); ok {
			st.title = sgmText(strings.TrimLeft(title, "*"))
		}
		body, ok := between(s, "<BODY>", "</BODY>")
		if !ok { // TYPE="UNPROC": the text without markup
			text, _ := between(s, "<TEXT", "</TEXT>")
			body = sgmTag.ReplaceAllString(text[strings.Index(text, ">")+1:], "")
		}
		body = sgmText(body)
		body = strings.TrimSpace(strings.TrimSuffix(body, "Reuter"))
		if body == "Blah blah blah." { // TYPE="BRIEF": headline only
			body = ""
		}
		st.body = body
		// Paragraphs open with four spaces; the lead is the first one.
		st.leadEnd = min(300, len(body))
		if k := strings.Index(body, "\n    "); k >= 0 {
			st.leadEnd = k
		}
		out = append(out, st)
	}
	return out
}

// reutersResult is the micro-averaged agreement of the mapped tags with
// the mapped gold categories.
type reutersResult struct {
	files, stories, evaluated int
	tp, fp, fn                map[string]int // by Rostrum topic ID
}

func evalReuters(dir string) (reutersResult, error) {
	r := reutersResult{tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.sgm"))
	if err != nil {
		return r, err
	}
	if len(files) == 0 {
		return r, fmt.Errorf("no .sgm files in %s", dir)
	}
	lx, err := topics.Builtin()
	if err != nil {
		return r, err
	}
	mapped := map[string]bool{}
	for _, id := range reutersTopic {
		mapped[id] = true
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return r, err
		}
		r.files++
		for _, st := range parseSGM(raw) {
			r.stories++
			gold := map[string]bool{}
			for _, g := range st.gold {
				if id, ok := reutersTopic[g]; ok {
					gold[id] = true
				}
			}
			if len(gold) == 0 {
				continue
			}
			r.evaluated++
			tags, _ := lx.Score(topics.Input{Title: st.title, Body: st.body, LeadEnd: st.leadEnd})
			got := map[string]bool{}
			for _, t := range tags {
				if mapped[t.ID] {
					got[t.ID] = true
				}
			}
			for id := range got {
				if gold[id] {
					r.tp[id]++
				} else {
					r.fp[id]++
				}
			}
			for id := range gold {
				if !got[id] {
					r.fn[id]++
				}
			}
		}
	}
	return r, nil
}

func (r reutersResult) report(t *testing.T) {
	ids := map[string]bool{}
	for _, id := range reutersTopic {
		ids[id] = true
	}
	sorted := slices.Sorted(func(yield func(string) bool) {
		for id := range ids {
			if !yield(id) {
				return
			}
		}
	})
	var tp, fp, fn int
	rows := [][]string{{"topic", "gold", "tagged", "TP", "precision", "recall", "F1"}}
	for _, id := range sorted {
		tp, fp, fn = tp+r.tp[id], fp+r.fp[id], fn+r.fn[id]
		p, rc := ratio(r.tp[id], r.tp[id]+r.fp[id]), ratio(r.tp[id], r.tp[id]+r.fn[id])
		rows = append(rows, []string{id, fmt.Sprint(r.tp[id] + r.fn[id]), fmt.Sprint(r.tp[id] + r.fp[id]), fmt.Sprint(r.tp[id]),
			fmt.Sprintf("%.3f", p), fmt.Sprintf("%.3f", rc), fmt.Sprintf("%.3f", f1(p, rc))})
	}
	p, rc := ratio(tp, tp+fp), ratio(tp, tp+fn)
	microF1 := f1(p, rc)
	rows = append(rows, []string{"micro", fmt.Sprint(tp + fn), fmt.Sprint(tp + fp), fmt.Sprint(tp),
		fmt.Sprintf("%.3f", p), fmt.Sprintf("%.3f", rc), fmt.Sprintf("%.3f", microF1)})
	t.Logf("Reuters-21578: %d files, %d stories, %d with a mapped category; tags within the mapped topics (floor F1 %.2f)\n%s",
		r.files, r.stories, r.evaluated, floorReutersMicroF1, table(rows))
	if r.evaluated == 0 {
		t.Fatal("no Reuters story with a mapped category")
	}
	if microF1 < floorReutersMicroF1 {
		t.Errorf("Reuters micro-F1 %.3f is below the floor %.2f", microF1, floorReutersMicroF1)
	}
}

// BenchmarkTagCorpus scores every BBC News document, loaded beforehand, as
// the loader does (title, lead, body).
func BenchmarkTagCorpus(b *testing.B) {
	root := corpora(b)
	dirs := bbcDirs(root)
	need(b, dirs...)
	c, err := model.Load(context.Background(), dirs, model.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	lx, err := topics.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	inputs := make([]topics.Input, len(c.Docs))
	var size int64
	for i, d := range c.Docs {
		lead := 0
		if len(d.Paragraphs) > 0 {
			lead = len(d.Paragraphs[0])
		}
		inputs[i] = topics.Input{Title: d.Title, Body: d.Body, LeadEnd: lead}
		size += int64(len(d.Title) + len(d.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			lx.Score(in)
		}
	}
	b.ReportMetric(float64(len(inputs)), "docs/op")
}
