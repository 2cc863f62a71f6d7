package tui

// Abuse tests: every mode at every terminal size, a resize storm while
// renders are in flight, and random keys while documents stream in. They
// check behaviour (nothing panics, the frame fits the terminal, only
// allowed escape sequences reach it, the panes stay consistent), not
// timing.

import (
	"flag"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"rostrum/internal/termcheck"
	"rostrum/model"
)

var mashSeed = flag.Int64("mashseed", 0, "seed for TestKeysMashedDuringLoading and TestResizeStormWhileRendering (0: the fixed default seeds)")

// abuseSizes are the terminal sizes every mode is drawn at.
var abuseSizes = [][2]int{{1, 1}, {2, 2}, {3, 1}, {10, 3}, {20, 5}, {40, 10}, {80, 24}, {120, 40}, {200, 60}, {400, 120}}

// longSpeech is a plain-text speech of n paragraphs, long enough for the
// reader to paint its start first, with a quote in every paragraph and a
// few wide characters.
func longSpeech(n int) string {
	var b strings.Builder
	b.WriteString("The Minister’s Long Address to the Assembly on Grain, Water Rights and the Harvest of the Year\n\n")
	for i := range n {
		fmt.Fprintf(&b, "“We will act,” the minister said. Paragraph %d deals with grain, water rights and the harvest, and she promised that “nobody will be left behind this year.”", i)
		if i%25 == 7 {
			b.WriteString(" Delegates from 中华人民共和国 and 日本国 applauded 🇰🇿👍🏽.")
		}
		b.WriteString("\n\n")
	}
	b.WriteString("The very last paragraph closes the speech.")
	return b.String()
}

// linkMarkdown is a Markdown document with links, which Glamour renders
// as OSC 8 hyperlinks.
const linkMarkdown = "# Linked Notes on the Summit\n\n" +
	"See the [ministry's statement](https://example.org/ministry/statement) and " +
	"<https://example.com/a/very/long/path/that/needs/cutting/in/a/narrow/pane/for/sure> for the full text.\n\n" +
	"“We will act,” the minister said, pointing to [the plan](https://example.net/plan).\n\n" +
	"- first point with a [link](https://example.org/one)\n- second point\n"

// quotedLinksMarkdown is a Markdown quote holding links, which wrap to
// the start of a line at some widths.
const quotedLinksMarkdown = "# Notes\n\n" +
	"“We will act on every single point of the plan, see [the annex](https://example.net/annex) and " +
	"[the second annex](https://example.net/annex2) and [the third](https://example.net/annex3) and more,” the speaker said.\n"

// parseDoc parses text as a document at path (its extension picks the
// format).
func parseDoc(t testing.TB, path, text string) *model.Document {
	t.Helper()
	d, err := model.ParseText(path, text)
	if err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	return d
}

// newDocHarness is newHarness for documents already parsed.
func newDocHarness(t *testing.T, docs []*model.Document, problems []model.Problem) *harness {
	t.Helper()
	return harnessFor(t, New(model.NewCorpus(docs, problems), Options{Theme: ThemeDark, ExportDir: t.TempDir()}))
}

// abuseProblems are files that could not be read, with long and wide
// names, for the problems screen.
func abuseProblems() []model.Problem {
	return []model.Problem{
		{Path: "corpus/2025/09/" + strings.Repeat("very-long-directory-name/", 8) + "speech.txt", Reason: "invalid UTF-8 at byte 1234567 and a reason that goes on for a while"},
		{Path: "报告/非常长的文件名称与更多的中文字符.txt", Reason: "二进制文件 🚫"},
		{Path: "x.bin", Reason: "binary"},
	}
}

// escapeStats counts the escape sequences checkFrame has accepted.
type escapeStats struct{ sgr, osc8 int }

// checkFrame reports how a frame breaks a w x h terminal: too many lines,
// a line too wide, a tab (which would move the cursor past the pane's
// cells), or anything termcheck does not allow (only SGR and OSC 8
// hyperlinks closed on the line that opens them, the sequences the app
// draws, from its styles and Glamour).
func checkFrame(view string, w, h int, st *escapeStats) error {
	if view == "" {
		return nil
	}
	ls := strings.Split(view, "\n")
	if len(ls) > h {
		return fmt.Errorf("%d lines, want at most %d", len(ls), h)
	}
	for i, l := range ls {
		if lw := ansi.StringWidth(l); lw > w {
			return fmt.Errorf("line %d is %d cells wide, want at most %d: %q", i, lw, w, ansi.Strip(l))
		}
		if j := strings.IndexByte(l, '\t'); j >= 0 {
			return fmt.Errorf("tab in line %d at byte %d: %q", i, j, ansi.Strip(l))
		}
	}
	if err := termcheck.Check(view); err != nil {
		return err
	}
	if st != nil { // every CSI is SGR and every OSC is OSC 8, as checked
		st.sgr += strings.Count(view, "\x1b[")
		st.osc8 += strings.Count(view, "\x1b]")
	}
	return nil
}

// catchPanic turns a panic into a test failure that says where it
// happened. Use it as `defer catchPanic(t, func() string { ... })`.
func catchPanic(t *testing.T, where func() string) {
	if r := recover(); r != nil {
		t.Fatalf("panic at %s: %v\n%s", where(), r, debug.Stack())
	}
}

// seeds are the seeds a randomised test runs with: -mashseed, or defaults.
func seeds(defaults ...int64) []int64 {
	if *mashSeed != 0 {
		return []int64{*mashSeed}
	}
	return defaults
}
