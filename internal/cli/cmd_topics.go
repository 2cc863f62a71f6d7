package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"rostrum/model"
	"rostrum/model/topics"
)

// TopicsCmd counts topic tags, or explains why a document got its tags.
type TopicsCmd struct {
	Paths   []string
	Format  string
	Explain string
}

func newTopicsCmd(s *session) *cobra.Command {
	c := &TopicsCmd{}
	const short = "Count the topic tags of the documents, or explain one document's tags."
	cmd := pathsCmd(s, "topics", short, short+"\n\n"+pathsHelp, &c.Paths, c.Run)
	addEnum(cmd, &c.Format, "format", "f", "Output format: text or json.", "text", "json")
	cmd.Flags().StringVar(&c.Explain, "explain", "", "Show why the document with this ID got each of its tags.")
	noValueCompletion(cmd, "explain")
	nameValue(cmd, "explain", "ID")
	return cmd
}

// topicEntry is one topic in `topics --format json`.
type topicEntry struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	IPTC     string `json:"iptc"`
	IPTCName string `json:"iptc_label"`
	Top      string `json:"top"`
	TopLabel string `json:"top_label"`
	Count    int    `json:"count"`
}

// Run prints the counts or the explanation.
func (c *TopicsCmd) Run(s *session) error {
	corpus, lx, err := loadTagged(c.Paths, s)
	if err != nil {
		return err
	}
	if c.Explain != "" {
		d, err := corpus.Find(c.Explain)
		if err != nil {
			return err
		}
		return explain(s, d, c.Format)
	}
	all := make([]int, corpus.Len())
	for i := range all {
		all[i] = i
	}
	counts := map[string]int{}
	for _, n := range corpus.TopicCounts(all) {
		counts[n.ID] = n.Count
	}
	entries := topicEntries(lx, counts)
	if c.Format == "json" {
		err = writeJSON(s, entries)
	} else {
		err = writeText(s, func(w io.Writer) error { return writeTopicsText(w, entries) })
	}
	reportProblems(s, corpus.Problems)
	return err
}

// topicEntries lists every topic of the lexicon with its count, most
// frequent first, then in lexicon order.
func topicEntries(lx *topics.Lexicon, counts map[string]int) []topicEntry {
	out := make([]topicEntry, 0, len(lx.Topics))
	for _, t := range lx.Topics {
		e := topicEntry{ID: t.ID, Label: t.Label, IPTC: t.IPTC, Top: t.Top, TopLabel: t.TopLabel, Count: counts[t.ID]}
		if c, ok := topics.IPTC().Lookup(t.IPTC); ok {
			e.IPTCName = c.Label
		}
		out = append(out, e)
	}
	for i := 1; i < len(out); i++ { // stable insertion sort by count
		for j := i; j > 0 && out[j].Count > out[j-1].Count; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// writeTopicsText writes the topics as columns; the names come from the
// topics file, so each is made one clean line.
func writeTopicsText(w io.Writer, entries []topicEntry) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COUNT\tTAG\tLABEL\tIPTC\tIPTC TOP LEVEL")
	for _, e := range entries {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s (%s)\t%s\n", e.Count, model.OneLine(e.ID), model.OneLine(e.Label), model.OneLine(e.IPTC),
			model.OneLine(e.IPTCName), model.OneLine(e.TopLabel))
	}
	return tw.Flush()
}

// explain prints a document's tags with their scores and the words that
// matched, and its facets.
func explain(s *session, d *model.Document, format string) error {
	if format == "json" {
		return writeJSON(s, struct {
			ID       string       `json:"id"`
			Title    string       `json:"title"`
			Topics   []topicJSON  `json:"topics"`
			Entities entitiesJSON `json:"entities"`
			Source   *string      `json:"source"`
		}{d.ID, d.Title, topicsJSON(d), entitiesOf(d), nullable(d.Source)})
	}
	return writeText(s, func(w io.Writer) error {
		fmt.Fprintf(w, "%s  %s\n\n", model.OneLine(d.ID), model.OneLine(d.Title))
		if len(d.Topics) == 0 {
			fmt.Fprintln(w, "No topic reached the threshold.")
		}
		for i, t := range d.Topics {
			fmt.Fprintf(w, "%d. %s (%s, %s; IPTC top level: %s)  score %.2f\n   matched: %s\n",
				i+1, model.OneLine(t.Label), model.OneLine(t.ID), model.OneLine(t.IPTC), model.OneLine(t.TopLabel), t.Score, model.OneLine(strings.Join(t.Terms, ", ")))
		}
		e := entitiesOf(d)
		_, err := fmt.Fprintf(w, "\nPeople: %s\nOrganisations: %s\nPlaces: %s\nSource: %s\n",
			dash(model.OneLine(strings.Join(e.People, ", "))), dash(model.OneLine(strings.Join(e.Organisations, ", "))),
			dash(model.OneLine(strings.Join(e.Places, ", "))), dash(model.OneLine(d.Source)))
		return err
	})
}
