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

// ListCmd prints the documents of a corpus.
type ListCmd struct {
	Paths    []string
	Format   string
	Problems bool
	TopicFilter
}

// pathsHelp describes the PATH arguments of the commands that load.
const pathsHelp = "PATHs are files or folders to read; - reads standard input. Default: the embedded seeds."

// pathsCmd is the command name, which takes any number of PATHs: it puts
// them in *paths and calls run. long is the help beyond short ("" for
// none).
func pathsCmd(s *session, name, short, long string, paths *[]string, run func(*session) error) *cobra.Command {
	return &cobra.Command{
		Use:   name + " [path...]",
		Short: short,
		Long:  long,
		Args:  cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			*paths = args
			return run(s)
		},
	}
}

func newListCmd(s *session) *cobra.Command {
	l := &ListCmd{}
	cmd := pathsCmd(s, "list", "List documents: id, date, place or source, title.",
		"List documents: id, date, place or source, speaker, quotes, topics, title.\n\n"+pathsHelp, &l.Paths, l.Run)
	addEnum(cmd, &l.Format, "format", "f", "Output format: text (aligned columns) or json (one array).", "text", "json")
	cmd.Flags().BoolVar(&l.Problems, "problems", false, "List the files that could not be read, with why, instead of the documents.")
	l.TopicFilter.flags(cmd)
	return cmd
}

// TopicFilter is the --topic and --any flags shared by the commands that
// list documents or quotes.
type TopicFilter struct {
	Topic []string
	Any   bool
}

// flags declares --topic and --any on cmd.
func (f *TopicFilter) flags(cmd *cobra.Command) {
	cmd.Flags().StringSliceVar(&f.Topic, "topic", nil, "Only documents with topic T (tag ID or label; repeatable: all of them must match).")
	noValueCompletion(cmd, "topic")
	nameValue(cmd, "topic", "T")
	cmd.Flags().BoolVar(&f.Any, "any", false, "With several --topic flags, documents with any of them.")
}

// docs returns the documents of c that pass the topic filter, checking the
// names against the lexicon.
func (f TopicFilter) docs(c *model.Corpus, lx *topics.Lexicon) ([]*model.Document, error) {
	q := model.Query{AnyOf: f.Any}
	for _, name := range f.Topic {
		t, ok := lx.Topic(name)
		if !ok {
			return nil, fmt.Errorf("unknown topic %q (rostrum topics lists them)", name)
		}
		q.Topics = append(q.Topics, t.ID)
	}
	var out []*model.Document
	for _, i := range c.Query(q) {
		out = append(out, c.Docs[i])
	}
	return out, nil
}

// listEntry is one document in `list --format json`. Unknown values are
// null, never an empty string, so scripts can test for them.
type listEntry struct {
	ID string `json:"id"`
	pathJSON
	Format   string       `json:"format"`
	Title    string       `json:"title"`
	Date     *string      `json:"date"`
	Year     *int         `json:"year,omitempty"` // when only the year is known (date is then null)
	Place    *string      `json:"place"`
	Source   *string      `json:"source"`
	Speaker  *string      `json:"speaker"`
	Words    int          `json:"words"`
	Quotes   int          `json:"quotes"`
	Topics   []topicJSON  `json:"topics"`
	Entities entitiesJSON `json:"entities"`
	Problems []string     `json:"problems"`
}

// Run prints the list; files that could not be read are reported on
// standard error after it.
func (l *ListCmd) Run(s *session) error {
	c, lx, err := loadTagged(l.Paths, s)
	if err != nil {
		return err
	}
	if l.Problems {
		return writeProblems(s, append(c.Problems, c.Notes()...), l.Format)
	}
	docs, err := l.docs(c, lx)
	if err != nil {
		return err
	}
	if l.Format == "json" {
		err = writeListJSON(s, docs)
	} else {
		err = writeText(s, func(w io.Writer) error { return writeListText(w, docs) })
	}
	if err != nil {
		return fmt.Errorf("writing the list: %w", err)
	}
	reportProblems(s, c.Problems)
	return nil
}

func writeListJSON(s *session, docs []*model.Document) error {
	entries := make([]listEntry, 0, len(docs))
	for _, d := range docs {
		entries = append(entries, listEntry{
			ID: d.ID, pathJSON: docPath(d), Format: string(d.Format), Title: d.Title,
			Date: jsonDate(d), Year: jsonYear(d), Place: nullable(d.Place),
			Source: nullable(d.Source), Speaker: nullable(d.Speaker),
			Words: d.Words, Quotes: len(d.Quotes), Topics: topicsJSON(d), Entities: entitiesOf(d),
			Problems: append([]string{}, d.Problems...),
		})
	}
	return writeJSON(s, entries)
}

func writeListText(w io.Writer, docs []*model.Document) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tPLACE/SOURCE\tSPEAKER\tQUOTES\tTOPICS\tTITLE")
	for _, d := range docs {
		where := d.Place
		if where == "" {
			where = d.Source
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", model.OneLine(d.ID), dash(d.DateString()), dash(model.OneLine(where)),
			dash(model.OneLine(d.Speaker)), len(d.Quotes), dash(model.OneLine(topicIDs(d))), model.OneLine(d.Title))
	}
	return tw.Flush()
}

// jsonDate is the date as YYYY-MM-DD, or null when unknown or only the
// year is known.
func jsonDate(d *model.Document) *string {
	if d.YearOnly {
		return nil
	}
	return nullable(d.DateString())
}

// jsonYear is the year when only the year is known.
func jsonYear(d *model.Document) *int {
	if !d.YearOnly {
		return nil
	}
	y := d.Date.Year()
	return &y
}

// topicIDs lists a document's topic IDs, comma-separated.
func topicIDs(d *model.Document) string {
	ids := make([]string, 0, len(d.Topics))
	for _, t := range d.Topics {
		ids = append(ids, t.ID)
	}
	return strings.Join(ids, ",")
}

// nullable maps "" to a JSON null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// dash stands in for an unknown value in text output.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// topicJSON is one ranked topic of a document in JSON output.
type topicJSON struct {
	ID    string   `json:"id"`
	Label string   `json:"label"`
	IPTC  string   `json:"iptc"`
	Top   string   `json:"top"`
	Score float64  `json:"score"`
	Terms []string `json:"terms"`
}

// entitiesJSON are a document's entity facets in JSON output.
type entitiesJSON struct {
	People        []string `json:"people"`
	Organisations []string `json:"organisations"`
	Places        []string `json:"places"`
}

func topicsJSON(d *model.Document) []topicJSON {
	out := make([]topicJSON, 0, len(d.Topics))
	for _, t := range d.Topics {
		out = append(out, topicJSON{ID: t.ID, Label: t.Label, IPTC: t.IPTC, Top: t.Top, Score: t.Score, Terms: append([]string{}, t.Terms...)})
	}
	return out
}

func entitiesOf(d *model.Document) entitiesJSON {
	f := d.Facets
	return entitiesJSON{
		People:        append([]string{}, f.People...),
		Organisations: append([]string{}, f.Organisations...),
		Places:        append([]string{}, f.Places...),
	}
}

// writeProblems lists the files that could not be read and the notes on
// documents that were: "path: reason" lines (a note ends "(read)"), or a
// JSON array of {path, reason, read}.
func writeProblems(s *session, problems []model.Problem, format string) error {
	if format == "json" {
		type entry struct {
			pathJSON
			Reason string `json:"reason"`
			Read   bool   `json:"read"`
		}
		out := make([]entry, 0, len(problems))
		for _, p := range problems {
			where := pathOf(p.Path, p.Path)
			if p.File != "" {
				where = pathOf(p.File, p.Path)
			}
			out = append(out, entry{where, p.Reason, p.Read})
		}
		return writeJSON(s, out)
	}
	return writeText(s, func(w io.Writer) error {
		for _, p := range problems {
			line := model.OneLine(p.String())
			if p.Read {
				line += " (read)"
			}
			if _, err := fmt.Fprintln(w, line); err != nil {
				return err
			}
		}
		return nil
	})
}
