package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"rostrum/model"
	"rostrum/model/quotes"
)

// QuotesCmd prints the quotations of a corpus with their speakers.
type QuotesCmd struct {
	Paths   []string
	Speaker string
	Format  string
	Starred bool
	TopicFilter
}

func newQuotesCmd(s *session) *cobra.Command {
	c := &QuotesCmd{}
	const short = "List quotations with their speakers (text, json, csv or md)."
	cmd := pathsCmd(s, "quotes", short, short+"\n\n"+pathsHelp, &c.Paths, c.Run)
	cmd.Flags().StringVar(&c.Speaker, "speaker", "", "Only quotes whose speaker's name contains S (any case).")
	noValueCompletion(cmd, "speaker")
	nameValue(cmd, "speaker", "S")
	addEnum(cmd, &c.Format, "format", "f", "Output format: text, json (one array), csv, or md (citations).", "text", "json", "csv", "md")
	cmd.Flags().BoolVar(&c.Starred, "starred", false, "The quotes starred in the reader (s), from the state file, instead of PATHs.")
	c.TopicFilter.flags(cmd)
	return cmd
}

// quoteEntry is one quote in `quotes --format json`. Offsets are bytes
// into the document's normalised body; start and end include the marks.
type quoteEntry struct {
	Doc string `json:"doc"`
	pathJSON
	Title      string  `json:"title"`
	Date       *string `json:"date"`
	Text       string  `json:"text"`
	Speaker    *string `json:"speaker"`
	Mention    *string `json:"mention"`
	Cue        *string `json:"cue"`
	Rule       *string `json:"rule"`
	Confidence float64 `json:"confidence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Paragraph  int     `json:"paragraph"`
	Unclosed   bool    `json:"unclosed"`
	Citation   string  `json:"citation"`
}

// docQuote is a quote with the document it comes from.
type docQuote struct {
	doc *model.Document
	q   *quotes.Span
}

// Run prints the matching quotes.
func (c *QuotesCmd) Run(s *session) error {
	if c.Starred {
		return writeStarred(s, c.Format)
	}
	corpus, lx, err := loadTagged(c.Paths, s)
	if err != nil {
		return err
	}
	docs, err := c.docs(corpus, lx)
	if err != nil {
		return err
	}
	var found []docQuote
	for _, d := range docs {
		for i := range d.Quotes {
			q := &d.Quotes[i]
			if c.Speaker == "" || strings.Contains(strings.ToLower(q.Speaker), strings.ToLower(c.Speaker)) {
				found = append(found, docQuote{d, q})
			}
		}
	}
	switch c.Format {
	case "json":
		err = writeQuotesJSON(s, found)
	case "csv":
		err = writeText(s, func(w io.Writer) error { return writeQuotesCSV(w, found) })
	case "md":
		err = writeText(s, func(w io.Writer) error { return writeQuotesMarkdown(w, found) })
	default:
		err = writeText(s, func(w io.Writer) error { return writeQuotesText(w, found) })
	}
	if err != nil {
		return fmt.Errorf("writing quotes: %w", err)
	}
	reportProblems(s, corpus.Problems)
	return nil
}

func entryOf(dq docQuote) quoteEntry {
	d, q := dq.doc, dq.q
	return quoteEntry{
		Doc: d.ID, pathJSON: docPath(d), Title: d.Title, Date: nullable(d.DateString()),
		Text: d.QuoteText(q), Speaker: nullable(q.Speaker), Mention: nullable(q.Mention),
		Cue: nullable(q.Cue), Rule: nullable(string(q.Rule)), Confidence: q.Confidence,
		Start: q.Outer.Start, End: q.Outer.End, Paragraph: q.Paragraph, Unclosed: q.Unclosed,
		Citation: d.Citation(q),
	}
}

func writeQuotesJSON(s *session, found []docQuote) error {
	out := make([]quoteEntry, 0, len(found))
	for _, dq := range found {
		out = append(out, entryOf(dq))
	}
	return writeJSON(s, out)
}

// writeQuotesCSV writes a header and a row per quote; path is the
// display form, as in the text output.
func writeQuotesCSV(out io.Writer, found []docQuote) error {
	w := newCSV(out)
	w.Row("doc", "path", "date", "speaker", "mention", "rule", "confidence", "start", "end", "paragraph", "text")
	for _, dq := range found {
		e := entryOf(dq)
		w.Row(e.Doc, e.DisplayPath, deref(e.Date), deref(e.Speaker), deref(e.Mention), deref(e.Rule),
			strconv.FormatFloat(e.Confidence, 'f', 2, 64), strconv.Itoa(e.Start), strconv.Itoa(e.End),
			strconv.Itoa(e.Paragraph), e.Text)
	}
	return w.Flush()
}

// writeQuotesMarkdown writes each quote as a block quote with its
// citation, ready to paste into notes.
func writeQuotesMarkdown(w io.Writer, found []docQuote) error {
	for _, dq := range found {
		if _, err := fmt.Fprintf(w, "%s\n\n", model.CitationMarkdown(dq.doc.Citation(dq.q))); err != nil {
			return err
		}
	}
	return nil
}

// writeQuotesText writes a heading line per quote (speaker, document,
// date, rule) and the quote indented below it.
func writeQuotesText(w io.Writer, found []docQuote) error {
	for i, dq := range found {
		d, q := dq.doc, dq.q
		who := model.OneLine(q.Speaker)
		if who == "" {
			who = "(unattributed)"
		}
		head := []string{who, model.OneLine(d.ID)}
		if ds := d.DateString(); ds != "" {
			head = append(head, ds)
		}
		if q.Rule != quotes.RuleNone {
			head = append(head, fmt.Sprintf("%s %.2f", q.Rule, q.Confidence))
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		text := strings.ReplaceAll(model.Sanitize(d.QuoteText(q)), "\n", "\n  ")
		if _, err := fmt.Fprintf(w, "%s\n  “%s”\n", strings.Join(head, " · "), text); err != nil {
			return err
		}
	}
	return nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
